// referat person, persons and appointments on the ingested samples: timelines across years,
// merged spellings, the appointment register by body, output formats and exit codes.

#include <algorithm>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../unit/query/schema_check.hpp"
#include "cli_fixture.hpp"

namespace {

using namespace referat::testing;

class People : public CliTest {
  protected:
    void SetUp() override {
        RunResult r;
        ingest({minutes().string()}, &r);
        ASSERT_EQ(r.status, 0) << r.err;
    }

    /// Run a command on db() and parse its JSON output.
    referat::json::Value json_of(std::vector<std::string> args, int status = 0) {
        args.insert(args.begin() + 1, {"--db", db(), "--format", "json"});
        auto r = referat(args);
        EXPECT_EQ(r.status, status) << r.err;
        return r.status == 0 ? parse_json(r.out) : referat::json::Value();
    }
};

bool has_event(const referat::json::Value& timeline, std::string_view kind, std::string_view year) {
    for (const auto& e : timeline["events"].as_array())
        if (e["kind"].as_string() == kind && e["date"].as_string().starts_with(year)) return true;
    return false;
}

TEST_F(People, PersonHasParticipationAndAppointmentYearsApart) {
    auto t = json_of({"person", "Klaus Liestmann"});
    ASSERT_TRUE(t.is_object());
    EXPECT_EQ(t["name"].as_string(), "Klaus Liestmann");
    EXPECT_TRUE(has_event(t, "attended", "2011")) << t.dump();
    EXPECT_TRUE(has_event(t, "appointed", "2023")) << t.dump();
    // Meeting-level events have no item; item events carry number and id.
    for (const auto& e : t["events"].as_array()) {
        if (e["kind"].as_string() == "attended") {
            EXPECT_EQ(e["item_number"].as_int(), 0);
        }
        if (e["kind"].as_string() == "appointed") {
            EXPECT_GT(e["item_number"].as_int(), 0);
            EXPECT_FALSE(e["item_id"].as_string().empty());
            EXPECT_THAT(e["detail"].as_string(), ::testing::HasSubstr("Koordinationsfo"));
        }
    }
    auto r = referat({"person", "--db", db(), "Klaus", "Liestmann"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, ::testing::HasSubstr("Tønder Kommune")) << r.out;
}

TEST_F(People, InitialsFindTheFullName) {
    auto t = json_of({"person", "Mogens B. Hansen"});
    ASSERT_TRUE(t.is_object());
    EXPECT_EQ(t["name"].as_string(), "Mogens Bak Hansen");
    std::set<std::string> spellings;
    for (const auto& s : t["spellings"].as_array()) spellings.insert(s.as_string());
    EXPECT_TRUE(spellings.contains("Mogens B. Hansen"));
    EXPECT_TRUE(has_event(t, "appointed", "2023"));
    EXPECT_TRUE(has_event(t, "reported", "2023"));
    // Someone leaving the body in the same item is a "left" event of their own.
    auto rolf = json_of({"person", "Rolf Dalsgaard Johansen"});
    ASSERT_TRUE(rolf.is_object());
    EXPECT_TRUE(has_event(rolf, "left", "2023")) << rolf.dump();
}

TEST_F(People, CloseSpellingFromTheSameMeetingFindsTheParticipant) {
    // The samples spell one participant "Dorte Juul Hansen" in the list and "Dorte Juhl" in an
    // item of the same meeting.
    auto t = json_of({"person", "Dorte Juhl"});
    ASSERT_TRUE(t.is_object());
    EXPECT_EQ(t["key"].as_string(), json_of({"person", "Dorte Juul Hansen"})["key"].as_string());
    std::set<std::string> spellings;
    for (const auto& s : t["spellings"].as_array()) spellings.insert(s.as_string());
    EXPECT_TRUE(spellings.contains("Dorte Juhl")) << t.dump();
    EXPECT_TRUE(spellings.contains("Dorte Juul Hansen")) << t.dump();
    EXPECT_TRUE(has_event(t, "attended", "2022"));
}

TEST_F(People, UnknownPersonIsExitOneWithAMessage) {
    auto r = referat({"person", "--db", db(), "Ingen Sådanperson"});
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_THAT(r.err, ::testing::HasSubstr("no person matching 'Ingen Sådanperson'")) << r.err;
    EXPECT_EQ(referat({"person", "--db", db()}).status, 2);
    EXPECT_EQ(referat({"person", "--db", db(), "--format", "xml", "Klaus Liestmann"}).status, 2);
}

TEST_F(People, EmptyNameIsAUsageError) {
    auto r = referat({"person", "--db", db(), ""});
    EXPECT_EQ(r.status, 2);
    EXPECT_THAT(r.err, ::testing::HasSubstr("give a name")) << r.err;
    EXPECT_EQ(referat({"person", "--db", db(), " "}).status, 2);
}

TEST_F(People, PartOfANameListsTheCandidates) {
    // Everyone whose name has the surname, from `persons`, not from the code under test.
    std::set<std::string> hansens;
    const auto persons = json_of({"persons"});
    for (const auto& p : persons.as_array())
        if (p["name"].as_string().ends_with(" Hansen")) hansens.insert(p["name"].as_string());
    ASSERT_GT(hansens.size(), 1u) << "the samples name several people Hansen";
    for (const char* typed : {"Hansen", "Hansn"}) {
        auto r = referat({"person", "--db", db(), typed});
        EXPECT_EQ(r.status, 1) << typed;
        EXPECT_THAT(r.err, ::testing::HasSubstr("did you mean:")) << r.err;
        std::set<std::string> listed;
        for (const auto& line : lines_of(r.err))
            if (line.starts_with("  ")) listed.insert(line.substr(2));
        for (const auto& name : hansens)
            EXPECT_TRUE(listed.contains(name)) << typed << ": " << name;
    }
}

TEST_F(People, SurnameFirstFindsThePerson) {
    auto t = json_of({"person", "Hansen, Mogens Bak"});
    ASSERT_TRUE(t.is_object());
    EXPECT_EQ(t["key"].as_string(), json_of({"person", "Mogens Bak Hansen"})["key"].as_string());
}

TEST_F(People, AppointmentsToABody) {
    auto list = json_of({"appointments", "--to", "Forretningsudvalget"});
    ASSERT_TRUE(list.is_array());
    std::set<std::string> persons;
    for (const auto& e : list.as_array()) {
        persons.insert(e["person"].as_string());
        EXPECT_THAT(e["to"].as_string(), ::testing::HasSubstr("Forretningsudvalget"));
    }
    EXPECT_TRUE(persons.contains("Mogens Bak Hansen")) << list.dump();
    // Lower case, and a body that several appointments share.
    auto group = json_of({"appointments", "--to", "referencegruppen"});
    ASSERT_TRUE(group.is_array());
    EXPECT_GE(group.size(), 2u);
    // Nothing before 2012 is an appointment in the samples' register of 2023.
    auto r = referat({"appointments", "--db", db(), "--to", "referencegruppen", "--until", "2012"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(referat({"appointments", "--db", db(), "--from", "juni"}).status, 2);
}

TEST_F(People, AppointmentsMadeAndReported) {
    auto all = json_of({"appointments"});
    auto made = json_of({"appointments", "--made"});
    auto reported = json_of({"appointments", "--reported"});
    ASSERT_TRUE(all.is_array() && made.is_array() && reported.is_array());
    EXPECT_EQ(made.size() + reported.size(), all.size());
    ASSERT_GT(reported.size(), 0u);
    for (const auto& e : reported.as_array()) {
        EXPECT_EQ(e["kind"].as_string(), "reported");
    }
    auto mogens = json_of({"appointments", "--person", "Mogens B. Hansen"});
    ASSERT_TRUE(mogens.is_array());
    for (const auto& e : mogens.as_array())
        EXPECT_THAT(e["person"].as_string(), ::testing::HasSubstr("Mogens"));
    EXPECT_EQ(referat({"appointments", "--db", db(), "--made", "--reported"}).status, 2);
}

TEST_F(People, PersonsKeepsPeopleSharingASurnameApart) {
    auto list = json_of({"persons"});
    ASSERT_TRUE(list.is_array());
    std::set<std::string> names;
    std::size_t previous = SIZE_MAX;
    for (const auto& p : list.as_array()) {
        names.insert(p["name"].as_string());
        EXPECT_LE(static_cast<std::size_t>(p["items"].as_int()), previous);  // sorted by items
        previous = static_cast<std::size_t>(p["items"].as_int());
    }
    EXPECT_TRUE(names.contains("Erling S. Pedersen"));
    EXPECT_TRUE(names.contains("Normann Pedersen"));
    EXPECT_TRUE(names.contains("Tim Hansen"));
    EXPECT_TRUE(names.contains("Mogens Bak Hansen"));
    EXPECT_FALSE(names.contains("Mogens B. Hansen"));  // merged into the full spelling

    auto limited = json_of({"persons", "--limit", "3"});
    EXPECT_EQ(limited.size(), 3u);
    auto tonder = json_of({"persons", "--organisation", "tønder kommune"});
    ASSERT_TRUE(tonder.is_array());
    std::set<std::string> in_tonder;
    for (const auto& p : tonder.as_array()) {
        in_tonder.insert(p["name"].as_string());
        bool has = false;
        for (const auto& o : p["organisations"].as_array())
            has = has || o.as_string() == "Tønder Kommune";
        EXPECT_TRUE(has) << p.dump();
    }
    EXPECT_TRUE(in_tonder.contains("Klaus Liestmann"));
    EXPECT_FALSE(in_tonder.contains("Erling S. Pedersen"));
}

TEST_F(People, PersonsOfOneCommittee) {
    // Every date counted must be a meeting date of that committee, as `referat parse` reads it.
    std::set<std::string> want;
    for (const auto& f : sample_files())
        for (const auto& m : parse_meetings(f))
            if (m["meeting"]["committee"].is_string() &&
                m["meeting"]["committee"].as_string() == "DAS Social" &&
                m["meeting"]["date"].is_string())
                want.insert(m["meeting"]["date"].as_string());
    ASSERT_FALSE(want.empty());
    auto das = json_of({"persons", "--committee", "das social"});
    ASSERT_TRUE(das.is_array());
    ASSERT_GT(das.size(), 0u);
    for (const auto& p : das.as_array()) {
        EXPECT_TRUE(want.contains(p["first_date"].as_string())) << p.dump();
        EXPECT_TRUE(want.contains(p["last_date"].as_string())) << p.dump();
    }
    auto r = referat({"persons", "--db", db(), "--committee", "Intet Udvalg"});
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(r.err, ::testing::HasSubstr("nobody matches"));
}

TEST_F(People, EveryCsvCommandTakesTheSameCsvOptions) {
    struct Layout {
        std::vector<std::string> options;
        char separator;
        bool bom;
    };
    const std::vector<Layout> layouts{{{}, ',', false},
                                      {{"--csv-sep", ";"}, ';', false},
                                      {{"--csv-sep", "tab", "--bom"}, '\t', true},
                                      {{"--spreadsheet"}, ';', true}};
    for (std::vector<std::string> command : {std::vector<std::string>{"persons"},
                                             {"appointments"},
                                             {"person", "Klaus Liestmann"},
                                             {"meetings"},
                                             {"search", "--limit", "5", "udvalg"},
                                             {"export", "udvalg"}}) {
        for (const auto& layout : layouts) {
            std::vector<std::string> args = command;
            args.insert(args.begin() + 1, {"--db", db(), "--format", "csv"});
            args.insert(args.begin() + 1, layout.options.begin(), layout.options.end());
            auto r = referat(args);
            ASSERT_EQ(r.status, 0) << args[0] << ": " << r.err;
            std::string text = r.out;
            EXPECT_EQ(text.starts_with("\xEF\xBB\xBF"), layout.bom) << args[0];
            if (layout.bom) text.erase(0, 3);
            const auto rows = referat::query::testing::read_csv(text, layout.separator);
            ASSERT_GE(rows.size(), 2u) << args[0] << ":\n" << r.out;
            ASSERT_GE(rows[0].size(), 5u) << args[0] << " header: " << rows[0].front();
            for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << args[0];
        }
    }
    auto bad = referat({"persons", "--db", db(), "--format", "csv", "--csv-sep", "|"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_THAT(bad.err, ::testing::HasSubstr("--csv-sep must be")) << bad.err;
}

TEST_F(People, HelpForEveryCommand) {
    for (const char* command : {"person", "persons", "appointments"}) {
        auto r = referat({command, "--help"});
        EXPECT_EQ(r.status, 0) << command;
        EXPECT_TRUE(r.out.starts_with(std::string("Usage: referat ") + command)) << r.out;
    }
    EXPECT_THAT(referat({"--help"}).out, ::testing::HasSubstr("appointments"));
}

// Votes read from a real decision (Aarhus Teknisk Udvalg 01-10-2025, item 2: four members named
// as supporting the recommendation, Solveig Munk as not supporting it).
class Votes : public CliTest {
  protected:
    void SetUp() override {
        RunResult r;
        ingest({std::string(REFERAT_TEST_DATA) +
                "/real/aarhus/teknisk-udvalg-2025-10-01-referat.html"},
               &r);
        ASSERT_EQ(r.status, 0) << r.err;
    }
};

TEST_F(Votes, DissentIsSearchableAndInThePersonsTimeline) {
    auto against = referat({"search", "--db", db(), "--format", "json", "stemme:imod"});
    ASSERT_EQ(against.status, 0) << against.err;
    const auto hits = parse_json(against.out)["hits"].as_array();
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0]["number"].as_int(), 2);
    auto english = referat({"search", "--db", db(), "--format", "json", "vote:against"});
    ASSERT_EQ(english.status, 0) << english.err;
    const auto english_hits = parse_json(english.out);
    ASSERT_EQ(english_hits["hits"].size(), 1u);
    EXPECT_EQ(english_hits["hits"].as_array()[0]["id"].as_string(), hits[0]["id"].as_string());
    EXPECT_EQ(referat({"search", "--db", db(), "stemme:hvad"}).status, 2);

    auto person = referat({"person", "--db", db(), "--format", "json", "Solveig Munk"});
    ASSERT_EQ(person.status, 0) << person.err;
    bool voted_against = false;
    const auto timeline = parse_json(person.out);
    for (const auto& e : timeline["events"].as_array())
        if (e["kind"].as_string() == "voted against" && e["item_number"].as_int() == 2)
            voted_against = true;
    EXPECT_TRUE(voted_against) << person.out;

    auto supporter = referat({"person", "--db", db(), "--format", "json", "Steffen Wich"});
    ASSERT_EQ(supporter.status, 0) << supporter.err;
    bool voted_for = false;
    const auto supporter_timeline = parse_json(supporter.out);
    for (const auto& e : supporter_timeline["events"].as_array())
        if (e["kind"].as_string() == "voted for") voted_for = true;
    EXPECT_TRUE(voted_for) << supporter.out;
}

TEST_F(Votes, DecisionDepartingFromTheRecommendationIsAFilter) {
    // Items 3 ("udsætte sagens behandling") and 6 ("Sagen blev udsat uden behandling") were
    // postponed although each had a recommendation; the others followed theirs.
    auto r = referat({"search", "--db", db(), "--format", "json", "--sort", "date", "afviger:ja"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto hits = parse_json(r.out)["hits"].as_array();
    std::vector<std::int64_t> numbers;
    for (const auto& h : hits) numbers.push_back(h["number"].as_int());
    std::sort(numbers.begin(), numbers.end());
    EXPECT_EQ(numbers, (std::vector<std::int64_t>{3, 6}));
}

// Syddjurs PUK 20-06-2013 is published as PDF, Word and Acadre XML: one meeting for people,
// while each file stays searchable as a source of it.
class OneMeeting : public CliTest {};

TEST_F(OneMeeting, PublishedAsThreeFilesCountsOnce) {
    RunResult r;
    const std::string folder = std::string(REFERAT_TEST_DATA) + "/real/syddjurs";
    ingest({folder + "/puk-2013-06-20-referat.pdf", folder + "/puk-2013-06-20-referat.docx",
            folder + "/puk-2013-06-20-acadre-item.xml"},
           &r);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(stats().sources, 3);

    auto persons = referat({"persons", "--db", db(), "--format", "json"});
    ASSERT_EQ(persons.status, 0) << persons.err;
    const auto everyone = parse_json(persons.out);
    bool found = false;
    for (const auto& p : everyone.as_array()) {
        if (p["name"].as_string() != "Jesper Mathiesen") continue;
        found = true;
        EXPECT_EQ(p["meetings_attended"].as_int(), 1);
        EXPECT_EQ(p["items"].as_int(), 1);
    }
    EXPECT_TRUE(found) << persons.out;

    auto person = referat({"person", "--db", db(), "--format", "json", "Jesper Mathiesen"});
    ASSERT_EQ(person.status, 0) << person.err;
    const auto timeline = parse_json(person.out);
    std::size_t attended = 0;
    for (const auto& e : timeline["events"].as_array())
        if (e["kind"].as_string() == "attended") ++attended;
    EXPECT_EQ(attended, 1u) << person.out;
}

}  // namespace
