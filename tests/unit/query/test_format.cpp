// Output formats: CSV read back by a strict RFC 4180 reader, JSON and JSON Lines validated
// against data/schema/item.schema.json, and the text layout.

#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/query/format.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"
#include "schema_check.hpp"

namespace referat::query {
namespace {

using testing::item_schema;
using testing::read_csv;
using testing::SampleIndex;
using testing::schema_errors;

SearchResult run(std::string_view text, std::size_t limit = 1000,
                 std::vector<std::string> facets = {}) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r;
    r.text = std::string(text);
    r.limit = limit;
    r.facets = std::move(facets);
    r.sort = SortOrder::kDateAscending;
    return search(db, r);
}

std::string joined_errors(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

TEST(Csv, FieldQuoting) {
    const CsvOptions comma{',', false, {}};
    const CsvOptions semicolon{';', false, {}};
    const CsvOptions tab{'\t', false, {}};
    EXPECT_EQ(csv_field("plain", comma), "plain");
    EXPECT_EQ(csv_field("a,b", comma), "\"a,b\"");
    EXPECT_EQ(csv_field("a,b", semicolon), "a,b");
    EXPECT_EQ(csv_field("a;b", semicolon), "\"a;b\"");
    EXPECT_EQ(csv_field("a\tb", tab), "\"a\tb\"");
    EXPECT_EQ(csv_field("say \"hi\"", comma), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines", comma), "\"two\nlines\"");
    EXPECT_EQ(csv_line({"a", "b;c", ""}, semicolon), "a;\"b;c\";\r\n");
}

TEST(Names, CommaListsAreTrimmedAndEmptyNamesDropped) {
    EXPECT_EQ(split_names("committee, year,person"),
              (std::vector<std::string>{"committee", "year", "person"}));
    EXPECT_EQ(split_names(" , date,,"), std::vector<std::string>{"date"});
    EXPECT_TRUE(split_names("").empty());
}

TEST(Csv, SpreadsheetModeGuardsFormulasAndStartsWithABom) {
    const CsvOptions plain{';', false, {}};
    const CsvOptions sheet{';', true, {}};
    // A cell a spreadsheet would run as a formula shows as text behind an apostrophe.
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\";\"y\")", sheet),
              "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");
    for (std::string_view cell : {"+45 1234", "-1+2", "@SUM(A1)", "\tx"}) {
        EXPECT_EQ(csv_field(cell, sheet).substr(0, 2), "'" + std::string(cell.substr(0, 1)))
            << cell;
        EXPECT_EQ(csv_field(cell, plain), cell);
    }
    EXPECT_EQ(csv_field("=1", plain), "=1");
    EXPECT_EQ(csv_field("Budget = 2024", sheet), "Budget = 2024");
    EXPECT_EQ(csv_field("", sheet), "");
    EXPECT_EQ(csv_start(sheet), "\xEF\xBB\xBF");
    EXPECT_EQ(csv_start(plain), "");
}

TEST(Csv, EveryItemSurvivesARoundTrip) {
    SearchResult all = run("");
    ASSERT_GT(all.hits.size(), 50u);
    for (char sep : {',', ';'}) {
        CsvOptions options{sep, sep == ';', {}};
        std::string text = csv_header(options);
        for (const auto& h : all.hits) text += csv_row(h.record, options);
        if (options.spreadsheet) {
            ASSERT_TRUE(text.starts_with("\xEF\xBB\xBF"));
            text.erase(0, 3);
        }
        auto rows = read_csv(text, sep);
        ASSERT_EQ(rows.size(), all.hits.size() + 1);
        const auto& columns = csv_columns();
        ASSERT_EQ(rows[0].size(), columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) EXPECT_EQ(rows[0][c], columns[c]);
        auto column = [&](std::string_view name) {
            return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) -
                                            columns.begin());
        };
        for (std::size_t i = 0; i < all.hits.size(); ++i) {
            const auto& r = all.hits[i].record;
            const auto& row = rows[i + 1];
            ASSERT_EQ(row.size(), columns.size()) << "row " << i;
            EXPECT_EQ(row[column("id")], r["id"].as_string());
            EXPECT_EQ(row[column("title")], r["title"].as_string());
            EXPECT_EQ(row[column("decision")],
                      r["decision"].is_string() ? r["decision"].as_string() : "");
            EXPECT_EQ(row[column("number")], std::to_string(r["number"].as_int()));
            EXPECT_EQ(row[column("span_end")], std::to_string(r["span"]["end"].as_int()));
            EXPECT_EQ(row[column("snippet")], r["snippet"].as_string());
        }
    }
}

TEST(Csv, HostileDecisionText) {
    // The extra meeting's decision holds a comma, quotes, a semicolon and a newline.
    SearchResult r = run("beslutning:forbehold");
    ASSERT_EQ(r.hits.size(), 1u);
    const std::string decision = r.hits[0].record["decision"].as_string();
    ASSERT_NE(decision.find('\n'), std::string::npos);
    ASSERT_NE(decision.find('"'), std::string::npos);
    for (char sep : {',', ';'}) {
        CsvOptions options{sep, false, {}};
        auto rows = read_csv(csv_header(options) + csv_row(r.hits[0].record, options), sep);
        ASSERT_EQ(rows.size(), 2u);
        auto at = std::find(csv_columns().begin(), csv_columns().end(), "decision") -
                  csv_columns().begin();
        EXPECT_EQ(rows[1][static_cast<std::size_t>(at)], decision);
    }
}

TEST(Json, EveryHitMatchesTheItemSchema) {
    SearchResult all = run("");
    ASSERT_GT(all.hits.size(), 50u);
    for (const auto& h : all.hits) {
        auto errors = schema_errors(item_schema(), h.record);
        EXPECT_TRUE(errors.empty()) << joined_errors(errors);
    }
}

