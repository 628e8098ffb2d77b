// Facet counts over the whole match set, checked against counts computed from the gold files
// (data/samples/*.json, read here with referat/ingest/json.hpp) and the extra test meeting.

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include <referat/index/columns.hpp>
#include <referat/index/database.hpp>
#include <referat/index/people_terms.hpp>
#include <referat/ingest/people.hpp>
#include <referat/ingest/serialize.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"

namespace referat::query {
namespace {

using testing::all_items;
using testing::SampleIndex;
using testing::TestItem;
using Counts = std::map<std::string, std::size_t>;

// Person keys of each item ("date#number") as the writer merges spellings: one PersonIndex per
// meeting, so "Dorte Juhl" counts under the key of "Dorte Juul Hansen" from the same meeting.
std::map<std::string, std::set<std::string>> merged_person_keys() {
    std::vector<ingest::Meeting> meetings;
    for (const auto& gold : testing::gold_files())
        meetings.push_back(ingest::meeting_from_json(gold.value));
    meetings.push_back(testing::extra_meeting());
    std::map<std::string, std::set<std::string>> out;
    for (const auto& m : meetings) {
        const ingest::PersonIndex people = index::meeting_person_index(m);
        for (const auto& item : m.items) {
            auto& keys = out[m.date.value_or("") + "#" + std::to_string(item.number)];
            std::vector<std::string> names = item.persons_mentioned;
            for (const auto* list : {&item.appointments, &item.appointments_reported})
                for (const auto& a : *list)
                    if (a.person) names.push_back(*a.person);
            for (const auto& e : item.attendance) names.push_back(e.person);
            for (const auto& name : names)
                if (auto k = index::meeting_person_key(people, name); !k.empty()) keys.insert(k);
        }
    }
    return out;
}

SearchRequest request(std::string_view text, std::vector<std::string> facets,
                      Filters filters = {}) {
    SearchRequest r;
    r.text = std::string(text);
    r.facets = std::move(facets);
    r.filters = std::move(filters);
    r.limit = 1;        // counts cover every match, not just the page
    r.facet_limit = 0;  // every value, to compare with the gold counts
    return r;
}

SearchResult run(std::string_view text, std::vector<std::string> facets, Filters filters = {}) {
    Xapian::Database db = SampleIndex::get().open();
    return search(db, request(text, std::move(facets), std::move(filters)));
}

Counts as_map(const Facet& facet) {
    Counts out;
    for (const auto& v : facet.values) out[v.value] = v.count;
    return out;
}

Counts gold_counts(const std::function<std::vector<std::string>(const TestItem&)>& values,
                   const std::function<bool(const TestItem&)>& keep = {}) {
    Counts out;
    for (const auto& item : all_items()) {
        if (keep && !keep(item)) continue;
        for (const auto& v : values(item)) ++out[v];
    }
    return out;
}

void expect_most_frequent_first(const Facet& facet) {
    for (std::size_t i = 1; i < facet.values.size(); ++i)
        EXPECT_GE(facet.values[i - 1].count, facet.values[i].count) << facet.name;
}

TEST(Facets, WholeArchiveMatchesGold) {
    SearchResult r = run("", facet_names());
    EXPECT_EQ(r.total, all_items().size());
    ASSERT_EQ(r.facets.size(), facet_names().size());
    std::map<std::string, Counts> want{
        {"committee", gold_counts([](const TestItem& t) { return std::vector{t.committee}; })},
        {"year", gold_counts([](const TestItem& t) { return std::vector{t.date.substr(0, 4)}; })},
        {"outcome", gold_counts([](const TestItem& t) { return std::vector{t.outcome}; })},
        {"layout", gold_counts([](const TestItem& t) { return std::vector{t.layout}; })},
        {"kind", gold_counts([](const TestItem& t) {
             return t.kind.empty() ? std::vector<std::string>() : std::vector{t.kind};
         })},
        {"municipality", gold_counts([](const TestItem& t) { return t.municipalities; })},
        {"person", gold_counts([keys = merged_person_keys()](const TestItem& t) {
             // One count per item and person, under the person key the index uses.
             const auto it = keys.find(t.key);
             // Listed as names: the key with each word capitalised.
             std::vector<std::string> names;
             if (it != keys.end())
                 for (const auto& key : it->second) names.push_back(ingest::person_display(key));
             return names;
         })},
    };
    for (const auto& facet : r.facets) {
        SCOPED_TRACE(facet.name);
        ASSERT_TRUE(want.count(facet.name));
        EXPECT_FALSE(facet.values.empty());
        EXPECT_EQ(as_map(facet), want[facet.name]);
        expect_most_frequent_first(facet);
    }
}

TEST(Facets, KindFilterInDanishAndEnglish) {
    std::size_t minutes = 0;
    for (const auto& t : all_items()) minutes += t.kind == "minutes" ? 1 : 0;
    ASSERT_GT(minutes, 0u);
    EXPECT_EQ(run("kind:minutes", {}).total, minutes);
    EXPECT_EQ(run("type:referat", {}).total, minutes);
    EXPECT_EQ(run("art:dagsorden", {}).total, 0u);
}

TEST(Facets, CountsFollowTheQuery) {
    SearchResult r = run("udfald:godkendt", {"outcome", "committee", "year"});
    auto approved = [](const TestItem& t) { return t.outcome == "approved"; };
    ASSERT_EQ(r.facets.size(), 3u);
    EXPECT_EQ(as_map(r.facets[0]),
              gold_counts([](const TestItem& t) { return std::vector{t.outcome}; }, approved));
    EXPECT_EQ(as_map(r.facets[1]),
              gold_counts([](const TestItem& t) { return std::vector{t.committee}; }, approved));
    EXPECT_EQ(
        as_map(r.facets[2]),
        gold_counts([](const TestItem& t) { return std::vector{t.date.substr(0, 4)}; }, approved));
    EXPECT_EQ(r.hits.size(), 1u) << "the page stays small";
}

TEST(Facets, CountsFollowFilters) {
    Filters f;
    f.committees = {"Socialdirektørforum"};
    f.years = {"2023"};
    SearchResult r = run("", {"outcome"}, f);
    auto keep = [](const TestItem& t) {
        return t.committee == "Socialdirektørforum" && t.date.starts_with("2023");
    };
    EXPECT_EQ(as_map(r.facets[0]),
              gold_counts([](const TestItem& t) { return std::vector{t.outcome}; }, keep));
}

TEST(Facets, PageSizeDoesNotChangeTheCounts) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r = request("", facet_names());
    const SearchResult one = search(db, r);
    r.limit = 0;
    const SearchResult none = search(db, r);
    r.limit = 1000;
    r.sort = SortOrder::kDateDescending;
    const SearchResult all = search(db, r);
    EXPECT_TRUE(none.hits.empty());
    EXPECT_EQ(all.hits.size(), all_items().size());
    ASSERT_EQ(none.facets.size(), one.facets.size());
    ASSERT_EQ(all.facets.size(), one.facets.size());
    for (std::size_t i = 0; i < one.facets.size(); ++i) {
        SCOPED_TRACE(one.facets[i].name);
        EXPECT_EQ(as_map(none.facets[i]), as_map(one.facets[i]));
        EXPECT_EQ(as_map(all.facets[i]), as_map(one.facets[i]));
    }
}

TEST(Facets, LimitListsTheMostFrequentValuesWithExactCounts) {
    const Counts gold = as_map(run("", {"person"}).facets.at(0));
    ASSERT_GT(gold.size(), 4u);
    // The gold order: most frequent first, then by value.
    std::vector<std::pair<std::string, std::size_t>> ranked(gold.begin(), gold.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });

    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r = request("", {"person", "outcome"});
    r.facet_limit = 3;
    const SearchResult limited = search(db, r);
    const Facet& person = limited.facets.at(0);
    ASSERT_EQ(person.values.size(), 3u);
    EXPECT_EQ(person.omitted, gold.size() - 3);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(person.values[i].value, ranked[i].first);
        EXPECT_EQ(person.values[i].count, ranked[i].second);
    }
    // A facet with fewer values than the limit is listed whole.
    const Counts outcomes = as_map(run("", {"outcome"}).facets.at(0));
    if (outcomes.size() <= 3) {
        EXPECT_EQ(as_map(limited.facets.at(1)), outcomes);
        EXPECT_EQ(limited.facets.at(1).omitted, 0u);
    }
    // The default limit keeps a facet's output bounded however many values match.
    EXPECT_EQ(SearchRequest{}.facet_limit, 100u);
}

