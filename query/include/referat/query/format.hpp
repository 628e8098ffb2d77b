#pragma once
// Search results for people (text) and for scripts (JSON, JSON Lines, CSV per RFC 4180).
// The item record and the CSV columns are described in docs/SCHEMA.md.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/json.hpp>
#include <referat/query/csv.hpp>
#include <referat/query/search.hpp>

namespace referat::query {

/// Version of the item record and of the search document; bump with data/schema/.
inline constexpr int kRecordSchemaVersion = 2;

/// The CSV columns, in order.
[[nodiscard]] const std::vector<std::string_view>& csv_columns();

/// A comma-separated list of names ("committee, year,person" for facets or fields), each
/// trimmed of spaces, empty ones dropped.
[[nodiscard]] std::vector<std::string> split_names(std::string_view text);

/// The first name in fields that is not one of csv_columns(); std::nullopt when all are.
[[nodiscard]] std::optional<std::string> unknown_column(const std::vector<std::string>& fields);

/// A record cut down to fields (names from csv_columns(), in that order) with the values'
/// JSON types kept; span_begin and the like are read from their nested objects.
[[nodiscard]] json::Value select_fields(const json::Value& record,
                                        const std::vector<std::string>& fields);

/// The header line of an item export, CRLF terminated; csv_start() comes first.
[[nodiscard]] std::string csv_header(const CsvOptions& options);
/// One record as a CSV line, CRLF terminated.
[[nodiscard]] std::string csv_row(const json::Value& record, const CsvOptions& options);

/// One record as a JSON Lines line (compact JSON and '\n').
[[nodiscard]] std::string jsonl_line(const json::Value& record);

/// The whole result as one JSON document: schema, query, total, offset, hits, facets,
/// suggestion.
[[nodiscard]] json::Value result_to_json(const SearchResult& result, std::size_t offset);

/// How text output is styled.
struct TextStyle {
    std::string bold_start;  ///< before titles ("" for plain)
    std::string bold_end;
    std::string dim_start;  ///< before provenance
    std::string dim_end;
};

/// Results for people: per hit the meeting date, committee, item number and title, the
/// decision with its outcome, the snippet and where it came from; then the facets, with a
/// histogram for years.
void write_text(std::ostream& out, const SearchResult& result, std::size_t offset,
                const TextStyle& style);

}  // namespace referat::query
