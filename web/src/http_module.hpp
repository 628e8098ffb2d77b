#pragma once
// The interface between `referat serve` (server.cpp) and the module that holds the HTTP library
// (http_server.cpp, built as libreferat_http.so and loaded by serve alone). cpp-httplib brings
// OpenSSL, which sets itself up whenever it is mapped: about 3 ms of every process start, paid
// by every search. Module and program are built together by one compiler, so C++ types (and
// this class's virtual functions) cross the boundary.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "html.hpp"
#include "reply.hpp"

namespace referat::web::http_module {

/// A request as the routes see it.
struct Request {
    std::string path;
    Params params;                     ///< query parameters, in order
    std::vector<std::string> matches;  ///< the route pattern's groups; [0] is the whole path
    std::string host;                  ///< the Host header
};

/// Answers a request.
using Handler = std::function<Reply(const Request&)>;
/// Answers what no route took or the library refused: the path and the status it chose.
using Fallback = std::function<Reply(const std::string& path, int status)>;

/// How the server runs.
struct Settings {
    std::size_t threads = 32;
    std::chrono::seconds read_timeout{10};
    std::chrono::seconds write_timeout{30};
    std::chrono::seconds keep_alive_timeout{5};
    std::size_t keep_alive_max_count = 100;
    std::size_t max_payload_bytes = 64 * 1024;
    std::vector<std::pair<std::string, std::string>> default_headers;  ///< on every response
};

/// An HTTP server.
class Server {
  public:
    virtual ~Server() = default;
    /// GET (and HEAD) requests whose path matches pattern (a regular expression).
    virtual void get(const std::string& pattern, Handler handler) = 0;
    /// Every request of another method (POST, PUT, PATCH, DELETE, OPTIONS).
    virtual void other_methods(Handler handler) = 0;
    /// Requests no route took, and those the library refused (too long, malformed).
    virtual void fallback(Fallback handler) = 0;
    /// Bind host:port (port 0: any free port); the bound port, or -1.
    virtual int bind(const std::string& host, int port) = 0;
    /// Serve until stop(); false when it ended for another reason.
    virtual bool listen() = 0;
    /// Make listen() return (from any thread).
    virtual void stop() = 0;
};

/// The module's entry point, looked up by kEntryPoint: a new server (deleted by the caller).
using Make = Server* (*)(const Settings& settings);

inline constexpr const char* kEntryPoint = "referat_http_server";
inline constexpr const char* kFileName = "libreferat_http.so";

}  // namespace referat::web::http_module
