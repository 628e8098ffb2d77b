#pragma once
// Reading a source file of any supported type into UTF-8 text (type detected by content).

#include <cstddef>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/error.hpp>
#include <referat/ingest/model.hpp>

namespace referat::ingest {

/// Limits applied to one file; a file over a limit is reported and skipped.
struct ReadLimits {
    std::size_t max_bytes = 200u * 1024 * 1024;  ///< size of the file as stored
    int max_pages = 2000;                         ///< pages of a PDF
    double max_seconds = 120.0;                   ///< wall clock per file; <= 0 means no limit
    std::size_t max_unpacked_bytes = 256u * 1024 * 1024;  ///< a DOCX member once inflated
};

/// The text of a source before normalisation, with page starts for paged formats.
/// PDF text is cleaned: running headers/footers and page numbers removed, lines wrapped at the
/// margin joined (one paragraph per line, as in text sources), hyphenation undone, and table of
/// contents lines written with one fixed leader: "Punkt 1: Titel ..... 3" (" ..... " + page).
/// HTML and DOCX blocks are lines; table cells are separated by a tab.
/// A publisher's XML export (Acadre, eDoc, SBSYS) is read into meetings directly: then text is
/// already normalised and the meetings' offsets point into it.
struct SourceText {
    std::string type;                      ///< "text", "pdf", "html", "docx", "xml"
    std::string encoding;                  ///< detected encoding of text sources: "UTF-8", ...
    std::string text;                      ///< UTF-8
    std::vector<std::size_t> page_starts;  ///< byte offsets in text; empty for unpaged sources
    std::string sha256;                    ///< of the file's bytes
    std::vector<std::string> warnings;
    std::optional<std::vector<Meeting>> meetings;  ///< set for structured exports only
};

/// Detect the type by content and extract text. Errors name the file and the reason.
[[nodiscard]] std::expected<SourceText, FileError> read_source(const std::filesystem::path& path,
                                                               const ReadLimits& limits = {});

/// The same on bytes already in memory; name is used in errors only (fuzzers, tests, stdin).
[[nodiscard]] std::expected<SourceText, FileError> read_bytes(std::string_view bytes,
                                                              const std::string& name,
                                                              const ReadLimits& limits = {});

/// Lower-case hex SHA-256 of bytes.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace referat::ingest
