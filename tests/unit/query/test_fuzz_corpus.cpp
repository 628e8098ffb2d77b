// The query and CSV fuzz targets' corpora (tests/fuzz/corpus/TARGET/: the inputs libFuzzer
// found interesting, merged to a minimal set), replayed with the targets' own properties.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../../fuzz/properties.hpp"
#include "sample_index.hpp"

namespace referat::query {
namespace {

std::vector<std::filesystem::path> corpus(std::string_view target) {
    const auto dir = std::filesystem::path(REFERAT_FUZZ_CORPUS) / target;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    return files;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FuzzCorpus, EveryQuerySearchesOrIsRefused) {
    Xapian::Database db = testing::SampleIndex::get().open();
    const auto files = corpus("query");
    ASSERT_GT(files.size(), 50u) << "the query corpus is missing";
    for (const auto& path : files)
        EXPECT_TRUE(fuzz::query_searches_or_is_refused(db, slurp(path))) << path;
}

TEST(FuzzCorpus, EveryCsvInputReadsBack) {
    const auto files = corpus("csv");
    ASSERT_GT(files.size(), 20u) << "the CSV corpus is missing";
    for (const auto& path : files) EXPECT_TRUE(fuzz::csv_reads_back(slurp(path))) << path;
}

}  // namespace
}  // namespace referat::query
