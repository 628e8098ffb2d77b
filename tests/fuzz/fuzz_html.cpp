// libFuzzer target: HTML to text (tags, entities, dropped elements, chrome lines).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const std::string text = referat::ingest::read::html_to_text(html);
    // Every line is trimmed and no blank line is doubled.
    if (text.find("\n\n\n") != std::string::npos) __builtin_trap();
    if (text.find(" \n") != std::string::npos) __builtin_trap();
    return 0;
}
