// The query front end: lexing, validation, Danish operators and field names, spelling variants.

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/query/syntax.hpp>

namespace referat::query {
namespace {


// The parsed tree as an s-expression ("(and budget (not regnskab))").
std::string tree(std::string_view q) {
    auto r = parse_query_text(q);
    EXPECT_TRUE(r.has_value()) << q << ": " << (r ? "" : r.error().reason);
    if (!r) return {};
    return r->root ? describe(*r->root) : std::string("(nothing)");
}

std::string error_of(std::string_view q) {
    auto r = parse_query_text(q);
    EXPECT_FALSE(r.has_value()) << q
                                << " was accepted as: " << (r && r->root ? describe(*r->root) : "");
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
                      FieldCase{"beløb", "amount", "amount"}, FieldCase{"art", "kind", "kind"},
                      FieldCase{"type", "kind", "kind"}));

TEST(FieldNames, UpperCaseDanishLetterInFieldName) {
    auto f = find_field("ÅR");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->name, "year");
    EXPECT_FALSE(find_field("foo"));
}

TEST(Parse, DanishAndEnglishOperators) {
    EXPECT_EQ(tree("budget OG skole"), "(and budget skole)");
    EXPECT_EQ(tree("budget AND skole"), "(and budget skole)");
    EXPECT_EQ(tree("budget skole"), "(and budget skole)");
    EXPECT_EQ(tree("budget ELLER regnskab"), "(or budget regnskab)");
    EXPECT_EQ(tree("budget IKKE regnskab"), "(not budget regnskab)");
    EXPECT_EQ(tree("budget AND NOT regnskab"), "(not budget regnskab)");
    EXPECT_EQ(tree("budget XOR regnskab"), "(xor budget regnskab)");
    // Lower-case "og"/"ikke" are words (stop words, left out), not operators.
    EXPECT_EQ(tree("budget og regnskab"), "(and budget regnskab)");
}

TEST(Parse, PrecedenceAsXapian) {
    EXPECT_EQ(tree("a OR b c"), "(or a (and b c))");
    EXPECT_EQ(tree("a NOT b c"), "(not a (and b c))");
    EXPECT_EQ(tree("(a OR b) c"), "(and (or a b) c)");
    EXPECT_EQ(tree("a OR b XOR c"), "(or a (xor b c))");
}

TEST(Parse, LeadingMinusExcludesAndPlusRequires) {
    // On its own, -word means every item without the word (it used to search for the word).
    EXPECT_EQ(tree("-lokalplan"), "(not ALL lokalplan)");
    EXPECT_EQ(tree("NOT lokalplan"), "(not ALL lokalplan)");
    EXPECT_EQ(tree("IKKE lokalplan"), "(not ALL lokalplan)");
    EXPECT_EQ(tree("budget -regnskab"), "(not budget regnskab)");
    EXPECT_EQ(tree("-regnskab budget"), "(not budget regnskab)");
    EXPECT_EQ(tree("+budget"), "budget");
    EXPECT_EQ(tree("+Åbenrå skole"), "(and Åbenrå skole)");
    EXPECT_EQ(tree("-(budget OR regnskab) skole"), "(not skole (or budget regnskab))");
    EXPECT_EQ(tree("-\"til efterretning\" skole"), "(not skole efterretning)");
}

TEST(Parse, NearAndAdjacentWithWindows) {
    EXPECT_EQ(tree("holder NEAR årligt"), "(near/11 holder årligt)");
    EXPECT_EQ(tree("holder NEAR/3 årligt"), "(near/4 holder årligt)");
    EXPECT_EQ(tree("a NEAR b NEAR c"), "(near/12 a b c)");
    EXPECT_EQ(tree("holder ADJ/2 årligt"), "(adj/3 holder årligt)");
    EXPECT_THAT(error_of("\"a b\" NEAR c"), ::testing::HasSubstr("single words"));
}

TEST(Parse, OperatorsInsideQuotesStayWords) {
    EXPECT_EQ(tree("\"Børn AND Unge\""), "\"Børn AND Unge\"");
    // Stop words (also "OG" as a word) are left out of phrases: they are not indexed.
    EXPECT_EQ(tree("\"Børn OG Unge\""), "\"Børn Unge\"");
}

