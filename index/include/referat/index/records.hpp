#pragma once
// Reading back what the writer stored: one record by id, and counts for `referat stats`.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/ingest/json.hpp>

namespace referat::index {

/// The stored form of a document's JSON record: one Zstandard frame packed with a fixed
/// dictionary trained on real minutes. Records are read back with record_json, which also
/// reads the plain JSON of schema 4 databases.
[[nodiscard]] std::string encode_record(std::string_view json);

/// The JSON text of a document's stored record (its data, unpacked). Throws referat::Error when
/// the data is packed in a form this version does not know or is damaged.
[[nodiscard]] std::string record_json(std::string_view stored);
[[nodiscard]] std::string record_json(const Xapian::Document& doc);

/// The JSON record stored with the item or meeting document of this id; std::nullopt when
/// there is none. Item records are item_to_json plus "type", "id", "meeting_id",
/// "meeting_index", "source", "sha256", "input_type", "layout" and "meeting" (the header);
/// meeting records are meeting_to_json with "items" reduced to {id, number, title,
/// decision_outcome}. Throws referat::Error on a database error.
[[nodiscard]] std::optional<json::Value> find_record(Xapian::Database& db, std::string_view id);

/// One facet value and how many items carry it.
struct FacetCount {
    std::string value;
    std::size_t count = 0;
};

/// Totals and per-facet item counts of a database.
struct IndexStats {
    std::size_t sources = 0;             ///< distinct source files
    std::size_t meetings = 0;            ///< meeting documents
    std::size_t items = 0;               ///< item documents
    std::vector<FacetCount> committees;  ///< by count, descending
    std::vector<FacetCount> years;       ///< by year, ascending
    std::vector<FacetCount> layouts;     ///< by count, descending
    std::vector<FacetCount> outcomes;    ///< by count, descending
};

/// Count sources, meetings and items, and items by committee, year, layout and outcome.
/// Throws referat::Error on a database error.
[[nodiscard]] IndexStats collect_stats(Xapian::Database& db);

}  // namespace referat::index
