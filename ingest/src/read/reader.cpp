// The reader front: limits, type detection by content, dispatch to the format readers.

#include "referat/ingest/reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "read/formats.hpp"
#include "read/xml_export.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {

namespace {

constexpr std::size_t kPdfMagicWindow = 1024;

struct Magic {
    std::string_view bytes;
    std::string_view what;
};

// Formats we recognise only to name them in the refusal.
constexpr std::array<Magic, 17> kUnsupported = {{
    {"\x89PNG", "PNG image"},
    {"\xFF\xD8\xFF", "JPEG image"},
    {"GIF87a", "GIF image"},
    {"GIF89a", "GIF image"},
    {std::string_view("II*\0", 4), "TIFF image"},
    {std::string_view("MM\0*", 4), "TIFF image"},
    {"\xD0\xCF\x11\xE0", "legacy Word/Office document (.doc); save it as DOCX or PDF"},
    {"{\\rtf", "RTF document; save it as DOCX or PDF"},
    {"\x1F\x8B", "gzip archive"},
    {"7z\xBC\xAF", "7-Zip archive"},
    {"Rar!", "RAR archive"},
    {"%!PS", "PostScript document"},
    {"\x7F"
     "ELF",
     "executable"},
    {"MZ", "Windows executable"},
    {"OggS", "Ogg media"},
    {"ID3", "MP3 audio"},
    {"RIFF", "RIFF media (audio, video or WebP image)"},
}};

std::string format_size(std::size_t bytes) {
    constexpr std::size_t kMiB = 1024 * 1024;
    if (bytes >= 10 * kMiB) return std::to_string(bytes / kMiB) + " MB";
    if (bytes >= 10 * 1024) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " bytes";
}

std::string size_over_limit(std::size_t size, std::size_t limit) {
    std::string a = format_size(size);
    std::string b = format_size(limit);
    if (a == b) {  // rounding hid the difference: be exact
        a = std::to_string(size) + " bytes";
        b = std::to_string(limit) + " bytes";
    }
    return a + " > limit " + b;
}

std::string xml_root(std::string_view text) {
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        ++i;
        if (i < text.size() && (text[i] == '?' || text[i] == '!')) continue;
        const auto end = text.find_first_of(" \t\r\n/>", i);
        return std::string(
            text.substr(i, (end == std::string_view::npos ? text.size() : end) - i).substr(0, 40));
    }
    return "?";
}

}  // namespace

namespace read {

Deadline::Deadline(double max_seconds)
    : m_seconds(max_seconds),
      m_end(std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double>(max_seconds > 0 ? max_seconds : 0))) {}

bool Deadline::expired() const { return m_seconds > 0 && std::chrono::steady_clock::now() > m_end; }

}  // namespace read

std::expected<SourceText, FileError> read_bytes(std::string_view bytes, const std::string& name,
                                                const ReadLimits& limits) {
    const read::Deadline deadline(limits.max_seconds);
    auto fail = [&](std::string reason) {
        return std::unexpected(FileError{name, std::move(reason)});
    };
    if (bytes.empty()) return fail("empty file");
    if (bytes.size() > limits.max_bytes)
        return fail("file too large: " + size_over_limit(bytes.size(), limits.max_bytes));
    SourceText out;
    out.sha256 = sha256_hex(bytes);
    std::expected<read::Extracted, read::Reason> got;
    if (bytes.substr(0, kPdfMagicWindow).find("%PDF-") != std::string_view::npos) {
        out.type = "pdf";
        got = read::read_pdf(bytes, limits, deadline);
    } else if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
        out.type = "docx";
        got = read::read_zip(bytes, limits);
    } else {
        for (const auto& magic : kUnsupported)
            if (bytes.starts_with(magic.bytes))
                return fail("unsupported file type (" + std::string(magic.what) + ")");
        got = read::decode_text(bytes);
        if (got) {
            out.encoding = got->encoding;
            const auto first = got->text.find_first_not_of(" \t\r\n\f");
            const std::string_view from = first == std::string::npos
                                              ? std::string_view()
                                              : std::string_view(got->text).substr(first);
            const std::string root = from.starts_with("<") ? xml_root(from) : std::string();
            const bool web_page = utf8::equal_ascii_case_insensitive(root, "html");
            // Markup that is not a web page may be a publisher's export: try those first.
            if (!root.empty() && !web_page) {
                if (auto reading = read::read_xml_export(from)) {
                    out.type = "xml";
                    out.text = std::move(reading->text);
                    out.meetings = std::move(reading->meetings);
                    return out;
                }
            }
            // XML that declares itself and is no web page is data we do not know, even when it
            // uses HTML-like element names (<table>).
            if (from.starts_with("<?xml") && !web_page) {
                return fail("unsupported file type (XML data, root element <" + root + ">)");
            } else if (read::looks_like_html(got->text)) {
                out.type = "html";
                got->text = read::html_to_text(got->text);
            } else {
                out.type = "text";
            }
        }
    }
    if (!got) return fail(got.error());
    if (deadline.expired()) {
        return fail("time limit exceeded: more than " +
                    std::to_string(static_cast<long>(limits.max_seconds)) + " s");
    }
    if (got->text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
        if (out.type == "text") return fail("empty file (only whitespace)");
        return fail("no text in " + out.type + " file");
    }
    out.text = std::move(got->text);
    out.page_starts = std::move(got->page_starts);
    out.warnings = std::move(got->warnings);
    return out;
}

std::expected<SourceText, FileError> read_source(const std::filesystem::path& path,
                                                 const ReadLimits& limits) {
    const std::string name = path.string();
    auto fail = [&](std::string reason) {
        return std::unexpected(FileError{name, std::move(reason)});
    };
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        if (ec == std::errc::too_many_symbolic_link_levels) return fail("symbolic link loop");
        return fail("no such file");
    }
    if (std::filesystem::is_directory(status)) return fail("is a directory");
    if (!std::filesystem::is_regular_file(status)) return fail("not a regular file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail("cannot read file size: " + ec.message());
    if (size > limits.max_bytes)
        return fail("file too large: " + size_over_limit(size, limits.max_bytes));
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        if (err == EACCES) return fail("permission denied");
        return fail("cannot open file" + std::string(err != 0 ? ": " : "") +
                    (err != 0 ? std::strerror(err) : ""));
    }
    std::string bytes;
    bytes.resize(size);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.bad() || static_cast<std::size_t>(in.gcount()) != size)
        return fail("read error (file changed while reading?)");
    return read_bytes(bytes, name, limits);
}

}  // namespace referat::ingest
