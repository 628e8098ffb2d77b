// libFuzzer target: PDF reading through Poppler and the page cleaning that follows.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    referat::ingest::ReadLimits limits;
    limits.max_pages = 50;
    const referat::ingest::read::Deadline deadline(10);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto got = referat::ingest::read::read_pdf(bytes, limits, deadline);
    if (got) {
        for (const auto start : got->page_starts)
            if (start > got->text.size()) __builtin_trap();
    }
    return 0;
}
