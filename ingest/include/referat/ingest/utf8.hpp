#pragma once
// UTF-8 and letter case for every stage (ingest, index, query, web, the CLI), on ICU: decoding
// with U8_NEXT, encoding with U8_APPEND, letter classes and case from the Unicode character
// database (u_isupper, u_islower, u_isalpha, u_tolower, u_toupper) and full case folding of
// strings (ICU's CaseMap). The one place that knows how UTF-8 bytes and letter case work; ICU
// itself stays private to referat_ingest.
//
// Ill-formed input never reaches an output: each ill-formed sequence (a lone Latin-1 byte such
// as the 0xF8 of "m\xf8de.txt", a truncated or overlong sequence, an encoded surrogate) decodes
// as U+FFFD, the replacement character, one per maximal subpart as the Unicode standard
// recommends and as ICU's U8_NEXT reads it.

#include <cstddef>
#include <string>
#include <string_view>

namespace referat::utf8 {

/// U+FFFD REPLACEMENT CHARACTER, what ill-formed bytes decode as.
inline constexpr char32_t kReplacement = 0xFFFD;

/// Length of the well-formed UTF-8 sequence at s[pos] (1 to 4), or 0 when it is ill-formed.
[[nodiscard]] std::size_t sequence_length(std::string_view s, std::size_t pos);

namespace detail {
// The parts that need ICU; the inline functions below answer ASCII themselves, since parsers
// call them for every character and most characters of Danish minutes are ASCII.
[[nodiscard]] char32_t next_multibyte(std::string_view s, std::size_t& pos);
[[nodiscard]] bool is_upper_beyond_ascii(char32_t c);
[[nodiscard]] bool is_lower_beyond_ascii(char32_t c);
[[nodiscard]] bool is_letter_beyond_ascii(char32_t c);
[[nodiscard]] char32_t to_lower_beyond_ascii(char32_t c);
}  // namespace detail

/// Decode the code point at s[pos] (pos < s.size()) and move pos past it; an ill-formed
/// sequence gives U+FFFD and pos moves past it (at least one byte).
[[nodiscard]] inline char32_t next(std::string_view s, std::size_t& pos) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
        ++pos;
        return b;
    }
    return detail::next_multibyte(s, pos);
}

/// The first code point of s, or 0 when s is empty.
[[nodiscard]] char32_t first(std::string_view s);

/// Append cp as UTF-8; surrogates and values beyond U+10FFFF are written as U+FFFD.
void append(std::string& out, char32_t cp);

/// True when s is well-formed UTF-8 throughout.
[[nodiscard]] bool is_valid(std::string_view s);

/// s with each ill-formed sequence replaced by U+FFFD; well-formed s comes back unchanged.
[[nodiscard]] std::string repair(std::string_view s);

/// Bytes at the end of s that begin a character more bytes could complete (0 to 3): what a
/// writer holds back until the rest arrives, rather than replacing it.
[[nodiscard]] std::size_t incomplete_tail(std::string_view s);

/// Number of code points (an ill-formed sequence counts as one).
[[nodiscard]] std::size_t length(std::string_view s);

/// Largest n <= max_bytes such that s.substr(0, n) does not cut a character in two.
[[nodiscard]] std::size_t prefix_bytes(std::string_view s, std::size_t max_bytes);

/// Upper-case letter by the Unicode character database (Æ, Ø, Å, Ł, Ż, Ž, Σ).
[[nodiscard]] inline bool is_upper(char32_t c) {
    return c < 0x80 ? c >= 'A' && c <= 'Z' : detail::is_upper_beyond_ascii(c);
}
/// Lower-case letter by the Unicode character database (æ, ø, å, ł, ż, ž, ß).
[[nodiscard]] inline bool is_lower(char32_t c) {
    return c < 0x80 ? c >= 'a' && c <= 'z' : detail::is_lower_beyond_ascii(c);
}
/// Letter of any script or case.
[[nodiscard]] inline bool is_letter(char32_t c) {
    return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : detail::is_letter_beyond_ascii(c);
}
/// Simple lower-case mapping of one code point; others unchanged.
[[nodiscard]] inline char32_t to_lower(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    return detail::to_lower_beyond_ascii(c);
}
/// Simple upper-case mapping of one code point; others unchanged.
[[nodiscard]] char32_t to_upper(char32_t c);

/// s starts with an upper-case letter.
[[nodiscard]] bool starts_upper(std::string_view s);
/// s starts with a lower-case letter.
[[nodiscard]] bool starts_lower(std::string_view s);

/// Lower case, code point by code point (the simple mapping Xapian's term generator applies,
/// so index terms and query words agree); ill-formed bytes become U+FFFD.
[[nodiscard]] std::string lower(std::string_view s);
/// Upper case, code point by code point; ill-formed bytes become U+FFFD.
[[nodiscard]] std::string upper(std::string_view s);
/// Full Unicode case folding, for comparing text regardless of case: fold("ŻAK") ==
/// fold("Żak") == fold("żak"), fold("STRASSE") == fold("Straße"); ill-formed bytes become U+FFFD.
[[nodiscard]] std::string fold(std::string_view s);
/// fold(a) == fold(b).
[[nodiscard]] bool equal_folded(std::string_view a, std::string_view b);

/// ASCII letters lower-cased, every other byte kept: for tokens their specifications make
/// ASCII case-insensitive (HTML tag and attribute names, charset labels, file extensions).
[[nodiscard]] std::string ascii_lower(std::string_view s);
/// a and b are equal when ASCII letters are compared without regard to case.
[[nodiscard]] bool equal_ascii_case_insensitive(std::string_view a, std::string_view b);

}  // namespace referat::utf8
