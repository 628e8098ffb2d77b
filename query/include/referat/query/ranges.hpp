#pragma once
// Values of the range fields (dato:, år:, beløb:) and the outcome field: parsed, checked and
// turned into Xapian queries on the value slots and boolean terms of schema.hpp.

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include <referat/query/syntax.hpp>

namespace referat::query {

/// Days as "yyyymmdd" (the date slot's format); an empty end is open.
struct DayRange {
    std::string from;
    std::string to;
};

/// A numeric range; an absent end is open.
struct NumberRange {
    std::optional<double> from;
    std::optional<double> to;
};

/// One day or a range: "2021-06-30", "2021-06", "2021", "30.06.2021", "A..B", "A..", "..B".
/// A partial date covers its whole month or year. Reversed and impossible dates are errors.
[[nodiscard]] std::expected<DayRange, QueryError> parse_date_range(std::string_view text);

/// One year or a range of years: "2021", "2019..2021", "2019..", "..2021".
[[nodiscard]] std::expected<NumberRange, QueryError> parse_year_range(std::string_view text);

/// Kroner or a range: "500000", "1.000.000..", "..2500000,50".
[[nodiscard]] std::expected<NumberRange, QueryError> parse_amount_range(std::string_view text);

/// Canonical outcome name for a value typed in English or Danish ("godkendt" -> "approved").
[[nodiscard]] std::expected<std::string, QueryError> parse_outcome(std::string_view text);
/// "minutes" or "agenda" from a kind as typed: English or Danish ("referat", "dagsorden").
[[nodiscard]] std::expected<std::string, QueryError> parse_kind(std::string_view text);
/// A vote filter value: "imod"/"against", "for", "undlod"/"abstain", "afviger"/"diverges"
/// (the decision departs from the recommendation) -> the indexed name.
[[nodiscard]] std::expected<std::string, QueryError> parse_vote(std::string_view text);

/// Query on the date slot for a day range.
[[nodiscard]] Xapian::Query date_query(const DayRange& range);
/// Query on a sortable_serialise slot for a number range.
[[nodiscard]] Xapian::Query number_query(unsigned slot, const NumberRange& range);
/// The query for a year range: with both ends given, the items' year terms (posting lists,
/// which skip to the matching items), else a range on the year slot.
[[nodiscard]] Xapian::Query year_query(const NumberRange& range);

}  // namespace referat::query
