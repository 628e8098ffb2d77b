#pragma once
// Small UTF-8 helpers for Latin script names: enough to tell capitals, letters and case-fold
// Danish, German and French names without pulling ICU into every lookup.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/utf8.hpp"

namespace referat::ingest::people {

/// Decode the code point at pos and advance pos; invalid bytes decode as U+FFFD, one byte each.
inline char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || pos + static_cast<std::size_t>(len) > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = b0 & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    pos += static_cast<std::size_t>(len);
    return cp;
}

/// Append a code point as UTF-8.
inline void append_code_point(std::string& out, char32_t cp) { utf8::append(out, cp); }

/// Upper-case Latin letter (ASCII and Latin-1/Latin Extended-A capitals).
inline bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x100 && c <= 0x17F && (c % 2) == 0);
}

/// Lower-case Latin letter.
inline bool is_lower(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x100 && c <= 0x17F && (c % 2) == 1);
}

/// Latin letter of either case.
inline bool is_letter(char32_t c) { return is_upper(c) || is_lower(c); }

/// Lower-case of a Latin letter; other code points unchanged.
inline char32_t to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F && (c % 2) == 0) return c + 1;
    return c;
}

/// Lower-case a UTF-8 string (Latin letters only).
inline std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) append_code_point(out, to_lower(next_code_point(s, i)));
    return out;
}

/// First code point of s, or 0 when empty.
inline char32_t first_code_point(std::string_view s) {
    std::size_t pos = 0;
    return s.empty() ? 0 : next_code_point(s, pos);
}

}  // namespace referat::ingest::people
