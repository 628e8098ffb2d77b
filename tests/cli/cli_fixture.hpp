#pragma once
// A temporary workspace with copies of data/samples, and helpers that ask the binary itself
// for the numbers a test compares (parse for what a file holds, stats for what the index holds).

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../unit/index/temp_dir.hpp"
#include "process.hpp"

namespace referat::testing {

/// The sample minutes shipped in data/samples (the .txt files; .json are their gold answers).
inline std::vector<std::filesystem::path> sample_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(REFERAT_TEST_DATA "/samples"))
        if (e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

/// Counts from `referat stats --format json`.
struct Counts {
    std::int64_t sources = -1;
    std::int64_t meetings = -1;
    std::int64_t items = -1;
    friend bool operator==(const Counts&, const Counts&) = default;
};

inline std::ostream& operator<<(std::ostream& out, const Counts& c) {
    return out << "{sources " << c.sources << ", meetings " << c.meetings << ", items " << c.items
               << "}";
}

/// Test base: a temp dir with minutes/ holding copies of the samples, and a db path.
class CliTest : public ::testing::Test {
  protected:
    CliTest() {
        std::filesystem::create_directories(minutes());
        for (const auto& f : sample_files())
            std::filesystem::copy_file(f, minutes() / f.filename());
    }

    [[nodiscard]] std::filesystem::path minutes() const { return m_dir / "minutes"; }
    [[nodiscard]] std::string db() const { return (m_dir / "referat.db").string(); }
    [[nodiscard]] const std::filesystem::path& scratch() const { return m_dir.path(); }

    RunResult referat(const std::vector<std::string>& args) { return run(args, scratch()); }

    /// Ingest paths into db() and return the --report JSON.
    json::Value ingest(const std::vector<std::string>& paths, RunResult* result = nullptr,
                       std::vector<std::string> extra = {}) {
        const std::string report = (m_dir / "report.json").string();
        std::vector<std::string> args{"ingest", "--db", db(), "--report", report};
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), paths.begin(), paths.end());
        auto r = referat(args);
        if (result) *result = r;
        EXPECT_TRUE(r.status == 0 || r.status == 2) << r.err;
        return parse_json(slurp(report));
    }

    Counts stats() {
        auto r = referat({"stats", "--db", db(), "--format", "json"});
        EXPECT_EQ(r.status, 0) << r.err;
        if (r.status != 0) return {};
        auto v = parse_json(r.out);
        return Counts{v["sources"].as_int(), v["meetings"].as_int(), v["items"].as_int()};
    }

    /// Meetings (as gold-shaped JSON objects) that `referat parse` finds in file.
    std::vector<json::Value> parse_meetings(const std::filesystem::path& file) {
        auto r = referat({"parse", "--format", "json", file.string()});
        EXPECT_EQ(r.status, 0) << r.err;
        auto v = parse_json(r.out);
        if (v.is_array()) return v.as_array();
        return {v};
    }

    /// Meetings and items `referat parse` finds in the files.
    Counts parsed_counts(const std::vector<std::filesystem::path>& files) {
        Counts c{static_cast<std::int64_t>(files.size()), 0, 0};
        for (const auto& f : files)
            for (const auto& m : parse_meetings(f)) {
                ++c.meetings;
                c.items += static_cast<std::int64_t>(m["items"].size());
            }
        return c;
    }

    TempDir m_dir;
};

}  // namespace referat::testing
