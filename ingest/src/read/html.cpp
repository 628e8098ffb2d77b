// HTML to text. Not a full HTML5 parser: a tolerant tag scanner that keeps block structure as
// lines, drops non-content elements and site chrome, and decodes character references.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>

#include "read/formats.hpp"

namespace referat::ingest::read {

namespace {

struct NamedEntity {
    std::string_view name;
    std::uint32_t code_point;
};

// Sorted by name for binary search.
constexpr std::array<NamedEntity, 77> kEntities = {{
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Aring", 0xC5},   {"Atilde", 0xC3},
    {"Auml", 0xC4},     {"Ccedil", 0xC7},   {"Eacute", 0xC9},  {"Egrave", 0xC8},
    {"Euml", 0xCB},     {"Oacute", 0xD3},   {"Oslash", 0xD8},  {"Otilde", 0xD5},
    {"Ouml", 0xD6},     {"Uacute", 0xDA},   {"Uuml", 0xDC},    {"aacute", 0xE1},
    {"aelig", 0xE6},    {"agrave", 0xE0},   {"amp", 0x26},     {"apos", 0x27},
    {"aring", 0xE5},    {"atilde", 0xE3},   {"auml", 0xE4},    {"bdquo", 0x201E},
    {"brvbar", 0xA6},   {"bull", 0x2022},   {"ccedil", 0xE7},  {"cent", 0xA2},
    {"copy", 0xA9},     {"deg", 0xB0},      {"eacute", 0xE9},  {"egrave", 0xE8},
    {"emsp", 0x2003},   {"ensp", 0x2002},   {"euml", 0xEB},    {"euro", 0x20AC},
    {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},  {"gt", 0x3E},
    {"hellip", 0x2026}, {"iacute", 0xED},   {"laquo", 0xAB},   {"ldquo", 0x201C},
    {"lsaquo", 0x2039}, {"lsquo", 0x2018},  {"lt", 0x3C},      {"mdash", 0x2014},
    {"middot", 0xB7},   {"nbsp", 0xA0},     {"ndash", 0x2013}, {"ntilde", 0xF1},
    {"oacute", 0xF3},   {"ordf", 0xAA},     {"ordm", 0xBA},    {"oslash", 0xF8},
    {"otilde", 0xF5},   {"ouml", 0xF6},     {"para", 0xB6},    {"plusmn", 0xB1},
    {"pound", 0xA3},    {"quot", 0x22},     {"raquo", 0xBB},   {"rdquo", 0x201D},
    {"reg", 0xAE},      {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"sect", 0xA7},     {"shy", 0xAD},      {"szlig", 0xDF},   {"thinsp", 0x2009},
    {"times", 0xD7},    {"trade", 0x2122},  {"uacute", 0xFA},  {"uuml", 0xFC},
    {"zwnj", 0x200C},
}};

// Elements whose content is not part of the document text.
constexpr std::array<std::string_view, 12> kDropped = {"head",     "script", "style",  "noscript",
                                                       "template", "nav",    "header", "footer",
                                                       "svg",      "iframe", "select", "object"};
// CSS classes of site furniture inside content: file-type badges, icons, menus, screen-reader
// duplicates. (Item titles sit inside <button>s on some portals, so buttons are kept.)
constexpr std::array<std::string_view, 8> kDroppedClasses = {
    "pdf-label", "fil-ikon",        "glyphicon", "dropdown-menu",
    "sr-only",   "visually-hidden", "skip-link", "cookie-banner"};
// Elements whose content is raw text: their end tag is searched for, not parsed.
constexpr std::array<std::string_view, 4> kRawText = {"script", "style", "noscript", "textarea"};
// Elements that start and end a line.
constexpr std::array<std::string_view, 32> kBlocks = {
    "address", "article", "aside", "blockquote", "br",       "caption",    "dd",     "details",
    "dialog",  "div",     "dl",    "dt",         "fieldset", "figcaption", "figure", "form",
    "h1",      "h2",      "h3",    "h4",         "h5",       "h6",         "hr",     "li",
    "main",    "ol",      "p",     "pre",        "section",  "summary",    "table",  "tr"};
// Elements without content or end tag.
constexpr std::array<std::string_view, 13> kVoid = {"area",   "base",  "br",    "col",  "embed",
                                                    "hr",     "img",   "input", "link", "meta",
                                                    "source", "track", "wbr"};
// Lines that are site furniture, not minutes (compared case-insensitively).
constexpr std::array<std::string_view, 16> kChromeLines = {"til toppen",
                                                           "hent som pdf",
                                                           "fold dette punkt ind",
                                                           "fold dette punkt ud",
                                                           "fold alle punkter ind",
                                                           "fold alle punkter ud",
                                                           "kopier link",
                                                           "tilbage til forsiden",
                                                           "gå til indhold",
                                                           "spring til indhold",
                                                           "spring til hovedindhold",
                                                           "udskriv",
                                                           "print",
                                                           "pdf",
                                                           "del på facebook",
                                                           "læs mere"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view name) {
    return std::find(set.begin(), set.end(), name) != set.end();
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Position of the case-insensitive needle in hay from pos, or npos.
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t pos) {
    if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
    for (std::size_t i = pos; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && ascii_lower(hay[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return i;
    }
    return std::string_view::npos;
}

struct Tag {
    std::string name;  ///< lower case, empty for comments and declarations
    std::string_view attributes;
    bool closing = false;
    bool self_closing = false;
    std::size_t end = 0;  ///< one past '>'
};

/// Scan the tag at html[pos] == '<'; std::nullopt-like empty name with end == pos when the '<'
/// does not start a tag (then it is text).
Tag scan_tag(std::string_view html, std::size_t pos) {
    Tag tag;
    tag.end = pos;
    if (html.substr(pos, 4) == "<!--") {
        const auto close = html.find("-->", pos + 4);
        tag.end = close == std::string_view::npos ? html.size() : close + 3;
        return tag;
    }
    std::size_t i = pos + 1;
    if (i < html.size() && (html[i] == '!' || html[i] == '?')) {
        const auto close = html.find('>', i);
        tag.end = close == std::string_view::npos ? html.size() : close + 1;
        return tag;
    }
    if (i < html.size() && html[i] == '/') {
        tag.closing = true;
        ++i;
    }
    const std::size_t name_begin = i;
    while (i < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == ':' || html[i] == '-'))
        ++i;
    if (i == name_begin || !std::isalpha(static_cast<unsigned char>(html[name_begin])))
        return tag;  // not a tag: '<' is text
    tag.name = lower(html.substr(name_begin, i - name_begin));
    const std::size_t attributes_begin = i;
    char quote = 0;
    for (; i < html.size(); ++i) {
        const char c = html[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            tag.self_closing = html[i - 1] == '/';
            tag.end = i + 1;
            tag.attributes = html.substr(attributes_begin, i - attributes_begin);
            return tag;
        }
    }
    tag.end = html.size();
    return tag;
}

/// True when the tag's class attribute names one of the furniture classes.
bool has_dropped_class(std::string_view attributes) {
    const auto at = find_ci(attributes, "class=", 0);
    if (at == std::string_view::npos) return false;
    std::size_t i = at + 6;
    if (i >= attributes.size()) return false;
    const char quote = attributes[i];
    std::size_t end = 0;
    if (quote == '"' || quote == '\'') {
        ++i;
        end = attributes.find(quote, i);
    } else {
        end = attributes.find_first_of(" \t\n/", i);
    }
    if (end == std::string_view::npos) end = attributes.size();
    const auto classes = attributes.substr(i, end - i);
    std::size_t pos = 0;
    while (pos < classes.size()) {
        const auto next = classes.find_first_of(" \t\n", pos);
        const auto word =
            classes.substr(pos, (next == std::string_view::npos ? classes.size() : next) - pos);
        if (contains(kDroppedClasses, word)) return true;
        if (next == std::string_view::npos) break;
        pos = next + 1;
    }
    return false;
}

void end_line(std::string& out) {
    std::size_t n = out.size();
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) --n;
    if (n > 0 && out[n - 1] != '\n') out += '\n';
}

}  // namespace

std::size_t decode_entity(std::string_view text, std::size_t pos, std::string& out) {
    std::size_t i = pos + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        std::uint32_t cp = 0;
        const std::size_t digits_begin = i;
        while (i < text.size() && i - digits_begin < 8) {
            const char c = text[i];
            int d = -1;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            if (d < 0) break;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            ++i;
        }
        if (i == digits_begin) return 0;
        if (i < text.size() && text[i] == ';') ++i;
        // Windows-1252 quirk every browser honours: &#150; is an en dash, not a C1 control.
        if (cp == 0x96)
            cp = 0x2013;
        else if (cp == 0x97)
            cp = 0x2014;
        else if (cp == 0x80)
            cp = 0x20AC;
        else if (cp < 0x20 && cp != '\t' && cp != '\n')
            cp = 0xFFFD;
        append_utf8(out, cp);
        return i - pos;
    }
    const std::size_t name_begin = i;
    while (i < text.size() && i - name_begin < 10 &&
           std::isalnum(static_cast<unsigned char>(text[i])))
        ++i;
    if (i == name_begin || i >= text.size() || text[i] != ';') return 0;
    const auto name = text.substr(name_begin, i - name_begin);
    const auto it =
        std::lower_bound(kEntities.begin(), kEntities.end(), name,
                         [](const NamedEntity& e, std::string_view n) { return e.name < n; });
    if (it == kEntities.end() || it->name != name) return 0;
    append_utf8(out, it->code_point == 0xA0 ? ' ' : it->code_point);
    return i + 1 - pos;
}

