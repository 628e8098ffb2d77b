// Terms that must and must not be indexed: prefixes, stemming, stop words, positions, filters.

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include <referat/index/analyzer.hpp>
#include <referat/index/schema.hpp>
#include <referat/index/writer.hpp>
#include <referat/ingest/parse.hpp>

#include "fixtures.hpp"
#include "temp_dir.hpp"

namespace {

using referat::testing::sample_document;
using referat::testing::TempDir;
namespace index = referat::index;
namespace schema = referat::index::schema;

constexpr const char* kSource = "/archive/2021-09-10.txt";

// The writer's analysis: æ/ø/å folded to ae/oe/aa, then the Danish stem.
std::string stem(const std::string& word) { return index::text_stemmer()(word); }

std::string str(std::string_view s) { return std::string(s); }

class IndexedTerms : public ::testing::Test {
  protected:
    void SetUp() override {
        {
            index::Writer writer(m_dir / "db");
            (void)writer.add_document(sample_document(kSource, 2));
            writer.commit();
        }
        m_db = Xapian::Database((m_dir / "db").string());
        const std::string id_term = str(schema::kId) + index::item_id(kSource, 0, 2);
        auto it = m_db.postlist_begin(id_term);
        ASSERT_NE(it, m_db.postlist_end(id_term));
        m_docid = *it;
        for (auto t = m_db.termlist_begin(m_docid); t != m_db.termlist_end(m_docid); ++t)
            m_terms.insert(*t);
    }

    bool has(const std::string& term) const { return m_terms.count(term) > 0; }
    Xapian::termcount wdf(const std::string& term) {
        auto t = m_db.termlist_begin(m_docid);
        t.skip_to(term);
        return (t != m_db.termlist_end(m_docid) && *t == term) ? t.get_wdf() : 0;
    }

