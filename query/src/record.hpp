#pragma once
// The exported item record (data/schema/item.schema.json) from the JSON the writer stores.

#include <string>
#include <string_view>

#include <referat/ingest/json.hpp>

namespace referat::query::detail {

/// The item record for output from a document's stored data. Fields the data lacks are null
/// (or empty lists), so a record always has every field of the schema.
[[nodiscard]] json::Value item_record(std::string_view stored);
/// The same from the stored data already parsed (parse_stored).
[[nodiscard]] json::Value item_record_of(const json::Value& data);
/// A document's stored data as a JSON object (an empty one when it is not).
[[nodiscard]] json::Value parse_stored(std::string_view stored);

/// The text snippets are cut from: the title, the decision, then the body sections, of the
/// stored data as parse_stored gives it.
[[nodiscard]] std::string snippet_text(const json::Value& data);

/// A kSlotIndexed time (microseconds since 1970) as RFC 3339 UTC to the second:
/// "2026-12-07T06:50:12Z".
[[nodiscard]] std::string indexed_time(double microseconds);

}  // namespace referat::query::detail
