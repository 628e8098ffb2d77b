// Raw DEFLATE on zlib (deflate.hpp).

#include "referat/ingest/deflate.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <stdexcept>

#include <zlib.h>

namespace referat::ingest {

namespace {

/// zlib's counters are unsigned int: feed it at most this much at a time.
constexpr std::size_t kChunk = 1u << 16;
/// Raw DEFLATE: negative window bits, no zlib header.
constexpr int kRawWindow = -MAX_WBITS;
/// zlib's default memory level.
constexpr int kMemLevel = 8;

const Bytef* bytes(std::string_view s) { return reinterpret_cast<const Bytef*>(s.data()); }

}  // namespace

std::expected<std::string, std::string> inflate_raw(std::string_view compressed,
                                                    std::size_t max_output,
                                                    std::string_view dictionary) {
    z_stream stream{};
    if (inflateInit2(&stream, kRawWindow) != Z_OK)
        return std::unexpected("cannot start the DEFLATE decoder");
    // A raw stream takes its dictionary up front (it has no header asking for one).
    if (!dictionary.empty() &&
        inflateSetDictionary(
            &stream, bytes(dictionary),
            static_cast<uInt>(std::min<std::size_t>(dictionary.size(), UINT_MAX))) != Z_OK) {
        inflateEnd(&stream);
        return std::unexpected("cannot set the DEFLATE dictionary");
    }
    std::string out;
    std::array<char, kChunk> buffer;
    std::size_t fed = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && fed < compressed.size()) {
            const std::size_t n = std::min(kChunk, compressed.size() - fed);
            stream.next_in = const_cast<Bytef*>(bytes(compressed.substr(fed)));
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
        // Checked per chunk, so a small input cannot expand into memory beyond the limit.
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

std::string deflate_raw(std::string_view data, std::string_view dictionary) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kRawWindow, kMemLevel,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("cannot start the DEFLATE encoder");
    constexpr std::size_t kWindow = 1u << MAX_WBITS;  // zlib uses the dictionary's last 32 KiB
    if (dictionary.size() > kWindow) dictionary.remove_prefix(dictionary.size() - kWindow);
    if (!dictionary.empty() &&
        deflateSetDictionary(&stream, bytes(dictionary), static_cast<uInt>(dictionary.size())) !=
            Z_OK) {
        deflateEnd(&stream);
        throw std::runtime_error("cannot set the DEFLATE dictionary");
    }
    std::string out;
    std::array<char, kChunk> buffer;
    std::size_t fed = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && fed < data.size()) {
            const std::size_t n = std::min(kChunk, data.size() - fed);
            stream.next_in = const_cast<Bytef*>(bytes(data.substr(fed)));
            stream.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = static_cast<uInt>(buffer.size());
        status = deflate(&stream, fed == data.size() ? Z_FINISH : Z_NO_FLUSH);
        if (status == Z_STREAM_ERROR) {
            deflateEnd(&stream);
            throw std::runtime_error("DEFLATE encoder failed");
        }
        out.append(buffer.data(), buffer.size() - stream.avail_out);
    }
    deflateEnd(&stream);
    return out;
}

}  // namespace referat::ingest