TEST(Facets, SeveralDatabasesCountLikeOne) {
    // The same index twice: every item is there twice, published by the same file, so it is
    // one item for the total and for every facet, as in one database.
    const SearchResult one = run("beslutning:godkendt OR efterretning", facet_names());
    Xapian::Database twice = SampleIndex::get().open();
    twice.add_database(SampleIndex::get().open());
    const SearchResult two =
        search(twice, request("beslutning:godkendt OR efterretning", facet_names()));
    ASSERT_GT(one.total, 0u);
    EXPECT_EQ(two.total, one.total);
    EXPECT_TRUE(two.total_exact);
    ASSERT_EQ(two.facets.size(), one.facets.size());
    for (std::size_t i = 0; i < one.facets.size(); ++i) {
        SCOPED_TRACE(one.facets[i].name);
        EXPECT_EQ(as_map(two.facets[i]), as_map(one.facets[i]));
    }
}

// The facet store (index/columns.hpp) that SampleIndex searches by default answers exactly as
// the value slots do without it: totals, every facet's values and counts, and the pages.
TEST(Facets, TheFacetStoreAnswersLikeTheValueSlots) {
    testing::TempDir copy;
    const std::filesystem::path path = copy.path() / "referat.db";
    std::filesystem::copy(SampleIndex::get().path() / "referat.db", path,
                          std::filesystem::copy_options::recursive);
    const std::vector<std::string> queries{"",
                                           "lokalplan",
                                           "-lokalplan",
                                           "udvalg:sund*",
                                           "år:2019..2023",
                                           "år:2020..",
                                           "beslutning:godkendt OR efterretning",
                                           "udfald:godkendt",
                                           "art:referat"};
    const auto answers = [&](Xapian::Database& db) {
        std::vector<SearchResult> out;
        for (const auto& text : queries) {
            SearchRequest r = request(text, facet_names());
            r.facet_limit = 0;
            r.limit = 1000;
            out.push_back(search(db, r));
        }
        return out;
    };
    Xapian::Database with = index::open_for_reading({path.string()});
    ASSERT_TRUE(index::columns_for(with));
    const auto stored = answers(with);
    {
        Xapian::WritableDatabase writable(path.string(), Xapian::DB_OPEN);
        index::invalidate_columns(writable);
        writable.commit();
    }
    Xapian::Database without = index::open_for_reading({path.string()});
    ASSERT_FALSE(index::columns_for(without));
    const auto slots = answers(without);
    for (std::size_t q = 0; q < queries.size(); ++q) {
        SCOPED_TRACE(queries[q]);
        EXPECT_EQ(stored[q].total, slots[q].total);
        EXPECT_EQ(stored[q].total_exact, slots[q].total_exact);
        ASSERT_EQ(stored[q].facets.size(), slots[q].facets.size());
        for (std::size_t f = 0; f < slots[q].facets.size(); ++f) {
            SCOPED_TRACE(slots[q].facets[f].name);
            EXPECT_EQ(stored[q].facets[f].name, slots[q].facets[f].name);
            EXPECT_EQ(stored[q].facets[f].omitted, slots[q].facets[f].omitted);
            ASSERT_EQ(stored[q].facets[f].values.size(), slots[q].facets[f].values.size());
            for (std::size_t v = 0; v < slots[q].facets[f].values.size(); ++v) {
                EXPECT_EQ(stored[q].facets[f].values[v].value, slots[q].facets[f].values[v].value);
                EXPECT_EQ(stored[q].facets[f].values[v].count, slots[q].facets[f].values[v].count);
            }
        }
        ASSERT_EQ(stored[q].hits.size(), slots[q].hits.size());
        for (std::size_t h = 0; h < slots[q].hits.size(); ++h)
            EXPECT_EQ(stored[q].hits[h].record["id"], slots[q].hits[h].record["id"]);
    }
    EXPECT_EQ(stored[0].total, testing::all_items().size()) << "the empty query lists every item";
}

