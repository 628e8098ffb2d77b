// referat search and referat export, run as a process on an index of the samples (built from
// their gold files with the index writer): exit codes, error lines, every documented query
// example, CSV read back by Python's csv module, JSON validated against the item schema.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../unit/query/sample_index.hpp"
#include "../unit/query/schema_check.hpp"
#include "process.hpp"

namespace referat::testing {
namespace {

namespace qt = referat::query::testing;

class SearchCli : public ::testing::Test {
  protected:
    RunResult referat(std::vector<std::string> args) {
        args.insert(args.begin() + 1, {"--db", db()});
        return run(args, m_scratch.path());
    }
    static std::string db() { return (qt::SampleIndex::get().path() / "referat.db").string(); }
    [[nodiscard]] const std::filesystem::path& scratch() const { return m_scratch.path(); }

  private:
    qt::TempDir m_scratch;
};

std::vector<std::string> documented_examples() {
    std::ifstream in(REFERAT_TEST_DATA "/../docs/QUERY.md");
    std::vector<std::string> out;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("```")) {
            inside = line == "```referat";
            continue;
        }
        if (inside && !line.empty()) out.push_back(line);
    }
    return out;
}

void expect_one_error_line(const RunResult& r, std::string_view start) {
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_TRUE(lines[0].starts_with(start)) << lines[0];
}

TEST_F(SearchCli, InvalidQueriesExitTwoWithOneLine) {
    expect_one_error_line(referat({"search", "foo:bar"}),
                          "referat: invalid query: unknown field 'foo:'");
    expect_one_error_line(referat({"search", "titel:\"budget"}),
                          "referat: invalid query: unbalanced quote");
    expect_one_error_line(referat({"search", "(budget", "OR", "skole"}),
                          "referat: invalid query: unbalanced '('");
    expect_one_error_line(
        referat({"search", "dato:2023-06-30..2021-01-01"}),
        "referat: invalid query: date range '2023-06-30..2021-01-01' is reversed");
    expect_one_error_line(referat({"search", "--from", "2023-01-01", "--to", "2021-01-01"}),
                          "referat: invalid query: date range");
    expect_one_error_line(referat({"export", "udfald:måske"}),
                          "referat: invalid query: unknown outcome");
    expect_one_error_line(referat({"search", "--sort", "size", "budget"}),
                          "referat: search: unknown --sort value");
}

TEST_F(SearchCli, NothingFoundExitsOneWithASuggestion) {
    auto r = referat({"search", "efterretnig"});
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_THAT(r.err, ::testing::HasSubstr("referat: no matches for 'efterretnig'")) << r.err;
    EXPECT_THAT(r.err, ::testing::HasSubstr("did you mean: efterretning")) << r.err;
    auto json = referat({"search", "--format", "json", "efterretnig"});
    EXPECT_EQ(json.status, 1);
    auto doc = parse_json(json.out);
    EXPECT_EQ(doc["total"].as_int(), 0);
    EXPECT_EQ(doc["suggestion"].as_string(), "efterretning");
}

TEST_F(SearchCli, EveryDocumentedExampleRuns) {
    auto examples = documented_examples();
    ASSERT_GE(examples.size(), 30u);
    for (const auto& example : examples) {
        auto r = referat({"search", "--", example});
        EXPECT_TRUE(r.status == 0 || r.status == 1)
            << example << " -> " << r.status << ": " << r.err;
    }
}

TEST_F(SearchCli, TextOutputMarksMatchesWithoutColourWhenPiped) {
    auto r = referat({"search", "--sort", "-date", "titel:Åbenrå", "-skoler"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, ::testing::HasSubstr("Økonomiudvalget  #1 Fælleskommunal indsats i Åbenrå"))
        << r.out;
    EXPECT_THAT(r.out, ::testing::HasSubstr("[Åbenrå]")) << r.out;
    EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("skoler"))) << "-skoler excludes item 2";
    EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("\x1b[")));
    auto colour = referat({"search", "--color=always", "titel:Åbenrå"});
    EXPECT_THAT(colour.out, ::testing::HasSubstr("\x1b[1;33mÅbenrå\x1b[0m")) << colour.out;
}

