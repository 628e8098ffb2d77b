// Text decoding: UTF-8, UTF-16 with byte-order mark, and legacy 8-bit encodings through ICU's
// charset detector and converters. Binary data is refused here with the offset that gave it away.

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kFallbackLegacy = "windows-1252";
constexpr std::size_t kMaxLegacyBytes = 512u * 1024 * 1024;

struct Utf8Survey {
    std::size_t multibyte = 0;  ///< well-formed sequences of 2-4 bytes
    std::size_t malformed = 0;
    std::size_t first_malformed = 0;
};

Utf8Survey survey_utf8(std::string_view s) {
    Utf8Survey r;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = utf8::sequence_length(s, i);
        if (n == 0) {
            if (r.malformed++ == 0) r.first_malformed = i;
            ++i;
        } else {
            if (n > 1) ++r.multibyte;
            i += n;
        }
    }
    return r;
}

std::expected<std::string, Reason> decode_utf16(std::string_view s, bool little_endian) {
    if (s.size() % 2 != 0) return std::unexpected("invalid UTF-16 text (odd number of bytes)");
    std::string out;
    out.reserve(s.size());
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        return little_endian ? (b << 8 | a) : (a << 8 | b);
    };
    for (std::size_t i = 0; i < s.size(); i += 2) {
        std::uint32_t u = unit(i);
        if (u == 0) {
            return std::unexpected(
                "unsupported file type (binary data: NUL character in UTF-16 text at byte " +
                std::to_string(i) + ")");
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= s.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF)
                return std::unexpected("invalid UTF-16 text (unpaired surrogate at byte " +
                                       std::to_string(i) + ")");
            u = 0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return std::unexpected("invalid UTF-16 text (unpaired surrogate at byte " +
                                   std::to_string(i) + ")");
        }
        utf8::append(out, u);  // never NUL: refused above
    }
    return out;
}

/// Offset of the first byte that no text file holds (NUL and C0 controls other than
/// tab, line feed, form feed, carriage return, escape), or npos.
std::size_t first_binary_byte(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) return i;
    }
    return std::string_view::npos;
}

std::string detect_legacy(std::string_view s, std::vector<std::string>& warnings) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                   &ucsdet_close);
    if (U_FAILURE(status)) return std::string(kFallbackLegacy);
    // The detector only needs a sample; it copies nothing, so the view must outlive the call.
    const auto sample = s.substr(0, 64 * 1024);
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return std::string(kFallbackLegacy);
    const char* name = ucsdet_getName(match, &status);
    if (U_FAILURE(status) || name == nullptr) return std::string(kFallbackLegacy);
    const std::string detected = name;
    // ISO-8859-1 text with C1 bytes is really windows-1252; cp1252 is a superset for printing
    // characters, so it is the safe choice for both.
    if (detected == "ISO-8859-1" || detected == "windows-1252") return std::string(kFallbackLegacy);
    if (detected == "ISO-8859-15") return detected;
    // Other 8-bit guesses (ISO-8859-2, windows-1250, ...) are usually wrong for short Danish
    // texts: æøå are all in cp1252, so keep it and say what the detector thought.
    warnings.push_back("encoding guessed as windows-1252 (detector suggested " + detected + ")");
    return std::string(kFallbackLegacy);
}

