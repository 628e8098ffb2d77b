#pragma once
// Line view of normalised text and the small string helpers the segmenter shares (letter case
// and UTF-8 are referat/ingest/utf8.hpp's).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace referat::ingest::text {

/// One line of the normalised text (without its '\n').
struct Line {
    std::size_t begin = 0;     ///< byte offset of the first byte
    std::size_t end = 0;       ///< byte offset one past the last byte (before '\n')
    std::string_view raw;      ///< the line as written
    std::string_view trimmed;  ///< raw without leading and trailing whitespace
    int number = 0;            ///< 1-based line number in the whole text
    bool blank = true;         ///< only whitespace (or a noise line such as "Side 2 af 17")
};

/// Split text into lines; noise lines (page footers, web navigation) are marked blank.
[[nodiscard]] std::vector<Line> split_lines(std::string_view text);

/// Trim ASCII whitespace at both ends.
[[nodiscard]] std::string_view trim(std::string_view s);
/// Collapse every whitespace run to one space and trim.
[[nodiscard]] std::string collapse_spaces(std::string_view s);
/// Whitespace-separated words of s.
[[nodiscard]] std::vector<std::string_view> words(std::string_view s);

}  // namespace referat::ingest::text
