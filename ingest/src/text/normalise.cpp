#include "referat/ingest/normalise.hpp"

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

/// Decode (invalid sequences become U+FFFD), NFC, then map spaces, line ends and controls.
std::string normalise_code_points(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
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
