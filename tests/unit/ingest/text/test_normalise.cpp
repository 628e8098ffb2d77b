// Normalisation: ICU NFC, line ends, Unicode spaces, invisible characters, stray HTML, bad UTF-8.

#include <algorithm>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/normalise.hpp>

namespace {

using referat::ingest::normalise_text;

struct NormCase {
    const char* name;
    std::string input;
    std::string expected;
};

class Normalise : public ::testing::TestWithParam<NormCase> {};

TEST_P(Normalise, GivesTheExpectedText) {
    EXPECT_EQ(normalise_text(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Danish, Normalise,
    ::testing::Values(NormCase{"nbsp", "punkt\xC2\xA0på", "punkt på"},
                      NormCase{"narrow_nbsp_and_em_space",
                               "a\xE2\x80\xAF"
                               "b\xE2\x80\x83"
                               "c",
                               "a b c"},
                      NormCase{"crlf", "a\r\nb\r\n", "a\nb\n"}, NormCase{"lone_cr", "a\rb", "a\nb"},
                      NormCase{"soft_hyphen",
                               "social\xC2\xAD"
                               "område",
                               "socialområde"},
                      NormCase{"zero_width", "Bø\xE2\x80\x8Brne\xEF\xBB\xBFhus", "Børnehus"},
                      NormCase{"nfc_decomposed_aa", "A\xCC\x8Arhus", "\xC3\x85rhus"},
                      NormCase{"invalid_utf8",
                               "a\xFF"
                               "b",
                               "a\xEF\xBF\xBD"
                               "b"},
                      NormCase{"truncated_utf8", "\xC3", "\xEF\xBF\xBD"},
                      NormCase{"html_list_tag",
                               "<ul style=\"list-style-type: none\">Start på aftale",
                               " Start på aftale"},
                      NormCase{"inline_tags", "<b>Beslutning</b>", "Beslutning"},
                      NormCase{"entities", "B&amp;U&nbsp;kredsen", "B&U kredsen"},
                      NormCase{"not_a_tag", "3 < 5 og 7 > 2", "3 < 5 og 7 > 2"},
                      NormCase{"nul_byte", std::string("a\0b", 3), "a b"},
                      NormCase{"tab_kept", "Punkt 1\t1", "Punkt 1\t1"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(NormaliseLines, LineNIsStillLineN) {
    // CRLF, lone CR, tags and spaces of every kind: the count of lines must not change.
    std::string input = "1\r\n2<br>\r3 <li>x</li>\n4\xC2\xA0\xE2\x80\x8B\n<p\nclass=a>5\n6";
    std::string out = normalise_text(input);
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 6);  // \r\n, \r and four \n
    EXPECT_THAT(out, ::testing::HasSubstr("<p\nclass=a>"));  // a tag across lines is left alone
}

}  // namespace
