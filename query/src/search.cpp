#include "referat/query/search.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include <referat/index/columns.hpp>
#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>
#include <referat/ingest/people.hpp>
#include <referat/query/suggest.hpp>

#include "facets.hpp"
#include "hits.hpp"

namespace referat::query {

namespace {

void check_facets(const std::vector<std::string>& facets) {
    for (const auto& name : facets) {
        if (detail::facet_slot(name)) continue;
        std::string known;
        for (const auto& f : facet_names()) known += (known.empty() ? "" : ", ") + f;
        throw Error("unknown facet '" + name + "' (facets: " + known + ")");
    }
}

bool finds_anything(const Xapian::Database& db, const std::string& text, const Filters& filters) {
    auto compiled = compile_query(db, text, filters);
    if (!compiled) return false;
    Xapian::Enquire enquire(db);
    enquire.set_query(compiled->query);
    return !enquire.get_mset(0, 1).empty();
}

}  // namespace

std::optional<SortOrder> sort_order_from(std::string_view text) {
    if (text == "relevance" || text == "relevans") return SortOrder::kRelevance;
    if (text == "date" || text == "+date" || text == "dato") return SortOrder::kDateAscending;
    if (text == "-date" || text == "-dato") return SortOrder::kDateDescending;
    if (text == "-indexed" || text == "-indekseret") return SortOrder::kIndexedDescending;
    return std::nullopt;
}

const std::vector<std::string>& facet_names() {
    static const std::vector<std::string> kNames{"committee", "year",         "outcome", "layout",
                                                 "person",    "municipality", "kind"};
    return kNames;
}

SearchResult search(Xapian::Database& db, const SearchRequest& request) {
    check_facets(request.facets);
    std::vector<detail::FacetSlot> slots;
    for (const auto& name : request.facets) slots.push_back(*detail::facet_slot(name));
    return index::with_reopen(db, [&] {
        CompiledQuery compiled = detail::compile_or_throw(db, request);
        SearchResult result;
        result.text = request.text;
        Xapian::Enquire enquire(db);
        enquire.set_query(compiled.query);
        detail::apply_sort(enquire, request.sort);
        // One local database: the match records the ids of the documents it visits, and the
        // distinct items among them (the exact total) and the facets are read from value
        // streams afterwards. Several local databases: Xapian hands spies each shard's own ids,
        // so a spy reads each document's same-item key, and the facets need a pass of their
        // own. Remote shards run only Xapian's own spies, on the servers.
        const bool local = detail::all_local(db);
        const bool single = local && db.size() == 1;
        // One agenda item published as several files (PDF, Word, XML) is one hit; the others
        // are listed as its sources (also_in). Locally the page is made of distinct items here
        // (reading the key of the page's documents only); Xapian's collapse would read the key
        // of every match. Remote shards collapse on the servers.
        if (!local) enquire.set_collapse_key(index::schema::kSlotSameItem);
        const std::size_t wanted = request.offset + request.limit;
        std::size_t fetch = local ? wanted + std::max<std::size_t>(request.limit, 10) : wanted;
        std::vector<Xapian::docid> docids;
        std::optional<detail::DocidCollector> collector;
        std::optional<detail::ItemCounter> counter;
        std::vector<std::unique_ptr<detail::FacetSpy>> spies;
        if (single) {
            collector.emplace(docids);
            enquire.add_matchspy(&*collector);
        } else if (local) {
            counter.emplace();
            enquire.add_matchspy(&*counter);
        } else {
            for (const auto& slot : slots) {
                spies.push_back(std::make_unique<detail::FacetSpy>(slot));
                enquire.add_matchspy(spies.back()->spy());
            }
        }
        // Up to exact_bound matches are all visited, so the total and the facets are exact;
        // beyond, Xapian stops early and estimates, and the result says so.
        const Xapian::doccount check = static_cast<Xapian::doccount>(std::min<std::size_t>(
            db.get_doccount(), std::max<std::size_t>(request.exact_bound, 1)));
        Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(local ? 0 : request.offset),
                             static_cast<Xapian::doccount>(local ? fetch : request.limit), check);
        enquire.clear_matchspies();
        std::vector<Xapian::MSetIterator> page;
        if (!local) {
            for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
        } else {
            // The offset-th to (offset + limit)-th distinct items, in result order; when files
            // of one item used up the spare matches, ask for more.
            for (;;) {
                page = detail::distinct_page(mset, request.offset, request.limit);
                if (page.size() == request.limit || mset.size() < fetch) break;
                fetch *= 2;
                mset = enquire.get_mset(0, static_cast<Xapian::doccount>(fetch), check);
            }
        }
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        if (local) {
            // Xapian visits at least `check` matches; fewer means it saw them all, and the
            // distinct items among them are the exact total (its own collapsed count stays an
            // estimate once the page is smaller than the match).
            const std::size_t seen = single ? docids.size() : counter->documents();
            result.total_exact = seen < check || check >= db.get_doccount();
            // The facet store, when the database has a current one, answers from numbers.
            const auto columns = single ? index::columns_for(db) : nullptr;
            if (single && (result.total_exact || !slots.empty())) {
                // The match visits documents in id order; the streams rely on it, so make sure.
                if (!std::is_sorted(docids.begin(), docids.end()))
                    std::sort(docids.begin(), docids.end());
                docids = columns ? detail::one_per_item(*columns, docids)
                                 : detail::one_per_item(db, docids);
                if (result.total_exact) result.total = docids.size();
            } else if (counter && result.total_exact) {
                result.total = counter->items();
            }
            if (!slots.empty()) {
                if (!single)
                    docids = detail::one_per_item(
                        db,
                        detail::matching_docids(db, compiled.query,
                                                result.total_exact ? db.get_doccount() : check));
                result.facets =
                    columns ? detail::count_facets(*columns, docids, slots, request.facet_limit)
                            : detail::count_facets(db, docids, slots, request.facet_limit);
                if (!result.total_exact) detail::scale(result.facets, result.total, docids.size());
            }
        } else {
            if (!result.total_exact && mset.get_matches_upper_bound() <= check) {
                // Xapian's collapsed count is exact when the page holds every match, so ask
                // again for all of them (at most `check`).
                Xapian::Enquire all(db);
                all.set_query(compiled.query);
                all.set_weighting_scheme(Xapian::BoolWeight());
                all.set_collapse_key(index::schema::kSlotSameItem);
                result.total = all.get_mset(0, mset.get_matches_upper_bound(), check).size();
                result.total_exact = true;
            }
            for (const auto& spy : spies) {
                result.facets.push_back(spy->result(request.facet_limit));
                if (!result.total_exact)
                    detail::scale(result.facets.back(), result.total, spy->seen());
            }
        }
        // The person facet counts by person key; it lists names ("Jesper Kjeldsen"), which
        // person: filters and `referat person` take as well as the key.
        for (auto& facet : result.facets)
            if (facet.name == "person")
                for (auto& v : facet.values) v.value = ingest::person_display(v.value);
        detail::Snippets snippets(db, compiled, request);
        std::size_t rank = request.offset;
        for (const auto& it : page)
            result.hits.push_back(detail::make_hit(db, it, ++rank, snippets));
        if (result.total == 0) {
            result.suggestion = suggest_query(db, request.text, compiled.words);
            // A suggestion that finds nothing either only sends the reader in a circle.
            if (result.suggestion && !finds_anything(db, *result.suggestion, request.filters))
                result.suggestion.reset();
        }
        return result;
    });
}

}  // namespace referat::query