TEST(Parse, FieldNamesAreCanonical) {
    EXPECT_EQ(tree("titel:budget"), "title:budget");
    EXPECT_EQ(tree("Beslutning:godkendt"), "decision:godkendt");
    EXPECT_EQ(tree("år:2021"), "year:2021");
    EXPECT_EQ(tree("dato:2021-01-01..2023-06-30"), "date:2021-01-01..2023-06-30");
    EXPECT_EQ(tree("udvalg:\"Social forum\""), "committee:\"Social forum\"");
    // Values of one filter field side by side are alternatives.
    EXPECT_EQ(tree("år:2019 år:2021 budget"), "(and (or year:2019 year:2021) budget)");
}

TEST(Parse, FieldOnABracketedGroup) {
    EXPECT_EQ(tree("titel:(lokalplan)"), "title:lokalplan");
    EXPECT_EQ(tree("udvalg:(teknisk OR miljø)"), "(or committee:teknisk committee:miljø)");
    EXPECT_EQ(tree("titel:(budget \"nyt byggeri\" skol*)"),
              "(and title:budget title:\"nyt byggeri\" title:skol*)");
    EXPECT_EQ(tree("titel:(budget beslutning:godkendt)"), "(and title:budget decision:godkendt)");
    EXPECT_EQ(tree("år:(2019 OR 2021)"), "(or year:2019 year:2021)");
}

TEST(Parse, UnknownFieldIsAnError) {
    std::string e = error_of("foo:bar");
    EXPECT_THAT(e, ::testing::HasSubstr("unknown field 'foo:'")) << e;
    EXPECT_THAT(e, ::testing::HasSubstr("titel")) << "lists the known fields: " << e;
    EXPECT_THAT(error_of("foo:(bar)"), ::testing::HasSubstr("unknown field 'foo:'"));
}

TEST(Parse, ClockTimesAndTrailingColonsAreText) {
    // Digits before the colon are not a field name; a colon at the end of a word is punctuation.
    EXPECT_EQ(tree("Kl. 10:30"), "(and Kl. 10:30)");
    EXPECT_EQ(tree("Beslutning: godkendt"), "(and Beslutning: godkendt)");
    EXPECT_EQ(tree("https://example.dk"), "https://example.dk");
}

TEST(Parse, MalformedQueriesAreErrorsNotGuesses) {
    EXPECT_THAT(error_of("\"budget 2021"), ::testing::HasSubstr("unbalanced quote"));
    EXPECT_NE(error_of("(budget OR skole").find("unbalanced '('"), std::string::npos);
    EXPECT_NE(error_of("budget) skole").find("unbalanced ')'"), std::string::npos);
    EXPECT_THAT(error_of("titel:\"budget"), ::testing::HasSubstr("unbalanced quote"));
    EXPECT_THAT(error_of("budget OR"), ::testing::HasSubstr("needs a word"));
    EXPECT_THAT(error_of("AND budget"), ::testing::HasSubstr("needs a word"));
    EXPECT_THAT(error_of("budget NEAR"), ::testing::HasSubstr("needs a word"));
    EXPECT_THAT(error_of("budget ()"), ::testing::HasSubstr("empty brackets"));
    EXPECT_THAT(error_of("*"), ::testing::HasSubstr("letters before '*'"));
    EXPECT_EQ(tree("(budget OR (skole AND børn))"), "(or budget (and skole børn))");
}

TEST(Parse, Wildcards) {
    EXPECT_EQ(tree("budg*"), "budg*");
    EXPECT_EQ(tree("titel:dagsorden*"), "title:dagsorden*");
}

TEST(Parse, WordsAreCollectedForSuggestions) {
    auto r = parse_query_text("titel:budgett \"social omraade\" -regnskab år:2021 skol* NOT fejl");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->words, (std::vector<std::string>{"budgett", "social", "omraade"}));
}

TEST(Parse, OnlyStopWordsLeaveNothing) { EXPECT_EQ(tree("og til"), "(nothing)"); }


}  // namespace
}  // namespace referat::query