    TempDir m_dir;
    Xapian::Database m_db;
    Xapian::docid m_docid = 0;
    std::set<std::string> m_terms;
};

// Free text is indexed as prefix + stem (the schema's STEM_ALL); the body text has no prefix.
std::string text_term(std::string_view prefix, const std::string& word) {
    return str(prefix) + stem(word);
}

TEST_F(IndexedTerms, AllTextIsBodyTextAndFieldsHaveTheirOwnCopy) {
    // Body text: every word, whatever field or section it stands in, without a prefix.
    for (const char* word : {"godkendelse", "efterretning", "forretningsudvalget", "rammeaftalen",
                             "belægningsprocenter", "socialdirektørforum", "liestmann"})
        EXPECT_TRUE(has(stem(word))) << word;
    // The fields a query can name, under their prefixes.
    EXPECT_TRUE(has(text_term(schema::kTitle, "godkendelse")));
    EXPECT_TRUE(has(text_term(schema::kDecision, "efterretning")));
    EXPECT_TRUE(has(text_term(schema::kRecommendation, "forretningsudvalget")));
    EXPECT_TRUE(has(text_term(schema::kAttachment, "belægningsprocenter")));
    EXPECT_TRUE(has(text_term(schema::kCommitteeText, "socialdirektørforum")));
    EXPECT_TRUE(has(text_term(schema::kPersonText, "liestmann")));
    EXPECT_FALSE(has(text_term(schema::kTitle, "rammeaftalen")));            // not in the title
    EXPECT_FALSE(has(text_term(schema::kDecision, "forretningsudvalget")));  // not in the decision
    // Background and other sections have no field of their own (schema 3's XB and XO).
    for (const auto& term : m_terms) {
        EXPECT_FALSE(term.starts_with("XB")) << term;
        EXPECT_FALSE(term.starts_with("XO")) << term;
    }
}

TEST_F(IndexedTerms, EveryFieldWordIsAlsoBodyText) {
    std::size_t field_terms = 0;
    for (const auto& term : m_terms) {
        for (auto prefix : schema::kFieldPrefixes) {
            if (!term.starts_with(prefix)) continue;
            ++field_terms;
            EXPECT_TRUE(has(term.substr(prefix.size()))) << term << " has no body term";
        }
    }
    EXPECT_GT(field_terms, 20u);
}

TEST_F(IndexedTerms, DanishLettersAreIndexedSpeltOut) {
    // "Socialdirektørforum" and "belægningsprocenter": the index spells ø and æ as oe and ae.
    EXPECT_EQ(stem("socialdirektørforum"), stem("socialdirektoerforum"));
    EXPECT_TRUE(has(stem("socialdirektoerforum")));
    EXPECT_TRUE(has(text_term(schema::kCommitteeText, "socialdirektoerforum")));
    EXPECT_TRUE(has(stem("belaegningsprocenter")));
    for (const auto& term : m_terms) {
        if (term.starts_with("XP") || term.starts_with("K") || term.starts_with("XW")) continue;
        EXPECT_EQ(term.find("ø"), std::string::npos) << term;
        EXPECT_EQ(term.find("æ"), std::string::npos) << term;
    }
}

TEST_F(IndexedTerms, DecisionIsIndexedOnceNotAgainFromItsSection) {
    // "efterretning" occurs once in the decision; the Beslutning section repeats the same text.
    EXPECT_EQ(wdf(text_term(schema::kDecision, "efterretning")), 1u);
    // "Belægningsprocenter 1. halvår 2021.pdf" is the attachment and the Bilag section text.
    EXPECT_EQ(wdf(text_term(schema::kAttachment, "halvår")), 1u);
    EXPECT_EQ(wdf(stem("halvår")), 1u);
}

TEST_F(IndexedTerms, OnlyStemmedFormsAreIndexed) {
    EXPECT_NE(stem("orienteringen"), "orienteringen");  // the stemmer really changes it
    EXPECT_TRUE(has("XD" + stem("orienteringen")));
    EXPECT_FALSE(has("XDorienteringen")) << "the unstemmed form is not indexed as well";
    EXPECT_TRUE(has(stem("kommunerne")));
    EXPECT_FALSE(has("kommunerne"));
    for (const auto& term : m_terms)
        EXPECT_FALSE(term.starts_with("Z")) << "no separate stemmed copy: " << term;
}

TEST_F(IndexedTerms, StopWordsAreNotIndexed) {
    for (std::string_view stop : {"og", "i", "til", "at", "af", "fra", "på", "efter"}) {
        EXPECT_FALSE(has(str(stop))) << stop;
        EXPECT_FALSE(has(schema::fold_spelling(stop))) << stop;
        for (auto prefix : schema::kFieldPrefixes)
            EXPECT_FALSE(has(str(prefix) + str(stop))) << str(prefix) << stop;
    }
}

TEST_F(IndexedTerms, PhrasesHavePositions) {
    Xapian::Enquire enquire(m_db);
    for (std::string_view prefix : {schema::kBodyText}) {
        const std::string orienteringen = text_term(prefix, "orienteringen");
        auto positions = m_db.positionlist_begin(m_docid, orienteringen);
        EXPECT_NE(positions, m_db.positionlist_end(m_docid, orienteringen));
        const std::vector<std::string> phrase{text_term(prefix, "socialdirektørforum"),
                                              text_term(prefix, "tog"), orienteringen};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end()));
        EXPECT_EQ(enquire.get_mset(0, 10).size(), 2u) << prefix;  // both items carry it
        const std::vector<std::string> wrong_order{orienteringen,
                                                   text_term(prefix, "socialdirektørforum")};
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_PHRASE, wrong_order.begin(), wrong_order.end()));
        EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u) << prefix;
    }
}

TEST_F(IndexedTerms, LongFieldCopiesKeepNoPositions) {
    // Only the title's copy keeps positions; the others are terms only (their phrases are
    // checked on the body text).
    for (const auto& [prefix, word] :
         {std::pair{schema::kRecommendation, "forretningsudvalget"},
          std::pair{schema::kDecision, "orienteringen"}}) {
        const std::string term = text_term(prefix, word);
        ASSERT_TRUE(has(term)) << term;
        EXPECT_EQ(m_db.positionlist_begin(m_docid, term), m_db.positionlist_end(m_docid, term))
            << term;
        const std::string body = stem(word);
        EXPECT_NE(m_db.positionlist_begin(m_docid, body), m_db.positionlist_end(m_docid, body))
            << body;
    }
    std::size_t positional = 0;
    for (const auto& term : m_terms) {
        if (term.empty() || term.front() < 'A' || term.front() > 'Z') continue;
        const bool has_positions =
            m_db.positionlist_begin(m_docid, term) != m_db.positionlist_end(m_docid, term);
        const bool title = term.starts_with(schema::kTitle);
        if (!title) {
            EXPECT_FALSE(has_positions) << "positions on prefixed term " << term;
        }
        positional += has_positions ? 1 : 0;
    }
    EXPECT_GT(positional, 0u) << "the title's copy keeps its positions";
    for (auto prefix : {schema::kDecision, schema::kRecommendation, schema::kAttachment,
                        schema::kPersonText, schema::kCommitteeText})
        EXPECT_FALSE(schema::has_positions(prefix)) << prefix;
    for (auto prefix : {schema::kBodyText, schema::kTitle})
        EXPECT_TRUE(schema::has_positions(prefix)) << prefix;
}

