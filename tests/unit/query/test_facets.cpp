// Facet counts over the whole match set, checked against counts computed from the gold files
// (data/samples/*.json, read here with referat/ingest/json.hpp) and the extra test meeting.

#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

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
        {"person", gold_counts([keys = merged_person_keys()](const TestItem& t) {
             // One count per item and person, under the person key the index uses.
             const auto it = keys.find(t.key);
             return it == keys.end() ? std::vector<std::string>()
                                     : std::vector<std::string>(it->second.begin(),
                                                                it->second.end());
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
