#pragma once
// The whole state of a search page, read from and written back to the URL, so every search can
// be bookmarked: query, facet filters, sort, offset and limit, each bounded.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <referat/query/search.hpp>

#include "html.hpp"

namespace referat::web {

/// Longest query accepted, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 1000;
/// Most hits per page.
inline constexpr std::size_t kMaxLimit = 100;
/// Furthest offset into a result.
inline constexpr std::size_t kMaxOffset = 10000;
/// Hits per page when not given.
inline constexpr std::size_t kDefaultLimit = 20;
/// Most facet filters in one request.
inline constexpr std::size_t kMaxFilters = 30;

/// Facets shown in the sidebar and usable as filters, in this order.
[[nodiscard]] const std::vector<std::string>& sidebar_facets();

/// One search page's state.
struct SearchState {
    std::string q;                                             ///< the query as typed
    std::string sort = "relevance";                            ///< relevance, date or -date
    std::size_t offset = 0;                                    ///< hits skipped
    std::size_t limit = kDefaultLimit;                         ///< hits shown
    std::vector<std::pair<std::string, std::string>> filters;  ///< (facet, value), in order

    /// Read from URL parameters. Throws HttpError 400 naming the bad parameter.
    [[nodiscard]] static SearchState from(const Params& params);

    /// Parameters that reproduce this state (defaults left out), for links.
    [[nodiscard]] Params to_params(bool with_paging = true) const;

    /// Whether (facet, value) is one of the filters.
    [[nodiscard]] bool has_filter(const std::string& facet, const std::string& value) const;

    /// This state with (facet, value) added, or dropped when present; back to the first page.
    [[nodiscard]] SearchState toggled(const std::string& facet, const std::string& value) const;

    /// The query request: filters go to query::Filters where it has them (committee, year,
    /// outcome) and into the query text otherwise (kind, person, municipality).
    [[nodiscard]] query::SearchRequest request() const;
};

}  // namespace referat::web
