#include "referat/ingest/normalise.hpp"

#include <optional>
#include <string>
#include <utility>

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace referat::ingest {

namespace {

/// Characters that vanish: soft hyphen, zero-width space/joiners, word joiner, BOM.
bool is_invisible(UChar32 c) {
    return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           c == 0x180E;
}

/// Unicode spaces (and separators that would otherwise split lines) that become ' '.
bool is_other_space(UChar32 c) {
    if (c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
        c == 0x3000 || c == 0x0085 || c == 0x2028 || c == 0x2029)
        return true;
    return false;
}

/// Length of the well-formed UTF-8 sequence at s[i] (1-4), or 0 when it is ill-formed
/// (overlong, surrogate, beyond U+10FFFF, truncated); *cp receives the code point.
std::size_t utf8_sequence(std::string_view s, std::size_t i, UChar32* cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    const auto cont = [&](std::size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF && cont(1)) {
        *cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
        *cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        *cp = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
        if (*cp < 0x10000 || *cp > 0x10FFFF) return 0;
        return 4;
    }
    return 0;
}

/// Appends the mapped form of one code point (`bytes` is its UTF-8): invisible characters
/// vanish, other spaces and control characters become ' ', the rest is kept.
void map_code_point(UChar32 c, std::string_view bytes, std::string& out) {
    if (c == '\n' || c == '\t') {
        out += static_cast<char>(c);
    } else if (is_invisible(c)) {
        return;
    } else if (is_other_space(c) || c < 0x20 || c == 0x7F) {
        out += ' ';
    } else {
        out.append(bytes);
    }
}

/// ICU's NFC normaliser, fetched once under a C++ static guard: ICU's own lazy init is not
/// visible to ThreadSanitizer, the guard is (files are parsed on several threads). Null when
/// ICU cannot load its data.
const icu::Normalizer2* nfc_instance() {
    static const icu::Normalizer2* const kNfc = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        return U_FAILURE(status) ? nullptr : n;
    }();
    return kNfc;
}

/// The common case, done on the UTF-8 bytes: well-formed text already in NFC (the check is
/// ICU's). std::nullopt sends anything else through the UTF-16 path below.
std::optional<std::string> normalise_well_formed(std::string_view utf8) {
    bool ascii = true;
    for (std::size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {
            ++i;
            continue;
        }
        UChar32 c = 0;
        const std::size_t n = utf8_sequence(utf8, i, &c);
        if (n == 0) return std::nullopt;
        ascii = false;
        i += n;
    }
    if (!ascii) {
        const icu::Normalizer2* nfc = nfc_instance();
        if (nfc == nullptr) return std::nullopt;
        UErrorCode status = U_ZERO_ERROR;
        const bool normalised = nfc->isNormalizedUTF8(
            icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
        if (U_FAILURE(status) || !normalised) return std::nullopt;
    }
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        // Printable ASCII, '\n' and '\t' (most of any text) are copied a run at a time.
        std::size_t run = i;
        while (run < utf8.size()) {
            const auto b = static_cast<unsigned char>(utf8[run]);
            if ((b < 0x20 && b != '\n' && b != '\t') || b >= 0x7F) break;
            ++run;
        }
        if (run > i) {
            out.append(utf8.data() + i, run - i);
            i = run;
            continue;
        }
        UChar32 c = 0;
        const std::size_t n = utf8_sequence(utf8, i, &c);
        if (c == '\r') {
            out += '\n';
            i += (i + 1 < utf8.size() && utf8[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        map_code_point(c, utf8.substr(i, n), out);
        i += n;
    }
    return out;
}

/// Decode (invalid sequences become U+FFFD), NFC, then map spaces, line ends and controls.
std::string normalise_code_points(std::string_view utf8) {
    if (auto fast = normalise_well_formed(utf8)) return std::move(*fast);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (const icu::Normalizer2* nfc = nfc_instance()) {
        icu::UnicodeString n = nfc->normalize(u, status);
        if (U_SUCCESS(status)) u = std::move(n);
    }
    icu::UnicodeString out;
    const int32_t len = u.length();
    for (int32_t i = 0; i < len;) {
        UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (c == '\r') {
            out.append(static_cast<UChar>('\n'));
            if (i < len && u.charAt(i) == '\n') ++i;
        } else if (c == '\n' || c == '\t') {
            out.append(c);
        } else if (is_invisible(c)) {
            continue;
        } else if (is_other_space(c) || (c < 0x20) || c == 0x7F) {
            out.append(static_cast<UChar>(' '));
        } else {
            out.append(c);
        }
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

/// Stray HTML left in exported text: tags on one line are removed (block tags leave a space so
/// words do not glue), a few entities decoded. Never touches '\n', so lines keep their numbers.
std::string flatten_html(std::string text) {
    if (text.find('<') == std::string::npos && text.find('&') == std::string::npos) return text;
    static const RE2 kBlockTag(
        R"((?i)</?(?:ul|ol|li|p|br|div|table|tr|td|th|thead|tbody|h[1-6]|blockquote|hr)\b[^<>\n]*/?>)");
    static const RE2 kInlineTag(
        R"((?i)</?(?:span|b|i|u|em|strong|font|a|sup|sub|small|big|strike|s|o:p|col|colgroup)\b[^<>\n]*/?>)");
    RE2::GlobalReplace(&text, kBlockTag, " ");
    RE2::GlobalReplace(&text, kInlineTag, "");
    static const RE2 kNbsp(R"(&nbsp;)");
    static const RE2 kAmp(R"(&amp;)");
    static const RE2 kLt(R"(&lt;)");
    static const RE2 kGt(R"(&gt;)");
    static const RE2 kQuot(R"(&quot;)");
    RE2::GlobalReplace(&text, kNbsp, " ");
    RE2::GlobalReplace(&text, kLt, "<");
    RE2::GlobalReplace(&text, kGt, ">");
    RE2::GlobalReplace(&text, kQuot, "\"");
    RE2::GlobalReplace(&text, kAmp, "&");
    return text;
}

}  // namespace

std::string normalise_text(std::string_view utf8) {
    return flatten_html(normalise_code_points(utf8));
}

}  // namespace referat::ingest
