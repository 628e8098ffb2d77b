// Text decoding: UTF-8, UTF-16 with BOM, legacy 8-bit (cp1252), damaged and binary input.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {
namespace {

constexpr std::string_view kDanish =
    "Beslutning: Børne- og Ungeudvalget godkendte ændringen på Ærø – »Åbent« møde.";

/// UTF-16 bytes of UTF-8 text (BMP only, which is all the test text needs).
std::string to_utf16(std::string_view utf8, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        std::uint32_t cp = c;
        std::size_t n = 1;
        if (c >= 0xE0) {
            cp = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F);
            n = 3;
        } else if (c >= 0xC0) {
            cp = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F);
            n = 2;
        }
        const char hi = static_cast<char>(cp >> 8);
        const char lo = static_cast<char>(cp & 0xFF);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
        i += n;
    }
    return out;
}

TEST(DecodeText, Utf8IsKeptAsIs) {
    auto r = decode_text(kDanish);
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(r->text, kDanish);
    EXPECT_EQ(r->encoding, "UTF-8");
    EXPECT_TRUE(r->warnings.empty());
}

TEST(DecodeText, Utf8ByteOrderMarkIsDropped) {
    auto r = decode_text("\xEF\xBB\xBF" + std::string(kDanish));
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(r->text, kDanish);
}

class Utf16 : public ::testing::TestWithParam<bool> {};

TEST_P(Utf16, WithByteOrderMarkGivesDanishLetters) {
    auto r = decode_text(to_utf16(kDanish, GetParam()));
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(r->text, kDanish);
    EXPECT_EQ(r->encoding, GetParam() ? "UTF-16LE" : "UTF-16BE");
}

INSTANTIATE_TEST_SUITE_P(Endianness, Utf16, ::testing::Values(true, false));

TEST(DecodeText, Utf16OddLengthIsRefused) {
    auto r = decode_text(to_utf16(kDanish, true) + "x");
    ASSERT_FALSE(r);
    EXPECT_THAT(r.error(), ::testing::HasSubstr("odd number of bytes")) << r.error();
}

TEST(DecodeText, Utf16UnpairedSurrogateIsRefused) {
    auto r =
        decode_text(std::string("\xFF\xFE"
                                "A\0\x00\xD8"
                                "B\0",
                                8));
    ASSERT_FALSE(r);
    EXPECT_THAT(r.error(), ::testing::HasSubstr("unpaired surrogate")) << r.error();
}

struct LegacyCase {
    std::string_view bytes;
    std::string_view utf8;
};

class Legacy : public ::testing::TestWithParam<LegacyCase> {};

TEST_P(Legacy, Cp1252DanishIsConverted) {
    auto r = decode_text(GetParam().bytes);
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(r->text, GetParam().utf8);
    EXPECT_EQ(r->encoding, "windows-1252");
}

INSTANTIATE_TEST_SUITE_P(
    Danish, Legacy,
    ::testing::Values(
        LegacyCase{"Udvalget godkendte forslaget om b\xf8rnehaven p\xe5 \xc6r\xf8vej. \xd8konomien "
                   "er p\xe5 plads, og \xbbprojektet\xab starter \x96 snart.\n",
                   "Udvalget godkendte forslaget om børnehaven på Ærøvej. Økonomien er på plads, "
                   "og »projektet« starter – snart.\n"},
        LegacyCase{"Beslutning: Godkendt. S\xe6rlige bem\xe6rkninger: ingen. \xc5"
                   "bent m\xf8"
                   "de.\n",
                   "Beslutning: Godkendt. Særlige bemærkninger: ingen. Åbent møde.\n"}));

TEST(DecodeText, MostlyUtf8WithAStrayByteKeepsTheTextAndWarns) {
    const std::string damaged = std::string(kDanish) + " \xFF slut";
    auto r = decode_text(damaged);
    ASSERT_TRUE(r) << r.error();
    EXPECT_THAT(r->text, ::testing::HasSubstr("Børne- og Ungeudvalget"));
    EXPECT_THAT(r->text, ::testing::HasSubstr("\xEF\xBF\xBD slut"));
    ASSERT_EQ(r->warnings.size(), 1u);
    EXPECT_THAT(r->warnings[0], ::testing::HasSubstr("invalid UTF-8"));
    EXPECT_TRUE(referat::utf8::is_valid(r->text));
}

TEST(DecodeText, BadlyBrokenUtf8IsRefusedWithTheOffset) {
    auto r = decode_text("æ \xC3\xC3\xC3\xC3 \xE2\x82 \xF0\x9F");
    ASSERT_FALSE(r);
    EXPECT_THAT(r.error(), ::testing::HasSubstr("invalid UTF-8")) << r.error();
    EXPECT_THAT(r.error(), ::testing::HasSubstr("offset 3")) << r.error();
}

TEST(DecodeText, NulByteIsBinary) {
    auto r =
        decode_text(std::string("Referat\0fra m\xC3\xB8"
                                "de",
                                15));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), "unsupported file type (binary data: NUL byte at offset 7)");
}

TEST(DecodeText, ControlByteIsBinary) {
    auto r = decode_text(
        "Referat \x01\x02 fra m\xC3\xB8"
        "de");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), "unsupported file type (binary data: control byte 0x01 at offset 8)");
}

}  // namespace
}  // namespace referat::ingest::read
