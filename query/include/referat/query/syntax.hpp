#pragma once
// The front end of the query language: lexing, validation, Danish operators and field names,
// and æ/ø/å spelling variants. Pure functions of the query text; Xapian parses the result.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referat::query {

/// Why a query cannot be run; shown as "referat: invalid query: REASON".
struct QueryError {
    std::string reason;  ///< one line, lower case start, no trailing period
};

/// What a field does in the parser.
enum class FieldKind {
    kText,          ///< free text under one or more term prefixes
    kDate,          ///< day or range of days on the date slot
    kYear,          ///< year or range of years on the year slot
    kAmount,        ///< kroner or range of kroner on the amount slot
    kOutcome,       ///< decision outcome filter
    kMunicipality,  ///< municipality filter
    kKind,          ///< document kind filter: minutes or agenda
};

/// One field of the query language.
struct FieldInfo {
    std::string_view name;  ///< canonical English name handed to Xapian::QueryParser
    FieldKind kind;
};

/// Longest query accepted, in bytes: enough for any hand-written or generated query, short
/// enough that the expansion into spelling variants stays small.
inline constexpr std::size_t kMaxQueryBytes = 16384;

/// Largest number of spelling variants generated for one word or phrase.
inline constexpr std::size_t kMaxVariants = 16;

/// The field for a name as typed (Danish or English, any case); std::nullopt when unknown.
[[nodiscard]] std::optional<FieldInfo> find_field(std::string_view typed);

/// Every accepted field name, comma separated, for error messages.
[[nodiscard]] std::string field_names();

/// ASCII and æ/ø/å lower case of a UTF-8 string (other bytes unchanged).
[[nodiscard]] std::string lower_danish(std::string_view text);

/// Spellings of text under æ<->ae, ø<->oe, å<->aa, the text itself first, at most kMaxVariants.
[[nodiscard]] std::vector<std::string> spelling_variants(std::string_view text);

/// A user query rewritten for Xapian::QueryParser.
struct RewrittenQuery {
    std::string text;                ///< canonical field names, English operators, variants
    std::vector<std::string> words;  ///< plain free-text words as typed (spelling suggestions)
};

/// Lex and validate a query (quotes, brackets, field names), translate OG/ELLER/IKKE and
/// Danish field names, and expand free-text words and phrases into their spelling variants.
[[nodiscard]] std::expected<RewrittenQuery, QueryError> rewrite_query(std::string_view text);

}  // namespace referat::query
