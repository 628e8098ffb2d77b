// Zip archives held in memory: the central directory, and one member's bytes. Only what DOCX
// needs: stored and deflated members, no ZIP64, no encryption, no multi-disk archives.
// DEFLATE and CRC-32 are zlib's.

#include <algorithm>
#include <array>
#include <climits>
#include <string>

#include <zlib.h>

#include "read/formats.hpp"

namespace referat::ingest::read {

namespace {

constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;
constexpr std::size_t kMaxComment = 0xFFFF;
constexpr std::uint16_t kMethodStored = 0;
constexpr std::uint16_t kMethodDeflate = 8;
constexpr std::uint16_t kFlagEncrypted = 0x1;

std::uint16_t u16(std::string_view s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                      static_cast<unsigned char>(s[at + 1]) << 8);
}

std::uint32_t u32(std::string_view s, std::size_t at) {
    return static_cast<std::uint32_t>(u16(s, at)) | static_cast<std::uint32_t>(u16(s, at + 2))
                                                        << 16;
}

/// zlib's counters are unsigned int: feed it at most this much at a time.
constexpr std::size_t kChunk = 1u << 16;

}  // namespace

std::expected<std::string, Reason> inflate_raw(std::string_view compressed,
                                               std::size_t max_output) {
    z_stream stream{};
    // Negative window bits: raw DEFLATE, no zlib header, as zip members are stored.
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return std::unexpected("cannot start the DEFLATE decoder");
    std::string out;
    std::array<char, kChunk> buffer;
    std::size_t fed = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && fed < compressed.size()) {
            const std::size_t n = std::min(kChunk, compressed.size() - fed);
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fed));
            stream.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = static_cast<uInt>(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = buffer.size() - stream.avail_out;
        if (status == Z_BUF_ERROR && produced == 0 && stream.avail_in == 0 &&
            fed == compressed.size())
            break;  // no progress possible: the input ended early
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            const std::string what = stream.msg != nullptr ? stream.msg : "damaged data";
            inflateEnd(&stream);
            return std::unexpected("invalid compressed data (" + what + ")");
        }
        // Checked per chunk, so a small archive cannot expand into memory beyond the limit.
        if (produced > max_output - std::min(max_output, out.size())) {
            inflateEnd(&stream);
            return std::unexpected("uncompressed data exceeds the size limit");
        }
        out.append(buffer.data(), produced);
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return std::unexpected("unexpected end of compressed data");
    return out;
}

std::uint32_t crc32(std::string_view bytes) {
    uLong crc = ::crc32(0L, Z_NULL, 0);
    while (!bytes.empty()) {
        const std::size_t n = std::min<std::size_t>(bytes.size(), UINT_MAX);
        crc = ::crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(n));
        bytes.remove_prefix(n);
    }
    return static_cast<std::uint32_t>(crc);
}

std::expected<std::vector<ZipEntry>, Reason> zip_directory(std::string_view zip) {
    if (zip.size() < kEndSize) return std::unexpected("damaged zip archive (too short)");
    // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
    const std::size_t lowest =
        zip.size() > kEndSize + kMaxComment ? zip.size() - kEndSize - kMaxComment : 0;
    std::size_t end = std::string_view::npos;
    for (std::size_t at = zip.size() - kEndSize + 1; at-- > lowest;) {
        if (u32(zip, at) == kEndSignature) {
            end = at;
            break;
        }
    }
    if (end == std::string_view::npos)
        return std::unexpected("damaged zip archive (no central directory; truncated?)");
    const std::uint16_t disk = u16(zip, end + 4);
    const std::uint16_t count = u16(zip, end + 10);
    const std::uint32_t dir_size = u32(zip, end + 12);
    const std::uint32_t dir_offset = u32(zip, end + 16);
    if (disk != 0) return std::unexpected("unsupported zip archive (spans several disks)");
    if (count == 0xFFFF || dir_offset == 0xFFFFFFFFu)
        return std::unexpected("unsupported zip archive (ZIP64)");
    if (static_cast<std::uint64_t>(dir_offset) + dir_size > end)
        return std::unexpected("damaged zip archive (central directory out of range)");
    std::vector<ZipEntry> entries;
    entries.reserve(count);
    std::size_t at = dir_offset;
    for (std::uint16_t i = 0; i < count; ++i) {
        if (at + kCentralSize > end || u32(zip, at) != kCentralSignature)
            return std::unexpected("damaged zip archive (bad central directory entry " +
                                   std::to_string(i) + ")");
        ZipEntry e;
        e.flags = u16(zip, at + 8);
        e.method = u16(zip, at + 10);
        e.crc = u32(zip, at + 16);
        e.compressed_size = u32(zip, at + 20);
        e.size = u32(zip, at + 24);
        const std::size_t name_len = u16(zip, at + 28);
        const std::size_t extra_len = u16(zip, at + 30);
        const std::size_t comment_len = u16(zip, at + 32);
        e.local_header_offset = u32(zip, at + 42);
        if (at + kCentralSize + name_len + extra_len + comment_len > end)
            return std::unexpected("damaged zip archive (central directory entry " +
                                   std::to_string(i) + " runs past its end)");
        e.name = std::string(zip.substr(at + kCentralSize, name_len));
        at += kCentralSize + name_len + extra_len + comment_len;
        entries.push_back(std::move(e));
    }
    return entries;
}

std::expected<std::string, Reason> zip_extract(std::string_view zip, const ZipEntry& entry,
                                               std::size_t max_output) {
    const std::string what = "zip member " + entry.name;
    if (entry.flags & kFlagEncrypted) return std::unexpected(what + " is encrypted");
    if (entry.size > max_output) {
        return std::unexpected(what + " too large when uncompressed (" +
                               std::to_string(entry.size) + " bytes > limit " +
                               std::to_string(max_output) + ")");
    }
    const std::uint64_t local = entry.local_header_offset;
    if (local + kLocalSize > zip.size() || u32(zip, local) != kLocalSignature)
        return std::unexpected("damaged zip archive (bad local header of " + entry.name + ")");
    const std::uint64_t data = local + kLocalSize + u16(zip, local + 26) + u16(zip, local + 28);
    if (data + entry.compressed_size > zip.size())
        return std::unexpected("damaged zip archive (" + entry.name + " truncated)");
    const auto packed = zip.substr(data, entry.compressed_size);
    std::string bytes;
    if (entry.method == kMethodStored) {
        bytes = std::string(packed);
    } else if (entry.method == kMethodDeflate) {
        // The declared size bounds the output: a member that inflates beyond it is damaged.
        auto inflated = inflate_raw(packed, std::min<std::uint64_t>(entry.size, max_output));
        if (!inflated)
            return std::unexpected("damaged zip archive (" + entry.name + ": " + inflated.error() +
                                   ")");
        bytes = std::move(*inflated);
    } else {
        return std::unexpected("unsupported zip compression method " +
                               std::to_string(entry.method) + " for " + entry.name);
    }
    if (bytes.size() != entry.size || crc32(bytes) != entry.crc)
        return std::unexpected("damaged zip archive (" + entry.name + " fails its CRC check)");
    return bytes;
}

}  // namespace referat::ingest::read
