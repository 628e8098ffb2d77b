// Exact answers on the sample index: exclusion and required words, wildcards at least as wide
// as the word, every operator with æ/ø/å, fields on bracketed groups, plain snippets counted in
// characters, suggestions that lead somewhere, and a bound on wildcard expansion. Expected
// answers come from other queries' answers (set algebra) or from the gold files.

#include <algorithm>
#include <cctype>
#include <iterator>
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
using testing::invalid;
using testing::Keys;
using testing::keys;
using testing::run;
using testing::SampleIndex;

Keys minus(const Keys& a, const Keys& b) {
    Keys out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

bool includes(const Keys& big, const Keys& small) {
    return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

TEST(Exclusion, LeadingMinusAloneExcludes) {
    const Keys all = keys("");
    const Keys with = keys("efterretning");
    ASSERT_FALSE(with.empty());
    ASSERT_NE(with, all);
    const Keys without = minus(all, with);
    EXPECT_EQ(keys("-efterretning"), without);
    EXPECT_EQ(keys("NOT efterretning"), without);
    EXPECT_EQ(keys("IKKE efterretning"), without);
    // With æ/ø/å: every spelling is excluded.
    const Keys aabenraa = keys("Åbenrå");
    ASSERT_FALSE(aabenraa.empty());
    EXPECT_EQ(keys("-Åbenrå"), minus(all, aabenraa));
    EXPECT_EQ(keys("-aabenraa"), minus(all, aabenraa));
}

TEST(Required, PlusMeansRequiredWithEverySpelling) {
    EXPECT_EQ(keys("+efterretning"), keys("efterretning"));
    EXPECT_EQ(keys("+efterretning -orienteringen"),
              minus(keys("efterretning"), keys("orienteringen")));
    // "+Åbenrå" keeps the ae/oe/aa spellings the plain word has.
    ASSERT_FALSE(keys("Åbenrå").empty());
    EXPECT_EQ(keys("+Åbenrå"), keys("Åbenrå"));
    EXPECT_EQ(keys("+aabenraa"), keys("Åbenrå"));
}

class WildcardAtLeastWord : public ::testing::TestWithParam<const char*> {};

TEST_P(WildcardAtLeastWord, FindsEverythingTheWordFinds) {
    const std::string word = GetParam();
    const Keys exact = keys(word);
    ASSERT_FALSE(exact.empty()) << word << " must be in the samples";
    const Keys wild = keys(word + "*");
    EXPECT_TRUE(includes(wild, exact)) << word << "*: " << wild.size() << " vs " << exact.size();
}

// Whole words whose stem is shorter than the word: the stem is what the index holds.
INSTANTIATE_TEST_SUITE_P(Samples, WildcardAtLeastWord,
                         ::testing::Values("dagsorden", "titel:dagsorden", "orienteringen",
                                           "beslutning:efterretning", "titel:sundhed",
                                           "kommissoriet", "Åbenrå", "aabenraa"));

TEST(Wildcard, StartCuttingIntoAStemmedSuffix) {
    // "sundhed" is indexed as its stem "sund"; "sundh*" still finds it.
    const Keys word = keys("titel:sundhed");
    ASSERT_FALSE(word.empty());
    EXPECT_TRUE(includes(keys("titel:sundh*"), word));
}

TEST(Wildcard, ExpandingToNothingMatchesNothing) {
    EXPECT_EQ(run("xqzvwk*").total, 0u);
    EXPECT_EQ(run("efterretning xqzvwk*").total, 0u) << "not left out of the AND";
}

TEST(Wildcard, TooBroadIsAClearError) {
    // Count what "s*" would stand for, from the vocabulary, independently of the query code.
    Xapian::Database db = SampleIndex::get().open();
    std::set<std::string> words;
    // Every word is body text, indexed without a prefix.
    for (auto t = db.allterms_begin("s"); t != db.allterms_end("s"); ++t) words.insert(*t);
    ASSERT_GT(words.size(), 20u) << "the samples must have enough s-words";
    SearchRequest r;
    r.text = "s*";
    r.max_wildcard_terms = words.size() - 1;
    try {
        (void)search(db, r);
        ADD_FAILURE() << "s* expanded beyond the limit";
    } catch (const Error& e) {
        EXPECT_EQ(e.exit_code(), 2);
        EXPECT_THAT(std::string(e.what()), ::testing::HasSubstr("wildcard 's*' matches more than"))
            << e.what();
    }
    r.max_wildcard_terms = words.size();
    EXPECT_GT(search(db, r).total, 0u) << "exactly at the limit is allowed";
}

TEST(Near, OperatorsKeepWorkingWithDanishLetters) {
    const Keys phrase = keys("\"holder årligt\"");
    ASSERT_FALSE(phrase.empty()) << "the samples have 'holder årligt'";
    EXPECT_TRUE(includes(keys("holder NEAR årligt"), phrase));
    EXPECT_TRUE(includes(keys("holder NEAR/2 årligt"), phrase));
    EXPECT_TRUE(includes(keys("holder ADJ årligt"), phrase));
    EXPECT_TRUE(includes(keys("holder NEAR aarligt"), phrase)) << "ae/oe/aa still match";
    EXPECT_TRUE(keys("årligt ADJ/0 holder").empty()) << "ADJ keeps the order";
    EXPECT_TRUE(includes(keys("hold* NEAR årligt"), phrase)) << "wildcards inside NEAR";
    EXPECT_TRUE(includes(keys("holder NEAR årli*"), phrase));
    EXPECT_EQ(keys("holder årligt OR xqzvwk"), keys("holder årligt"));
    EXPECT_EQ(keys("(holder OG årligt) IKKE xqzvwk"), keys("holder årligt"));
}

TEST(Fields, FieldOnABracketedGroup) {
    const Keys title = keys("titel:orientering");
    ASSERT_FALSE(title.empty());
    EXPECT_EQ(keys("titel:(orientering)"), title);
    EXPECT_EQ(keys("udvalg:(DAS)"), keys("udvalg:DAS"));
    ASSERT_FALSE(keys("udvalg:DAS").empty());
    EXPECT_EQ(keys("titel:(orientering OR årshjul)"), keys("titel:orientering OR titel:årshjul"));
    EXPECT_NE(keys("titel:(orientering OR årshjul)"), title);
    EXPECT_EQ(keys("år:(2019 OR 2021)"), keys("år:2019 OR år:2021"));
    EXPECT_THAT(invalid("foo:(bar)"), ::testing::HasSubstr("unknown field 'foo:'"));
}

TEST(Snippets, PlainTextNotHtml) {
    SearchResult r = run("kredsen");
    ASSERT_GT(r.total, 0u);
    bool ampersand = false;
    for (const auto& h : r.hits) {
        const std::string s = h.record["snippet"].as_string();
        for (const char* entity : {"&amp;", "&lt;", "&gt;", "&quot;"})
            EXPECT_EQ(s.find(entity), std::string::npos) << s;
        ampersand = ampersand || s.find("B&U") != std::string::npos;
    }
    EXPECT_TRUE(ampersand) << "the samples write 'B&U' next to 'kredsen'";
}

std::size_t visible_characters(std::string s) {
    for (const char* mark : {"[", "]", "…"})
        for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark))
            s.erase(at, std::string_view(mark).size());
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

TEST(Snippets, LengthCountsCharactersNotBytes) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r;
    r.text = "Åbenrå";
    r.limit = 100;
    r.snippet_length = 60;
    SearchResult result = search(db, r);
    ASSERT_GT(result.total, 0u);
    bool longer_in_bytes = false;
    for (const auto& h : result.hits) {
        const std::string s = h.record["snippet"].as_string();
        const std::size_t chars = visible_characters(s);
        EXPECT_LE(chars, r.snippet_length + 2) << s;
        // Danish letters take two bytes: a full snippet is longer than 60 in bytes.
        std::string plain = s;
        for (const char* mark : {"[", "]", "…"})
            for (auto at = plain.find(mark); at != std::string::npos; at = plain.find(mark))
                plain.erase(at, std::string_view(mark).size());
        longer_in_bytes = longer_in_bytes || plain.size() > r.snippet_length;
    }
    EXPECT_TRUE(longer_in_bytes) << "no snippet used the characters it was given";
}

