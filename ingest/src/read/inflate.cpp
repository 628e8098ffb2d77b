// A raw DEFLATE decoder (RFC 1951) for zip members. Our fixed dependency list has no zlib, and
// DOCX needs only decompression, so this is a small canonical-Huffman decoder in the style of
// zlib's puff.c: slow-ish but simple, bounded, and safe on hostile input (every read is checked).

#include <array>
#include <cstdint>
#include <string>

#include "read/formats.hpp"

namespace referat::ingest::read {

namespace {

constexpr int kMaxBits = 15;
constexpr int kMaxLitLen = 286;
constexpr int kMaxDist = 30;
constexpr int kMaxCodes = kMaxLitLen + kMaxDist;

constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                       15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                       67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                     4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                     9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr std::array<std::uint8_t, 19> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                           11, 4,  12, 3, 13, 2, 14, 1, 15};

/// A canonical Huffman code: number of symbols per length and symbols ordered by code.
struct Huffman {
    std::array<std::uint16_t, kMaxBits + 1> count{};
    std::array<std::uint16_t, kMaxCodes> symbol{};
};

struct Failure {
    const char* what;
};

class Inflater {
  public:
    Inflater(std::string_view in, std::size_t max_output) : m_in(in), m_max(max_output) {}

    std::string run() {
        bool last = false;
        while (!last) {
            last = bits(1) == 1;
            switch (bits(2)) {
                case 0:
                    stored();
                    break;
                case 1:
                    fixed();
                    break;
                case 2:
                    dynamic();
                    break;
                default:
                    throw Failure{"invalid block type 3"};
            }
        }
        return std::move(m_out);
    }

  private:
    int bits(int need) {
        std::uint32_t val = m_bitbuf;
        while (m_bitcnt < need) {
            if (m_pos >= m_in.size()) throw Failure{"unexpected end of compressed data"};
            val |= static_cast<std::uint32_t>(static_cast<unsigned char>(m_in[m_pos++]))
                   << m_bitcnt;
            m_bitcnt += 8;
        }
        m_bitbuf = val >> need;
        m_bitcnt -= need;
        return static_cast<int>(val & ((1u << need) - 1));
    }

    void put(char c) {
        if (m_out.size() >= m_max) throw Failure{"uncompressed data exceeds the size limit"};
        m_out.push_back(c);
    }

    void stored() {
        m_bitbuf = 0;
        m_bitcnt = 0;
        if (m_pos + 4 > m_in.size()) throw Failure{"unexpected end of compressed data"};
        const auto byte = [&](std::size_t i) {
            return static_cast<unsigned>(static_cast<unsigned char>(m_in[i]));
        };
        const unsigned len = byte(m_pos) | byte(m_pos + 1) << 8;
        const unsigned nlen = byte(m_pos + 2) | byte(m_pos + 3) << 8;
        m_pos += 4;
        if (len != (~nlen & 0xFFFFu)) throw Failure{"stored block length check failed"};
        if (m_pos + len > m_in.size()) throw Failure{"unexpected end of compressed data"};
        if (m_out.size() + len > m_max) throw Failure{"uncompressed data exceeds the size limit"};
        m_out.append(m_in.substr(m_pos, len));
        m_pos += len;
    }