TEST_F(SearchCli, JsonAndJsonLinesMatchTheSchema) {
    auto r = referat({"search", "--format", "json", "--limit", "5", "--facets",
                      "committee,year,outcome,layout", "efterretning"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto doc = parse_json(r.out);
    ASSERT_EQ(doc["hits"].size(), 5u);
    for (const auto& h : doc["hits"].as_array())
        EXPECT_TRUE(qt::schema_errors(qt::item_schema(), h).empty()) << h.dump();
    EXPECT_TRUE(doc["facets"]["layout"].is_object());
    EXPECT_GT(doc["facets"]["layout"].size(), 0u);
    auto lines = referat({"search", "--format", "jsonl", "--limit", "100", "godkendt"});
    ASSERT_EQ(lines.status, 0) << lines.err;
    std::size_t n = 0;
    for (const auto& line : lines_of(lines.out)) {
        auto v = parse_json(line);
        EXPECT_TRUE(qt::schema_errors(qt::item_schema(), v).empty()) << line;
        ++n;
    }
    EXPECT_GT(n, 5u);
}

// The limit cuts the list of values, never a count: the values shown are the most frequent
// ones with the counts the full list gives them.
TEST_F(SearchCli, FacetLimitListsTheMostFrequentValuesWithExactCounts) {
    auto all = referat({"search", "--format", "json", "--limit", "0", "--facets", "person",
                        "--facet-limit", "0", "efterretning"});
    ASSERT_EQ(all.status, 0) << all.err;
    const auto full = parse_json(all.out)["facets"]["person"];
    ASSERT_GT(full.size(), 3u);
    auto cut = referat({"search", "--format", "json", "--limit", "0", "--facets", "person",
                        "--facet-limit", "3", "efterretning"});
    ASSERT_EQ(cut.status, 0) << cut.err;
    const auto top = parse_json(cut.out)["facets"]["person"];
    ASSERT_EQ(top.size(), 3u);
    const auto& top_members = top.as_object();
    const auto& full_members = full.as_object();
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(top_members[i].first, full_members[i].first);
        EXPECT_EQ(top_members[i].second.dump(), full_members[i].second.dump());
    }
    EXPECT_EQ(parse_json(cut.out)["facets_omitted"]["person"].as_int(),
              static_cast<std::int64_t>(full.size() - 3));
    EXPECT_TRUE(parse_json(all.out)["facets_omitted"].is_null()) << "nothing omitted";
    auto text = referat(
        {"search", "--limit", "0", "--facets", "person", "--facet-limit", "3", "efterretning"});
    EXPECT_NE(text.out.find("... and " + std::to_string(full.size() - 3) + " more"),
              std::string::npos)
        << text.out;
    auto bad = referat({"search", "--facets", "person", "--facet-limit", "-1", "efterretning"});
    EXPECT_EQ(bad.status, 2) << bad.out;
}

TEST_F(SearchCli, ExportCsvReadsBackWithPythonCsv) {
    const auto csv = scratch() / "all.csv";
    auto r =
        referat({"export", "--format", "csv", "--csv-sep", ";", "--bom", "--output", csv.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    auto jsonl = referat({"export"});
    ASSERT_EQ(jsonl.status, 0) << jsonl.err;
    std::vector<json::Value> records;
    for (const auto& line : lines_of(jsonl.out)) records.push_back(parse_json(line));
    ASSERT_EQ(records.size(), qt::all_items().size());

    // Python's csv module turns the file into JSON: [[header...], [row...], ...].
    const auto script = scratch() / "read.py";
    const auto out = scratch() / "rows.json";
    std::ofstream(script) << "import csv, json, sys\n"
                             "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                             "    rows = list(csv.reader(f, delimiter=';', strict=True))\n"
                             "json.dump(rows, open(sys.argv[2], 'w'))\n";
    std::string command =
        "python3 '" + script.string() + "' '" + csv.string() + "' '" + out.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    auto rows = parse_json(slurp(out));
    ASSERT_EQ(rows.size(), records.size() + 1);
    const auto& header = rows.as_array()[0].as_array();
    auto column = [&](std::string_view name) {
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c].as_string() == name) return c;
        ADD_FAILURE() << "no column " << name;
        return std::size_t{0};
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& row = rows.as_array()[i + 1].as_array();
        ASSERT_EQ(row.size(), header.size());
        const auto& rec = records[i];
        EXPECT_EQ(row[column("id")].as_string(), rec["id"].as_string());
        EXPECT_EQ(row[column("title")].as_string(), rec["title"].as_string());
        EXPECT_EQ(row[column("decision")].as_string(),
                  rec["decision"].is_string() ? rec["decision"].as_string() : "");
        EXPECT_EQ(row[column("sha256")].as_string(), rec["sha256"].as_string());
    }
}

TEST_F(SearchCli, PagingAndSortingOptions) {
    auto all = referat(
        {"search", "--format", "jsonl", "--sort", "date", "--limit", "1000", "efterretning"});
    ASSERT_EQ(all.status, 0) << all.err;
    auto whole = lines_of(all.out);
    ASSERT_GT(whole.size(), 4u);
    auto page = referat({"search", "--format", "jsonl", "--sort", "date", "--limit", "2",
                         "--offset", "2", "efterretning"});
    auto got = lines_of(page.out);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], whole[2]);
    EXPECT_EQ(got[1], whole[3]);
    auto newest =
        referat({"search", "--format", "jsonl", "--sort", "-date", "--limit", "1", "efterretning"});
    EXPECT_EQ(parse_json(lines_of(newest.out).at(0))["id"], parse_json(whole.back())["id"]);
}