TEST_F(IndexedTerms, FilterTermsAndValues) {
    EXPECT_TRUE(has("Ksocialdirektørforum"));
    EXPECT_TRUE(has("Y2021"));
    EXPECT_TRUE(has("XU:noted") || has("XUnoted"));
    EXPECT_TRUE(has(schema::boolean_term(schema::kOutcomeTerm, "noted")));
    EXPECT_TRUE(has(schema::boolean_term(schema::kTypeTerm, schema::kTypeItem)));
    EXPECT_TRUE(has(schema::boolean_term(schema::kLayoutTerm, "portal")));
    EXPECT_TRUE(has(schema::municipality_term("Middelfart Kommune")));
    EXPECT_TRUE(has(schema::boolean_term(schema::kMeetingTerm, index::meeting_id(kSource, 0))));
    const auto doc = m_db.get_document(m_docid);
    EXPECT_EQ(doc.get_value(schema::kSlotDate), "20210910");
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotYear)), 2021.0);
    EXPECT_EQ(doc.get_value(schema::kSlotSameItem).size(), 32u);
    EXPECT_EQ(doc.get_value(schema::kSlotSortKey), "2021091000002");
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotAmount)), 1250000.0);
    const std::string packed = doc.get_value(schema::kSlotFacets);
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kCommittee), "Socialdirektørforum");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kYear), "2021");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kOutcome), "noted");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kLayout), "portal");
    // The same item in another file of this meeting carries the same key.
    const std::string same = doc.get_value(schema::kSlotSameItem);
    const auto title = referat::testing::sample_document(kSource, 2).meetings[0].items[1].title;
    EXPECT_EQ(same, schema::same_item_key("Socialdirektørforum", "20210910", "minutes", 2, title));
    EXPECT_TRUE(has(schema::boolean_term(schema::kSameItemTerm, same)));
    // The facets live in the packed slot only; schema 3's separate slots are gone.
    for (unsigned old_slot : {4u, 5u, 6u, 11u}) EXPECT_EQ(doc.get_value(old_slot), "") << old_slot;
    // Only what queries read is kept in slots: no item number (the sort key has it), no sha256.
    EXPECT_EQ(doc.get_value(2), "");
    EXPECT_EQ(doc.get_value(7), "");
}

TEST_F(IndexedTerms, DateRangeSearchUsesTheDateSlot) {
    Xapian::Enquire enquire(m_db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20210101", "20211231"));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 3u);  // two items and the meeting
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20220101", "20221231"));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
}

struct SharedStem {
    const char* a;
    const char* b;
};

class DanishMorphology : public ::testing::TestWithParam<SharedStem> {};

TEST_P(DanishMorphology, InflectionsShareAStem) {
    EXPECT_EQ(stem(GetParam().a), stem(GetParam().b));
}

INSTANTIATE_TEST_SUITE_P(Stemmer, DanishMorphology,
                         ::testing::Values(SharedStem{"beslutninger", "beslutning"},
                                           SharedStem{"repræsentanter", "repræsentant"},
                                           SharedStem{"kommunerne", "kommune"},
                                           SharedStem{"udvalgets", "udvalg"}));

TEST(DanishMorphologyInIndex, PluralAndSingularFindEachOther) {
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        auto doc = sample_document(kSource, 2);
        doc.meetings[0].items[0].decision =
            "Forummet traf følgende beslutninger om repræsentanter.";
        doc.meetings[0].items[1].decision = "Beslutning: en ny repræsentant blev udpeget.";
        (void)writer.add_document(doc);
        writer.commit();
    }
    Xapian::Database db((dir / "db").string());
    EXPECT_EQ(db.get_termfreq("XD" + stem("beslutning")), 2u);
    EXPECT_EQ(db.get_termfreq("XD" + stem("repræsentant")), 2u);
    EXPECT_EQ(db.get_termfreq(stem("repræsentanter")), 2u);
}

