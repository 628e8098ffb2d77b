// Schema 4 as a search sees it: a plain word is one posting list of the body text, either
// spelling of æ/ø/å is the same term, phrases in a field without positions, totals exact up to
// a bound and marked as estimates beyond it, and one agenda item published in several files
// counted once in totals, facets and exports, with the other files as its sources.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <referat/index/analyzer.hpp>
#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>
#include <referat/index/writer.hpp>
#include <referat/ingest/parse.hpp>
#include <referat/query/format.hpp>
#include <referat/query/parser.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"
#include "search_helpers.hpp"

namespace referat::query {
namespace {

namespace schema = index::schema;
using testing::keys;
using testing::run;
using testing::SampleIndex;

std::vector<std::string> terms_of(const Xapian::Query& q) {
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

// The free-text terms of a compiled query (filters and the exclusion of meetings left out).
std::vector<std::string> text_terms(std::string_view text) {
    Xapian::Database db = SampleIndex::get().open();
    auto compiled = compile_query(db, text, {});
    EXPECT_TRUE(compiled) << text;
    std::vector<std::string> out;
    if (!compiled) return out;
    for (const auto& t : terms_of(compiled->query))
        if (!t.starts_with(schema::kTypeTerm)) out.push_back(t);
    return out;
}

TEST(Layout, PlainWordIsOneTermOfTheBodyText) {
    const auto stem = index::text_stemmer();
    EXPECT_EQ(text_terms("efterretning"), std::vector<std::string>{stem("efterretning")});
    EXPECT_EQ(text_terms("titel:godkendelse"), std::vector<std::string>{"S" + stem("godkendelse")});
    // Two words: two terms, not sixteen (schema 3 searched eight prefixes per word).
    EXPECT_EQ(text_terms("orienteringen efterretning").size(), 2u);
}

TEST(Layout, BothSpellingsAreOneTermInTheIndex) {
    // Nothing is expanded at query time: the index spells æ/ø/å as ae/oe/aa.
    EXPECT_EQ(text_terms("Åbenrå"), text_terms("aabenraa"));
    EXPECT_EQ(text_terms("Åbenrå").size(), 1u);
    EXPECT_EQ(text_terms("\"holder årligt\""), text_terms("\"holder aarligt\""));
    EXPECT_EQ(text_terms("fælleskommunal"), text_terms("faelleskommunal"));
    // And every operator finds the same items either way.
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"holder NEAR årligt", "holder NEAR aarligt"},
             {"holder ADJ årligt", "holder ADJ aarligt"},
             {"\"holder årligt\"", "\"holder aarligt\""},
             {"fælleskommunal*", "faelleskommunal*"},
             {"titel:(Åbenrå OR skoler)", "titel:(aabenraa OR skoler)"},
             {"kommune:Åbenrå", "kommune:Aabenraa"},
             {"-Åbenrå", "-aabenraa"}}) {
        SCOPED_TRACE(a);
        EXPECT_FALSE(keys(a).empty());
        EXPECT_EQ(keys(a), keys(b));
    }
    // Both titles, "Åbenrå" and "Aabenraa", are found by either spelling.
    EXPECT_EQ(keys("titel:Åbenrå").size(), 2u);
}

TEST(Layout, PhraseInAFieldWithoutPositions) {
    // The recommendation keeps no positions: its phrase is checked on the body text, its
    // words in the field. "Direktionen indstiller, at planen godkendes."
    ASSERT_FALSE(schema::has_positions(schema::kRecommendation));
    const auto found = keys("indstilling:\"planen godkendes\"");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(*found.begin(), "2019-03-05#1");
    EXPECT_TRUE(keys("indstilling:\"godkendes planen\"").empty()) << "word order counts";
    EXPECT_TRUE(keys("indstilling:\"udvalget godkendte\"").empty())
        << "a phrase of the decision is not in the recommendation";
    EXPECT_EQ(keys("indstilling:planen NEAR/2 godkendes"), found);
}

TEST(Totals, ExactUpToTheBoundAndAnEstimateBeyond) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r;
    r.facets = {"committee", "year"};
    const SearchResult exact = search(db, r);
    EXPECT_TRUE(exact.total_exact);
    EXPECT_EQ(exact.total, testing::all_items().size());
    r.exact_bound = 5;
    r.limit = 3;
    const SearchResult about = search(db, r);
    EXPECT_FALSE(about.total_exact) << "more matches than the bound";
    // Estimated from the density of matches among the ids seen: near the true total, where
    // Xapian's own estimate may be off by half.
    EXPECT_GE(about.total, exact.total * 3 / 4);
    EXPECT_LE(about.total, exact.total * 5 / 4);
    // Facet counts are estimates then: scaled from what was counted, so near the true ones.
    ASSERT_EQ(about.facets.size(), 2u);
    std::size_t sum = 0;
    for (const auto& v : about.facets[0].values) sum += v.count;
    EXPECT_GE(sum + about.facets[0].values.size(), about.total / 2);
    // The output says so.
    EXPECT_FALSE(result_to_json(about, 0)["total_exact"].as_bool());
    EXPECT_TRUE(result_to_json(exact, 0)["total_exact"].as_bool());
    std::ostringstream text;
    write_text(text, about, 0, TextStyle{});
    EXPECT_TRUE(text.str().starts_with("about " + std::to_string(about.total) + " matches"))
        << text.str();
    EXPECT_NE(text.str().find("(estimated counts)"), std::string::npos);
    std::ostringstream exact_text;
    write_text(exact_text, exact, 0, TextStyle{});
    EXPECT_TRUE(exact_text.str().starts_with(std::to_string(exact.total) + " matches"));
    // The default bound is at least 100,000 matches.
    EXPECT_GE(SearchRequest{}.exact_bound, 100000u);
}

