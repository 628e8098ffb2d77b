#pragma once
// What the facet store fuzz target checks, shared with the index tests that replay its corpus
// (tests/fuzz/corpus/columns/): any bytes as a store file either do not load, or load and answer
// every lookup inside the file.

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <referat/index/columns.hpp>

namespace referat::fuzz {

/// The token a store file claims (after the 8-byte magic: a length and the bytes), so a loader
/// given it reaches the tables behind the header instead of stopping at a token mismatch.
inline std::string claimed_token(std::string_view bytes) {
    if (bytes.size() < 12) return "0";
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + 8, 4);
    if (length > 64 || bytes.size() - 12 < length) return "0";
    return std::string(bytes.substr(12, length));
}

/// Write bytes to file and load them as a store: whatever loads answers every lookup of every
/// document it claims (bounded, so a claimed last docid of four billion does not stall) and one
/// beyond, with values no longer than the file and groups within their count.
inline bool store_loads_safely(std::string_view bytes, const std::filesystem::path& file) {
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    const auto columns = index::Columns::load(file, claimed_token(bytes));
    if (!columns) return true;
    const Xapian::docid last = columns->last_docid();
    const Xapian::docid until = last < 4096 ? last + 1 : 4096;
    for (Xapian::docid did = 0; did <= until; ++did) {
        for (unsigned c = 0; c < index::kColumnCount; ++c) {
            const auto column = static_cast<index::Column>(c);
            for (const auto code : columns->codes(column, did))
                if (columns->value(column, code).size() > bytes.size()) return false;
        }
        if (columns->group(did) > columns->groups()) return false;
    }
    for (unsigned c = 0; c < index::kColumnCount; ++c) {
        const auto column = static_cast<index::Column>(c);
        const std::uint32_t n = columns->values(column);
        for (std::uint32_t code = 0; code <= (n < 4096 ? n + 1 : 4096); ++code)
            if (columns->value(column, code).size() > bytes.size()) return false;
    }
    return true;
}

}  // namespace referat::fuzz