bool looks_like_html(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '<') return false;
    const auto head = lower(text.substr(i, 1024));
    for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<div", "<p>",
                                    "<p ", "<table", "<h1", "<h2", "<meta"})
        if (head.find(marker) != std::string::npos) return true;
    return false;
}

std::string html_to_text(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    std::string dropping;  // name of the dropped element we are inside
    int drop_depth = 0;
    int pre_depth = 0;
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const Tag tag = scan_tag(html, i);
            if (tag.end == i) {  // a lone '<' is text
                if (dropping.empty()) out += '<';
                ++i;
                continue;
            }
            i = tag.end;
            if (tag.name.empty()) continue;
            if (!dropping.empty()) {
                if (tag.name == dropping && !tag.self_closing) drop_depth += tag.closing ? -1 : 1;
                if (drop_depth == 0) dropping.clear();
                continue;
            }
            if (!tag.closing && !tag.self_closing && contains(kRawText, tag.name)) {
                const auto close = find_ci(html, "</" + tag.name, i);
                i = close == std::string_view::npos ? html.size() : close;
                continue;
            }
            if (!tag.closing && !tag.self_closing && !contains(kVoid, tag.name) &&
                (contains(kDropped, tag.name) || has_dropped_class(tag.attributes))) {
                dropping = tag.name;
                drop_depth = 1;
                continue;
            }
            if (tag.name == "pre") pre_depth = std::max(0, pre_depth + (tag.closing ? -1 : 1));
            if (tag.name == "td" || tag.name == "th") {
                if (!tag.closing) out += '\t';
            } else if (contains(kBlocks, tag.name)) {
                if (tag.name == "br")
                    out += '\n';
                else
                    end_line(out);
            }
            continue;
        }
        if (!dropping.empty()) {
            ++i;
            continue;
        }
        if (c == '&') {
            const std::size_t used = decode_entity(html, i, out);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        if (is_space(c)) {
            out += (pre_depth > 0 && c == '\n') ? '\n' : ' ';
        } else {
            out += c;
        }
        ++i;
    }
    return tidy_lines(out);
}

std::string tidy_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_blank = false;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        auto end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        const auto raw = text.substr(begin, end - begin);
        begin = end + 1;
        // Collapse spaces; a tab (cell boundary) swallows the spaces around it.
        std::string line;
        for (const char c : raw) {
            if (c == ' ' || c == '\r') {
                if (!line.empty() && line.back() != ' ' && line.back() != '\t') line += ' ';
            } else if (c == '\t') {
                while (!line.empty() && line.back() == ' ') line.pop_back();
                if (!line.empty() && line.back() != '\t') line += '\t';
            } else {
                line += c;
            }
        }
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
        if (line.empty()) {
            pending_blank = !out.empty();
            continue;
        }
        if (contains(kChromeLines, lower(line))) continue;
        if (pending_blank) out += '\n';
        pending_blank = false;
        out += line;
        out += '\n';
    }
    return out;
}

}  // namespace referat::ingest::read
