// Values of dato:, år:, beløb: and udfald:, and the edit distance behind suggestions.

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/query/ranges.hpp>
#include <referat/query/suggest.hpp>

namespace referat::query {
namespace {

struct DateCase {
    const char* text;
    const char* from;  ///< expected first day, "" for open
    const char* to;    ///< expected last day, "" for open
};

class Dates : public ::testing::TestWithParam<DateCase> {};

TEST_P(Dates, ParseToDayRange) {
    const auto& c = GetParam();
    auto r = parse_date_range(c.text);
    ASSERT_TRUE(r) << c.text << ": " << r.error().reason;
    EXPECT_EQ(r->from, c.from) << c.text;
    EXPECT_EQ(r->to, c.to) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    IsoAndDanish, Dates,
    ::testing::Values(
        DateCase{"2021-09-10", "20210910", "20210910"}, DateCase{"2021-09", "20210901", "20210930"},
        DateCase{"2021", "20210101", "20211231"}, DateCase{"2024-02", "20240201", "20240229"},
        DateCase{"2023-02", "20230201", "20230228"}, DateCase{"10.9.2021", "20210910", "20210910"},
        DateCase{"10-09-2021", "20210910", "20210910"},
        DateCase{"1/2/2022", "20220201", "20220201"},
        DateCase{"2021-01-01..2023-06-30", "20210101", "20230630"},
        DateCase{"2021..2022", "20210101", "20221231"},
        DateCase{"2021-06..2021-09", "20210601", "20210930"},
        DateCase{"2021-01-01..", "20210101", ""}, DateCase{"..2020-12-31", "", "20201231"},
        DateCase{"2021-06-30..2021-06-30", "20210630", "20210630"}));

class BadDates : public ::testing::TestWithParam<const char*> {};

TEST_P(BadDates, AreErrorsNamingTheValue) {
    auto r = parse_date_range(GetParam());
    ASSERT_FALSE(r) << GetParam();
    EXPECT_FALSE(r.error().reason.empty());
}

INSTANTIATE_TEST_SUITE_P(Invalid, BadDates,
                         ::testing::Values("", "..", "2021-13-01", "2021-00-10", "2021-02-29",
                                           "2021-04-31", "2021-02-31", "31.02.2021", "29.2.2023",
                                           "32.1.2021", "21-09-10", "igår",
                                           "2021-09-10..2021-09-09", "2023..2021", "2021-",
                                           "2021-9-1-1", "2021..2022..2023", "０２０２１"));

TEST(Years, RangesAndErrors) {
    auto one = parse_year_range("2021");
    ASSERT_TRUE(one);
    EXPECT_EQ(one->from, 2021);
    EXPECT_EQ(one->to, 2021);
    auto open = parse_year_range("2019..");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->from, 2019);
    EXPECT_FALSE(open->to);
    EXPECT_FALSE(parse_year_range("21"));
    EXPECT_FALSE(parse_year_range("2022..2019"));
    EXPECT_THAT(parse_year_range("2022..2019").error().reason, ::testing::HasSubstr("reversed"));
}

TEST(Amounts, DanishNotation) {
    auto a = parse_amount_range("1.000.000..");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->from, 1000000.0);
    auto b = parse_amount_range("..2500000,50");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->to, 2500000.5);
    auto c = parse_amount_range("750000");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->from, 750000.0);
    EXPECT_EQ(c->to, 750000.0);
    for (const char* bad : {"1.00", "1..0.0", "mange", "1,2,3", ".100", "1.0000", "5..1"})
        EXPECT_FALSE(parse_amount_range(bad)) << bad;
}

TEST(Outcomes, EnglishAndDanishNames) {
    EXPECT_EQ(parse_outcome("approved").value(), "approved");
    EXPECT_EQ(parse_outcome("Godkendt").value(), "approved");
    EXPECT_EQ(parse_outcome("efterretning").value(), "noted");
    EXPECT_EQ(parse_outcome("DRØFTET").value(), "discussed");
    EXPECT_EQ(parse_outcome("udsat").value(), "postponed");
    EXPECT_EQ(parse_outcome("besluttet").value(), "decided");
    EXPECT_EQ(parse_outcome("ingen").value(), "none");
    EXPECT_FALSE(parse_outcome("måske"));
}

TEST(EditDistance, CountsCodePointsAndStopsEarly) {
    EXPECT_EQ(edit_distance("budget", "budget", 2), 0u);
    EXPECT_EQ(edit_distance("bydget", "budget", 2), 1u);
    EXPECT_EQ(edit_distance("efterretnig", "efterretning", 2), 1u);
    EXPECT_EQ(edit_distance("åbenrå", "abenra", 2), 2u) << "å is one letter, not two bytes";
    EXPECT_EQ(edit_distance("kommune", "region", 2), 3u) << "beyond the limit: limit + 1";
    EXPECT_EQ(edit_distance("a", "abcdef", 2), 3u);
}

}  // namespace
}  // namespace referat::query