TEST(Json, TheValidatorRejectsBadRecords) {
    json::Value record = run("beslutning:forbehold").hits.at(0).record;
    json::Value wrong_type = record;
    wrong_type.set("number", "one");
    EXPECT_FALSE(schema_errors(item_schema(), wrong_type).empty());
    json::Value bad_enum = record;
    bad_enum.set("outcome", "maybe");
    EXPECT_FALSE(schema_errors(item_schema(), bad_enum).empty());
    json::Value extra = record;
    extra.set("surprise", 1);
    EXPECT_FALSE(schema_errors(item_schema(), extra).empty());
    json::Object missing;
    for (const auto& [k, v] : record.as_object())
        if (k != "sha256") missing.emplace_back(k, v);
    EXPECT_FALSE(schema_errors(item_schema(), json::Value(missing)).empty());
}

TEST(Json, DocumentShape) {
    SearchResult r = run("efterretning", 3, {"committee", "year"});
    json::Value doc = result_to_json(r, 0);
    auto parsed = json::parse(doc.dump(2));
    ASSERT_TRUE(parsed);
    EXPECT_EQ((*parsed)["schema"].as_int(), kRecordSchemaVersion);
    EXPECT_EQ((*parsed)["query"].as_string(), "efterretning");
    EXPECT_EQ(static_cast<std::size_t>((*parsed)["total"].as_int()), r.total);
    ASSERT_EQ((*parsed)["hits"].size(), 3u);
    for (const auto& h : (*parsed)["hits"].as_array()) {
        auto errors = schema_errors(item_schema(), h);
        EXPECT_TRUE(errors.empty()) << joined_errors(errors);
    }
    ASSERT_TRUE((*parsed)["facets"].is_object());
    ASSERT_TRUE((*parsed)["facets"]["committee"].is_object());
    std::int64_t sum = 0;
    for (const auto& [year, count] : (*parsed)["facets"]["year"].as_object()) {
        EXPECT_EQ(year.size(), 4u);
        sum += count.as_int();
    }
    EXPECT_EQ(static_cast<std::size_t>(sum), r.total);
    // Most frequent first, as in the facet.
    const auto& committees = (*parsed)["facets"]["committee"].as_object();
    ASSERT_EQ(committees.size(), r.facets[0].values.size());
    for (std::size_t i = 0; i < committees.size(); ++i) {
        EXPECT_EQ(committees[i].first, r.facets[0].values[i].value);
        EXPECT_EQ(static_cast<std::size_t>(committees[i].second.as_int()),
                  r.facets[0].values[i].count);
    }
    EXPECT_TRUE((*parsed)["suggestion"].is_null());
}

TEST(JsonLines, OneValidRecordPerLine) {
    SearchResult all = run("godkendt ELLER efterretning");
    std::string text;
    for (const auto& h : all.hits) text += jsonl_line(h.record);
    std::istringstream in(text);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line); ++n) {
        auto v = json::parse(line);
        ASSERT_TRUE(v) << line;
        auto errors = schema_errors(item_schema(), *v);
        EXPECT_TRUE(errors.empty()) << joined_errors(errors);
    }
    EXPECT_EQ(n, all.hits.size());
    EXPECT_GT(n, 10u);
}

TEST(Text, CountsOnlyWhenNoHitsAreAsked) {
    SearchResult r = run("efterretning", 0, {"outcome"});
    ASSERT_GT(r.total, 1u);
    std::ostringstream out;
    write_text(out, r, 0, TextStyle{});
    EXPECT_TRUE(out.str().starts_with(std::to_string(r.total) + " matches\n\noutcome\n"))
        << out.str();
}

TEST(Text, HitsAndYearHistogram) {
    SearchResult r = run("titel:Åbenrå", 10, {"year", "committee"});
    std::ostringstream out;
    write_text(out, r, 0, TextStyle{});
    const std::string text = out.str();
    EXPECT_THAT(text, ::testing::HasSubstr(
                          "2019-03-05  Økonomiudvalget  #1 Fælleskommunal indsats i Åbenrå"))
        << text;
    EXPECT_THAT(text, ::testing::HasSubstr("Beslutning (approved): Udvalget godkendte planen"));
    EXPECT_THAT(text, ::testing::HasSubstr("[Åbenrå]"));
    EXPECT_THAT(text, ::testing::HasSubstr("2019 ####")) << text;
    EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("\x1b["))) << "no colour unless asked";
    EXPECT_TRUE(text.starts_with(std::to_string(r.total) + " matches, showing 1-")) << text;
}

TEST(Text, LongDecisionsAreCutAtAWordForReading) {
    SearchResult r = run("beslutning:udfordringsbillede", 1);
    ASSERT_EQ(r.hits.size(), 1u);
    const std::string full = r.hits[0].record["decision"].as_string();
    ASSERT_GT(full.size(), 400u) << "the fixture needs a long decision";
    std::ostringstream out;
    write_text(out, r, 0, TextStyle{});
    const std::string text = out.str();
    const auto start = text.find("Beslutning (");
    ASSERT_NE(start, std::string::npos) << text;
    const std::string line = text.substr(start, text.find('\n', start) - start);
    EXPECT_TRUE(line.ends_with(" …")) << line;
    EXPECT_LT(line.size(), full.size());
    const std::string kept =
        line.substr(line.find("): ") + 3, line.size() - line.find("): ") - 3 - 4);
    EXPECT_TRUE(full.starts_with(kept)) << "cut, not rewritten: " << kept;
}

}  // namespace
}  // namespace referat::query
