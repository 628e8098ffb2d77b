// libFuzzer target: the page cleaning rules alone (headers, page numbers, wrapped lines,
// hyphenation, dot leaders) on page texts split at form feeds. Much faster than going
// through Poppler, so it reaches the rules' corners.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "read/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> pages;
    std::size_t begin = 0;
    while (begin <= bytes.size()) {
        auto end = bytes.find('\f', begin);
        if (end == std::string_view::npos) end = bytes.size();
        pages.emplace_back(bytes.substr(begin, end - begin));
        begin = end + 1;
    }
    std::vector<std::size_t> starts;
    const std::string text = referat::ingest::read::clean_pdf_pages(pages, starts);
    if (starts.size() != pages.size()) __builtin_trap();
    for (std::size_t i = 0; i < starts.size(); ++i) {
        if (starts[i] > text.size()) __builtin_trap();
        if (i > 0 && starts[i] < starts[i - 1]) __builtin_trap();
    }
    return 0;
}
