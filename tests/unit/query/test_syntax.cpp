// The query front end: lexing, validation, Danish operators and field names, spelling variants.

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <referat/query/syntax.hpp>

namespace referat::query {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string rewritten(std::string_view q) {
    auto r = rewrite_query(q);
    EXPECT_TRUE(r.has_value()) << q << ": " << (r ? "" : r.error().reason);
    return r ? r->text : std::string();
}

std::string error_of(std::string_view q) {
    auto r = rewrite_query(q);
    EXPECT_FALSE(r.has_value()) << q << " was accepted as: " << (r ? r->text : "");
    return r ? std::string() : r.error().reason;
}

struct FieldCase {
    const char* danish;
    const char* english;
    const char* canonical;
};

class FieldNames : public ::testing::TestWithParam<FieldCase> {};

TEST_P(FieldNames, DanishAndEnglishNamesMapToOneField) {
    const auto& c = GetParam();
    auto da = find_field(c.danish);
    auto en = find_field(c.english);
    ASSERT_TRUE(da) << c.danish;
    ASSERT_TRUE(en) << c.english;
    EXPECT_EQ(da->name, c.canonical);
    EXPECT_EQ(en->name, c.canonical);
    EXPECT_EQ(da->kind, en->kind);
    // Case does not matter, and the Danish name is rewritten to the canonical one.
    std::string upper = c.danish;
    upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
    EXPECT_TRUE(find_field(upper)) << upper;
}

INSTANTIATE_TEST_SUITE_P(
    AllFields, FieldNames,
    ::testing::Values(FieldCase{"titel", "title", "title"},
                      FieldCase{"beslutning", "decision", "decision"},
                      FieldCase{"indstilling", "recommendation", "recommendation"},
                      FieldCase{"udvalg", "committee", "committee"},
                      FieldCase{"bilag", "attachment", "attachment"},
                      FieldCase{"år", "year", "year"}, FieldCase{"aar", "year", "year"},
                      FieldCase{"udfald", "outcome", "outcome"}, FieldCase{"dato", "date", "date"},
                      FieldCase{"person", "person", "person"},
                      FieldCase{"kommune", "municipality", "municipality"},
                      FieldCase{"beløb", "amount", "amount"},
                      FieldCase{"art", "kind", "kind"}, FieldCase{"type", "kind", "kind"}));

TEST(FieldNames, UpperCaseDanishLetterInFieldName) {
    auto f = find_field("ÅR");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->name, "year");
    EXPECT_FALSE(find_field("foo"));
}

TEST(Rewrite, DanishOperatorsBecomeEnglish) {
    EXPECT_EQ(rewritten("budget OG skole"), "budget AND skole");
    EXPECT_EQ(rewritten("budget ELLER regnskab"), "budget OR regnskab");
    EXPECT_EQ(rewritten("budget IKKE regnskab"), "budget NOT regnskab");
    // Lower-case "og"/"ikke" are words (stop words), not operators.
    EXPECT_EQ(rewritten("budget og regnskab"), "budget og regnskab");
}

TEST(Rewrite, OperatorsInsideQuotesStayWords) {
    EXPECT_EQ(rewritten("\"Børn AND Unge\""), "(\"Børn AND Unge\" OR \"Boern AND Unge\")");
    // Stop words (also "OG" as a word) are left out of phrases: they are not indexed.
    EXPECT_EQ(rewritten("\"Børn OG Unge\""), "(\"Børn Unge\" OR \"Boern Unge\")");
}

TEST(Rewrite, FieldNamesAreCanonical) {
    EXPECT_EQ(rewritten("titel:budget"), "title:budget");
    EXPECT_EQ(rewritten("Beslutning:godkendt"), "decision:godkendt");
    EXPECT_EQ(rewritten("år:2021"), "year:2021");
    EXPECT_EQ(rewritten("dato:2021-01-01..2023-06-30"), "date:2021-01-01..2023-06-30");
    EXPECT_EQ(rewritten("udvalg:\"Social forum\""), "committee:\"Social forum\"");
}

