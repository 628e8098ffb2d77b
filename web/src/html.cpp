#include "html.hpp"

#include <referat/ingest/utf8.hpp>

namespace referat::web {

std::string escape(std::string_view text) {
    // A query typed into the URL is any bytes; the page stays UTF-8 (ill-formed bytes: U+FFFD).
    std::string repaired;
    if (!utf8::is_valid(text)) text = repaired = utf8::repair(text);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                                c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string query_string(const Params& params) {
    std::string out;
    for (const auto& [name, value] : params)
        out += (out.empty() ? "?" : "&") + url_encode(name) + "=" + url_encode(value);
    return out;
}

std::string param(const Params& params, std::string_view name) {
    for (const auto& [n, v] : params)
        if (n == name) return v;
    return "";
}

std::vector<std::string> params_named(const Params& params, std::string_view name) {
    std::vector<std::string> out;
    for (const auto& [n, v] : params)
        if (n == name) out.push_back(v);
    return out;
}

std::string marked_snippet(std::string_view snippet, std::string_view start, std::string_view end) {
    // Sentinels hold no character escape() changes, so they survive escaping intact.
    std::string html = escape(snippet);
    for (const auto& [from, to] : {std::pair{start, std::string_view("<mark>")},
                                   std::pair{end, std::string_view("</mark>")}}) {
        std::string replaced;
        std::size_t at = 0;
        for (std::size_t hit; (hit = html.find(from, at)) != std::string::npos;
             at = hit + from.size())
            replaced.append(html, at, hit - at).append(to);
        replaced.append(html, at);
        html = std::move(replaced);
    }
    return html;
}

}  // namespace referat::web
