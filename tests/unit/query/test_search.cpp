// Searching the sample index: every field in both languages, operators, phrases, wildcards,
// date ranges, æ/ø/å folding, sorting, paging, filters, suggestions and errors. Expected
// answers are computed from the gold files, not from the index.

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/error.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"
#include "search_helpers.hpp"

namespace referat::query {
namespace {

using testing::all_items;
using testing::has_phrase;
using testing::has_word;
using testing::invalid;
using testing::key_of;
using testing::Keys;
using testing::keys;
using testing::run;
using testing::SampleIndex;
using testing::TestItem;

Keys expected(const std::function<bool(const TestItem&)>& pred) {
    Keys out;
    for (const auto& item : all_items())
        if (pred(item)) out.insert(item.key);
    return out;
}

bool any_has(const std::vector<std::string>& texts, std::string_view word) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return has_word(t, word); });
}

struct FieldCase {
    const char* danish;
    const char* english;
    std::function<bool(const TestItem&)> expect;
};

class TextFields : public ::testing::TestWithParam<FieldCase> {};

TEST_P(TextFields, BothNamesFindTheGoldAnswer) {
    const auto& c = GetParam();
    Keys want = expected(c.expect);
    ASSERT_FALSE(want.empty()) << "the case must have matches in the samples";
    EXPECT_EQ(keys(c.danish), want) << c.danish;
    EXPECT_EQ(keys(c.english), want) << c.english;
}

INSTANTIATE_TEST_SUITE_P(
    Samples, TextFields,
    ::testing::Values(
        FieldCase{"titel:årshjul", "title:årshjul",
                  [](const TestItem& t) { return has_word(t.title, "årshjul"); }},
        FieldCase{"beslutning:efterretning", "decision:efterretning",
                  [](const TestItem& t) { return has_word(t.decision, "efterretning"); }},
        FieldCase{"indstilling:direktionen", "recommendation:direktionen",
                  [](const TestItem& t) { return any_has(t.recommendation, "direktionen"); }},
        FieldCase{"udvalg:DAS", "committee:das",
                  [](const TestItem& t) { return has_word(t.committee, "das"); }},
        FieldCase{"bilag:kommissorium", "attachment:kommissorium",
                  [](const TestItem& t) { return any_has(t.attachments, "kommissorium"); }},
        FieldCase{"person:Willer", "person:willer",
                  [](const TestItem& t) { return any_has(t.persons, "willer"); }}));

bool has_municipality(const TestItem& t, const std::string& name) {
    return std::find(t.municipalities.begin(), t.municipalities.end(), name) !=
           t.municipalities.end();
}

struct FilterCase {
    const char* danish;
    const char* english;
    std::function<bool(const TestItem&)> expect;
};

class FilterFields : public ::testing::TestWithParam<FilterCase> {};

TEST_P(FilterFields, BothNamesFindTheGoldAnswer) {
    const auto& c = GetParam();
    Keys want = expected(c.expect);
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(keys(c.danish), want) << c.danish;
    EXPECT_EQ(keys(c.english), want) << c.english;
}

INSTANTIATE_TEST_SUITE_P(
    Samples, FilterFields,
    ::testing::Values(
        FilterCase{"år:2021", "year:2021",
                   [](const TestItem& t) { return t.date.starts_with("2021"); }},
        FilterCase{"aar:2023", "year:2023",
                   [](const TestItem& t) { return t.date.starts_with("2023"); }},
        FilterCase{"udfald:godkendt", "outcome:approved",
                   [](const TestItem& t) { return t.outcome == "approved"; }},
        FilterCase{"udfald:udsat", "outcome:postponed",
                   [](const TestItem& t) { return t.outcome == "postponed"; }},
        FilterCase{"dato:2021-09-10", "date:2021-09-10",
                   [](const TestItem& t) { return t.date == "2021-09-10"; }},
        FilterCase{"kommune:Aabenraa", "municipality:\"Aabenraa Kommune\"",
                   [](const TestItem& t) { return has_municipality(t, "Aabenraa Kommune"); }},
        FilterCase{"kommune:Åbenrå", "municipality:aabenraa",
                   [](const TestItem& t) { return has_municipality(t, "Aabenraa Kommune"); }},
        FilterCase{"kommune:Syddanmark", "municipality:\"region syddanmark\"",
                   [](const TestItem& t) { return has_municipality(t, "Region Syddanmark"); }},
        FilterCase{"kommune:\"Åbenrå Kommune\"", "municipality:\"Aabenraa Kommune\"",
                   [](const TestItem& t) { return has_municipality(t, "Aabenraa Kommune"); }},
        FilterCase{"kommune:København", "municipality:\"Københavns Kommune\"",
                   [](const TestItem& t) { return has_municipality(t, "Københavns Kommune"); }},
        FilterCase{"beløb:1.000.000..", "amount:1000000..",
                   [](const TestItem& t) { return t.amount && *t.amount >= 1e6; }},
        FilterCase{"beløb:..1000000", "amount:0..1000000",
                   [](const TestItem& t) { return t.amount && *t.amount <= 1e6; }}));