std::expected<std::string, Reason> convert_legacy(std::string_view s, const std::string& charset) {
    // ucnv_convert counts in int32_t; an 8-bit character becomes at most 3 bytes of UTF-8.
    if (s.size() > kMaxLegacyBytes)
        return std::unexpected("legacy-encoded text too large to convert (over 512 MB)");
    UErrorCode status = U_ZERO_ERROR;
    std::string out(s.size() * 3 + 16, '\0');
    const int32_t n =
        ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     s.data(), static_cast<int32_t>(s.size()), &status);
    if (U_FAILURE(status))
        return std::unexpected("cannot convert from " + charset + ": " + u_errorName(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

/// The converter for a charset label that an HTML page declares, mapped as the WHATWG Encoding
/// standard maps labels (Latin-1 and ASCII labels mean windows-1252; a UTF-16 label on bytes
/// whose markup read as ASCII means UTF-8); std::nullopt for labels ICU has no 8-bit-clean
/// converter for.
std::optional<std::string> charset_for_label(const std::string& label) {
    static constexpr std::array<std::string_view, 16> kWindows1252 = {
        "ansi_x3.4-1968", "ascii",      "cp1252",       "cp819",    "csisolatin1", "ibm819",
        "iso-8859-1",     "iso-ir-100", "iso8859-1",    "iso88591", "iso_8859-1",  "l1",
        "latin1",         "us-ascii",   "windows-1252", "x-cp1252"};
    if (std::find(kWindows1252.begin(), kWindows1252.end(), label) != kWindows1252.end())
        return std::string(kFallbackLegacy);
    if (label == "utf-8" || label == "utf8" || label.starts_with("utf-16")) return "UTF-8";
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(label.c_str(), &status),
                                                                 &ucnv_close);
    if (U_FAILURE(status) || converter == nullptr || ucnv_getMinCharSize(converter.get()) != 1)
        return std::nullopt;
    const char* name = ucnv_getName(converter.get(), &status);
    const char* iana = U_SUCCESS(status) ? ucnv_getStandardName(name, "IANA", &status) : nullptr;
    return U_SUCCESS(status) && iana != nullptr ? std::string(iana) : label;
}

}  // namespace

std::expected<Extracted, Reason> decode_text(std::string_view bytes) {
    Extracted out;
    if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
        const bool le = bytes.starts_with(kUtf16LeBom);
        auto text = decode_utf16(bytes.substr(2), le);
        if (!text) return std::unexpected(text.error());
        out.text = std::move(*text);
        out.encoding = le ? "UTF-16LE" : "UTF-16BE";
        return out;
    }
    const bool bom = bytes.starts_with(kUtf8Bom);
    if (bom) bytes.remove_prefix(kUtf8Bom.size());
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
        return std::unexpected("unsupported file type (binary data: NUL byte at offset " +
                               std::to_string(nul) + ")");
    if (const auto bad = first_binary_byte(bytes); bad != std::string_view::npos) {
        return std::unexpected("unsupported file type (binary data: control byte 0x" +
                               std::string(1, "0123456789abcdef"[(bytes[bad] >> 4) & 0xF]) +
                               std::string(1, "0123456789abcdef"[bytes[bad] & 0xF]) +
                               " at offset " + std::to_string(bad) + ")");
    }
    const Utf8Survey survey = survey_utf8(bytes);
    const bool ascii = survey.malformed == 0 && survey.multibyte == 0;
    // A charset the page declares beats guessing (HTML5: after the byte-order mark, before
    // heuristics); a legacy-encoded page can look like damaged UTF-8.
    if (const auto label = bom || ascii ? std::nullopt : declared_charset(bytes)) {
        if (const auto charset = charset_for_label(*label); charset && *charset != "UTF-8") {
            auto text = convert_legacy(bytes, *charset);
            if (!text) return std::unexpected(text.error());
            out.text = std::move(*text);
            out.encoding = *charset;
            return out;
        }
    }
    if (survey.malformed == 0) {
        out.text = std::string(bytes);
        out.encoding = "UTF-8";
        return out;
    }
    if (bom || survey.multibyte > 0) {
        // Mostly UTF-8 with damage: keep the text when the damage is the exception.
        if (survey.malformed > survey.multibyte && !bom) {
            return std::unexpected("invalid UTF-8 (" + std::to_string(survey.malformed) +
                                   " malformed bytes, first at offset " +
                                   std::to_string(survey.first_malformed) + "; mixed encodings?)");
        }
        out.text = utf8::repair(bytes);
        out.encoding = "UTF-8";
        out.warnings.push_back("invalid UTF-8: " + std::to_string(survey.malformed) +
                               " malformed bytes replaced, first at offset " +
                               std::to_string(survey.first_malformed));
        return out;
    }
    const std::string charset = detect_legacy(bytes, out.warnings);
    auto text = convert_legacy(bytes, charset);
    if (!text) return std::unexpected(text.error());
    out.text = std::move(*text);
    out.encoding = charset;
    return out;
}

}  // namespace referat::ingest::read
