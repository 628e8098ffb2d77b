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

}  // namespace referat::query::detail
