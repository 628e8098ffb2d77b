// libFuzzer target: the facet store loader (index/columns.hpp) on any bytes. A store file is
// Referat's own, but a database folder can be copied, damaged or truncated; the property is in
// columns_property.hpp, which the index tests replay over this target's corpus.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

#include "columns_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() /
        ("referat-fuzz-columns-" + std::to_string(::getpid()) + ".bin");
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (!referat::fuzz::store_loads_safely(bytes, file)) __builtin_trap();
    return 0;
}
