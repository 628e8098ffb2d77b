#pragma once
// Tables of contents and agenda lists: "Indholdsfortegnelse", "PUNKTER", "Saksliste",
// "Ärendelista", "Pkt. Tekst" and headless runs of entries with dot leaders or page numbers.
// Their entries are evidence for item numbers and titles, and the only source of items whose
// body a publication leaves out.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/lines.hpp"

namespace referat::ingest::text {

/// One entry of a table of contents.
struct TocEntry {
    std::size_t line = 0;  ///< index of the entry's first line
    int number = 0;
    std::string title;     ///< without number, open/closed mark, leaders and page
    int page = -1;         ///< page number when written, else -1
    bool closed = false;   ///< "(Lukket)" / under a "Lukket" heading
    bool implicit = false; ///< the table writes no number: numbered by position
};

/// A table of contents found in lines [begin, end).
struct Toc {
    std::size_t heading = static_cast<std::size_t>(-1);  ///< heading line, or -1 when headless
    std::size_t first = 0;  ///< first line of the table (heading or first entry)
    std::size_t last = 0;   ///< last line of the table
    std::vector<TocEntry> entries;
};

/// The entry written on one trimmed line: "Punkt 3: Title ..... 7", "3. Title\t7",
/// "§ 12 Title", "PS 12/24 Title", "3 (Åben) Title 7", "Sak 3/09 Title". False otherwise.
[[nodiscard]] bool parse_toc_entry(std::string_view trimmed, TocEntry& out);

/// Every table of contents in lines [begin, end), in order. A table has a heading and two
/// entries or more numbered upwards, or (headless) three entries or more with page numbers.
[[nodiscard]] std::vector<Toc> find_tocs(std::span<const Line> lines, std::size_t begin,
                                         std::size_t end);

}  // namespace referat::ingest::text
