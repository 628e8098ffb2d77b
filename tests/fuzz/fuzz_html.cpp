// libFuzzer target: HTML to text (tags, entities, dropped elements, chrome lines, deep
// nesting) and the <meta charset> prescan.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const std::string text = referat::ingest::read::html_to_text(html);
    // Every line is trimmed, no blank line is doubled, and any input gives valid UTF-8.
    if (text.find("\n\n\n") != std::string::npos) __builtin_trap();
    if (text.find(" \n") != std::string::npos) __builtin_trap();
    if (!referat::utf8::is_valid(text)) __builtin_trap();
    // A declared charset is a lower-case label without surrounding space.
    if (const auto charset = referat::ingest::read::declared_charset(html)) {
        if (charset->empty() || charset->front() == ' ' || charset->back() == ' ') __builtin_trap();
    }
    return 0;
}
