// Every example in docs/QUERY.md (the lines of its ```referat blocks) runs against the sample
// index: found or not found, never an invalid query.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/error.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"

namespace referat::query {
namespace {

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

TEST(Docs, EveryQueryExampleRuns) {
    auto examples = documented_examples();
    ASSERT_GE(examples.size(), 30u) << "docs/QUERY.md examples were not found";
    Xapian::Database db = testing::SampleIndex::get().open();
    std::size_t found = 0;
    for (const auto& example : examples) {
        SearchRequest r;
        r.text = example;
        try {
            if (search(db, r).total > 0) ++found;
        } catch (const Error& e) {
            ADD_FAILURE() << example << ": " << e.what();
        }
    }
    // The examples are written for the samples: nearly all of them find something.
    EXPECT_GE(found * 10, examples.size() * 8) << found << " of " << examples.size();
}

}  // namespace
}  // namespace referat::query
