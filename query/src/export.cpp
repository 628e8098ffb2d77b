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

// Offset paging over query: for relevance order and for items without a date.
std::size_t export_by_offset(const Xapian::Database& db, Xapian::Enquire& enquire,
                             const Xapian::Query& query, std::size_t rank,
                             std::size_t chunk, const detail::Snippets& snippets,
                             const Sink& sink) {
    enquire.set_query(query);
    std::size_t written = 0;
    for (;;) {
        Xapian::MSet page = enquire.get_mset(static_cast<Xapian::doccount>(written),
                                             static_cast<Xapian::doccount>(chunk));
        for (auto it = page.begin(); it != page.end(); ++it) {
            ++written;
            sink(detail::make_hit(db, it, rank + written, snippets));
        }
        if (page.size() < chunk) return written;
    }
}

// Key paging over the dated matches of query, oldest or newest first.
std::size_t export_by_date(const Xapian::Database& db, Xapian::Enquire& enquire,
                           const Xapian::Query& query, bool newest_first,
                           std::size_t rank, std::size_t chunk, const detail::Snippets& snippets,
                           const Sink& sink) {
    const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string());
    std::string boundary;
    std::unordered_set<Xapian::docid> written_on_boundary;
    std::size_t written = 0;
    for (;;) {
        Xapian::Query step = dated;
        if (!boundary.empty())
            step = Xapian::Query(
                newest_first ? Xapian::Query::OP_VALUE_LE : Xapian::Query::OP_VALUE_GE,
                schema::kSlotDate, boundary);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, step));
        const std::size_t skip = written_on_boundary.size();
        Xapian::MSet page = enquire.get_mset(0, static_cast<Xapian::doccount>(chunk + skip));
        for (auto it = page.begin(); it != page.end(); ++it) {
            if (written_on_boundary.count(*it)) continue;
            ++written;
            sink(detail::make_hit(db, it, rank + written, snippets));
            std::string date = it.get_document().get_value(schema::kSlotDate);
            if (date != boundary) {
                boundary = std::move(date);
                written_on_boundary.clear();
            }
            written_on_boundary.insert(*it);
        }
        if (page.size() < chunk + skip) return written;
    }
}

}  // namespace

std::size_t export_matches(Xapian::Database& db, const SearchRequest& request, const Sink& sink,
                           std::size_t chunk) {
    if (chunk == 0) chunk = 1;
    return index::with_reopen(db, [&] {
        CompiledQuery compiled = detail::compile_or_throw(db, request);
        Xapian::Enquire enquire(db);
        detail::apply_sort(enquire, request.sort);
        // One agenda item published as several files is written once, as search counts it.
        enquire.set_collapse_key(schema::kSlotSameItem);
        detail::Snippets snippets(db, compiled, request);
        if (request.sort == SortOrder::kRelevance ||
            request.sort == SortOrder::kIndexedDescending)
            return export_by_offset(db, enquire, compiled.query, 0, chunk, snippets, sink);
        // Items without a date sort before all dates, as they do in search.
        const Xapian::Query undated(
            Xapian::Query::OP_AND_NOT, compiled.query,
            Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string()));
        const bool newest_first = request.sort == SortOrder::kDateDescending;
        std::size_t count = 0;
        if (!newest_first) count += export_by_offset(db, enquire, undated, 0, chunk, snippets, sink);
        count +=
            export_by_date(db, enquire, compiled.query, newest_first, count, chunk, snippets, sink);
        if (newest_first) count += export_by_offset(db, enquire, undated, count, chunk, snippets, sink);
        return count;
    });
}

}  // namespace referat::query
