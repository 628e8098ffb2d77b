#pragma once
// Helpers shared by the reader tests: fixture paths, file contents, a per-test temporary folder,
// small zip archives built in memory.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <zlib.h>

namespace referat::ingest::test {

/// Path of a file under data/ in the repository.
inline std::filesystem::path data_path(std::string_view relative) {
    return std::filesystem::path(REFERAT_TEST_DATA) / relative;
}

/// Whole file as bytes; empty when unreadable.
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A zip archive of stored (uncompressed) members, for DOCX packages made in a test.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& members) {
    auto put = [](std::string& out, std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
    };
    std::string zip;
    std::string directory;
    for (const auto& [name, bytes] : members) {
        const auto crc = static_cast<std::uint32_t>(crc32(
            0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
        const auto size = static_cast<std::uint32_t>(bytes.size());
        const auto offset = static_cast<std::uint32_t>(zip.size());
        put(zip, 0x04034b50, 4);
        put(zip, 20, 2);  // version needed
        put(zip, 0, 2);   // flags
        put(zip, 0, 2);   // stored
        put(zip, 0, 4);   // time and date
        put(zip, crc, 4);
        put(zip, size, 4);
        put(zip, size, 4);
        put(zip, static_cast<std::uint32_t>(name.size()), 2);
        put(zip, 0, 2);
        zip += name;
        zip += bytes;
        put(directory, 0x02014b50, 4);
        put(directory, 20, 2);
        put(directory, 20, 2);
        put(directory, 0, 2);
        put(directory, 0, 2);
        put(directory, 0, 4);
        put(directory, crc, 4);
        put(directory, size, 4);
        put(directory, size, 4);
        put(directory, static_cast<std::uint32_t>(name.size()), 2);
        put(directory, 0, 2);  // extra
        put(directory, 0, 2);  // comment
        put(directory, 0, 2);  // disk
        put(directory, 0, 2);  // internal attributes
        put(directory, 0, 4);  // external attributes
        put(directory, offset, 4);
        directory += name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(zip.size());
    zip += directory;
    put(zip, 0x06054b50, 4);
    put(zip, 0, 2);
    put(zip, 0, 2);
    put(zip, static_cast<std::uint32_t>(members.size()), 2);
    put(zip, static_cast<std::uint32_t>(members.size()), 2);
    put(zip, static_cast<std::uint32_t>(directory.size()), 4);
    put(zip, directory_offset, 4);
    put(zip, 0, 2);
    return zip;
}

/// A fresh directory removed with everything in it at scope exit.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        const auto base = std::filesystem::temp_directory_path();
        for (;;) {
            m_path = base / ("referat-read-" + std::to_string(rd()));
            if (std::filesystem::create_directory(m_path)) break;
        }
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        for (const auto& entry : std::filesystem::recursive_directory_iterator(
                 m_path, std::filesystem::directory_options::skip_permission_denied, ec))
            std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// Write bytes to name inside the folder and return its path.
    std::filesystem::path write(const std::string& name, std::string_view bytes) const {
        const auto path = m_path / name;
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return path;
    }
    /// The folder itself.
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

}  // namespace referat::ingest::test
