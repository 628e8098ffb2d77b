// Parallel ingest into shards (--jobs), `referat compact`, and several shards (local and
// served by xapian-tcpsrv) read as one database.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "cli_fixture.hpp"
#include "loopback.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;
namespace json = referat::json;
using namespace std::chrono_literals;

constexpr const char* kFacets = "committee,year,outcome,layout";


// What a query returns: the hits as (date, id) in result order, and the facet counts.
struct Answer {
    std::vector<std::pair<std::string, std::string>> hits;
    std::string facets;
};

class Parallel : public CliTest {
  protected:
    // Three copies of the samples under different folders: 15 files, ids all distinct. The
    // copies' years are moved on by one and two, so their meetings are other meetings (the same
    // meeting in several files would be one item per agenda item, see Search.SameItem*).
    Parallel() {
        int shift = 0;
        for (const char* copy : {"a", "b"}) {
            ++shift;
            fs::create_directories(minutes() / copy);
            for (const auto& f : sample_files()) {
                std::ofstream out(minutes() / copy / f.filename(), std::ios::binary);
                out << years_moved_on(slurp(f), shift);
            }
        }
    }

    // Every "20dd" standing alone as a year, dd + shift.
    static std::string years_moved_on(std::string text, int shift) {
        auto digit = [](char c) { return c >= '0' && c <= '9'; };
        for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
            if (text.compare(i, 2, "20") != 0 || !digit(text[i + 2]) || !digit(text[i + 3]))
                continue;
            if ((i > 0 && digit(text[i - 1])) || (i + 4 < text.size() && digit(text[i + 4])))
                continue;
            const int year = std::stoi(text.substr(i, 4)) + shift;
            text.replace(i, 4, std::to_string(year));
            i += 3;
        }
        return text;
    }

    std::string db_at(const std::string& name) const { return (scratch() / name).string(); }

    referat::json::Value ingest_into(const std::string& db, const std::string& jobs,
                                     std::vector<std::string> extra = {}) {
        std::string name = "report-";
        name += jobs;
        name += ".json";
        const std::string report = (scratch() / name).string();
        std::vector<std::string> args{"ingest", "--db", db, "--jobs", jobs, "--report", report};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(minutes().string());
        auto r = referat(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return parse_json(slurp(report));
    }

    std::string stats_of(const std::vector<std::string>& dbs) {
        std::vector<std::string> args{"stats", "--format", "json"};
        for (const auto& db : dbs) args.insert(args.end(), {"--db", db});
        auto r = referat(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }

    // sort "date": hits keyed by date; "relevance": by relevance.
    Answer search(const std::vector<std::string>& dbs, const std::string& query,
                  const std::string& sort = "date") {
        std::vector<std::string> args{"search",  "--format", "json",     "--sort", sort,
                                      "--limit", "1000",     "--facets", kFacets};
        for (const auto& db : dbs) args.insert(args.end(), {"--db", db});
        args.push_back(query);
        auto r = referat(args);
        EXPECT_EQ(r.status, 0) << r.err;
        Answer a;
        if (r.status != 0) return a;
        auto doc = parse_json(r.out);
        for (const auto& h : doc["hits"].as_array())
            a.hits.emplace_back(h[sort == "date" ? "date" : "relevance"].dump(),
                                h["id"].as_string());
        a.facets = doc["facets"].dump();
        return a;
    }

    // Hits in date (or relevance) order; hits with the same key may come in any order from
    // different shards.
    static void expect_same(Answer expected, Answer actual, const std::string& what) {
        ASSERT_FALSE(expected.hits.empty()) << what;
        std::vector<std::string> dates;
        std::vector<std::string> actual_dates;
        for (const auto& h : expected.hits) dates.push_back(h.first);
        for (const auto& h : actual.hits) actual_dates.push_back(h.first);
        EXPECT_EQ(dates, actual_dates) << what;
        std::sort(expected.hits.begin(), expected.hits.end());
        std::sort(actual.hits.begin(), actual.hits.end());
        EXPECT_EQ(expected.hits, actual.hits) << what;
        EXPECT_EQ(expected.facets, actual.facets) << what;
    }

    const std::vector<std::string> m_queries{"efterretning", "godkendt OR budget",
                                             "udvalg:Socialdirektørforum"};
};

TEST_F(Parallel, TwoJobsIndexWhatOneJobIndexes) {
    const auto one = ingest_into(db_at("one.db"), "1");
    const auto two = ingest_into(db_at("two.db"), "2");
    EXPECT_EQ(two["files"].as_int(), 15);
    for (const char* key : {"files", "ingested", "meetings", "items"})
        EXPECT_EQ(two[key].as_int(), one[key].as_int()) << key;
    EXPECT_TRUE(fs::is_directory(db_at("two.db") + "/shard-1"));
    EXPECT_EQ(stats_of({db_at("two.db")}), stats_of({db_at("one.db")}));
    for (const auto& q : m_queries)
        expect_same(search({db_at("one.db")}, q), search({db_at("two.db")}, q), q);
}

TEST_F(Parallel, RerunsWithAnotherJobCountNeverDuplicate) {
    const auto first = ingest_into(db(), "1");
    const std::string expected = stats_of({db()});
    auto rerun = ingest_into(db(), "2");
    EXPECT_EQ(rerun["unchanged"].as_int(), first["ingested"].as_int());
    EXPECT_EQ(rerun["ingested"].as_int(), 0);
    rerun = ingest_into(db(), "2", {"--force"});
    EXPECT_EQ(rerun["ingested"].as_int(), first["ingested"].as_int());
    EXPECT_EQ(stats_of({db()}), expected);

    const auto sharded = db_at("sharded.db");
    ingest_into(sharded, "2");
    rerun = ingest_into(sharded, "1", {"--force"});
    EXPECT_EQ(rerun["deleted"].as_int(), 0);
    EXPECT_EQ(stats_of({sharded}), expected);
}

TEST_F(Parallel, CompactMergesShardsIntoOneDatabase) {
    ingest_into(db_at("one.db"), "1");
    const auto sharded = db_at("sharded.db");
    ingest_into(sharded, "2");
    const auto merged = db_at("merged.db");
    auto r = referat({"compact", "--db", sharded, "--output", merged});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(merged + "/iamglass"));
    EXPECT_EQ(stats_of({merged}), stats_of({db_at("one.db")}));
    for (const auto& q : m_queries)
        expect_same(search({db_at("one.db")}, q), search({merged}, q), q);

    r = referat({"compact", "--db", sharded});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(fs::exists(sharded + "/shard-0"));
    EXPECT_EQ(stats_of({sharded}), stats_of({merged}));
}