TEST(Boolean, EnglishAndDanishOperators) {
    Keys a = keys("efterretning");
    Keys b = keys("orienteringen");
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty());
    Keys both, either, only_a;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.end()));
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::inserter(either, either.end()));
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                        std::inserter(only_a, only_a.end()));
    ASSERT_NE(both, either) << "the case must tell AND from OR";
    EXPECT_EQ(keys("efterretning AND orienteringen"), both);
    EXPECT_EQ(keys("efterretning OG orienteringen"), both);
    EXPECT_EQ(keys("efterretning orienteringen"), both) << "words are ANDed by default";
    EXPECT_EQ(keys("efterretning OR orienteringen"), either);
    EXPECT_EQ(keys("efterretning ELLER orienteringen"), either);
    EXPECT_EQ(keys("efterretning NOT orienteringen"), only_a);
    EXPECT_EQ(keys("efterretning IKKE orienteringen"), only_a);
    EXPECT_EQ(keys("efterretning -orienteringen"), only_a);
    EXPECT_EQ(keys("(efterretning OG orienteringen) ELLER (efterretning IKKE orienteringen)"), a);
}

TEST(Phrase, MatchesWordsInOrderOnly) {
    Keys want = expected(
        [](const TestItem& t) { return t.decision.find("godkendt som ny") != std::string::npos; });
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(keys("\"godkendt som ny\""), want);
    EXPECT_TRUE(keys("\"ny som godkendt\"").empty());
}

TEST(Phrase, StopWordsInsidePhrases) {
    // "til" is a stop word and not indexed; the phrase still matches the text.
    Keys want = expected([](const TestItem& t) {
        return has_phrase(t.decision, "tog orienteringen til efterretning");
    });
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(keys("\"tog orienteringen til efterretning\""), want);
}

TEST(Phrase, MatchesInflectedFormsInOrder) {
    // Phrases match on stems: "orienteringerne" in a decision answers "orienteringen".
    Keys plural = expected([](const TestItem& t) {
        return t.decision.find("tog orienteringerne til efterretning") != std::string::npos;
    });
    ASSERT_FALSE(plural.empty()) << "the samples have a plural form of the phrase";
    const Keys found = keys("\"tog orienteringen til efterretning\"");
    for (const auto& key : plural) EXPECT_TRUE(found.count(key)) << key;
    EXPECT_TRUE(keys("\"efterretning til orienteringerne tog\"").empty());
}

TEST(Wildcard, TrailingStar) {
    Keys want = expected([](const TestItem& t) {
        std::string text = t.title + " " + t.decision;
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text.find("kommissori") != std::string::npos;
    });
    ASSERT_FALSE(want.empty());
    Keys got = keys("titel:kommissori* OR beslutning:kommissori*");
    EXPECT_EQ(got, want);
}

