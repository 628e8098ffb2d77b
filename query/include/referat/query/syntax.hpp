#pragma once
// The front end of the query language: lexing, validation, Danish operators and field names,
// Pure functions of the query text; parser.cpp builds the Xapian
// query from the tree.

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
    kVote,  ///< votes cast (for, against, abstain) or a decision departing from the recommendation
};

/// One field of the query language.
struct FieldInfo {
    std::string_view name;  ///< canonical English name handed to Xapian::QueryParser
    FieldKind kind;
};

/// Longest query accepted, in bytes: enough for any hand-written or generated query.
inline constexpr std::size_t kMaxQueryBytes = 16384;

/// The field for a name as typed (Danish or English, any case); std::nullopt when unknown.
[[nodiscard]] std::optional<FieldInfo> find_field(std::string_view typed);

/// Every accepted field name, comma separated, for error messages.
[[nodiscard]] std::string field_names();


/// What a node of a parsed query is.
enum class NodeKind {
    kWord,      ///< one word (text: the word as typed)
    kPhrase,    ///< a quoted phrase (text: its words, stop words left out)
    kWildcard,  ///< a word with a trailing '*' (text: the part before '*')
    kFilter,    ///< a value of a filter field (text: the value as typed)
    kAll,       ///< every item (what a query of only exclusions starts from)
    kAnd,       ///< every child
    kOr,        ///< any child
    kXor,       ///< an odd number of children
    kAndNot,    ///< the first child without any of the others
    kNear,      ///< words within `window` positions of each other, any order
    kAdjacent,  ///< words within `window` positions of each other, in order
};

/// One node of a parsed query: a leaf (word, phrase, wildcard, filter value) or an operator.
struct QueryNode {
    NodeKind kind = NodeKind::kAll;
    std::string field;  ///< canonical field name of a leaf; "" = all text
    FieldKind field_kind = FieldKind::kText;
    std::string text;                 ///< leaf text as typed
    unsigned window = 0;              ///< kNear, kAdjacent: Xapian window (words + gap)
    std::vector<QueryNode> children;  ///< operands of an operator
};

/// A query parsed into a tree; Xapian queries are built from it node by node, so no operator
/// depends on Xapian re-reading rewritten text.
struct ParsedQuery {
    std::optional<QueryNode> root;   ///< std::nullopt: nothing to search for (empty, stop words)
    std::vector<std::string> words;  ///< plain free-text words as typed (spelling suggestions)
};

/// Lex, validate and parse a query: words, "phrases", word*, fields (Danish or English names)
/// on a word, phrase or bracketed group, AND/OR/NOT/XOR (OG/ELLER/IKKE), NEAR[/n], ADJ[/n],
/// brackets, +word (required) and -word (excluded, also on its own).
[[nodiscard]] std::expected<ParsedQuery, QueryError> parse_query_text(std::string_view text);

/// A tree as a compact s-expression ("(and budget (not regnskab))"), for tests and debugging.
[[nodiscard]] std::string describe(const QueryNode& node);

}  // namespace referat::query