    int decode(const Huffman& h) {
        int code = 0;
        int first = 0;
        int index = 0;
        for (int len = 1; len <= kMaxBits; ++len) {
            code |= bits(1);
            const int count = h.count[static_cast<std::size_t>(len)];
            if (code - count < first)
                return h.symbol[static_cast<std::size_t>(index + (code - first))];
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        throw Failure{"invalid Huffman code"};
    }

    /// Build a code from lengths; returns > 0 for an incomplete code, < 0 for an over-full one.
    static int construct(Huffman& h, const std::uint8_t* length, int n) {
        h.count.fill(0);
        for (int s = 0; s < n; ++s) ++h.count[length[s]];
        if (h.count[0] == n) return 0;
        int left = 1;
        for (int len = 1; len <= kMaxBits; ++len) {
            left <<= 1;
            left -= h.count[static_cast<std::size_t>(len)];
            if (left < 0) return left;
        }
        std::array<std::uint16_t, kMaxBits + 1> offs{};
        for (int len = 1; len < kMaxBits; ++len)
            offs[static_cast<std::size_t>(len + 1)] = static_cast<std::uint16_t>(
                offs[static_cast<std::size_t>(len)] + h.count[static_cast<std::size_t>(len)]);
        for (int s = 0; s < n; ++s)
            if (length[s] != 0) h.symbol[offs[length[s]]++] = static_cast<std::uint16_t>(s);
        return left;
    }

    void codes(const Huffman& lencode, const Huffman& distcode) {
        for (;;) {
            int symbol = decode(lencode);
            if (symbol < 256) {
                put(static_cast<char>(symbol));
                continue;
            }
            if (symbol == 256) return;
            symbol -= 257;
            if (symbol >= 29) throw Failure{"invalid length symbol"};
            const std::size_t len =
                kLengthBase[static_cast<std::size_t>(symbol)] +
                static_cast<std::size_t>(bits(kLengthExtra[static_cast<std::size_t>(symbol)]));
            symbol = decode(distcode);
            if (symbol >= 30) throw Failure{"invalid distance symbol"};
            const std::size_t dist =
                kDistBase[static_cast<std::size_t>(symbol)] +
                static_cast<std::size_t>(bits(kDistExtra[static_cast<std::size_t>(symbol)]));
            if (dist > m_out.size()) throw Failure{"distance too far back"};
            if (m_out.size() + len > m_max)
                throw Failure{"uncompressed data exceeds the size limit"};
            for (std::size_t k = 0; k < len; ++k) m_out.push_back(m_out[m_out.size() - dist]);
        }
    }

    void fixed() {
        if (!m_fixed_built) {
            std::array<std::uint8_t, 288> lengths{};
            for (int s = 0; s < 144; ++s) lengths[static_cast<std::size_t>(s)] = 8;
            for (int s = 144; s < 256; ++s) lengths[static_cast<std::size_t>(s)] = 9;
            for (int s = 256; s < 280; ++s) lengths[static_cast<std::size_t>(s)] = 7;
            for (int s = 280; s < 288; ++s) lengths[static_cast<std::size_t>(s)] = 8;
            construct(m_fixed_len, lengths.data(), 288);
            std::array<std::uint8_t, 30> dists{};
            dists.fill(5);
            construct(m_fixed_dist, dists.data(), 30);
            m_fixed_built = true;
        }
        codes(m_fixed_len, m_fixed_dist);
    }

    void dynamic() {
        const int nlen = bits(5) + 257;
        const int ndist = bits(5) + 1;
        const int ncode = bits(4) + 4;
        if (nlen > kMaxLitLen || ndist > kMaxDist) throw Failure{"bad dynamic block counts"};
        std::array<std::uint8_t, kMaxCodes> lengths{};
        for (int i = 0; i < ncode; ++i)
            lengths[kCodeLengthOrder[static_cast<std::size_t>(i)]] =
                static_cast<std::uint8_t>(bits(3));
        Huffman lencode;
        Huffman distcode;
        if (construct(lencode, lengths.data(), 19) != 0)
            throw Failure{"incomplete code-length code"};
        int index = 0;
        while (index < nlen + ndist) {
            int symbol = decode(lencode);
            if (symbol < 16) {
                lengths[static_cast<std::size_t>(index++)] = static_cast<std::uint8_t>(symbol);
                continue;
            }
            std::uint8_t len = 0;
            if (symbol == 16) {
                if (index == 0) throw Failure{"repeat with no previous length"};
                len = lengths[static_cast<std::size_t>(index - 1)];
                symbol = 3 + bits(2);
            } else if (symbol == 17) {
                symbol = 3 + bits(3);
            } else {
                symbol = 11 + bits(7);
            }
            if (index + symbol > nlen + ndist) throw Failure{"too many code lengths"};
            while (symbol-- > 0) lengths[static_cast<std::size_t>(index++)] = len;
        }
        if (lengths[256] == 0) throw Failure{"no end-of-block code"};
        const int err = construct(lencode, lengths.data(), nlen);
        if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1))
            throw Failure{"invalid literal/length code"};
        const int derr = construct(distcode, lengths.data() + nlen, ndist);
        if (derr < 0 || (derr > 0 && ndist - distcode.count[0] != 1))
            throw Failure{"invalid distance code"};
        codes(lencode, distcode);
    }

    std::string_view m_in;
    std::size_t m_max;
    std::size_t m_pos = 0;
    std::uint32_t m_bitbuf = 0;
    int m_bitcnt = 0;
    std::string m_out;
    Huffman m_fixed_len;
    Huffman m_fixed_dist;
    bool m_fixed_built = false;
};

}  // namespace

std::expected<std::string, Reason> inflate_raw(std::string_view compressed,
                                               std::size_t max_output) {
    try {
        return Inflater(compressed, max_output).run();
    } catch (const Failure& f) {
        return std::unexpected(std::string(f.what));
    }
}

std::uint32_t crc32(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : bytes) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

}  // namespace referat::ingest::read
