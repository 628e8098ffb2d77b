// libFuzzer target: the whole reader front (type detection, every format) on arbitrary bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <referat/ingest/reader.hpp>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    referat::ingest::ReadLimits limits;
    limits.max_seconds = 10;
    limits.max_pages = 50;
    limits.max_unpacked_bytes = 16u * 1024 * 1024;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto src = referat::ingest::read_bytes(bytes, "fuzz", limits);
    if (src) {
        if (!referat::utf8::is_valid(src->text)) __builtin_trap();
        for (const auto start : src->page_starts)
            if (start > src->text.size()) __builtin_trap();
    } else if (src.error().reason.empty()) {
        __builtin_trap();
    }
    return 0;
}
