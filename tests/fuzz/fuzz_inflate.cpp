// libFuzzer target: raw DEFLATE through zlib, with the output bound zip members get.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kLimit = 1u << 20;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto out = referat::ingest::read::inflate_raw(bytes, kLimit);
    if (out && out->size() > kLimit) __builtin_trap();
    return 0;
}
