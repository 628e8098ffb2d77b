#pragma once
// Model to JSON. The meeting shape matches the gold files so the two compare directly.

#include <referat/ingest/json.hpp>
#include <referat/ingest/model.hpp>

namespace referat::ingest {

/// One meeting in the gold shape: source, layout, meeting{}, participants, absent, items[].
[[nodiscard]] json::Value meeting_to_json(const Meeting& meeting, std::string_view source);
/// The meeting header fields (title, committee, date, start, end, location, published).
[[nodiscard]] json::Value meeting_header_to_json(const Meeting& meeting);
/// One item in the gold shape plus provenance fields (span, lines, page).
[[nodiscard]] json::Value item_to_json(const Item& item);
/// Inverse of item_to_json, for records read back from the index.
[[nodiscard]] Item item_from_json(const json::Value& value);
/// Inverse of meeting_to_json (items included).
[[nodiscard]] Meeting meeting_from_json(const json::Value& value);

}  // namespace referat::ingest
