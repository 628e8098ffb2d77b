// Synthetic minutes in the house styles of publishers not in the repository
// (data/fixtures/layouts), against expectations written by eye; rules in the folder's README.md.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/json.hpp>
#include <referat/ingest/model.hpp>
#include <referat/ingest/normalise.hpp>
#include <referat/ingest/segment.hpp>

#include "golden.hpp"

namespace {

namespace fs = std::filesystem;
using referat::ingest::Item;
using referat::ingest::Meeting;
using referat::json::Value;
using referat::test::squeeze;

const std::string kLayouts = std::string(REFERAT_TEST_DATA) + "/fixtures/layouts";

std::vector<std::string> fixtures() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kLayouts)) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() == ".txt") out.push_back(name.substr(0, name.size() - 4));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string optional_text(const std::optional<std::string>& s) { return s.value_or("(none)"); }

void expect_names(const Value& want, const std::vector<referat::ingest::Person>& have,
                  const char* what) {
    std::vector<std::string> expected, got;
    for (const auto& v : want.as_array()) expected.push_back(v.as_string());
    for (const auto& p : have) got.push_back(p.name);
    EXPECT_EQ(got, expected) << what;
}

void expect_item(const Value& want, const Item& item) {
    const std::string where = "item " + std::to_string(item.number);
    EXPECT_EQ(item.number, want["number"].as_int());
    EXPECT_EQ(item.title, want["title"].as_string()) << where;
    EXPECT_EQ(item.closed, want.find("closed") && want["closed"].as_bool()) << where;
    if (want.find("case_number")) {
        EXPECT_EQ(optional_text(item.case_number), want["case_number"].as_string()) << where;
    }
    if (want.find("outcome")) {
        EXPECT_EQ(referat::ingest::outcome_name(item.outcome), want["outcome"].as_string())
            << where;
    }
    if (want.find("attachments")) {
        std::vector<std::string> expected;
        for (const auto& v : want["attachments"].as_array()) expected.push_back(v.as_string());
        EXPECT_EQ(item.attachments, expected) << where;
    }
    if (!want.find("decisions")) return;
    const auto& decisions = want["decisions"].as_array();
    ASSERT_GE(item.decisions.size(), decisions.size()) << where;
    // Decision texts are compared after collapsing whitespace, as a prefix (so a trailing full
    // stop does not matter) unless the expectation asks for the exact text.
    for (std::size_t k = 0; k < decisions.size(); ++k) {
        const Value& d = decisions[k];
        const auto& got = item.decisions[k];
        const std::string text = squeeze(got.text);
        const std::string prefix = d["text"].as_string();
        if (d.find("exact") && d["exact"].as_bool()) {
            EXPECT_EQ(text, prefix) << where << " decision " << k;
        } else {
            EXPECT_EQ(text.substr(0, prefix.size()), prefix) << where << " decision " << k;
        }
        if (d.find("body")) {
            EXPECT_EQ(optional_text(got.body), d["body"].as_string()) << where;
        }
        if (d.find("date")) {
            EXPECT_EQ(optional_text(got.date), d["date"].as_string()) << where;
        }
    }
}

class Layout : public ::testing::TestWithParam<std::string> {};

TEST_P(Layout, MatchesExpectationWrittenByEye) {
    const std::string base = kLayouts + "/" + GetParam();
    auto parsed = referat::json::parse(referat::test::read_file(base + ".expected.json"));
    ASSERT_TRUE(parsed.has_value()) << base << ".expected.json";
    const Value& want = *parsed;
    const std::string text = referat::test::read_file(base + ".txt");
    ASSERT_FALSE(text.empty()) << base;
    auto meetings = referat::ingest::segment(referat::ingest::normalise_text(text));
    ASSERT_EQ(meetings.size(), 1u);
    const Meeting& m = meetings[0];
    for (const auto& [key, value] : want["meeting"].as_object()) {
        const std::string& expected = value.as_string();
        std::string got = "(unknown member)";
        if (key == "date") got = optional_text(m.date);
        if (key == "start") got = optional_text(m.start);
        if (key == "end") got = optional_text(m.end);
        if (key == "location") got = optional_text(m.location);
        if (key == "committee") got = m.committee;
        EXPECT_EQ(got, expected) << "meeting." << key;
    }
    if (want.find("participants")) expect_names(want["participants"], m.participants, "present");
    if (want.find("absent")) expect_names(want["absent"], m.absent, "absent");
    const auto& items = want["items"].as_array();
    ASSERT_EQ(m.items.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) expect_item(items[i], m.items[i]);
}

bool has_warning(const Meeting& m, const std::string& w) {
    return std::find(m.warnings.begin(), m.warnings.end(), w) != m.warnings.end();
}

TEST(UnrecognisedText, PlainProseYieldsAMeetingWithWarnings) {
    const std::string prose =
        "Kommunen vil gerne høre borgernes mening om den nye bypark.\n"
        "Parken skal ligge mellem stationen og havnen, og der bliver plads til legeplads,\n"
        "bænke og et stort græsareal. Forslaget er lavet i samarbejde med lokale foreninger.\n"
        "\n"
        "Du kan læse mere på kommunens hjemmeside og sende dine kommentarer til forvaltningen.\n"
        "Alle henvendelser bliver læst, og der kommer et samlet svar, når høringen er slut.\n";
    auto meetings = referat::ingest::segment(referat::ingest::normalise_text(prose));
    ASSERT_EQ(meetings.size(), 1u);
    const Meeting& m = meetings[0];
    EXPECT_TRUE(m.items.empty());
    EXPECT_FALSE(m.date.has_value());
    EXPECT_TRUE(has_warning(m, "no date found"));
    EXPECT_TRUE(has_warning(m, "no agenda items found"));
    EXPECT_EQ(m.layout, "generic");
}

TEST(UnrecognisedText, ProseWithADateKeepsTheDateAndWarnsAboutItems) {
    const std::string prose =
        "Notat om trafikken i midtbyen\n"
        "\n"
        "Mødet blev holdt den 12. marts 2019 med deltagelse af butikkerne i gågaden.\n"
        "Der var enighed om at se på skiltningen igen til sommer.\n";
    auto meetings = referat::ingest::segment(referat::ingest::normalise_text(prose));
    ASSERT_EQ(meetings.size(), 1u);
    const Meeting& m = meetings[0];
    EXPECT_TRUE(m.items.empty());
    EXPECT_EQ(optional_text(m.date), "2019-03-12");
    EXPECT_FALSE(has_warning(m, "no date found"));
    EXPECT_TRUE(has_warning(m, "no agenda items found"));
}

INSTANTIATE_TEST_SUITE_P(Synthetic, Layout, ::testing::ValuesIn(fixtures()), [](const auto& info) {
    std::string n = info.param;
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
});

}  // namespace
