#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/utf8.hpp>

namespace referat::utf8 {
namespace {

/// The code points of s as next() reads them.
std::vector<char32_t> decoded(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(next(s, i));
    return out;
}

/// One letter in both cases, as UTF-8.
struct CasePair {
    std::string_view upper;
    std::string_view lower;
};

class LetterCase : public testing::TestWithParam<CasePair> {};

// Danish letters and the Central European ones of names met in minutes (Łukasz Żak, Žižek):
// Latin Extended-A does not alternate case by odd and even code points.
INSTANTIATE_TEST_SUITE_P(Letters, LetterCase,
                         testing::Values(CasePair{"A", "a"}, CasePair{"Æ", "æ"}, CasePair{"Ø", "ø"},
                                         CasePair{"Å", "å"}, CasePair{"Ł", "ł"}, CasePair{"Ż", "ż"},
                                         CasePair{"Ž", "ž"}, CasePair{"Ś", "ś"}, CasePair{"Č", "č"},
                                         CasePair{"Ő", "ő"}, CasePair{"Ÿ", "ÿ"},
                                         CasePair{"Σ", "σ"}));

TEST_P(LetterCase, UpperAndLowerFromTheCharacterDatabase) {
    const char32_t upper_letter = first(GetParam().upper);
    const char32_t lower_letter = first(GetParam().lower);
    EXPECT_TRUE(is_upper(upper_letter));
    EXPECT_FALSE(is_lower(upper_letter));
    EXPECT_TRUE(is_lower(lower_letter));
    EXPECT_FALSE(is_upper(lower_letter));
    EXPECT_TRUE(is_letter(upper_letter));
    EXPECT_TRUE(is_letter(lower_letter));
    EXPECT_EQ(to_lower(upper_letter), lower_letter);
    EXPECT_EQ(to_upper(lower_letter), upper_letter);
    EXPECT_EQ(lower(GetParam().upper), GetParam().lower);
    EXPECT_EQ(upper(GetParam().lower), GetParam().upper);
    EXPECT_TRUE(starts_upper(GetParam().upper));
    EXPECT_TRUE(starts_lower(GetParam().lower));
}

TEST(Utf8Case, NotLetters) {
    for (char32_t c : {U'1', U'-', U'×', U'÷', U'§', U'–', U'”', U' '}) {
        EXPECT_FALSE(is_letter(c)) << static_cast<unsigned>(c);
        EXPECT_FALSE(is_upper(c)) << static_cast<unsigned>(c);
        EXPECT_FALSE(is_lower(c)) << static_cast<unsigned>(c);
    }
    EXPECT_FALSE(starts_upper(""));
    EXPECT_FALSE(starts_lower("1. Godkendelse"));
}

TEST(Utf8Case, LowerAndUpperWholeStrings) {
    EXPECT_EQ(lower("LUKASZ ŻAK, Økonomiudvalget ÅRHUS"), "lukasz żak, økonomiudvalget århus");
    EXPECT_EQ(upper("Łukasz Żak"), "ŁUKASZ ŻAK");
    EXPECT_EQ(lower(""), "");
}

TEST(Utf8Case, FoldingMakesCaseVariantsEqual) {
    EXPECT_EQ(fold("ŻAK"), fold("Żak"));
    EXPECT_EQ(fold("Żak"), fold("żak"));
    EXPECT_EQ(fold("ŻAK"), "żak");
    EXPECT_EQ(fold("STRASSE"), fold("Straße"));
    EXPECT_TRUE(equal_folded("ØKONOMIUDVALGET", "Økonomiudvalget"));
    EXPECT_FALSE(equal_folded("Økonomiudvalget", "Okonomiudvalget"));
}

TEST(Utf8Case, AsciiOnlyForProtocolTokens) {
    EXPECT_EQ(ascii_lower("<META Charset=UTF-8> ÆBLE"), "<meta charset=utf-8> Æble");
    EXPECT_TRUE(equal_ascii_case_insensitive("HTML", "html"));
    EXPECT_FALSE(equal_ascii_case_insensitive("ÆBLE", "æble"));
    EXPECT_FALSE(equal_ascii_case_insensitive("html", "htm"));
}

TEST(Utf8, ValidityFollowsTheStandard) {
    EXPECT_TRUE(is_valid("æøå € 𝄞"));
    EXPECT_TRUE(is_valid(""));
    EXPECT_FALSE(is_valid("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(is_valid("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid("\xE2\x82"));          // truncated
    EXPECT_FALSE(
        is_valid("m\xF8"
                 "de.txt"));  // Latin-1 ø
}

TEST(Utf8, IllFormedBytesDecodeAsReplacementCharacters) {
    EXPECT_EQ(decoded("m\xF8"
                      "de"),
              (std::vector<char32_t>{U'm', kReplacement, U'd', U'e'}));
    // A truncated sequence is one maximal subpart: one U+FFFD, then the next character.
    EXPECT_EQ(decoded("\xE2\x82"
                      "a"),
              (std::vector<char32_t>{kReplacement, U'a'}));
    EXPECT_EQ(decoded("\xC0\xAF"), (std::vector<char32_t>{kReplacement, kReplacement}));
    EXPECT_EQ(decoded("Żak"), (std::vector<char32_t>{U'Ż', U'a', U'k'}));
    EXPECT_EQ(sequence_length("\xE2\x82\xAC", 0), 3u);
    EXPECT_EQ(sequence_length("\xE2\x82", 0), 0u);
    EXPECT_EQ(first(""), 0u);
}

TEST(Utf8, RepairWritesEachIllFormedSequenceAsReplacementCharacter) {
    EXPECT_EQ(repair("m\xF8"
                     "de.txt"),
              "m\xEF\xBF\xBD"
              "de.txt");
    EXPECT_EQ(repair("\xE6\xF8\xE5"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(repair("møde.txt"), "møde.txt");
    EXPECT_TRUE(
        is_valid(lower("M\xD8"
                       "DE")));
    EXPECT_TRUE(
        is_valid(fold("M\xD8"
                      "DE")));
}

TEST(Utf8, IncompleteTailIsWhatMoreBytesCouldComplete) {
    EXPECT_EQ(incomplete_tail("a\xE2\x82"), 2u);  // the first two bytes of €
    EXPECT_EQ(incomplete_tail("a\xE2"), 1u);
    EXPECT_EQ(incomplete_tail("\xF0\x9D\x84"), 3u);  // three of the four bytes of 𝄞
    EXPECT_EQ(incomplete_tail("a€"), 0u);
    EXPECT_EQ(incomplete_tail("m\xF8"), 0u);      // Latin-1 ø: no more bytes can help
    EXPECT_EQ(incomplete_tail("a\xED\xA0"), 0u);  // the start of a surrogate
    EXPECT_EQ(incomplete_tail(""), 0u);
}

TEST(Utf8, AppendEncodesAndRefusesWhatIsNoCharacter) {
    std::string out;
    append(out, U'ø');
    append(out, U'€');
    append(out, U'𝄞');
    EXPECT_EQ(out, "ø€𝄞");
    out.clear();
    append(out, 0xD800);    // a surrogate
    append(out, 0x110000);  // beyond Unicode
    EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8, LengthAndCutsCountCharactersNotBytes) {
    EXPECT_EQ(length("møde"), 4u);
    EXPECT_EQ(length("m\xF8"
                     "de"),
              4u);
    EXPECT_EQ(prefix_bytes("æøå", 3), 2u);  // never half an ø
    EXPECT_EQ(prefix_bytes("æøå", 4), 4u);
    EXPECT_EQ(prefix_bytes("æøå", 100), 6u);
    EXPECT_EQ(prefix_bytes("a€", 3), 1u);
}

}  // namespace
}  // namespace referat::utf8
