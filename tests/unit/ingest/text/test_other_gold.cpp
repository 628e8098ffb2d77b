// Real minutes of non-municipal bodies (data/other) against expectations written by hand
// (data/other-gold, rules in data/other/README.md). Referat is not made for them; it must
// degrade well: no exception, a clear refusal for scans without text, one meeting, and the date,
// committee and numbered items where the document states them plainly.

#include <algorithm>
#include <cctype>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/serialize.hpp>

#include "golden.hpp"

namespace {

namespace fs = std::filesystem;
using referat::json::Value;
using referat::test::squeeze;

const std::string kData = REFERAT_TEST_DATA;

std::vector<std::string> expectation_files() {
    return referat::test::json_files_in(kData + "/other-gold");
}

class OtherMinutes : public ::testing::TestWithParam<std::string> {};

TEST_P(OtherMinutes, DegradeWell) {
    auto parsed =
        referat::json::parse(referat::test::read_file(kData + "/other-gold/" + GetParam()));
    ASSERT_TRUE(parsed.has_value()) << GetParam();
    const Value& want = *parsed;
    const std::string file = kData + "/other/" + want["file"].as_string();

    std::optional<std::expected<referat::ingest::Document, referat::FileError>> result;
    ASSERT_NO_THROW(result.emplace(referat::ingest::parse_file(file)));
    const auto& doc = *result;

    if (const Value* error = want.find("error_contains")) {
        ASSERT_FALSE(doc.has_value()) << "expected an error containing " << error->dump()
                                      << ", got " << doc->meetings.size() << " meeting(s)";
        EXPECT_NE(doc.error().reason.find(error->as_string()), std::string::npos)
            << doc.error().message();
        return;
    }
    ASSERT_TRUE(doc.has_value()) << doc.error().message();
    ASSERT_EQ(doc->meetings.size(), 1u);
    const auto& m = doc->meetings[0];

    const Value header = referat::ingest::meeting_header_to_json(m);
    if (const Value* meeting = want.find("meeting")) {
        for (const auto& [key, value] : meeting->as_object())
            EXPECT_EQ(header[key].dump(), value.dump()) << "meeting." << key;
    }

    const Value* items = want.find("items");
    if (!items) return;
    // Titles one per line, so that gtest prints a line diff when they differ.
    std::vector<long long> want_numbers, got_numbers;
    std::string want_titles, got_titles;
    for (const auto& w : items->as_array()) {
        want_numbers.push_back(w["number"].as_int());
        want_titles += (want_titles.empty() ? "" : "\n") + squeeze(w["title"].as_string());
    }
    for (const auto& item : m.items) {
        got_numbers.push_back(item.number);
        got_titles += (got_titles.empty() ? "" : "\n") + squeeze(item.title);
    }
    EXPECT_EQ(got_numbers, want_numbers) << "item numbers";
    EXPECT_EQ(got_titles, want_titles) << "item titles";
}

INSTANTIATE_TEST_SUITE_P(Other, OtherMinutes, ::testing::ValuesIn(expectation_files()),
                         [](const auto& info) { return referat::test::test_name(info.param); });

}  // namespace
