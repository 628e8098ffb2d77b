#pragma once
// HTML and URL text: the one escaping function every page renders through, and query strings.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace referat::web {

/// Request parameters, in the order given (a name may repeat).
using Params = std::vector<std::pair<std::string, std::string>>;

/// Text made safe for HTML element content and double-quoted attribute values (and valid
/// UTF-8: each ill-formed sequence becomes U+FFFD).
[[nodiscard]] std::string escape(std::string_view text);

/// A URL path segment or query value, percent-encoded (unreserved characters kept).
[[nodiscard]] std::string url_encode(std::string_view text);

/// "?a=1&b=2" from params ("" when empty), values encoded; HTML-escape it before use in an
/// attribute.
[[nodiscard]] std::string query_string(const Params& params);

/// The first value of name, or "" when absent.
[[nodiscard]] std::string param(const Params& params, std::string_view name);

/// Every value of name, in order.
[[nodiscard]] std::vector<std::string> params_named(const Params& params, std::string_view name);

/// A snippet marked with sentinels as HTML: escaped, the sentinels turned into <mark>.
[[nodiscard]] std::string marked_snippet(std::string_view snippet, std::string_view start,
                                         std::string_view end);

}  // namespace referat::web
