#pragma once
// Raw DEFLATE (RFC 1951) both ways, on zlib: the one place that compresses and decompresses.
// DOCX members are read with it; the index packs its stored records with it.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace referat::ingest {

/// Decode raw DEFLATE data (no zlib or gzip header). Output beyond max_output is an error, so
/// a small input cannot expand without bound. dictionary is the preset dictionary the data was
/// packed with (empty for none). The error names what is wrong with the data.
[[nodiscard]] std::expected<std::string, std::string> inflate_raw(std::string_view compressed,
                                                                  std::size_t max_output,
                                                                  std::string_view dictionary = {});

/// Encode data as raw DEFLATE at zlib's default level, primed with dictionary (at most the
/// last 32 KiB of it counts; empty for none). inflate_raw with the same dictionary returns data.
[[nodiscard]] std::string deflate_raw(std::string_view data, std::string_view dictionary = {});

}  // namespace referat::ingest
