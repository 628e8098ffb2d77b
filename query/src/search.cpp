#include "referat/query/search.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <optional>
#include <thread>
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

/// The total and the facets of a search.
struct Counted {
    std::size_t total = 0;
    bool exact = true;
    std::vector<Facet> facets;
};

/// Counts the distinct items matching query, exactly up to `check` matching documents and
/// estimated beyond, and their facets: from the facet store when columns is given.
Counted count_matches(const Xapian::Database& db, const Xapian::Query& query,
                      Xapian::doccount check, const index::Columns* columns,
                      const std::vector<detail::FacetSlot>& slots, const SearchRequest& request) {
    detail::MatchIds ids = detail::match_ids(db, query, check);
    const std::vector<Xapian::docid> docids = columns ? detail::one_per_item(*columns, ids.docids)
                                                      : detail::one_per_item(db, ids.docids);
    Counted counted;
    counted.exact = ids.complete;
    // An estimate counts documents; the items among them are as many as among those seen.
    counted.total = counted.exact || ids.docids.empty()
                        ? docids.size()
                        : static_cast<std::size_t>(std::llround(
                              static_cast<double>(ids.estimate) *
                              static_cast<double>(docids.size()) /
                              static_cast<double>(ids.docids.size())));
    if (!slots.empty()) {
        counted.facets = columns ? detail::count_facets(*columns, docids, slots, request.facet_limit)
                                 : detail::count_facets(db, docids, slots, request.facet_limit);
        if (!counted.exact) detail::scale(counted.facets, counted.total, docids.size());
    }
    return counted;
}

/// The hits of a page, with their snippets.
void make_hits(Xapian::Database& db, const CompiledQuery& compiled, const SearchRequest& request,
               const std::vector<Xapian::MSetIterator>& page, SearchResult& result) {
    detail::Snippets snippets(db, compiled, request);
    std::size_t rank = request.offset;
    for (const auto& it : page) result.hits.push_back(detail::make_hit(db, it, ++rank, snippets));
}

/// Completes a result whose hits, total and facets are set: names in the person facet, and a
/// suggestion when nothing matched.
void finish(Xapian::Database& db, const CompiledQuery& compiled, const SearchRequest& request,
            SearchResult& result) {
    // The person facet counts by person key; it lists names ("Jesper Kjeldsen"), which
    // person: filters and `referat person` take as well as the key.
    for (auto& facet : result.facets)
        if (facet.name == "person")
            for (auto& v : facet.values) v.value = ingest::person_display(v.value);
    if (result.total == 0) {
        result.suggestion = suggest_query(db, request.text, compiled.words);
        // A suggestion that finds nothing either only sends the reader in a circle.
        if (result.suggestion && !finds_anything(db, *result.suggestion, request.filters))
            result.suggestion.reset();
    }
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
        const bool local = detail::all_local(db);
        const bool single = local && db.size() == 1;
        // One agenda item published as several files (PDF, Word, XML) is one hit; the others
        // are listed as its sources (also_in). Locally the page is made of distinct items here
        // (reading the key of the page's documents only); Xapian's collapse would read the key
        // of every match. Remote shards collapse on the servers.
        if (!local) enquire.set_collapse_key(index::schema::kSlotSameItem);
        const std::size_t wanted = request.offset + request.limit;
        std::size_t fetch = local ? wanted + std::max<std::size_t>(request.limit, 10) : wanted;
        // Up to exact_bound matches are all visited, so the total and the facets are exact;
        // beyond, Xapian stops early and estimates, and the result says so.
        const Xapian::doccount check = static_cast<Xapian::doccount>(std::min<std::size_t>(
            db.get_doccount(), std::max<std::size_t>(request.exact_bound, 1)));
        if (local) {
            // Local databases: the page is ranked by a match that may skip what cannot reach
            // it, and the total and facets come from a second, unweighted pass that lists the
            // matching ids in id order and stops after `check` of them. Weighing every match,
            // or handing each one to a spy, costs more than both passes together. On one
            // database the second pass runs in a thread of its own, on a second handle with a
            // query of its own (Xapian objects are not shared between threads), while this one
            // makes the page; its facets come from the facet store when it is current.
            const auto columns = single ? index::columns_for(db) : nullptr;
            Counted counted;
            std::optional<Xapian::Database> twin = index::open_twin(db);
            std::exception_ptr failure;
            std::thread worker;
            if (twin) {
                worker = std::thread([&] {
                    try {
                        counted = count_matches(*twin, detail::compile_or_throw(*twin, request).query,
                                                check, columns.get(), slots, request);
                    } catch (...) {
                        failure = std::current_exception();
                    }
                });
            }
            // Joins the worker however this scope is left.
            struct Join {
                std::thread& thread;
                ~Join() {
                    if (thread.joinable()) thread.join();
                }
            } join{worker};
            Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(fetch));
            std::vector<Xapian::MSetIterator> page;
            for (;;) {
                page = detail::distinct_page(mset, request.offset, request.limit);
                if (page.size() == request.limit || mset.size() < fetch) break;
                fetch *= 2;
                mset = enquire.get_mset(0, static_cast<Xapian::doccount>(fetch));
            }
            make_hits(db, compiled, request, page, result);
            if (twin) {
                worker.join();
                if (failure) std::rethrow_exception(failure);
            } else {
                counted = count_matches(db, compiled.query, check, columns.get(), slots, request);
            }
            result.total = counted.total;
            result.total_exact = counted.exact;
            result.facets = std::move(counted.facets);
            finish(db, compiled, request, result);
            return result;
        }
        // Remote shards: Xapian's own spies count the facets, on the servers, and the page is
        // collapsed there.
        std::vector<std::unique_ptr<detail::FacetSpy>> spies;
        for (const auto& slot : slots) {
            spies.push_back(std::make_unique<detail::FacetSpy>(slot));
            enquire.add_matchspy(spies.back()->spy());
        }
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                             static_cast<Xapian::doccount>(request.limit), check);
        enquire.clear_matchspies();
        std::vector<Xapian::MSetIterator> page;
        for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        if (!result.total_exact && mset.get_matches_upper_bound() <= check) {
            // Xapian's collapsed count is exact when the page holds every match, so ask again
            // for all of them (at most `check`).
            Xapian::Enquire all(db);
            all.set_query(compiled.query);
            all.set_weighting_scheme(Xapian::BoolWeight());
            all.set_collapse_key(index::schema::kSlotSameItem);
            result.total = all.get_mset(0, mset.get_matches_upper_bound(), check).size();
            result.total_exact = true;
        }
        for (const auto& spy : spies) {
            result.facets.push_back(spy->result(request.facet_limit));
            if (!result.total_exact) detail::scale(result.facets.back(), result.total, spy->seen());
        }
        make_hits(db, compiled, request, page, result);
        finish(db, compiled, request, result);
        return result;
    });
}

}  // namespace referat::query
