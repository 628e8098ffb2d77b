// Reading through a remote shard: `--db host:port` served by xapian-tcpsrv.

#include <chrono>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <referat/index/writer.hpp>

#include "cli_fixture.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* kTcpServer = "/usr/bin/xapian-tcpsrv";

// A port that was free a moment ago (the kernel picks it).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0) ::close(fd);
        return -1;
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

class Remote : public CliTest {};

TEST_F(Remote, StatsAndShowReadAShardOverTcp) {
    if (!fs::exists(kTcpServer)) GTEST_SKIP() << kTcpServer << " is not installed (xapian-tools)";
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

TEST_F(Remote, UnreachableShardIsAnErrorNamingIt) {
    const int port = free_port();
    ASSERT_GT(port, 0);
    const std::string shard = "127.0.0.1:" + std::to_string(port);
    auto r = referat({"stats", "--db", shard});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(r.err.starts_with("referat: cannot open remote database " + shard + ": ")) << r.err;
}

}  // namespace
