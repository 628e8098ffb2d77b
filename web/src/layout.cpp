#include "layout.hpp"

#include <referat/ingest/json.hpp>
#include <referat/ingest/utf8.hpp>

#include "embedded.hpp"
#include "html.hpp"

namespace referat::web {

namespace {

std::string_view reason_phrase(int status) {
    switch (status) {
        case 400:
            return "Bad request";
        case 404:
            return "Not found";
        case 405:
            return "Method not allowed";
        case 410:
            return "Gone";
        case 501:
            return "Not implemented";
        case 503:
            return "Service unavailable";
        default:
            return status >= 500 ? "Server error" : "Error";
    }
}

// Inline Markdown of docs/QUERY.md: `code` spans and [text](link) with the link dropped (the
// links point into the repository, not to this server).
std::string inline_markdown(std::string_view line) {
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == '`') {
            const std::size_t close = line.find('`', i + 1);
            if (close != std::string_view::npos) {
                out += "<code>" + escape(line.substr(i + 1, close - i - 1)) + "</code>";
                i = close + 1;
                continue;
            }
        }
        if (line[i] == '[') {
            const std::size_t mid = line.find("](", i);
            const std::size_t close = mid == std::string_view::npos ? mid : line.find(')', mid);
            if (close != std::string_view::npos) {
                out += inline_markdown(line.substr(i + 1, mid - i - 1));
                i = close + 1;
                continue;
            }
        }
        const std::size_t next = line.find_first_of("`[", i + 1);
        const std::size_t end = next == std::string_view::npos ? line.size() : next;
        out += escape(line.substr(i, end - i));
        i = end;
    }
    return out;
}

std::vector<std::string_view> table_cells(std::string_view row) {
    std::vector<std::string_view> cells;
    if (row.starts_with('|')) row.remove_prefix(1);
    if (row.ends_with('|')) row.remove_suffix(1);
    std::size_t at = 0;
    while (at <= row.size()) {
        std::size_t bar = row.find('|', at);
        // "\|" is a literal bar inside a cell.
        while (bar != std::string_view::npos && bar > 0 && row[bar - 1] == '\\')
            bar = row.find('|', bar + 1);
        if (bar == std::string_view::npos) bar = row.size();
        std::string_view cell = row.substr(at, bar - at);
        while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
        while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
        cells.push_back(cell);
        at = bar + 1;
    }
    return cells;
}

// The subset of Markdown docs/QUERY.md uses: headings, paragraphs, fenced code, tables, lists.
std::string render_markdown(std::string_view text) {
    std::string out;
    std::string paragraph;
    bool in_code = false;
    bool in_table = false;
    bool in_list = false;
    auto flush = [&] {
        if (!paragraph.empty()) out += "<p>" + inline_markdown(paragraph) + "</p>\n";
        paragraph.clear();
        if (in_table) out += "</table>\n";
        if (in_list) out += "</ul>\n";
        in_table = in_list = false;
    };
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t eol = text.find('\n', at);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(at, eol - at);
        at = eol + 1;
        if (line.starts_with("```")) {
            if (!in_code) flush();
            out += in_code ? "</pre>\n" : "<pre>";
            in_code = !in_code;
            continue;
        }
        if (in_code) {
            out += escape(line) + "\n";
            continue;
        }
        if (line.starts_with('#')) {
            flush();
            std::size_t level = line.find_first_not_of('#');
            const std::string tag = "h" + std::to_string(std::min<std::size_t>(level, 4));
            out += "<" + tag + ">" + inline_markdown(line.substr(level + 1)) + "</" + tag + ">\n";
        } else if (line.starts_with('|')) {
            if (line.find("---") != std::string_view::npos) continue;
            if (!in_table) {
                flush();
                out += "<table class=\"data\">\n";
                in_table = true;
            }
            out += "<tr>";
            for (auto cell : table_cells(line)) out += "<td>" + inline_markdown(cell) + "</td>";
            out += "</tr>\n";
        } else if (line.starts_with("- ")) {
            if (!in_list) {
                flush();
                out += "<ul>\n";
                in_list = true;
            }
            out += "<li>" + inline_markdown(line.substr(2)) + "</li>\n";
        } else if (line.find_first_not_of(' ') == std::string_view::npos) {
            flush();
        } else if (in_list) {
            out.insert(out.size() - 6, " " + inline_markdown(line));  // continues the <li>
        } else {
            paragraph += (paragraph.empty() ? "" : " ") + std::string(line);
        }
    }
    flush();
    if (in_code) out += "</pre>\n";
    return out;
}

}  // namespace

std::string page(const Head& head, std::string_view body_html) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        escape(head.title) +
        " · Referat</title>\n"
        "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" "
        "href=\"/static/style.css\">\n"
        "<script src=\"/static/app.js\" defer></script>\n" +
        head.extra_html +
        "</head>\n<body>\n"
        "<header class=\"top\"><a class=\"brand\" href=\"/\">Referat</a><nav>"
        "<a href=\"/\">Search</a><a href=\"/persons\">Persons</a>"
        "<a href=\"/appointments\">Appointments</a><a href=\"/committees\">Committees</a>"
        "<a href=\"/help\">Query help</a></nav></header>\n"
        "<main class=\"page\">\n";
    out += body_html;
    out += "\n</main>\n</body>\n</html>\n";
    return out;
}

std::optional<Reply> static_file(std::string_view name) {
    Reply r;
    if (name == "style.css") {
        r.content_type = "text/css; charset=utf-8";
        r.body = embedded::style_css();
    } else if (name == "app.js") {
        r.content_type = "text/javascript; charset=utf-8";
        r.body = embedded::app_js();
    } else {
        return std::nullopt;
    }
    r.headers.emplace_back("Cache-Control", "max-age=3600");
    return r;
}

Reply help_page() {
    Reply r;
    r.body =
        page({"Query help", ""}, "<div class=\"help\">\n" +
                                     render_markdown(embedded::query_help_markdown()) + "</div>");
    return r;
}

Reply error_page(int status, std::string_view message) {
    Reply r;
    r.status = status;
    const std::string title = std::to_string(status) + " " + std::string(reason_phrase(status));
    r.body =
        page({title, ""}, "<h1>" + escape(title) + "</h1>\n<p class=\"error\">" + escape(message) +
                              "</p>\n<p><a href=\"/\">Back to the search page</a> · "
                              "<a href=\"/help\">Query help</a></p>");
    return r;
}

Reply api_error(int status, std::string_view message) {
    Reply r;
    r.status = status;
    r.content_type = "application/json; charset=utf-8";
    json::Value o = json::Value::object();
    o.set("error", std::string(message));
    o.set("status", status);
    r.body = o.dump() + "\n";
    return r;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    return std::string(text.substr(0, utf8::prefix_bytes(text, max_bytes))) + "…";
}

}  // namespace referat::web
