#pragma once
// Publishers' structured XML exports (Acadre, eDoc, SBSYS) read straight into the model.
// Each export kind is one row of a table, recognised by its root element, namespace and the
// elements under it, never by file name.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/model.hpp>

namespace referat::ingest::read {

/// What one export held: its meetings and the readable text their spans point into.
struct ExportReading {
    std::string kind;               ///< row of the export table: "acadre-item", "sbsys", ...
    std::string text;               ///< normalised text: every readable field of the export
    std::vector<Meeting> meetings;  ///< header, attendance, items; offsets refer to text
};

/// Read UTF-8 XML as a publisher's export; std::nullopt when it is none we know.
[[nodiscard]] std::optional<ExportReading> read_xml_export(std::string_view utf8);

}  // namespace referat::ingest::read
