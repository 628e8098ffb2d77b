#pragma once
// What a route returns, independent of the HTTP library, and the error that becomes a status.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <referat/ingest/error.hpp>

namespace referat::web {

/// Writes one piece of a streamed body; false when the client went away.
using Writer = std::function<bool(std::string_view)>;

/// A response: status, content type and body, or a body streamed in pieces.
struct Reply {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers
    std::function<void(const Writer&)> stream;  ///< when set, produces the body instead
};

/// A request that cannot be answered: 400 bad request, 404 unknown id, ... The message is shown
/// to the user (HTML-escaped, or as JSON under /api/).
class HttpError : public Error {
  public:
    /// status is the HTTP status; message names the reason.
    HttpError(int status, const std::string& message) : Error(message), m_status(status) {}
    /// The HTTP status.
    [[nodiscard]] int status() const { return m_status; }

  private:
    int m_status;
};

/// A referat::Error from query/ or index/ as an HttpError: a malformed query, date or option is
/// the request's fault (400); a database that cannot be read is the server's (503).
[[nodiscard]] inline HttpError http_error_from(const Error& error) {
    const std::string_view what = error.what();
    const bool database =
        !what.starts_with("invalid") && (what.find("database") != std::string_view::npos ||
                                         what.find("Database") != std::string_view::npos);
    return HttpError(database ? 503 : 400, std::string(what));
}

}  // namespace referat::web
