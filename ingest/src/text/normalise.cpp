#include "referat/ingest/normalise.hpp"

#include <optional>
#include <string>
#include <utility>

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "referat/ingest/utf8.hpp"

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
        const std::size_t n = utf8::sequence_length(utf8, i);
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
        std::size_t end = i;
        const auto c = static_cast<UChar32>(utf8::next(utf8, end));
        const std::size_t n = end - i;
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
