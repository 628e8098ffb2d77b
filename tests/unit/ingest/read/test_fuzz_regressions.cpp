// Inputs the fuzzers once crashed or hung on (tests/fuzz/regressions/<target>/), replayed through
// the same entry points in the normal suite.

#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/reader.hpp>

#include "read/formats.hpp"
#include "read_test_support.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {
namespace {

std::vector<std::filesystem::path> inputs(std::string_view target) {
    std::vector<std::filesystem::path> files;
    const auto dir = std::filesystem::path(REFERAT_FUZZ_REGRESSIONS) / target;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    EXPECT_FALSE(files.empty()) << "no regression inputs in " << dir;
    return files;
}

TEST(FuzzRegressions, ParseText) {
    for (const auto& path : inputs("parse_text")) {
        SCOPED_TRACE(path.string());
        const Document doc = parse_text(test::slurp(path), path.string());
        EXPECT_TRUE(referat::utf8::is_valid(doc.text));
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
                EXPECT_TRUE(referat::utf8::is_valid(src->text));
            } else {
                EXPECT_FALSE(src.error().reason.empty());
            }
        }
    }
}

TEST(FuzzRegressions, PdfPageCleaning) {
    for (const auto& path : inputs("pdf_text")) {
        SCOPED_TRACE(path.string());
        const std::string bytes = test::slurp(path);
        std::vector<std::string> pages;
        std::size_t begin = 0;
        while (begin <= bytes.size()) {
            auto end = bytes.find('\f', begin);
            if (end == std::string::npos) end = bytes.size();
            pages.push_back(bytes.substr(begin, end - begin));
            begin = end + 1;
        }
        std::vector<std::size_t> starts;
        const std::string text = read::clean_pdf_pages(pages, starts);
        ASSERT_EQ(starts.size(), pages.size());
        EXPECT_TRUE(std::is_sorted(starts.begin(), starts.end()));
        EXPECT_LE(starts.back(), text.size());
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
