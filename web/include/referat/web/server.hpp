#pragma once
// `referat serve`: the archive as a read-only local web site and JSON API (docs/WEB.md).

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace referat::web {

/// How the server is started.
struct ServeOptions {
    std::vector<std::string> databases;  ///< local paths or remote "host:port" shards, as one
    std::string host = "127.0.0.1";      ///< address to bind; loopback unless asked otherwise
    int port = 8080;                     ///< 0: any free port
    std::size_t threads = 32;            ///< worker threads
    /// Called once listening, with the bound port (default: print "listening on URL" to stdout).
    std::function<void(int port)> on_listening;
};

/// Serve until SIGINT or SIGTERM; returns the exit status (0 after a clean stop). Throws
/// referat::Error when a database cannot be opened or the address cannot be bound.
[[nodiscard]] int serve(const ServeOptions& options);

}  // namespace referat::web