TEST(DateRange, ClosedOpenAndYears) {
    auto in = [](std::string from, std::string to) {
        return expected([=](const TestItem& t) { return t.date >= from && t.date <= to; });
    };
    EXPECT_EQ(keys("dato:2021-01-01..2023-06-30"), in("2021-01-01", "2023-06-30"));
    EXPECT_EQ(keys("date:2022-01-01.."), in("2022-01-01", "9999"));
    EXPECT_EQ(keys("dato:..2019-12-31"), in("0000", "2019-12-31"));
    EXPECT_EQ(keys("dato:2021..2022"), in("2021-01-01", "2022-12-31"));
    EXPECT_EQ(keys("dato:10.9.2021"), in("2021-09-10", "2021-09-10"));
    EXPECT_EQ(keys("år:2019..2021"), in("2019-01-01", "2021-12-31"));
    EXPECT_EQ(keys("year:2022.."), in("2022-01-01", "9999"));
    EXPECT_FALSE(keys("dato:2021-01-01..2023-06-30").empty());
}

TEST(DateRange, ReversedAndImpossibleAreInvalid) {
    EXPECT_THAT(invalid("dato:2023-06-30..2021-01-01"),
                ::testing::HasSubstr("invalid query: date range"));
    EXPECT_THAT(invalid("år:2022..2019"), ::testing::HasSubstr("reversed"));
    EXPECT_THAT(invalid("dato:2021-02-30"), ::testing::HasSubstr("no such day"));
    EXPECT_THAT(invalid("dato:2021-13-01"), ::testing::HasSubstr("no such month"));
    EXPECT_THAT(invalid("dato:igår"), ::testing::HasSubstr("invalid date"));
    Filters reversed;
    reversed.from = "2023-01-01";
    reversed.to = "2021-01-01";
    EXPECT_THAT(invalid("", reversed), ::testing::HasSubstr("reversed"));
}

TEST(Folding, OldAndNewSpellingsFindEachOther) {
    Keys want = expected([](const TestItem& t) {
        std::string all = t.title + " " + t.decision;
        for (const auto& p : t.persons) all += " " + p;
        for (const auto& a : t.attachments) all += " " + a;
        return has_word(all, "aabenraa") || has_word(all, "åbenrå");
    });
    // The samples spell it "Aabenraa"; the extra meeting both ways.
    ASSERT_GT(want.size(), 2u);
    EXPECT_EQ(keys("Aabenraa"), want);
    EXPECT_EQ(keys("Åbenrå"), want);
    EXPECT_EQ(keys("åbenrå"), want);
    EXPECT_EQ(keys("titel:aabenraa"), keys("titel:Åbenrå"));
}

TEST(Folding, TypedWithoutDanishLetters) {
    Keys want = expected([](const TestItem& t) {
        return has_word(t.title + " " + t.decision, "fælleskommunale") ||
               has_word(t.title + " " + t.decision, "fælleskommunal");
    });
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(keys("faelleskommunale"), keys("fælleskommunale"));
    EXPECT_FALSE(keys("faelleskommunale").empty());
    EXPECT_EQ(keys("titel:faelleskommunal"), keys("titel:fælleskommunal"));
    EXPECT_FALSE(keys("titel:faelleskommunal").empty());
}

TEST(Sort, ByDateBothWaysAndByRelevance) {
    auto dates = [](const SearchResult& r) {
        std::vector<std::string> d;
        for (const auto& h : r.hits) d.push_back(h.record["date"].as_string());
        return d;
    };
    auto asc = dates(run("efterretning", {}, SortOrder::kDateAscending));
    auto desc = dates(run("efterretning", {}, SortOrder::kDateDescending));
    ASSERT_GT(asc.size(), 3u);
    ASSERT_NE(asc.front(), asc.back());
    EXPECT_TRUE(std::is_sorted(asc.begin(), asc.end()));
    EXPECT_TRUE(std::is_sorted(desc.rbegin(), desc.rend()));
    auto rel = run("efterretning orienteringen ELLER godkendt");
    ASSERT_GT(rel.hits.size(), 3u);
    for (std::size_t i = 1; i < rel.hits.size(); ++i)
        EXPECT_GE(rel.hits[i - 1].percent, rel.hits[i].percent);
    EXPECT_EQ(sort_order_from("-date"), SortOrder::kDateDescending);
    EXPECT_EQ(sort_order_from("date"), SortOrder::kDateAscending);
    EXPECT_EQ(sort_order_from("relevance"), SortOrder::kRelevance);
    EXPECT_FALSE(sort_order_from("size"));
}

