// referat::utf8 on ICU. Decoding runs U8_NEXT on a window of at most four bytes, so offsets stay
// size_t for texts of any size while ICU's macros count in int32_t.

#include "referat/ingest/utf8.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace referat::utf8 {

namespace {

constexpr std::size_t kMaxSequence = 4;

/// U8_NEXT at s[pos]: the code point (negative when ill-formed) and the bytes it took.
std::pair<UChar32, std::size_t> decode(std::string_view s, std::size_t pos) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data() + pos);
    const auto window = static_cast<std::int32_t>(std::min(kMaxSequence, s.size() - pos));
    std::int32_t taken = 0;
    UChar32 c = 0;
    U8_NEXT(bytes, taken, window, c);
    return {c, static_cast<std::size_t>(taken)};
}

bool is_ascii(unsigned char b) { return b < 0x80; }

char ascii_lower_char(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// s with every code point mapped by map (ASCII through ascii_map without a lookup).
template <class Map, class AsciiMap>
std::string map_code_points(std::string_view s, Map map, AsciiMap ascii_map) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (is_ascii(b)) {
            out += ascii_map(s[i]);
            ++i;
        } else {
            append(out, map(next(s, i)));
        }
    }
    return out;
}

}  // namespace

std::size_t sequence_length(std::string_view s, std::size_t pos) {
    if (is_ascii(static_cast<unsigned char>(s[pos]))) return 1;
    const auto [c, taken] = decode(s, pos);
    return c < 0 ? 0 : taken;
}

namespace detail {

char32_t next_multibyte(std::string_view s, std::size_t& pos) {
    const auto [c, taken] = decode(s, pos);
    pos += taken;
    return c < 0 ? kReplacement : static_cast<char32_t>(c);
}

bool is_upper_beyond_ascii(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_lower_beyond_ascii(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool is_letter_beyond_ascii(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
char32_t to_lower_beyond_ascii(char32_t c) {
    return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

}  // namespace detail

char32_t first(std::string_view s) {
    std::size_t pos = 0;
    return s.empty() ? 0 : next(s, pos);
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
        return;
    }
    std::uint8_t bytes[kMaxSequence];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(bytes, length, static_cast<std::int32_t>(kMaxSequence), static_cast<UChar32>(cp),
              error);
    if (error) {  // a surrogate or beyond U+10FFFF
        length = 0;
        U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(kReplacement));
    }
    out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
}

bool is_valid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair(std::string_view s) {
    if (is_valid(s)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size();) append(out, next(s, i));
    return out;
}

std::size_t incomplete_tail(std::string_view s) {
    const std::size_t from = s.size() > kMaxSequence - 1 ? s.size() - (kMaxSequence - 1) : 0;
    for (std::size_t p = s.size(); p > from;) {
        const auto b = static_cast<std::uint8_t>(s[--p]);
        if (U8_IS_TRAIL(b)) continue;
        if (!U8_IS_LEAD(b)) return 0;
        const std::size_t have = s.size() - p;
        if (have >= static_cast<std::size_t>(U8_COUNT_TRAIL_BYTES(b)) + 1) return 0;
        // U8_NEXT reads a prefix that more bytes could complete as one maximal subpart.
        return decode(s, p).second == have ? have : 0;
    }
    return 0;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) (void)next(s, i);
    return n;
}

std::size_t prefix_bytes(std::string_view s, std::size_t max_bytes) {
    if (max_bytes >= s.size()) return s.size();
    std::size_t cut = max_bytes;
    // s[cut] is the first byte left out; while it continues a character, leave that one out too.
    for (std::size_t back = 0;
         cut > 0 && back < kMaxSequence - 1 && U8_IS_TRAIL(static_cast<std::uint8_t>(s[cut]));
         ++back)
        --cut;
    return cut;
}

char32_t to_upper(char32_t c) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))); }

bool starts_upper(std::string_view s) { return !s.empty() && is_upper(first(s)); }
bool starts_lower(std::string_view s) { return !s.empty() && is_lower(first(s)); }

std::string lower(std::string_view s) { return map_code_points(s, to_lower, ascii_lower_char); }

std::string upper(std::string_view s) {
    return map_code_points(s, to_upper, [](char c) {
        return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
}

std::string fold(std::string_view s) {
    const std::string valid = repair(s);
    std::string out;
    out.reserve(valid.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                           icu::StringPiece(valid.data(), static_cast<std::int32_t>(valid.size())),
                           sink, nullptr, status);
    // Folding fails only when ICU cannot load its data; simple lower case is the next best.
    return U_SUCCESS(status) ? out : lower(valid);
}

bool equal_folded(std::string_view a, std::string_view b) { return fold(a) == fold(b); }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower_char);
    return out;
}

bool equal_ascii_case_insensitive(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_lower_char(x) == ascii_lower_char(y);
           });
}

}  // namespace referat::utf8