TEST_F(Parallel, ReadOnlyCompactionSearchesAlikeAndRefusesIngest) {
    const auto sharded = db_at("sharded.db");
    ingest_into(sharded, "2");
    const auto merged = db_at("merged.db");
    const auto frozen = db_at("frozen.db");
    ASSERT_EQ(referat({"compact", "--db", sharded, "--output", merged}).status, 0);
    auto r = referat({"compact", "--db", sharded, "--output", frozen, "--read-only"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(fs::exists(frozen + "/termlist.glass"));
    EXPECT_LT(fs::file_size(frozen + "/postlist.glass") + fs::file_size(frozen + "/docdata.glass"),
              fs::file_size(merged + "/postlist.glass") + fs::file_size(merged + "/docdata.glass") +
                  fs::file_size(merged + "/termlist.glass"));
    EXPECT_EQ(stats_of({frozen}), stats_of({merged}));
    for (const auto& q : m_queries) expect_same(search({merged}, q), search({frozen}, q), q);
    r = referat({"ingest", "--db", frozen, "--force", minutes().string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(frozen + " is a read-only compacted database"), std::string::npos)
        << r.err;
    EXPECT_EQ(stats_of({frozen}), stats_of({merged}));
}

TEST_F(Parallel, RemoteShardsAnswerLikeTheMergedDatabase) {
    // tools/install-deps installs xapian-tools: a missing server is a broken set-up, not a skip.
    ASSERT_TRUE(fs::exists(kTcpServer)) << kTcpServer << " is not installed (xapian-tools)";
    const auto sharded = db_at("sharded.db");
    ingest_into(sharded, "2");
    const auto merged = db_at("merged.db");
    ASSERT_EQ(referat({"compact", "--db", sharded, "--output", merged}).status, 0);

    std::vector<std::string> remotes;
    std::vector<std::unique_ptr<Process>> servers;
    for (const char* shard : {"shard-0", "shard-1"}) {
        const int port = free_port();
        ASSERT_GT(port, 0);
        servers.push_back(std::make_unique<Process>(
            kTcpServer,
            std::vector<std::string>{"--interface", "127.0.0.1", "--port", std::to_string(port),
                                     sharded + "/" + shard},
            scratch()));
        for (int i = 0; i < 500 && servers.back()->running() && !accepts(port); ++i)
            std::this_thread::sleep_for(10ms);
        ASSERT_TRUE(servers.back()->running()) << servers.back()->wait().err;
        remotes.push_back("127.0.0.1:" + std::to_string(port));
    }
    EXPECT_EQ(stats_of(remotes), stats_of({merged}));
    for (const auto& q : m_queries) {
        expect_same(search({merged}, q, "relevance"), search(remotes, q, "relevance"), q);
        expect_same(search({merged}, q, "date"), search(remotes, q, "date"), q);
    }
    for (auto& server : servers) server->kill9();
}

}  // namespace