std::int64_t total_of(const RunResult& r) {
    EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
    return r.out.empty() ? -1 : parse_json(r.out)["total"].as_int();
}

TEST_F(SearchCli, LeadingMinusExcludesAndPlusRequires) {
    auto total = [&](const std::string& q) {
        return total_of(referat({"search", "--format", "json", "--limit", "0", "--", q}));
    };
    const auto all = total("");
    const auto with = total("efterretning");
    ASSERT_GT(with, 0);
    ASSERT_LT(with, all);
    EXPECT_EQ(total("-efterretning"), all - with);
    EXPECT_EQ(total("NOT efterretning"), all - with);
    EXPECT_EQ(total("+efterretning"), with);
}

TEST_F(SearchCli, NegativeAndMalformedNumbersAreUsageErrors) {
    expect_one_error_line(referat({"search", "--limit", "-1", "budget"}),
                          "referat: search: --limit must be a whole number, 0 or more, not '-1'");
    expect_one_error_line(referat({"search", "--offset=-1", "budget"}),
                          "referat: search: --offset must be a whole number");
    expect_one_error_line(referat({"search", "--facet-limit", "ten", "budget"}),
                          "referat: search: --facet-limit must be a whole number");
    expect_one_error_line(referat({"export", "--limit", "-5", "budget"}),
                          "referat: export: --limit must be a whole number");
    expect_one_error_line(referat({"export", "--chunk=-1", "budget"}),
                          "referat: export: --chunk must be a whole number");
    // Every command reads its numbers the same way (checked before the database is opened).
    expect_one_error_line(referat({"persons", "--limit=-1"}),
                          "referat: persons: --limit must be a whole number");
    expect_one_error_line(referat({"ingest", "--jobs=-2", "nothing"}),
                          "referat: ingest: --jobs must be a whole number");
}

TEST_F(SearchCli, DatesAreCheckedAlikeByEveryCommand) {
    expect_one_error_line(referat({"search", "--from", "2023-13", "budget"}),
                          "referat: search: --from '2023-13': ");
    expect_one_error_line(referat({"export", "--to", "2021-02-30"}),
                          "referat: export: --to '2021-02-30': ");
    expect_one_error_line(referat({"appointments", "--from", "2023-13"}),
                          "referat: appointments: --from '2023-13': ");
    expect_one_error_line(referat({"appointments", "--until", "juni"}),
                          "referat: appointments: --until 'juni': ");
    EXPECT_NE(referat({"appointments", "--from", "2023-06"}).status, 2);
}

TEST_F(SearchCli, SnippetsArePlainTextInEveryFormat) {
    auto json = referat({"search", "--format", "json", "kredsen"});
    ASSERT_EQ(json.status, 0) << json.err;
    auto csv = referat({"search", "--format", "csv", "kredsen"});
    auto text = referat({"search", "kredsen"});
    for (const auto* out : {&json.out, &csv.out, &text.out}) {
        EXPECT_EQ(out->find("&amp;"), std::string::npos) << *out;
        EXPECT_NE(out->find("B&U"), std::string::npos) << *out;
    }
}

TEST_F(SearchCli, ExportLimitAndFields) {
    auto all = referat({"export", "efterretning"});
    ASSERT_EQ(all.status, 0) << all.err;
    const auto every = lines_of(all.out);
    ASSERT_GT(every.size(), 3u);
    auto two =
        referat({"export", "--limit", "2", "--fields", "date,title,span_begin", "efterretning"});
    ASSERT_EQ(two.status, 0) << two.err;
    const auto lines = lines_of(two.out);
    ASSERT_EQ(lines.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto got = parse_json(lines[i]);
        const auto want = parse_json(every[i]);
        ASSERT_EQ(got.size(), 3u) << lines[i];
        EXPECT_EQ(got.as_object()[0].first, "date");
        EXPECT_EQ(got["title"], want["title"]);
        EXPECT_EQ(got["span_begin"], want["span"]["begin"]);
    }
    auto csv = referat(
        {"export", "--format", "csv", "--fields", "title,date", "--limit", "1", "efterretning"});
    ASSERT_EQ(csv.status, 0) << csv.err;
    const auto rows = lines_of(csv.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[0].starts_with("title,date")) << rows[0];
    expect_one_error_line(referat({"export", "--fields", "date,colour", "efterretning"}),
                          "referat: export: unknown field 'colour'");
}

}  // namespace
}  // namespace referat::testing
