#pragma once
// Files built into the binary, so the server needs nothing but its databases.

#include <string_view>

namespace referat::web::embedded {

/// web/src/static.css, served as /static/style.css.
[[nodiscard]] std::string_view style_css();
/// web/src/static.js, served as /static/app.js.
[[nodiscard]] std::string_view app_js();
/// docs/QUERY.md, rendered by /help.
[[nodiscard]] std::string_view query_help_markdown();

}  // namespace referat::web::embedded
