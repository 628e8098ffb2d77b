#pragma once
// Running the real referat binary from CLI tests: wait for it, or start it and kill it later.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <csignal>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <referat/ingest/json.hpp>

extern char** environ;

namespace referat::testing {

/// What a finished run printed and returned.
struct RunResult {
    int status = -1;  ///< exit code, or 128 + signal
    std::string out;
    std::string err;
};

/// Read a whole file ("" when missing).
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// The referat binary under test: $REFERAT_TEST_BINARY when set (tools/test-sanitizers runs
/// the parallel tests against a ThreadSanitizer build of the binary alone), else the one built
/// with the tests.
inline std::string referat_binary() {
    const char* chosen = std::getenv("REFERAT_TEST_BINARY");
    return chosen && *chosen ? chosen : REFERAT_BIN;
}

/// A started referat process with stdout and stderr going to files.
class Process {
  public:
    /// Start the referat binary with args; output files go to scratch (must exist).
    Process(const std::vector<std::string>& args, const std::filesystem::path& scratch)
        : Process(referat_binary(), args, scratch) {}

    /// Start program (an absolute path) with args.
    Process(const std::string& program, const std::vector<std::string>& args,
            const std::filesystem::path& scratch) {
        static int counter = 0;
        const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(++counter);
        m_out = scratch / ("out-" + tag);
        m_err = scratch / ("err-" + tag);
        std::vector<std::string> argv_strings{program};
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& s : argv_strings) argv.push_back(s.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, m_out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 2, m_err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        const int rc =
            posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) throw std::runtime_error("cannot start " + program);
    }
    ~Process() {
        if (m_pid > 0 && !m_result) {
            ::kill(m_pid, SIGKILL);
            (void)wait();
        }
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    /// Whether the process is still running.
    [[nodiscard]] bool running() {
        if (m_result) return false;
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == 0) return true;
        finish(status);
        return false;
    }
    /// Send a signal (SIGTERM, SIGINT, ...) while it runs.
    void signal(int number) {
        if (!m_result) ::kill(m_pid, number);
    }
    /// Send SIGKILL (kill -9).
    void kill9() {
        if (!m_result) ::kill(m_pid, SIGKILL);
    }
    /// Wait for the end and collect the output.
    RunResult wait() {
        if (!m_result) {
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            finish(status);
        }
        return *m_result;
    }

  private:
    void finish(int status) {
        RunResult r;
        r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        r.out = slurp(m_out);
        r.err = slurp(m_err);
        std::error_code ignored;
        std::filesystem::remove(m_out, ignored);
        std::filesystem::remove(m_err, ignored);
        m_result = std::move(r);
    }

    pid_t m_pid = -1;
    std::filesystem::path m_out;
    std::filesystem::path m_err;
    std::optional<RunResult> m_result;
};

/// Run referat to completion.
inline RunResult run(const std::vector<std::string>& args, const std::filesystem::path& scratch) {
    Process p(args, scratch);
    return p.wait();
}

/// Parse JSON printed by referat; throws when it is not JSON (the test then fails loudly).
inline json::Value parse_json(const std::string& text) {
    auto v = json::parse(text);
    if (!v) throw std::runtime_error("not JSON (" + v.error().reason + "): " + text.substr(0, 400));
    return *v;
}

/// Lines of text.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace referat::testing
