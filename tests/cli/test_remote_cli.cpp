// Reading through a remote shard: `--db host:port` served by xapian-tcpsrv.

#include <chrono>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <referat/index/schema.hpp>
#include <referat/index/writer.hpp>

#include "cli_fixture.hpp"
#include "loopback.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

class Remote : public CliTest {};

TEST_F(Remote, StatsAndShowReadAShardOverTcp) {
    // tools/install-deps installs xapian-tools: a missing server is a broken set-up, not a skip.
    ASSERT_TRUE(fs::exists(kTcpServer)) << kTcpServer << " is not installed (xapian-tools)";
    const fs::path file = minutes() / "000_92d3c2ccd0431f34.txt";
    ASSERT_EQ(ingest({file.string()})["ingested"].as_int(), 1);
    const Counts local = stats();

    const int port = free_port();
    ASSERT_GT(port, 0);
    Process server(kTcpServer, {"--interface", "127.0.0.1", "--port", std::to_string(port), db()},
                   scratch());
    for (int i = 0; i < 500 && server.running() && !accepts(port); ++i)
        std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(server.running()) << server.wait().err;
    const std::string shard = "127.0.0.1:" + std::to_string(port);

    auto r = referat({"stats", "--db", shard, "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto v = parse_json(r.out);
    EXPECT_EQ((Counts{v["sources"].as_int(), v["meetings"].as_int(), v["items"].as_int()}), local);

    const auto id = referat::index::meeting_id(fs::weakly_canonical(file).string(), 0);
    r = referat({"show", "--db", shard, "--format", "json", id});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(parse_json(r.out)["id"].as_string(), id);
    server.kill9();
}

TEST_F(Remote, TotalsCountEachItemOnceAndExactlyWithASmallPage) {
    ASSERT_TRUE(fs::exists(kTcpServer)) << kTcpServer << " is not installed (xapian-tools)";
    // One meeting as two files (the same minutes under two names), and another meeting.
    const fs::path file = minutes() / "000_92d3c2ccd0431f34.txt";
    fs::copy_file(file, minutes() / "000-copy.txt");
    ASSERT_EQ(ingest({file.string(), (minutes() / "000-copy.txt").string(),
                      (minutes() / "001_974898943bafb24e.txt").string()})["ingested"]
                  .as_int(),
              3);
    const int port = free_port();
    ASSERT_GT(port, 0);
    Process server(kTcpServer, {"--interface", "127.0.0.1", "--port", std::to_string(port), db()},
                   scratch());
    for (int i = 0; i < 500 && server.running() && !accepts(port); ++i)
        std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(server.running()) << server.wait().err;
    const std::string shard = "127.0.0.1:" + std::to_string(port);
    auto total = [&](const std::string& where, const std::string& query) {
        auto r = referat({"search", "--db", where, "--format", "json", "--limit", "1", query});
        EXPECT_EQ(r.status, 0) << r.err;
        auto v = parse_json(r.out);
        EXPECT_TRUE(v["total_exact"].as_bool()) << where << " " << query;
        return v["total"].as_int();
    };
    for (const std::string query : {"efterretning", "år:2021", "dato:2021..2023", ""}) {
        const auto local = total(db(), query);
        EXPECT_GT(local, 1) << query;
        EXPECT_EQ(total(shard, query), local) << query;
    }
    server.kill9();
}

TEST_F(Remote, ShardOfAnotherSchemaVersionIsRefused) {
    // tools/install-deps installs xapian-tools: a missing server is a broken set-up, not a skip.
    ASSERT_TRUE(fs::exists(kTcpServer)) << kTcpServer << " is not installed (xapian-tools)";
    ASSERT_EQ(ingest({(minutes() / "000_92d3c2ccd0431f34.txt").string()})["ingested"].as_int(), 1);
    {
        Xapian::WritableDatabase w(db());
        w.set_metadata(std::string(referat::index::schema::kMetaSchemaVersion), "2");
        w.commit();
    }
    const auto local = referat({"stats", "--db", db()});
    EXPECT_EQ(local.status, 2) << "refused locally";
    // The message says how to get a database of this version.
    EXPECT_NE(local.err.find("schema version 2"), std::string::npos) << local.err;
    EXPECT_NE(local.err.find("rebuild it: referat ingest --db NEW_FOLDER"), std::string::npos)
        << local.err;
    const int port = free_port();
    ASSERT_GT(port, 0);
    Process server(kTcpServer, {"--interface", "127.0.0.1", "--port", std::to_string(port), db()},
                   scratch());
    for (int i = 0; i < 500 && server.running() && !accepts(port); ++i)
        std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(server.running()) << server.wait().err;
    auto r = referat({"search", "--db", "127.0.0.1:" + std::to_string(port), "efterretning"});
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_THAT(r.err, ::testing::HasSubstr("schema version 2")) << r.err;
    server.kill9();
}

TEST_F(Remote, UnreachableShardIsAnErrorNamingIt) {
    const int port = free_port();
    ASSERT_GT(port, 0);
    const std::string shard = "127.0.0.1:" + std::to_string(port);
    auto r = referat({"stats", "--db", shard});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(r.err.starts_with("referat: cannot open remote database " + shard + ": ")) << r.err;
}

}  // namespace