TEST(TermValue, LowerCasesAndCollapsesSpace) {
    EXPECT_EQ(schema::term_value("  Social   Direktør\tFORUM "), "social direktør forum");
    EXPECT_EQ(schema::term_value("ÆRØ KOMMUNE"), "ærø kommune");
    EXPECT_EQ(schema::boolean_term("K", "Socialdirektørforum"), "Ksocialdirektørforum");
    EXPECT_EQ(schema::boolean_term("XM", ":odd"), "XM::odd");
    EXPECT_LE(schema::term_value(std::string(500, 'x')).size(), schema::kMaxTermValueBytes);
}

TEST(SectionKinds, MapToTheirPrefixes) {
    EXPECT_EQ(schema::prefix_for_section_kind("beslutning"), schema::kDecision);
    EXPECT_EQ(schema::prefix_for_section_kind("indstilling"), schema::kRecommendation);
    EXPECT_EQ(schema::prefix_for_section_kind("sagsfremstilling"), schema::kBodyText);
    EXPECT_EQ(schema::prefix_for_section_kind("resume"), schema::kBodyText);
    EXPECT_EQ(schema::prefix_for_section_kind("bilag"), schema::kAttachment);
    EXPECT_EQ(schema::prefix_for_section_kind("økonomi"), schema::kBodyText);
}

TEST(FoldSpelling, SpellsOutDanishLetters) {
    EXPECT_EQ(schema::fold_spelling("åbenrå"), "aabenraa");
    EXPECT_EQ(schema::fold_spelling("Åbenrå"), "aabenraa");
    EXPECT_EQ(schema::fold_spelling("fælleskommunal"), "faelleskommunal");
    EXPECT_EQ(schema::fold_spelling("ØKONOMI"), "oeKONOMI");  // only the three letters change
    EXPECT_EQ(schema::fold_spelling("budget"), "budget");
    EXPECT_EQ(schema::fold_spelling("café"), "café");
    EXPECT_EQ(stem("Åbenrå"), stem("aabenraa"));
    EXPECT_EQ(stem("fælleskommunale"), stem("faelleskommunale"));
    EXPECT_EQ(schema::municipality_term("Åbenrå Kommune"),
              schema::municipality_term("Aabenraa Kommune"));
}

TEST(PackedFacets, RoundTrip) {
    const std::string packed = schema::pack_facets("Børne- og Ungeudvalget", "2023", "approved",
                                                   "portal", "minutes");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kCommittee),
              "Børne- og Ungeudvalget");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kYear), "2023");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kOutcome), "approved");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kLayout), "portal");
    EXPECT_EQ(schema::unpack_facet(packed, schema::FacetField::kKind), "minutes");
    const std::string sparse = schema::pack_facets("", "", "none", "", "");
    EXPECT_EQ(schema::unpack_facet(sparse, schema::FacetField::kCommittee), "");
    EXPECT_EQ(schema::unpack_facet(sparse, schema::FacetField::kOutcome), "none");
    EXPECT_EQ(schema::unpack_facet(sparse, schema::FacetField::kKind), "");
}

TEST(SameItemKey, NeedsCommitteeAndDate) {
    const std::string key = schema::same_item_key("Plan- og Udviklingsudvalget", "20130620",
                                                  "minutes", 3, "Kulturkommune 2017. Politik");
    EXPECT_EQ(key.size(), 32u);
    // Case, spacing, punctuation and the spelling of æ/ø/å do not tell two files apart.
    EXPECT_EQ(schema::same_item_key("PLAN-  og Udviklingsudvalget", "20130620", "minutes", 3,
                                    "kulturkommune 2017 - politik"),
              key);
    EXPECT_EQ(schema::same_item_key("Børneudvalget", "20130620", "minutes", 3, "Skoleår"),
              schema::same_item_key("Boerneudvalget", "20130620", "minutes", 3, "Skoleaar"));
    // A publisher's item XML says nothing of its kind: the same item as the minutes.
    EXPECT_EQ(schema::same_item_key("Plan- og Udviklingsudvalget", "20130620", "", 3,
                                    "Kulturkommune 2017. Politik"),
              key);
    // An agenda, another item, another day, another title (a body of the same name elsewhere).
    for (const std::string& other :
         {schema::same_item_key("Plan- og Udviklingsudvalget", "20130620", "agenda", 3,
                                "Kulturkommune 2017. Politik"),
          schema::same_item_key("Plan- og Udviklingsudvalget", "20130620", "minutes", 4,
                                "Kulturkommune 2017. Politik"),
          schema::same_item_key("Plan- og Udviklingsudvalget", "20130621", "minutes", 3,
                                "Kulturkommune 2017. Politik"),
          schema::same_item_key("Plan- og Udviklingsudvalget", "20130620", "minutes", 3,
                                "Budget 2014")})
        EXPECT_NE(other, key);
    EXPECT_EQ(schema::same_item_key("", "20130620", "minutes", 3, "x"), "");
    EXPECT_EQ(schema::same_item_key("X", "", "minutes", 3, "x"), "");
}

}  // namespace