// One meeting's minutes as three files: the same text ingested under three paths (as a PDF, a
// Word file and an XML export of one meeting are), plus the same meeting's agenda.
class SameItem : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new testing::TempDir;
        std::ifstream in(REFERAT_TEST_DATA "/samples/000_92d3c2ccd0431f34.txt", std::ios::binary);
        const std::string raw((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
        ASSERT_FALSE(raw.empty());
        index::Writer writer(s_dir->path() / "db");
        for (const char* name : {"/archive/referat.pdf", "/archive/referat.docx",
                                 "/archive/referat.xml", "/archive/dagsorden.pdf"}) {
            auto doc = ingest::parse_text(raw, name);
            ASSERT_FALSE(doc.meetings.empty());
            if (std::string_view(name).find("dagsorden") != std::string_view::npos)
                for (auto& m : doc.meetings) m.kind = "agenda";
            (void)writer.add_document(doc);
        }
        writer.commit();
        {
            index::Writer one(s_dir->path() / "one");
            (void)one.add_document(ingest::parse_text(raw, "/archive/referat.pdf"));
            one.commit();
        }
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    static Xapian::Database open(const char* name) {
        return index::open_for_reading({(s_dir->path() / name).string()});
    }

    static SearchResult find(const char* db_name, const std::string& text,
                             std::vector<std::string> facets = {}) {
        Xapian::Database db = open(db_name);
        SearchRequest r;
        r.text = text;
        r.limit = 1000;
        r.facets = std::move(facets);
        return search(db, r);
    }

    static testing::TempDir* s_dir;
};

testing::TempDir* SameItem::s_dir = nullptr;

std::map<std::string, std::size_t> counts(const Facet& f) {
    std::map<std::string, std::size_t> out;
    for (const auto& v : f.values) out[v.value] = v.count;
    return out;
}

TEST_F(SameItem, CountsOnceInTotalsAndFacets) {
    for (const std::string query : {"", "efterretning", "udvalg:Socialdirektørforum"}) {
        SCOPED_TRACE(query);
        const auto one = find("one", query, {"committee", "year", "outcome", "person"});
        const auto three = find("db", "art:referat " + query,
                                {"committee", "year", "outcome", "person"});
        ASSERT_GT(one.total, 0u);
        EXPECT_TRUE(three.total_exact);
        EXPECT_EQ(three.total, one.total) << "three files, one meeting";
        EXPECT_EQ(three.hits.size(), one.hits.size());
        for (std::size_t i = 0; i < one.facets.size(); ++i)
            EXPECT_EQ(counts(three.facets[i]), counts(one.facets[i])) << one.facets[i].name;
    }
}

TEST_F(SameItem, TheOtherFilesAreItsSources) {
    const auto r = find("db", "art:referat efterretning");
    ASSERT_FALSE(r.hits.empty());
    for (const auto& hit : r.hits) {
        std::set<std::string> sources{hit.record["source"].as_string()};
        const auto& also = hit.record["also_in"];
        ASSERT_TRUE(also.is_array());
        for (const auto& other : also.as_array()) {
            sources.insert(other["source"].as_string());
            // The same item number in the other file.
            EXPECT_TRUE(other["id"].as_string().ends_with(
                "-i" + std::to_string(hit.record["number"].as_int())));
        }
        EXPECT_EQ(sources, (std::set<std::string>{"/archive/referat.pdf", "/archive/referat.docx",
                                                  "/archive/referat.xml"}))
            << "the agenda is another publication, not a source of the minutes' item";
    }
}

TEST_F(SameItem, AgendaIsItsOwnItemAndEachFileStaysSearchable) {
    const auto one = find("one", "");
    EXPECT_EQ(find("db", "").total, 2 * one.total) << "minutes and agenda";
    EXPECT_EQ(find("db", "art:dagsorden").total, one.total);
    // Every file's items are still in the index: show by id finds them.
    Xapian::Database db = open("db");
    for (const char* source : {"/archive/referat.pdf", "/archive/referat.docx",
                               "/archive/referat.xml"})
        EXPECT_EQ(db.get_termfreq(std::string(schema::kId) + index::item_id(source, 0, 1)), 1u)
            << source;
}

TEST_F(SameItem, PagesHoldDistinctItemsInResultOrder) {
    Xapian::Database db = open("db");
    SearchRequest all;
    all.text = "art:referat";
    all.limit = 1000;
    const SearchResult whole = search(db, all);
    ASSERT_GT(whole.hits.size(), 4u);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < whole.hits.size(); offset += 3) {
        SearchRequest r = all;
        r.offset = offset;
        r.limit = 3;
        const SearchResult page = search(db, r);
        EXPECT_EQ(page.total, whole.total);
        for (std::size_t i = 0; i < page.hits.size(); ++i) {
            EXPECT_EQ(page.hits[i].rank, offset + i + 1);
            paged.push_back(std::to_string(page.hits[i].record["number"].as_int()));
        }
    }
    std::vector<std::string> expected;
    for (const auto& h : whole.hits) expected.push_back(std::to_string(h.record["number"].as_int()));
    EXPECT_EQ(paged, expected);
}

TEST_F(SameItem, ExportWritesEachItemOnce) {
    Xapian::Database db = open("db");
    SearchRequest r;
    r.text = "art:referat";
    r.sort = SortOrder::kDateAscending;
    std::set<std::string> numbers;
    std::size_t written = export_matches(db, r, [&](const Hit& h) {
        EXPECT_TRUE(numbers.insert(std::to_string(h.record["number"].as_int())).second)
            << "item " << h.record["number"].as_int() << " written twice";
    });
    EXPECT_EQ(written, find("one", "").total);
}

}  // namespace
}  // namespace referat::query
