// libFuzzer target: the CSV writer. The property is referat::fuzz::csv_reads_back: rows taken
// from the input, written and read back by a strict RFC 4180 reader, come back unchanged.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (!referat::fuzz::csv_reads_back(std::string_view(reinterpret_cast<const char*>(data), size)))
        __builtin_trap();
    return 0;
}