TEST(Paging, PagesConcatenateToTheWholeList) {
    SearchResult all = run("efterretning", {}, SortOrder::kDateAscending);
    ASSERT_GT(all.hits.size(), 5u);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < all.total; offset += 4) {
        SearchResult page = run("efterretning", {}, SortOrder::kDateAscending, offset, 4);
        EXPECT_EQ(page.total, all.total);
        EXPECT_LE(page.hits.size(), 4u);
        for (const auto& h : page.hits) {
            EXPECT_EQ(h.rank, offset + 1 + (paged.size() - offset));
            paged.push_back(h.record["id"].as_string());
        }
    }
    std::vector<std::string> whole;
    for (const auto& h : all.hits) whole.push_back(h.record["id"].as_string());
    EXPECT_EQ(paged, whole);
    EXPECT_TRUE(run("efterretning", {}, SortOrder::kRelevance, all.total, 10).hits.empty());
}

TEST(Filters, OptionsCombineWithTheQuery) {
    Filters committee;
    committee.committees = {"DAS Social"};
    EXPECT_EQ(keys("", committee),
              expected([](const TestItem& t) { return t.committee == "DAS Social"; }));
    Filters dates;
    dates.from = "2022-01-01";
    dates.to = "2023-06-30";
    dates.outcomes = {"noted"};
    EXPECT_EQ(keys("", dates), expected([](const TestItem& t) {
                  return t.date >= "2022-01-01" && t.date <= "2023-06-30" && t.outcome == "noted";
              }));
    Filters years;
    years.years = {"2011", "2019"};
    Keys want = expected([](const TestItem& t) {
        return (t.date.starts_with("2011") || t.date.starts_with("2019")) &&
               has_word(t.title + " " + t.decision, "budget");
    });
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(keys("budget", years), want);
}

TEST(Suggestion, WhenNothingMatches) {
    SearchResult r = run("efterretnig");
    EXPECT_EQ(r.total, 0u);
    ASSERT_TRUE(r.suggestion);
    EXPECT_EQ(*r.suggestion, "efterretning");
    EXPECT_GT(run(*r.suggestion).total, 0u);
    SearchResult field = run("titel:bydget");
    EXPECT_EQ(field.total, 0u);
    ASSERT_TRUE(field.suggestion);
    EXPECT_EQ(*field.suggestion, "titel:budget");
    EXPECT_FALSE(run("efterretning").suggestion);
    EXPECT_FALSE(run("xqzvwk").suggestion) << "nothing close: no suggestion";
}

TEST(Errors, MalformedQueriesAreInvalidNotExceptions) {
    EXPECT_THAT(invalid("\"tog orienteringen"),
                ::testing::HasSubstr("invalid query: unbalanced quote"));
    EXPECT_NE(invalid("(budget OR skole").find("unbalanced"), std::string::npos);
    EXPECT_THAT(invalid("foo:bar"), ::testing::HasSubstr("unknown field 'foo:'"));
    EXPECT_THAT(invalid("udfald:måske"), ::testing::HasSubstr("unknown outcome"));
    EXPECT_THAT(invalid("beløb:mange"), ::testing::HasSubstr("invalid amount"));
    // Clock times are text, not fields.
    EXPECT_NO_THROW((void)run("Kl. 10:30"));
}

TEST(Errors, UnknownFacetIsAnError) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r;
    r.text = "budget";
    r.facets = {"colour"};
    EXPECT_THROW((void)search(db, r), Error);
}

TEST(Record, ProvenanceOnEveryHit) {
    SearchResult r = run("titel:Åbenrå dato:2019-03-05");
    ingest::Item want = testing::extra_meeting().items[0];
    auto it = std::find_if(r.hits.begin(), r.hits.end(), [&](const Hit& h) {
        return h.record["number"].as_int() == want.number;
    });
    ASSERT_NE(it, r.hits.end());
    const json::Value& h = it->record;
    EXPECT_EQ(h["number"].as_int(), want.number);
    EXPECT_EQ(h["span"]["begin"].as_int(), static_cast<long>(want.span_begin));
    EXPECT_EQ(h["span"]["end"].as_int(), static_cast<long>(want.span_end));
    EXPECT_EQ(h["lines"]["begin"].as_int(), want.line_begin);
    EXPECT_EQ(h["lines"]["end"].as_int(), want.line_end);
    EXPECT_EQ(h["page"].as_int(), want.page);
    EXPECT_EQ(h["committee"].as_string(), "Økonomiudvalget");
    EXPECT_EQ(h["sha256"].as_string().size(), 64u);
    EXPECT_FALSE(h["id"].as_string().empty());
    EXPECT_FALSE(h["meeting_id"].as_string().empty());
    EXPECT_TRUE(h["source"].as_string().ends_with(".txt"));
    EXPECT_THAT(h["snippet"].as_string(), ::testing::HasSubstr("[Åbenrå]"))
        << h["snippet"].as_string();
}

