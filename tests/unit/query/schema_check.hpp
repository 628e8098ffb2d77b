#pragma once
// A small JSON Schema validator for the subset data/schema/*.json uses: type (one or a list),
// required, properties, additionalProperties: false, items and enum.

#include <string>
#include <vector>

#include <referat/ingest/json.hpp>

namespace referat::query::testing {

/// Every violation of schema by value, as "path: what"; empty when value is valid.
[[nodiscard]] std::vector<std::string> schema_errors(const json::Value& schema,
                                                     const json::Value& value,
                                                     const std::string& path = "$");

/// data/schema/item.schema.json.
[[nodiscard]] const json::Value& item_schema();

/// A strict RFC 4180 reader: CRLF (or LF) record ends, quoted fields with "" escapes, and an
/// error for a quote inside an unquoted field or text after a closing quote.
[[nodiscard]] std::vector<std::vector<std::string>> read_csv(std::string_view text, char sep);

}  // namespace referat::query::testing
