#pragma once
// Query text and command-line filters -> one Xapian query over item documents.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/query/syntax.hpp>

namespace referat::query {

/// Filters given as options (--committee, --from, --to, --outcome, --year); each list is ORed
/// within itself and every given filter restricts the match set (Xapian OP_FILTER).
struct Filters {
    std::vector<std::string> committees;  ///< committee names as written, any case
    std::optional<std::string> from;      ///< first day, as for dato: ("2021", "2021-06-01")
    std::optional<std::string> to;        ///< last day
    std::vector<std::string> outcomes;    ///< "approved", "godkendt", ...
    std::vector<std::string> years;       ///< "2021" or "2019..2021"
    /// Only items that entered the index at or after this time (microseconds since 1970, UTC;
    /// index/schema.hpp kSlotIndexed): new or changed items, for saved searches.
    std::optional<double> indexed_since;

    /// Whether no filter is set.
    [[nodiscard]] bool empty() const {
        return committees.empty() && !from && !to && outcomes.empty() && years.empty() &&
               !indexed_since;
    }
};

/// Most indexed words one wildcard may stand for (summed over the fields it searches).
inline constexpr std::size_t kMaxWildcardTerms = 1000;
/// Matches a search counts exactly (total and facets); beyond, it estimates and says so.
inline constexpr std::size_t kExactBound = 100000;

/// A query ready for Xapian::Enquire.
struct CompiledQuery {
    Xapian::Query query;             ///< the match query, restricted to item documents
    Xapian::Query highlight;         ///< the free-text terms without prefixes, for snippets
    std::vector<std::string> words;  ///< free-text words as typed, for spelling suggestions
};

/// Parse text and apply filters; an empty text matches every item. Malformed input is a
/// QueryError, never an exception. db supplies the vocabulary for trailing wildcards, which
/// are expanded here (at most max_wildcard_terms words in all).
[[nodiscard]] std::expected<CompiledQuery, QueryError> compile_query(
    const Xapian::Database& db, std::string_view text, const Filters& filters = {},
    std::size_t max_wildcard_terms = kMaxWildcardTerms);

}  // namespace referat::query
