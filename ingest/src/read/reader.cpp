#include "referat/ingest/reader.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

namespace referat::ingest {

namespace {

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += n;
    }
    return true;
}

}  // namespace

std::expected<SourceText, FileError> read_source(const std::filesystem::path& path,
                                                 const ReadLimits& limits) {
    const std::string name = path.string();
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return std::unexpected(FileError{name, "no such file"});
    if (std::filesystem::is_directory(status)) return std::unexpected(FileError{name, "is a directory"});
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return std::unexpected(FileError{name, "cannot read file size: " + ec.message()});
    if (size > limits.max_bytes)
        return std::unexpected(FileError{name, "file too large (" + std::to_string(size) +
                                                   " bytes; limit " +
                                                   std::to_string(limits.max_bytes) + ")"});
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(FileError{name, "permission denied or unreadable"});
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::unexpected(FileError{name, "read error"});
    if (bytes.empty()) return std::unexpected(FileError{name, "empty file"});
    SourceText out;
    out.sha256 = sha256_hex(bytes);
    if (bytes.find('\0') != std::string::npos || !valid_utf8(bytes))
        return std::unexpected(FileError{name, "unsupported file type (binary or not UTF-8 text)"});
    out.type = "text";
    out.encoding = "UTF-8";
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    out.text = std::move(bytes);
    return out;
}

}  // namespace referat::ingest
