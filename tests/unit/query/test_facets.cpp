// Facet counts over the whole match set, checked against counts computed from the gold files
// (data/samples/*.json, read here with referat/ingest/json.hpp) and the extra test meeting.

#include <map>
#include <string>

#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"

namespace referat::query {
namespace {

using testing::all_items;
using testing::SampleIndex;
using testing::TestItem;
using Counts = std::map<std::string, std::size_t>;

SearchResult run(std::string_view text, std::vector<std::string> facets, Filters filters = {}) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r;
    r.text = std::string(text);
    r.facets = std::move(facets);
    r.filters = std::move(filters);
    r.limit = 1;  // counts cover every match, not just the page
    return search(db, r);
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
        {"municipality", gold_counts([](const TestItem& t) { return t.municipalities; })},
        {"person", gold_counts([](const TestItem& t) {
             // One count per item and person, under the person key the index uses.
             std::set<std::string> keys;
             for (const auto& p : t.persons)
                 if (auto k = ingest::person_key(p); !k.empty()) keys.insert(k);
             return std::vector<std::string>(keys.begin(), keys.end());
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

}  // namespace
}  // namespace referat::query
