// Golden tests: every sample in data/samples against its gold JSON, alone and all five joined.

#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/serialize.hpp>

#include "golden.hpp"

namespace {

namespace fs = std::filesystem;
using referat::json::Value;

const std::string kSamples = std::string(REFERAT_TEST_DATA) + "/samples";

std::vector<std::string> sample_stems() {
    std::vector<std::string> stems;
    for (const auto& e : fs::directory_iterator(kSamples))
        if (e.path().extension() == ".txt") stems.push_back(e.path().stem().string());
    std::sort(stems.begin(), stems.end());
    return stems;
}

Value gold_of(const std::string& stem) {
    auto parsed = referat::json::parse(referat::test::read_file(kSamples + "/" + stem + ".json"));
    EXPECT_TRUE(parsed.has_value()) << stem << ": gold file does not parse";
    return parsed ? *parsed : Value();
}

std::string report(const std::string& name, const referat::test::GoldScore& s) {
    std::string out =
        name + ": " + std::to_string(s.equal) + "/" + std::to_string(s.total) + " fields equal\n";
    for (const auto& d : s.diffs) out += "  " + d + "\n";
    return out;
}

class GoldenSample : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenSample, MatchesGoldFieldByField) {
    const std::string stem = GetParam();
    const std::string text = referat::test::read_file(kSamples + "/" + stem + ".txt");
    ASSERT_FALSE(text.empty());
    referat::ingest::Document doc = referat::ingest::parse_text(text, stem + ".txt");
    ASSERT_EQ(doc.meetings.size(), 1u) << stem << ": one meeting expected";
    Value got = referat::ingest::meeting_to_json(doc.meetings[0], stem + ".txt");
    referat::test::GoldScore score = referat::test::compare_with_gold(got, gold_of(stem));
    EXPECT_EQ(score.equal, score.total) << report(stem, score);
}

INSTANTIATE_TEST_SUITE_P(Gold, GoldenSample, ::testing::ValuesIn(sample_stems()),
                         [](const auto& info) { return "s" + info.param.substr(0, 3); });

TEST(GoldenJoined, FiveSamplesInOneTextGiveFiveGoldMeetings) {
    const auto stems = sample_stems();
    ASSERT_EQ(stems.size(), 5u);
    std::string joined;
    for (const auto& stem : stems) {
        if (!joined.empty()) joined += "\n\n";
        joined += referat::test::read_file(kSamples + "/" + stem + ".txt");
    }
    referat::ingest::Document doc = referat::ingest::parse_text(joined, "joined.txt");
    ASSERT_EQ(doc.meetings.size(), stems.size());
    int equal = 0;
    int total = 0;
    std::string all;
    for (std::size_t k = 0; k < stems.size(); ++k) {
        Value got = referat::ingest::meeting_to_json(doc.meetings[k], stems[k] + ".txt");
        auto score = referat::test::compare_with_gold(got, gold_of(stems[k]));
        equal += score.equal;
        total += score.total;
        if (score.equal != score.total) all += report(stems[k], score);
    }
    EXPECT_EQ(equal, total) << all;
}

TEST(GoldenJoined, MeetingSpansAndItemSpansAreOrderedAndInsideTheText) {
    std::string joined;
    for (const auto& stem : sample_stems()) {
        if (!joined.empty()) joined += "\n\n";
        joined += referat::test::read_file(kSamples + "/" + stem + ".txt");
    }
    referat::ingest::Document doc = referat::ingest::parse_text(joined, "joined.txt");
    std::size_t prev_end = 0;
    for (const auto& m : doc.meetings) {
        EXPECT_GE(m.span_begin, prev_end);
        EXPECT_LE(m.span_end, doc.text.size());
        for (const auto& item : m.items) {
            EXPECT_GE(item.span_begin, m.span_begin);
            EXPECT_LE(item.span_end, m.span_end);
            EXPECT_LE(item.line_begin, item.line_end);
            // The span starts at the item header, which names the item's number.
            std::string head = doc.text.substr(item.span_begin, 40);
            EXPECT_THAT(head, ::testing::HasSubstr(std::to_string(item.number))) << head;
        }
        prev_end = m.span_end;
    }
}

}  // namespace
