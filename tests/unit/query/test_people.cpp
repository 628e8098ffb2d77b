// People queries on the sample index built from the gold files: every gold appointment is in
// the register with its kind, spellings merge per meeting, and people sharing a surname do not.

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include <referat/index/people_terms.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>
#include <referat/ingest/people.hpp>
#include <referat/query/people.hpp>

#include "sample_index.hpp"

namespace {

using namespace referat;
using query::testing::SampleIndex;

/// (person, to, made) of every appointment in the gold files.
std::multiset<std::tuple<std::string, std::string, bool>> gold_appointments() {
    std::multiset<std::tuple<std::string, std::string, bool>> out;
    for (const auto& gold : query::testing::gold_files())
        for (const auto& item : gold.value["items"].as_array())
            for (auto [key, made] :
                 {std::pair{"appointments", true}, {"appointments_reported", false}})
                if (item[key].is_array())
                    for (const auto& a : item[key].as_array())
                        out.insert({a["person"].is_string() ? a["person"].as_string() : "",
                                    a["to"].as_string(), made});
    return out;
}

TEST(PeopleQuery, RegisterHoldsEveryGoldAppointment) {
    auto db = SampleIndex::get().open();
    const auto expected = gold_appointments();
    ASSERT_FALSE(expected.empty());
    std::multiset<std::tuple<std::string, std::string, bool>> found;
    for (const auto& e : query::list_appointments(db, {}))
        if (e.committee != "Økonomiudvalget") found.insert({e.person, e.to, e.made});
    EXPECT_EQ(found, expected);
}

TEST(PeopleQuery, MadeAndReportedSplitTheRegister) {
    auto db = SampleIndex::get().open();
    const auto all = query::list_appointments(db, {});
    query::AppointmentFilter made;
    made.made = true;
    query::AppointmentFilter reported;
    reported.made = false;
    const auto m = query::list_appointments(db, made);
    const auto r = query::list_appointments(db, reported);
    EXPECT_EQ(m.size() + r.size(), all.size());
    EXPECT_FALSE(r.empty());
    for (const auto& e : r) EXPECT_FALSE(e.made);
}

TEST(PeopleQuery, ToMatchesWordsOfTheBodyInAnyCase) {
    auto db = SampleIndex::get().open();
    query::AppointmentFilter f;
    f.to = "REFERENCEGRUPPEN";
    const auto entries = query::list_appointments(db, f);
    std::size_t gold = 0;
    for (const auto& [person, to, made] : gold_appointments()) gold += to == "referencegruppen";
    EXPECT_EQ(entries.size(), gold);
    for (const auto& e : entries) EXPECT_EQ(e.to, "referencegruppen");
}

TEST(PeopleQuery, BadDateIsAnError) {
    auto db = SampleIndex::get().open();
    query::AppointmentFilter f;
    f.from = "23/6";
    EXPECT_THROW((void)query::list_appointments(db, f), referat::Error);
}

TEST(PeopleQuery, TimelineMergesInitialsWithinAMeeting) {
    auto db = SampleIndex::get().open();
    const auto t = query::person_timeline(db, "Mogens B. Hansen");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->key, ingest::person_key("Mogens Bak Hansen"));
    EXPECT_NE(std::find(t->spellings.begin(), t->spellings.end(), "Mogens B. Hansen"),
              t->spellings.end());
    EXPECT_NE(std::find(t->spellings.begin(), t->spellings.end(), "Mogens Bak Hansen"),
              t->spellings.end());
    EXPECT_TRUE(std::is_sorted(t->events.begin(), t->events.end(),
                               [](const auto& a, const auto& b) { return a.date < b.date; }));
}

TEST(PeopleQuery, SharedSurnameIsNotMerged) {
    auto db = SampleIndex::get().open();
    std::set<std::string> names;
    for (const auto& p : query::list_persons(db)) names.insert(p.name);
    EXPECT_TRUE(names.contains("Erling S. Pedersen"));
    EXPECT_TRUE(names.contains("Normann Pedersen"));
    EXPECT_FALSE(query::person_timeline(db, "Ingen Sådanperson"));
}

TEST(PeopleTerms, IndexCarriesAppointmentAndMergedPersonTerms) {
    namespace schema = index::schema;
    auto db = SampleIndex::get().open();
    const auto count = [&](const std::string& term) {
        return db.term_exists(term) ? db.get_termfreq(term) : 0;
    };
    // Items with appointments: one XH term per kind, one XR term per target body.
    std::set<std::string> made_items, reported_items;
    for (const auto& e : query::list_appointments(db, {}))
        (e.made ? made_items : reported_items).insert(e.item_id);
    EXPECT_EQ(count(schema::boolean_term(schema::kAppointmentTerm, schema::kAppointmentMade)),
              made_items.size());
    EXPECT_EQ(count(schema::boolean_term(schema::kAppointmentTerm, schema::kAppointmentReported)),
              reported_items.size());
    for (const auto& [person, to, made] : gold_appointments())
        EXPECT_GT(
            count(schema::boolean_term(schema::kAppointedToTerm, index::appointment_body(to))), 0u)
            << to;
    // "Dorte Juhl" in an item is keyed as "Dorte Juul Hansen" from the same meeting's list.
    EXPECT_EQ(count(schema::boolean_term(schema::kPersonTerm, ingest::person_key("Dorte Juhl"))),
              0u);
    EXPECT_GT(
        count(schema::boolean_term(schema::kPersonTerm, ingest::person_key("Dorte Juul Hansen"))),
        1u);
}

TEST(PeopleTerms, AppointmentBodyDropsTrailingParenthetical) {
    EXPECT_EQ(index::appointment_body("Arbejdsgruppen (revidering af samarbejdsaftaler)"),
              "arbejdsgruppen");
    EXPECT_EQ(index::appointment_body("Forretningsudvalget"), "forretningsudvalget");
}

}  // namespace
