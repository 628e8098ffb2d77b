#pragma once
// Agenda item headers: candidates per header style, table-of-contents skipping, and the chain of
// consecutive numbers that separates real items from numbered lists, dates and table rows.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/lines.hpp"

namespace referat::ingest::text {

/// One item header line as found.
struct ItemHeader {
    std::size_t line = 0;        ///< index of the header line
    std::size_t body_begin = 0;  ///< index of the first line after the header and its title
    int number = 0;
    std::string title;  ///< title as written, wrapped lines joined by one space
    bool toc_only = false;  ///< listed by the table of contents only: no body in the text
    bool closed = false;    ///< the table of contents lists it as closed
    std::string case_line;  ///< case number written on the header line ("§ 45 Dnr KS 2024/12")
};

/// An item header candidate on one line (any style), before the chain check.
struct Candidate {
    std::size_t line = 0;
    int number = 0;
    std::size_t style = 0;   ///< index into item_styles()
    std::string_view title;  ///< title on the same line (may be empty)
};

/// The candidate on this line, if any (column 0, known style, not a date or table row).
[[nodiscard]] bool match_candidate(const Line& line, std::size_t index, Candidate& out);

/// Item headers in lines [begin, end) in one of the allowed styles (ItemStyle names; empty:
/// all); rule names that fired are appended to rules, the TOC heading line to toc_line.
[[nodiscard]] std::vector<ItemHeader> find_items(std::span<const Line> lines, std::size_t begin,
                                                 std::size_t end,
                                                 std::span<const std::string_view> allowed,
                                                 std::vector<std::string>& rules,
                                                 std::size_t& toc_line);

}  // namespace referat::ingest::text
