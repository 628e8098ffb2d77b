#pragma once
// ICU-based text normalisation applied to every input before segmentation.

#include <string>
#include <string_view>

namespace referat::ingest {

/// NFC; CRLF and CR to LF; NBSP and other Unicode spaces to ' '; soft hyphens and zero-width
/// characters removed; stray HTML tags flattened to text; invalid UTF-8 replaced by U+FFFD.
/// Line structure is kept: line N of the input is line N of the output.
[[nodiscard]] std::string normalise_text(std::string_view utf8);

}  // namespace referat::ingest
