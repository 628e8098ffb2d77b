#pragma once
// Reading a source file of any supported type into UTF-8 text (type detected by content).

#include <cstddef>
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include <referat/ingest/error.hpp>

namespace referat::ingest {

/// Limits applied to one file; a file over a limit is reported and skipped.
struct ReadLimits {
    std::size_t max_bytes = 200u * 1024 * 1024;
    int max_pages = 2000;
    double max_seconds = 120.0;
};

/// The text of a source before normalisation, with page starts for paged formats.
struct SourceText {
    std::string type;                      ///< "text", "pdf", "html", "docx"
    std::string encoding;                  ///< detected encoding of text sources: "UTF-8", ...
    std::string text;                      ///< UTF-8
    std::vector<std::size_t> page_starts;  ///< byte offsets in text; empty for unpaged sources
    std::string sha256;                    ///< of the file's bytes
    std::vector<std::string> warnings;
};

/// Detect the type by content and extract text. Errors name the file and the reason.
[[nodiscard]] std::expected<SourceText, FileError> read_source(const std::filesystem::path& path,
                                                               const ReadLimits& limits = {});

/// Lower-case hex SHA-256 of bytes.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace referat::ingest
