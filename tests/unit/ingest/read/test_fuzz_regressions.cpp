// Inputs the fuzzers once crashed or hung on (tests/fuzz/regressions/<target>/), replayed through
// the same entry points in the normal suite.

#include <filesystem>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/reader.hpp>

#include "read/formats.hpp"
#include "read_test_support.hpp"

namespace referat::ingest {
namespace {

std::vector<std::filesystem::path> inputs(std::string_view target) {
    std::vector<std::filesystem::path> files;
    const auto dir = std::filesystem::path(REFERAT_FUZZ_REGRESSIONS) / target;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    return files;
}

TEST(FuzzRegressions, ParseText) {
    for (const auto& path : inputs("parse_text")) {
        SCOPED_TRACE(path.string());
        const Document doc = parse_text(test::slurp(path), path.string());
        EXPECT_TRUE(read::is_valid_utf8(doc.text));
    }
}

TEST(FuzzRegressions, ReadBytes) {
    for (const std::string_view target : {"read_bytes", "pdf", "docx"}) {
        for (const auto& path : inputs(target)) {
            SCOPED_TRACE(path.string());
            ReadLimits limits;
            limits.max_seconds = 30;
            auto src = read_bytes(test::slurp(path), path.string(), limits);
            if (src) {
                EXPECT_TRUE(read::is_valid_utf8(src->text));
            } else {
                EXPECT_FALSE(src.error().reason.empty());
            }
        }
    }
}

TEST(FuzzRegressions, Html) {
    for (const auto& path : inputs("html")) {
        SCOPED_TRACE(path.string());
        const std::string text = read::html_to_text(test::slurp(path));
        EXPECT_EQ(text.find('\r'), std::string::npos);
    }
}

TEST(FuzzRegressions, Inflate) {
    for (const auto& path : inputs("inflate")) {
        SCOPED_TRACE(path.string());
        auto out = read::inflate_raw(test::slurp(path), 1u << 20);
        if (out) {
            EXPECT_LE(out->size(), 1u << 20);
        }
    }
}

}  // namespace
}  // namespace referat::ingest