TEST(Record, SnippetMarksMatchedWords) {
    SearchResult r = run("beslutning:kommissoriet");
    ASSERT_FALSE(r.hits.empty());
    for (const auto& h : r.hits) {
        std::string snippet = h.record["snippet"].as_string();
        std::transform(snippet.begin(), snippet.end(), snippet.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        EXPECT_THAT(snippet, ::testing::HasSubstr("[kommissoriet]")) << snippet;
    }
}

TEST(Export, StreamsEveryMatchInChunksInSearchOrder) {
    Xapian::Database db = SampleIndex::get().open();
    for (auto sort :
         {SortOrder::kDateAscending, SortOrder::kDateDescending, SortOrder::kRelevance}) {
        for (std::string text : {"efterretning ELLER godkendt", ""}) {
            SCOPED_TRACE(text + " sort " + std::to_string(static_cast<int>(sort)));
            SearchRequest r;
            r.text = text;
            r.sort = sort;
            r.limit = 1000;
            SearchResult all = search(db, r);
            ASSERT_GT(all.total, 10u);
            // Chunks smaller than one meeting's items cross date boundaries mid-meeting.
            for (std::size_t chunk : {1u, 3u, 7u, 500u}) {
                std::vector<std::string> streamed;
                std::vector<std::size_t> ranks;
                std::size_t n = export_matches(
                    db, r,
                    [&](const Hit& h) {
                        streamed.push_back(h.record["id"].as_string());
                        ranks.push_back(h.rank);
                    },
                    chunk);
                EXPECT_EQ(n, all.total);
                std::vector<std::string> whole;
                for (const auto& h : all.hits) whole.push_back(h.record["id"].as_string());
                EXPECT_EQ(streamed, whole) << "chunk " << chunk;
                for (std::size_t i = 0; i < ranks.size(); ++i) EXPECT_EQ(ranks[i], i + 1);
            }
        }
    }
}

TEST(Export, ResumesAfterTheDatabaseChangesUnderIt) {
    // An ingest committing mid-export makes Xapian throw DatabaseModifiedError at the next
    // read; the export reopens and must go on after the last row written, not start over.
    Xapian::Database db = SampleIndex::get().open();
    for (auto sort :
         {SortOrder::kDateAscending, SortOrder::kDateDescending, SortOrder::kRelevance}) {
        SCOPED_TRACE(static_cast<int>(sort));
        SearchRequest r;
        r.text = "";
        r.sort = sort;
        r.limit = 1000;
        SearchResult all = search(db, r);
        ASSERT_GT(all.total, 10u);
        std::vector<std::string> whole;
        for (const auto& h : all.hits) whole.push_back(h.record["id"].as_string());
        for (std::size_t fail_at : {std::size_t{1}, std::size_t{4}, all.total - 1}) {
            std::vector<std::string> streamed;
            std::vector<std::size_t> ranks;
            bool failed = false;
            std::size_t n = export_matches(
                db, r,
                [&](const Hit& h) {
                    if (streamed.size() == fail_at && !failed) {
                        failed = true;
                        throw Xapian::DatabaseModifiedError("the database changed");
                    }
                    streamed.push_back(h.record["id"].as_string());
                    ranks.push_back(h.rank);
                },
                3);
            EXPECT_TRUE(failed);
            EXPECT_EQ(n, all.total) << "failing at " << fail_at;
            EXPECT_EQ(streamed, whole) << "failing at " << fail_at;
            for (std::size_t i = 0; i < ranks.size(); ++i) EXPECT_EQ(ranks[i], i + 1);
        }
    }
}

}  // namespace
}  // namespace referat::query
