// Real published minutes (data/real) against expectations written by hand (data/real-gold).

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/serialize.hpp>

#include "golden.hpp"

namespace {

namespace fs = std::filesystem;
using referat::json::Value;

const std::string kData = REFERAT_TEST_DATA;

std::vector<std::string> expectation_files() {
    return referat::test::json_files_in(kData + "/real-gold");
}

Value opt(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }

class RealMinutes : public ::testing::TestWithParam<std::string> {};

TEST_P(RealMinutes, MatchExpectationsWrittenByHand) {
    auto parsed =
        referat::json::parse(referat::test::read_file(kData + "/real-gold/" + GetParam()));
    ASSERT_TRUE(parsed.has_value());
    const Value& want = *parsed;
    const std::string file = kData + "/real/" + want["file"].as_string();
    auto doc = referat::ingest::parse_file(file);
    ASSERT_TRUE(doc.has_value()) << doc.error().message();
    ASSERT_EQ(doc->meetings.size(), 1u);
    const auto& m = doc->meetings[0];
    Value got = referat::ingest::meeting_to_json(m, file);
    if (want.find("layout")) {
        EXPECT_EQ(got["layout"], want["layout"]);
    }
    if (want.find("kind")) {
        EXPECT_EQ(got["kind"], want["kind"]);
    }
    for (const auto& [key, value] : want["meeting"].as_object())
        EXPECT_EQ(got["meeting"][key], value) << "meeting." << key;
    auto people = [&](const char* key, const std::vector<referat::ingest::Person>& have) {
        if (!want.find(key)) return;
        const auto& list = want[key].as_array();
        ASSERT_EQ(have.size(), list.size()) << key;
        for (std::size_t i = 0; i < list.size(); ++i) {
            EXPECT_EQ(Value(have[i].name), list[i]["name"]) << key << "[" << i << "]";
            if (list[i].find("party")) {
                EXPECT_EQ(opt(have[i].party), list[i]["party"]) << have[i].name;
            }
            if (list[i].find("role")) {
                EXPECT_EQ(opt(have[i].role), list[i]["role"]) << have[i].name;
            }
        }
    };
    people("participants", m.participants);
    people("absent", m.absent);
    const auto& items = want["items"].as_array();
    ASSERT_EQ(m.items.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& w = items[i];
        const auto& g = got["items"].as_array()[i];
        for (const char* k : {"number", "title", "decision", "decision_outcome", "case_number",
                              "closed", "attachments"}) {
            if (w.find(k)) {
                EXPECT_EQ(g[k], w[k]) << "item " << w["number"].dump() << " " << k;
            }
        }
        // Absences stated for this meeting, per item: the names in the order found.
        if (w.find("absent")) {
            Value names = Value::array();
            for (const auto& e : m.items[i].attendance)
                if (e.kind == "absent") names.push(Value(e.person));
            EXPECT_EQ(names, w["absent"]) << "item " << w["number"].dump() << " absent";
        }
    }
    if (want.find("decisions")) {
        for (const auto& [number, list] : want["decisions"].as_object()) {
            const referat::ingest::Item* item = nullptr;
            for (const auto& it : m.items)
                if (std::to_string(it.number) == number) item = &it;
            ASSERT_NE(item, nullptr) << number;
            ASSERT_GE(item->decisions.size(), list.size()) << number;
            for (std::size_t k = 0; k < list.size(); ++k) {
                EXPECT_EQ(opt(item->decisions[k].body), list.as_array()[k]["body"]);
                EXPECT_EQ(opt(item->decisions[k].date), list.as_array()[k]["date"]);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Real, RealMinutes, ::testing::ValuesIn(expectation_files()),
                         [](const auto& info) { return referat::test::test_name(info.param); });

}  // namespace
