#pragma once
// The page shell every HTML page shares, the static files served from the binary, the help
// page and the error page.

#include <optional>
#include <string>
#include <string_view>

#include "reply.hpp"

namespace referat::web {

/// Extra parts of a page's <head>.
struct Head {
    std::string title;       ///< plain text; escaped here
    std::string extra_html;  ///< already-safe HTML (link elements)
};

/// A whole HTML page around body_html (already-safe HTML), with the navigation bar.
[[nodiscard]] std::string page(const Head& head, std::string_view body_html);

/// /static/NAME (style.css, app.js); std::nullopt when there is no such file.
[[nodiscard]] std::optional<Reply> static_file(std::string_view name);

/// /help: the query language (docs/QUERY.md, built into the binary).
[[nodiscard]] Reply help_page();

/// A page saying why a request failed, with that status.
[[nodiscard]] Reply error_page(int status, std::string_view message);

/// {"error": message, "status": status} under /api/.
[[nodiscard]] Reply api_error(int status, std::string_view message);

/// text cut to at most max_bytes on a UTF-8 character boundary, with "…" when cut.
[[nodiscard]] std::string shorten(std::string_view text, std::size_t max_bytes);

}  // namespace referat::web