TEST(Rewrite, UnknownFieldIsAnError) {
    std::string e = error_of("foo:bar");
    EXPECT_NE(e.find("unknown field 'foo:'"), std::string::npos) << e;
    EXPECT_NE(e.find("titel"), std::string::npos) << "lists the known fields: " << e;
}

TEST(Rewrite, ClockTimesAndTrailingColonsAreText) {
    // Digits before the colon are not a field name; a colon at the end of a word is punctuation.
    EXPECT_EQ(rewritten("Kl. 10:30"), "Kl. 10:30");
    EXPECT_EQ(rewritten("Beslutning: godkendt"), "Beslutning: godkendt");
    EXPECT_EQ(rewritten("https://example.dk"), "https://example.dk");
}

TEST(Rewrite, UnbalancedQuotesAndBracketsAreErrors) {
    EXPECT_NE(error_of("\"budget 2021").find("unbalanced quote"), std::string::npos);
    EXPECT_NE(error_of("(budget OR skole").find("unbalanced '('"), std::string::npos);
    EXPECT_NE(error_of("budget) skole").find("unbalanced ')'"), std::string::npos);
    EXPECT_NE(error_of("titel:\"budget").find("unbalanced quote"), std::string::npos);
    EXPECT_EQ(rewritten("(budget OR (skole AND børn))"),
              "( budget OR ( skole AND (børn OR boern) ) )");
}

TEST(Rewrite, LoveHateAndWildcards) {
    EXPECT_EQ(rewritten("budget -regnskab"), "budget -regnskab");
    EXPECT_EQ(rewritten("budget +regnskab"), "budget +regnskab");
    EXPECT_EQ(rewritten("-Åbenrå"), "-Åbenrå -Aabenrå -Åbenraa -Aabenraa");
    EXPECT_EQ(rewritten("budg*"), "budg*");
}

TEST(Rewrite, WordsAreCollectedForSuggestions) {
    auto r = rewrite_query("titel:budgett \"social omraade\" -regnskab år:2021 skol*");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->words, (std::vector<std::string>{"budgett", "social", "omraade"}));
}

TEST(Variants, FoldingBothWays) {
    auto v = spelling_variants("Aabenraa");
    EXPECT_EQ(v.front(), "Aabenraa");
    EXPECT_TRUE(contains(v, "Åbenrå"));
    EXPECT_EQ(v.size(), 4u);  // each of the two sites folded or not
    auto back = spelling_variants("Åbenrå");
    EXPECT_TRUE(contains(back, "Aabenraa"));
    EXPECT_TRUE(contains(spelling_variants("faelleskommunal"), "fælleskommunal"));
    EXPECT_TRUE(contains(spelling_variants("fælleskommunal"), "faelleskommunal"));
    EXPECT_TRUE(contains(spelling_variants("Oekonomi"), "Økonomi"));
    EXPECT_TRUE(contains(spelling_variants("økonomi"), "oekonomi"));
    EXPECT_EQ(spelling_variants("budget"), std::vector<std::string>{"budget"});
}

TEST(Variants, MoreSitesThanBitsInAMask) {
    std::string many;
    for (int i = 0; i < 40; ++i) many += "aa ";
    auto v = spelling_variants(many);
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[1].find("aa"), std::string::npos) << "every site folded";
}

TEST(Variants, ManySitesAreBounded) {
    auto v = spelling_variants("aa ae oe aa ae oe aa");
    EXPECT_LE(v.size(), kMaxVariants);
    EXPECT_TRUE(contains(v, "å æ ø å æ ø å"));
}

TEST(Lower, DanishLetters) { EXPECT_EQ(lower_danish("ÆBLE ØRE ÅR Abc"), "æble øre år abc"); }

}  // namespace
}  // namespace referat::query
