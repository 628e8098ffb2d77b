#pragma once
// Private interface of the readers: one function per input format, each working on bytes in
// memory so tests and fuzzers can call them without files. Failures are a one-line reason; the
// caller (reader.cpp) adds the file name.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/reader.hpp>

namespace referat::ingest::read {

/// Text extracted from one source, before normalisation.
struct Extracted {
    std::string text;                      ///< UTF-8
    std::string encoding;                  ///< encoding of text sources, else empty
    std::vector<std::size_t> page_starts;  ///< byte offsets of pages in text (PDF only)
    std::vector<std::string> warnings;
};

/// Why a reader gave up: one line, lower-case start, no trailing period.
using Reason = std::string;

/// Wall-clock budget of one file, checked between units of work (pages, zip entries).
class Deadline {
  public:
    /// A deadline max_seconds from now; <= 0 means no limit.
    explicit Deadline(double max_seconds);
    /// True when the budget is used up.
    [[nodiscard]] bool expired() const;
    /// The configured limit in seconds, for messages.
    [[nodiscard]] double seconds() const { return m_seconds; }

  private:
    double m_seconds;
    std::chrono::steady_clock::time_point m_end;
};

// ---- encoding.cpp -------------------------------------------------------------------------

/// Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy 8-bit encoding
/// detected with ICU. Binary data (NUL or control bytes) is rejected with a reason.
[[nodiscard]] std::expected<Extracted, Reason> decode_text(std::string_view bytes);

// ---- html.cpp -----------------------------------------------------------------------------

/// True when decoded text looks like an HTML document (doctype, html, head, body, div ...).
[[nodiscard]] bool looks_like_html(std::string_view text);
/// HTML (already UTF-8) to text by the HTML5 parsing algorithm: tags stripped, character
/// references decoded, blocks kept as lines, table cells separated by tabs,
/// script/style/nav/header/footer and site chrome dropped.
[[nodiscard]] std::string html_to_text(std::string_view html);
/// The charset label a <meta charset> or <meta http-equiv="Content-Type"> in the first 1024
/// bytes declares, lower case; std::nullopt when none does.
[[nodiscard]] std::optional<std::string> declared_charset(std::string_view bytes);
/// Collapse whitespace, trim lines, drop blank-line runs and site chrome lines.
[[nodiscard]] std::string tidy_lines(std::string_view text);

// ---- zip.cpp (zlib) ------------------------------------------------------------------------

/// Raw DEFLATE (RFC 1951) decoder; output beyond max_output is an error.
[[nodiscard]] std::expected<std::string, Reason> inflate_raw(std::string_view compressed,
                                                             std::size_t max_output);
/// CRC-32 (ISO 3309, as in zip and gzip).
[[nodiscard]] std::uint32_t crc32(std::string_view bytes);

/// One member of a zip archive, from its central directory.
struct ZipEntry {
    std::string name;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressed_size = 0;
    std::uint64_t size = 0;
    std::uint64_t local_header_offset = 0;
};

/// The central directory of a zip archive held in memory.
[[nodiscard]] std::expected<std::vector<ZipEntry>, Reason> zip_directory(std::string_view zip);
/// The uncompressed bytes of one entry (stored or deflated), CRC checked.
[[nodiscard]] std::expected<std::string, Reason> zip_extract(std::string_view zip,
                                                             const ZipEntry& entry,
                                                             std::size_t max_output);

// ---- docx.cpp -----------------------------------------------------------------------------

/// The main document part to text: w:p -> line, w:tab -> tab, w:br -> line, tables row by
/// row; elements are matched on the WordprocessingML namespace, not on the prefix.
[[nodiscard]] std::string docx_xml_to_text(std::string_view document_xml);
/// A zip archive that should be a Word document: its text, or why not.
[[nodiscard]] std::expected<Extracted, Reason> read_zip(std::string_view bytes,
                                                        const ReadLimits& limits);

// ---- pdf.cpp / pdf_text.cpp ---------------------------------------------------------------

/// Text of a PDF held in memory, page by page, cleaned (see clean_pdf_pages).
[[nodiscard]] std::expected<Extracted, Reason> read_pdf(std::string_view bytes,
                                                        const ReadLimits& limits,
                                                        const Deadline& deadline);
/// Tidy the physical-layout text of each page: spacing, running headers and footers, page
/// numbers, words hyphenated across lines, dot leaders. Returns the joined text and fills
/// page_starts.
[[nodiscard]] std::string clean_pdf_pages(std::vector<std::string> pages,
                                          std::vector<std::size_t>& page_starts);

}  // namespace referat::ingest::read
