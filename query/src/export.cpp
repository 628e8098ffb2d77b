// export_matches: every match, written as it is fetched.
//
// Date order (the export default) pages by key, not by offset: each step asks for the matches
// on or after the last date written and skips the few already written on that date, so Xapian
// never holds more than one step plus one day's items. Relevance order can only page by offset.

#include <unordered_set>

#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>

#include "hits.hpp"
#include "referat/query/search.hpp"

namespace referat::query {

namespace schema = index::schema;

namespace {

using Sink = std::function<void(const Hit&)>;

// How far an export has got, counting the rows the sink has taken. It lives outside the
// reopen-and-retry loop, so that when an ingest commits mid-export (DatabaseModifiedError) the
// export resumes where it stopped instead of writing its rows again.
struct Progress {
    std::size_t written = 0;  // rows written in all passes (the next row's rank is written + 1)
    std::size_t pass = 0;     // the pass under way (an export has one to three)
    std::size_t in_pass = 0;  // rows written by the current offset pass
    std::string boundary;     // date pass: the date of the last row written
    std::unordered_set<Xapian::docid> on_boundary;  // date pass: rows written with that date
};

// Offset paging over query: for relevance order and for items without a date.
void export_by_offset(const Xapian::Database& db, Xapian::Enquire& enquire,
                      const Xapian::Query& query, std::size_t chunk,
                      const detail::Snippets& snippets, const Sink& sink, Progress& progress) {
    enquire.set_query(query);
    for (;;) {
        Xapian::MSet page = enquire.get_mset(static_cast<Xapian::doccount>(progress.in_pass),
                                             static_cast<Xapian::doccount>(chunk));
        for (auto it = page.begin(); it != page.end(); ++it) {
            sink(detail::make_hit(db, it, progress.written + 1, snippets));
            ++progress.in_pass;
            ++progress.written;
        }
        if (page.size() < chunk) return;
    }
}

// Key paging over the dated matches of query, oldest or newest first.
void export_by_date(const Xapian::Database& db, Xapian::Enquire& enquire,
                    const Xapian::Query& query, bool newest_first, std::size_t chunk,
                    const detail::Snippets& snippets, const Sink& sink, Progress& progress) {
    const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string());
    for (;;) {
        Xapian::Query step = dated;
        if (!progress.boundary.empty())
            step = Xapian::Query(
                newest_first ? Xapian::Query::OP_VALUE_LE : Xapian::Query::OP_VALUE_GE,
                schema::kSlotDate, progress.boundary);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, step));
        const std::size_t skip = progress.on_boundary.size();
        Xapian::MSet page = enquire.get_mset(0, static_cast<Xapian::doccount>(chunk + skip));
        for (auto it = page.begin(); it != page.end(); ++it) {
            if (progress.on_boundary.count(*it)) continue;
            std::string date = it.get_document().get_value(schema::kSlotDate);
            sink(detail::make_hit(db, it, progress.written + 1, snippets));
            // Counted once the sink has taken the row: a row it did not take comes again.
            if (date != progress.boundary) {
                progress.boundary = std::move(date);
                progress.on_boundary.clear();
            }
            progress.on_boundary.insert(*it);
            ++progress.written;
        }
        if (page.size() < chunk + skip) return;
    }
}

}  // namespace

std::size_t export_matches(Xapian::Database& db, const SearchRequest& request, const Sink& sink,
                           std::size_t chunk) {
    if (chunk == 0) chunk = 1;
    Progress progress;
    return index::with_reopen(db, [&] {
        CompiledQuery compiled = detail::compile_or_throw(db, request);
        Xapian::Enquire enquire(db);
        detail::apply_sort(enquire, request.sort);
        // One agenda item published as several files is written once, as search counts it.
        enquire.set_collapse_key(schema::kSlotSameItem);
        detail::Snippets snippets(db, compiled, request);
        // The passes in order; each resumes from progress after a reopen.
        using Pass = std::function<void()>;
        std::vector<Pass> passes;
        if (request.sort == SortOrder::kRelevance ||
            request.sort == SortOrder::kIndexedDescending) {
            passes.emplace_back([&] {
                export_by_offset(db, enquire, compiled.query, chunk, snippets, sink, progress);
            });
        } else {
            // Items without a date sort before all dates, as they do in search.
            const Xapian::Query undated(
                Xapian::Query::OP_AND_NOT, compiled.query,
                Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string()));
            const bool newest_first = request.sort == SortOrder::kDateDescending;
            Pass by_date = [&, newest_first] {
                export_by_date(db, enquire, compiled.query, newest_first, chunk, snippets, sink,
                               progress);
            };
            Pass without_date = [&, undated] {
                export_by_offset(db, enquire, undated, chunk, snippets, sink, progress);
            };
            if (newest_first) {
                passes = {by_date, without_date};
            } else {
                passes = {without_date, by_date};
            }
        }
        for (; progress.pass < passes.size(); ++progress.pass, progress.in_pass = 0)
            passes[progress.pass]();
        return progress.written;
    });
}

}  // namespace referat::query
