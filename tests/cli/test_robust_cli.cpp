// `referat ingest` under pressure: a second concurrent ingest, and kill -9 at several points.

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "cli_fixture.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kCopies = 40;  // copies of each sample: a batch that takes a while to ingest

class IngestRobust : public CliTest {
  protected:
    // A larger folder: every sample under many names, nested in a few sub-folders.
    fs::path make_big_folder() {
        const fs::path big = scratch() / "big";
        const auto samples = sample_files();
        for (int i = 0; i < kCopies; ++i) {
            const fs::path sub = big / ("batch-" + std::to_string(i % 7));
            fs::create_directories(sub);
            for (const auto& f : samples)
                fs::copy_file(f, sub / (std::to_string(i) + "-" + f.filename().string()));
        }
        m_big_files = kCopies * static_cast<std::int64_t>(samples.size());
        return big;
    }

    std::int64_t m_big_files = 0;
};

TEST_F(IngestRobust, SecondWriterIsToldTheDatabaseIsLocked) {
    // Hold the writer lock the way a running ingest does.
    Xapian::WritableDatabase holder(db(), Xapian::DB_CREATE_OR_OPEN);
    auto r = referat({"ingest", "--db", db(), minutes().string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "referat: database is locked by another ingest (" + db() + ")\n");
}

TEST_F(IngestRobust, ConcurrentIngestIsRefused) {
    const auto big = make_big_folder();
    // The second ingest must run while the first holds the lock. On a fast machine the first
    // may finish before the second starts: then start again on a fresh database (a few tries),
    // and fail if the two never overlap.
    bool overlapped = false;
    for (int attempt = 0; attempt < 5 && !overlapped; ++attempt) {
        fs::remove_all(db());
        Process first({"ingest", "--db", db(), "--commit-every", "20", big.string()}, scratch());
        // Wait until the first ingest has created the database (it holds the lock from then on).
        for (int i = 0; i < 500 && first.running() && !fs::exists(fs::path(db()) / "flintlock");
             ++i)
            std::this_thread::sleep_for(2ms);
        auto second = referat({"ingest", "--db", db(), minutes().string()});
        overlapped = first.running();
        auto done = first.wait();
        EXPECT_EQ(done.status, 0) << done.err;
        if (!overlapped) continue;
        EXPECT_EQ(second.status, 2);
        EXPECT_NE(second.err.find("database is locked by another ingest (" + db() + ")"),
                  std::string::npos)
            << second.err;
    }
    EXPECT_TRUE(overlapped) << "the first ingest always finished before the second started";
}

TEST_F(IngestRobust, KillNineLeavesADatabaseThatOpensAndARerunCompletes) {
    const auto big = make_big_folder();
    // The reference: the same files ingested in one go into another database.
    const std::string reference = (scratch() / "reference.db").string();
    auto ref = referat({"ingest", "--db", reference, "--quiet", big.string()});
    ASSERT_EQ(ref.status, 0) << ref.err;
    auto ref_stats = parse_json(referat({"stats", "--db", reference, "--format", "json"}).out);
    const Counts expected{ref_stats["sources"].as_int(), ref_stats["meetings"].as_int(),
                          ref_stats["items"].as_int()};
    ASSERT_EQ(expected.sources, m_big_files);

    const std::vector<std::string> args{"ingest", "--db",    db(),        "--commit-every",
                                        "25",     "--quiet", big.string()};
    // Kill after a few milliseconds, then twice after a commit has landed.
    int kills = 0;
    for (int round = 0; round < 3; ++round) {
        Process p(args, scratch());
        if (round == 0) {
            std::this_thread::sleep_for(5ms);
        } else {
            // Sources committed so far; none when the last kill came before the first commit.
            auto first = referat({"stats", "--db", db(), "--format", "json"});
            const std::int64_t before =
                first.status == 0 ? parse_json(first.out)["sources"].as_int() : 0;
            for (int i = 0; i < 2000 && p.running(); ++i) {
                std::this_thread::sleep_for(5ms);
                auto s = referat({"stats", "--db", db(), "--format", "json"});
                if (s.status == 0 && parse_json(s.out)["sources"].as_int() > before) break;
            }
        }
        p.kill9();
        auto killed = p.wait();
        EXPECT_TRUE(killed.status == 128 + SIGKILL || killed.status == 0) << killed.err;
        if (killed.status == 128 + SIGKILL) ++kills;
        // The database opens (or was never created when the kill came first).
        auto s = referat({"stats", "--db", db(), "--format", "json"});
        EXPECT_TRUE(s.status == 0 || s.err.find("no database at") != std::string::npos) << s.err;
    }

    EXPECT_GE(kills, 1) << "every ingest finished before it could be killed";

    RunResult rerun;
    auto report = ingest({big.string()}, &rerun, {"--quiet"});
    ASSERT_EQ(rerun.status, 0) << rerun.err;
    EXPECT_EQ(report["ok"].as_int(), m_big_files);
    EXPECT_EQ(report["failed"].size(), 0u);
    EXPECT_GT(report["unchanged"].as_int(), 0) << "no commit survived the kills";
    EXPECT_EQ(stats(), expected);
}

}  // namespace

namespace {

// The PDF reader and the web server are modules loaded when needed (ingest/module.hpp). One that
// cannot be found fails what needs it, clearly, and nothing else.
class MissingModule : public CliTest {
  protected:
    MissingModule() {
        fs::copy_file(REFERAT_TEST_DATA "/fixtures/pdf/002_539ca0b311f4efd1.pdf",
                      minutes() / "minutes.pdf");
        fs::create_directories(scratch() / "no-modules");
    }
    ~MissingModule() override { unsetenv("REFERAT_MODULE_DIR"); }
    void hide_modules() { setenv("REFERAT_MODULE_DIR", (scratch() / "no-modules").c_str(), 1); }
};

TEST_F(MissingModule, APdfFailsWithTheReasonAndTheRestIsIngested) {
    hide_modules();
    auto r = referat({"ingest", "--db", db(), minutes().string()});
    EXPECT_EQ(r.status, 2) << "a file failed: " << r.err;
    EXPECT_NE(r.err.find("minutes.pdf: PDF support is not available: libreferat_pdf.so not found"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(stats().sources, static_cast<std::int64_t>(sample_files().size()));
    // With the module found again, a rerun reads the PDF as well.
    unsetenv("REFERAT_MODULE_DIR");
    r = referat({"ingest", "--db", db(), minutes().string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(stats().sources, static_cast<std::int64_t>(sample_files().size()) + 1);
}

TEST_F(MissingModule, SearchNeedsNoModuleAndServeSaysWhatIsMissing) {
    ASSERT_EQ(referat({"ingest", "--db", db(), minutes().string()}).status, 0);
    hide_modules();
    auto r = referat({"search", "--db", db(), "--format", "json", "budget"});
    EXPECT_EQ(r.status, 0) << r.err;
    r = referat({"serve", "--db", db(), "--port", "0"});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("the HTTP server is not available: libreferat_http.so not found"),
              std::string::npos)
        << r.err;
}

}  // namespace