// Typos made from words of the gold text: one letter dropped from the middle.
std::vector<std::string> typos() {
    std::set<std::string> words;
    for (const auto& item : all_items()) {
        std::string word;
        for (char c : item.title + " " + item.decision + " ") {
            if (std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80)) {
                word += c;
                continue;
            }
            bool ascii =
                std::all_of(word.begin(), word.end(), [](char ch) { return (ch & 0x80) == 0; });
            if (ascii && word.size() >= 8) words.insert(word);
            word.clear();
        }
    }
    std::vector<std::string> out;
    for (const auto& w : words)
        out.push_back(w.substr(0, w.size() / 2) + w.substr(w.size() / 2 + 1));
    return out;
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Whether word is written, as a whole word, anywhere in the gold files or the extra meeting.
bool is_real_word(const std::string& word) {
    static const std::string corpus = [] {
        std::string text;
        for (const auto& gold : testing::gold_files()) text += " " + gold.value.dump();
        for (const auto& item : all_items()) {
            text += " " + item.title + " " + item.decision;
            for (const auto& p : item.persons) text += " " + p;
            for (const auto& r : item.recommendation) text += " " + r;
        }
        return lower_ascii(text);
    }();
    auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
    const std::string w = lower_ascii(word);
    for (auto at = corpus.find(w); at != std::string::npos; at = corpus.find(w, at + 1)) {
        const bool starts = at == 0 || !letter(corpus[at - 1]);
        const bool ends = at + w.size() == corpus.size() || !letter(corpus[at + w.size()]);
        if (starts && ends) return true;
    }
    return false;
}

TEST(Suggestion, OnlyRealWordsThatFindSomething) {
    std::size_t suggested = 0;
    for (const auto& typo : typos()) {
        SearchResult r = run(typo);
        if (r.total > 0 || !r.suggestion) continue;
        ++suggested;
        EXPECT_GT(run(*r.suggestion).total, 0u) << typo << " -> " << *r.suggestion;
        EXPECT_TRUE(is_real_word(*r.suggestion)) << typo << " -> " << *r.suggestion;
    }
    EXPECT_GT(suggested, 3u) << "the typos must exercise suggestions";
}

TEST(Suggestion, NeverABareStem) {
    // "kommunen" is indexed as its stem "kommun"; a typo of it gets a word, not "kommun".
    SearchResult r = run("kommunenn");
    ASSERT_EQ(r.total, 0u);
    ASSERT_TRUE(r.suggestion);
    EXPECT_NE(*r.suggestion, "kommun");
    EXPECT_GT(run(*r.suggestion).total, 0u);
    EXPECT_FALSE(run("titel:(orientering)").suggestion);
}

}  // namespace
}  // namespace referat::query
