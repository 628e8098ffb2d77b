#pragma once
// Running a query: ranked and sorted hits with snippets, exact facet counts over the whole match
// set, a spelling suggestion when nothing matches, and a streaming export of every match.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include <referat/ingest/json.hpp>
#include <referat/query/parser.hpp>

namespace referat::query {

/// Order of the hits.
/// Order of the hits: by relevance, by meeting date, or newest in the index first.
enum class SortOrder { kRelevance, kDateAscending, kDateDescending, kIndexedDescending };

/// Parse a --sort value: "relevance", "date", "-date" or "-indexed"; std::nullopt when
/// unknown.
[[nodiscard]] std::optional<SortOrder> sort_order_from(std::string_view text);

/// Facets that can be counted, in the order of this list.
[[nodiscard]] const std::vector<std::string>& facet_names();

/// Everything that shapes one search.
struct SearchRequest {
    std::string text;  ///< the query as typed
    Filters filters;   ///< option filters
    SortOrder sort = SortOrder::kRelevance;
    std::size_t offset = 0;            ///< hits to skip
    std::size_t limit = 10;            ///< hits to return
    std::vector<std::string> facets;   ///< names from facet_names()
    std::size_t facet_limit = 100;     ///< values listed per facet, most frequent first; 0: all
    std::size_t snippet_length = 240;  ///< characters of context
    std::string mark_start = "[";      ///< put before each matched word in snippets
    std::string mark_end = "]";        ///< put after each matched word in snippets
    std::size_t max_wildcard_terms = kMaxWildcardTerms;  ///< words all wildcards may expand to
    /// Matches counted exactly; beyond, the total and the facets are estimates (marked so).
    std::size_t exact_bound = kExactBound;
};

/// One matching item.
struct Hit {
    std::size_t rank = 0;  ///< 1-based position in the whole result
    int percent = 0;       ///< relevance 0..100 (0 when sorted by date only)
    json::Value record;    ///< the item record (see docs/SCHEMA.md), snippet included
};

/// One value of a facet and the number of matching items carrying it.
struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// Counts for one facet, most frequent first (ties in value order). The counts are exact when
/// the result's total is (SearchResult::total_exact), else estimates scaled from the matches
/// counted; only the number of values listed is limited.
struct Facet {
    std::string name;
    std::vector<FacetValue> values;
    std::size_t omitted = 0;  ///< further values with fewer (or as many) items, not listed
};

/// A page of results.
struct SearchResult {
    std::string text;                       ///< the query as typed
    /// Number of matching items, an agenda item published in several files counted once:
    /// exact up to SearchRequest::exact_bound, an estimate beyond it (total_exact false).
    std::size_t total = 0;
    bool total_exact = true;  ///< whether total (and so every facet count) is exact
    std::vector<Hit> hits;                  ///< the requested page
    std::vector<Facet> facets;              ///< in the requested order
    std::optional<std::string> suggestion;  ///< "did you mean" query when nothing matched
};

/// Run one search. Throws referat::Error "invalid query: ..." (exit 2) for malformed queries
/// or unknown facets, and for database errors.
[[nodiscard]] SearchResult search(Xapian::Database& db, const SearchRequest& request);

/// Call sink for every match in search order (offset and limit ignored), fetching chunk hits
/// at a time. Date orders page by key (memory bounded by chunk plus one day's items whatever
/// the count); relevance order pages by offset. When the database changes under the export
/// (an ingest commits), it reopens and resumes after the last row the sink took, so no row is
/// written twice. Returns the number of matches. Throws like search().
std::size_t export_matches(Xapian::Database& db, const SearchRequest& request,
                           const std::function<void(const Hit&)>& sink, std::size_t chunk = 500);

}  // namespace referat::query
