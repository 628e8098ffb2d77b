#pragma once
// The exported item record (data/schema/item.schema.json) from the JSON the writer stores.

#include <string>
#include <string_view>

#include <referat/ingest/json.hpp>

namespace referat::query::detail {

/// The item record for output from a document's stored data. Fields the data lacks are null
/// (or empty lists), so a record always has every field of the schema.
[[nodiscard]] json::Value item_record(std::string_view stored);

/// The text snippets are cut from: the title, the decision, then the body sections.
[[nodiscard]] std::string snippet_text(std::string_view stored);

/// A kSlotIndexed time (microseconds since 1970) as RFC 3339 UTC to the second:
/// "2026-12-07T06:50:12Z".
[[nodiscard]] std::string indexed_time(double microseconds);

}  // namespace referat::query::detail