TEST(Facets, RemoteShardCountsLikeTheLocalDatabase) {
    // xapian-progsrv serves the index over a pipe: the remote backend without a port.
    Xapian::Database remote;
    try {
        remote = Xapian::Remote::open("xapian-progsrv",
                                      (SampleIndex::get().path() / "referat.db").string());
    } catch (const Xapian::NetworkError& e) {
        FAIL() << "xapian-progsrv (Debian package xapian-tools, installed by tools/install-deps) "
                  "cannot serve the index: "
               << e.get_description();
    }
    for (const std::string text : {"", "udfald:godkendt", "beslutning:efterretning"}) {
        SCOPED_TRACE(text);
        const SearchResult local = run(text, facet_names());
        const SearchResult far = search(remote, request(text, facet_names()));
        EXPECT_EQ(far.total, local.total);
        ASSERT_EQ(far.facets.size(), local.facets.size());
        for (std::size_t i = 0; i < local.facets.size(); ++i) {
            SCOPED_TRACE(local.facets[i].name);
            ASSERT_EQ(far.facets[i].values.size(), local.facets[i].values.size());
            for (std::size_t v = 0; v < local.facets[i].values.size(); ++v) {
                EXPECT_EQ(far.facets[i].values[v].value, local.facets[i].values[v].value);
                EXPECT_EQ(far.facets[i].values[v].count, local.facets[i].values[v].count);
            }
        }
    }
}

}  // namespace
}  // namespace referat::query
