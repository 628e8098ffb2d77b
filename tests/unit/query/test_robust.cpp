// Untrusted query text never crashes or escapes as a foreign exception: every input either
// searches or is an invalid query (referat::Error, exit status 2).

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/error.hpp>
#include <referat/query/search.hpp>
#include <referat/query/syntax.hpp>

#include "sample_index.hpp"

namespace referat::query {
namespace {

// Runs text; true when it searched, false when it was rejected as invalid.
bool searches(Xapian::Database& db, const std::string& text) {
    SearchRequest r;
    r.text = text;
    r.limit = 3;
    r.facets = {"committee", "person"};
    try {
        (void)search(db, r);
        return true;
    } catch (const Error& e) {
        EXPECT_EQ(e.exit_code(), 2);
        EXPECT_TRUE(std::string(e.what()).starts_with("invalid query: ")) << e.what();
        return false;
    }
}

TEST(Robust, HostileQueries) {
    Xapian::Database db = testing::SampleIndex::get().open();
    const std::vector<std::string> hostile{
        "",
        " ",
        "\"\"",
        "()",
        "(((())))",
        "*",
        "titel:*",
        "a*b*c*",
        "\"*\"",
        "-",
        "+",
        "--",
        "AND",
        "OR OR OR",
        "NOT",
        "IKKE IKKE",
        "OG",
        "a AND",
        "ELLER b",
        "NEAR",
        "a NEAR b",
        "titel:",
        "titel:\"\"",
        "dato:",
        "dato:..",
        "dato:....",
        "år:..",
        "beløb:,",
        "beløb:1.2",
        "udfald:",
        "kommune:",
        "kommune:\"\"",
        std::string("nul\0byte", 8),
        "\xff\xfe\xfd",
        "\xc3",
        "æøå ÆØÅ",
        "Kl. 10:30",
        "10:30:00",
        "a:b:c",
        ":",
        "::",
        "https://x.dk/a:b",
        "\"a (b\" c)",
        "(\"a) b\"",
        "dato:2021-01-01..2021-01-01..2021",
        "år:99999",
        "dato:0000-00-00",
        "dato:2024-02-29",
        "dato:2023-02-29",
        "beløb:99999999999999999999",
        std::string(5000, 'a'),
        std::string(2000, '('),
        std::string(300, '"'),
        "aa ae oe aa ae oe aa ae oe aa ae oe aa ae oe aa ae oe aa ae oe"};
    for (const auto& q : hostile) (void)searches(db, q);
    EXPECT_TRUE(searches(db, "dato:2024-02-29")) << "a leap day is a date";
    EXPECT_FALSE(searches(db, "dato:2023-02-29")) << "not a leap year";
    EXPECT_FALSE(searches(db, std::string(kMaxQueryBytes + 1, 'a')));
}

TEST(Robust, RandomBytesAndTokens) {
    Xapian::Database db = testing::SampleIndex::get().open();
    const std::vector<std::string> pieces{
        "titel:", "dato:", "år:",  "beløb:", "udfald:", "kommune:", "\"",   "(",        ")",
        "*",      "-",     "+",    " ",      "..",      "2021",     "-01",  "godkendt", "Åbenrå",
        "OG",     "ELLER", "IKKE", "NOT",    ":",       "\xc3\xa6", "\xc3", "\xa6",     "aa"};
    std::mt19937 random(20231123);
    std::size_t searched = 0;
    for (int round = 0; round < 400; ++round) {
        std::string q;
        int n = static_cast<int>(random() % 12);
        for (int i = 0; i < n; ++i) q += pieces[random() % pieces.size()];
        if (searches(db, q)) ++searched;
    }
    EXPECT_GT(searched, 40u) << "most random mixes still search";
}

}  // namespace
}  // namespace referat::query