// On a real sample parsed end to end: body text before the first heading is indexed (as other
// text), and section text is not indexed again with it.
TEST(UnheadedBody, IsIndexedOnceAsOtherText) {
    std::ifstream in(REFERAT_TEST_DATA "/samples/000_92d3c2ccd0431f34.txt", std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(raw.empty());
    auto doc = referat::ingest::parse_text(raw, "/archive/000.txt");
    ASSERT_EQ(doc.meetings.size(), 1u);
    ASSERT_GE(doc.meetings[0].items.size(), 3u) << "the segmenter finds no items";
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        (void)writer.add_document(doc);
        writer.commit();
    }
    Xapian::Database db((dir / "db").string());
    auto terms_of = [&](int number) {
        std::set<std::string> terms;
        const std::string id = str(schema::kId) + index::item_id("/archive/000.txt", 0, number);
        auto docid = *db.postlist_begin(id);
        for (auto t = db.termlist_begin(docid); t != db.termlist_end(docid); ++t) terms.insert(*t);
        return terms;
    };
    // Item 1: "Socialdirektørforum holder årligt et fællesmøde ..." stands under no heading.
    const auto first = terms_of(1);
    EXPECT_TRUE(first.count(stem("årligt")));
    // "20210910" occurs only in the inline line "Bilag: 20210910 Program for Fællesmøde ...".
    EXPECT_TRUE(first.count("XA20210910")) << "the inline Bilag line is attachment text";
    EXPECT_TRUE(first.count("20210910"));
    // Item 3 starts with its Baggrund heading: its words are body text.
    const auto third = terms_of(3);
    EXPECT_TRUE(third.count(stem("rammeaftalen")));
    EXPECT_FALSE(third.count("XA" + stem("rammeaftalen")));
}

// An inline "Bilag:" line inside a section is attachment text only: the section's own words
// stay section text, the attachment's words are not indexed a second time as section text.
TEST(InlineAttachments, AreIndexedOnceAsAttachmentText) {
    std::ifstream in(REFERAT_TEST_DATA "/samples/000_92d3c2ccd0431f34.txt", std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(raw.empty());
    auto doc = referat::ingest::parse_text(raw, "/archive/000.txt");
    ASSERT_EQ(doc.meetings.size(), 1u);
    const auto& items = doc.meetings[0].items;
    ASSERT_GE(items.size(), 4u) << "the segmenter finds no items";
    // Item 4: "Bilag: Notat KKR Syddanmark udgiftspres socialområdet" inside its Baggrund.
    ASSERT_EQ(items[3].number, 4);
    ASSERT_FALSE(items[3].inline_attachments.empty());
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        (void)writer.add_document(doc);
        writer.commit();
    }
    Xapian::Database db((dir / "db").string());
    std::set<std::string> terms;
    const std::string id = str(schema::kId) + index::item_id("/archive/000.txt", 0, 4);
    auto docid = *db.postlist_begin(id);
    for (auto t = db.termlist_begin(docid); t != db.termlist_end(docid); ++t) terms.insert(*t);
    EXPECT_TRUE(terms.count("XA" + stem("udgiftspres")));
    EXPECT_TRUE(terms.count(stem("kkr"))) << "the section's own words are body text";
    EXPECT_FALSE(terms.count("XA" + stem("baggrund")));
    // Once in the body: as attachment text, not again as section text.
    auto wdf_of = [&](const std::string& term) {
        auto t = db.termlist_begin(docid);
        t.skip_to(term);
        return (t != db.termlist_end(docid) && *t == term) ? t.get_wdf() : 0;
    };
    EXPECT_GT(wdf_of(stem("udgiftspres")), 0u);
    EXPECT_EQ(wdf_of(stem("udgiftspres")), wdf_of("XA" + stem("udgiftspres")))
        << "the Bilag line is not indexed a second time as section text";
}
