// HTML to text on gumbo, Google's implementation of the HTML5 parsing algorithm (implied end
// tags, misnested markup, all named character references, the windows-1252 table for &#128;
// to &#159;). On its tree we keep block structure as lines and table cells as tabs, and drop
// non-content elements and site chrome. Gumbo reads UTF-8 only: the encoding is settled before,
// by decode_text(), which asks declared_charset() here for a <meta charset>.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gumbo.h>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {

namespace {

// Elements whose content is not part of the document text.
constexpr std::array<std::string_view, 12> kDropped = {"head",     "script", "style",  "noscript",
                                                       "template", "nav",    "header", "footer",
                                                       "svg",      "iframe", "select", "object"};
// CSS classes of site furniture inside content: file-type badges, icons, menus, screen-reader
// duplicates. (Item titles sit inside <button>s on some portals, so buttons are kept.)
constexpr std::array<std::string_view, 8> kDroppedClasses = {
    "pdf-label", "fil-ikon",        "glyphicon", "dropdown-menu",
    "sr-only",   "visually-hidden", "skip-link", "cookie-banner"};
// Elements whose content is raw text, never document text (the parser keeps it as a text node).
constexpr std::array<std::string_view, 4> kRawText = {"script", "style", "noscript", "textarea"};
// Elements that start and end a line.
constexpr std::array<std::string_view, 32> kBlocks = {
    "address", "article", "aside", "blockquote", "br",       "caption",    "dd",     "details",
    "dialog",  "div",     "dl",    "dt",         "fieldset", "figcaption", "figure", "form",
    "h1",      "h2",      "h3",    "h4",         "h5",       "h6",         "hr",     "li",
    "main",    "ol",      "p",     "pre",        "section",  "summary",    "table",  "tr"};
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

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Position of the case-insensitive, lower-case needle in hay from pos, or npos.
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t pos) {
    for (std::size_t i = pos; i + needle.size() <= hay.size(); ++i)
        if (utf8::equal_ascii_case_insensitive(hay.substr(i, needle.size()), needle)) return i;
    return std::string_view::npos;
}

/// A parsed document, destroyed with the options it was parsed with.
struct GumboDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboDeleter>;

// Markup nested deeper than this is flattened before parsing. Gumbo's scope checks walk the
// stack of open elements, so its time grows with the square of the depth (20,000 nested <div>
// take seconds, 50,000 most of a minute) while real pages nest a few dozen deep.
constexpr std::size_t kMaxNesting = 2000;
// Elements that never deepen the tree: void, or closed by their next sibling.
constexpr std::array<std::string_view, 29> kFlat = {
    "area",  "base",  "br",    "col",      "embed",  "hr",  "img",    "input",
    "link",  "meta",  "param", "source",   "track",  "wbr", "keygen", "p",
    "li",    "dt",    "dd",    "tr",       "td",     "th",  "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "caption"};
// Elements whose content is text to the parser, '<' included.
constexpr std::array<std::string_view, 9> kTextContent = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};

/// The input without the start tags (and their end tags) that would open elements deeper than
/// kMaxNesting; std::nullopt when nothing nests that deep. A cheap over-estimate of the depth:
/// it counts open tags less close tags, so text is never lost, only deep structure.
std::optional<std::string> flatten_deep_markup(std::string_view html) {
    std::size_t depth = 0;
    std::size_t foreign = 0;  // inside <svg> or <math>, where "/>" closes an element
    std::vector<std::pair<std::string, std::size_t>> dropped_ends;  // end tags still to drop
    std::optional<std::string> out;
    std::size_t copied = 0;  // html[0, copied) is in out
    auto drop = [&](std::size_t begin, std::size_t end) {
        if (!out) out.emplace();
        out->append(html.substr(copied, begin - copied));
        copied = end;
    };
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        const std::size_t begin = i;
        if (html.substr(i, 4) == "<!--") {
            const auto close = html.find("-->", i + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t name_end = i + (closing ? 2 : 1);
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end])))
            ++name_end;
        const std::size_t name_begin = i + (closing ? 2 : 1);
        if (name_end == name_begin || !std::isalpha(static_cast<unsigned char>(html[name_begin]))) {
            ++i;
            continue;
        }
        const std::string name = utf8::ascii_lower(html.substr(name_begin, name_end - name_begin));
        const auto gt = html.find('>', name_end);
        const std::size_t end = gt == std::string_view::npos ? html.size() : gt + 1;
        i = end;
        if (closing) {
            auto pending = std::find_if(dropped_ends.rbegin(), dropped_ends.rend(),
                                        [&](const auto& d) { return d.first == name; });
            if (pending != dropped_ends.rend()) {
                drop(begin, end);
                if (--pending->second == 0) dropped_ends.erase(std::next(pending).base());
            } else if (!contains(kFlat, name) && depth > 0) {
                --depth;
            }
            if ((name == "svg" || name == "math") && foreign > 0) --foreign;
            continue;
        }
        if (contains(kTextContent, name)) {
            const auto close = find_ci(html, "</" + name, end);
            i = close == std::string_view::npos ? html.size() : close;
        }
        const bool self_closed = foreign > 0 && end >= 2 && html[end - 2] == '/';
        if (contains(kFlat, name) || self_closed) continue;
        if (depth >= kMaxNesting) {
            drop(begin, end);
            auto pending = std::find_if(dropped_ends.begin(), dropped_ends.end(),
                                        [&](const auto& d) { return d.first == name; });
            if (pending == dropped_ends.end())
                dropped_ends.emplace_back(name, 1);
            else
                ++pending->second;
            continue;
        }
        ++depth;
        if (name == "svg" || name == "math") ++foreign;
    }
    if (out) out->append(html.substr(copied));
    return out;
}

GumboTree parse_html(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // parse errors are not reported: do not collect them
    return GumboTree(gumbo_parse_with_options(&options, html.data(), html.size()));
}

bool is_element(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

/// Lower-case tag name, also for elements gumbo does not know (custom elements, dialog ...).
std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    if (piece.data == nullptr || piece.length == 0) return {};
    gumbo_tag_from_original_text(&piece);
    std::string_view name(piece.data, piece.length);
    name = name.substr(0, name.find_first_of(" \t\n\r\f/>"));
    return utf8::ascii_lower(name);
}

std::string_view attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
    return a == nullptr ? std::string_view() : std::string_view(a->value);
}

/// True when the element's class attribute names one of the furniture classes.
bool has_dropped_class(const GumboElement& element) {
    const std::string_view classes = attribute(element, "class");
    std::size_t pos = 0;
    while (pos < classes.size()) {
        const auto next = classes.find_first_of(" \t\n\r\f", pos);
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

/// Append the text of a text node: whitespace becomes one space (a line break inside <pre>),
/// a no-break space is a space too, and control characters become U+FFFD.
void append_text(std::string& out, std::string_view text, bool in_pre) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_space(c)) {
            out += (in_pre && c == '\n') ? '\n' : ' ';
        } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            out += ' ';
            ++i;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out += "\xEF\xBF\xBD";
        } else {
            out += c;
        }
    }
}

/// What the walk does with an element's content.
enum class Visit { kSkip, kDescend };

/// Output for an element's start; whether to look inside.
Visit open_element(const GumboElement& element, const std::string& name, std::string& out) {
    if (contains(kDropped, name) || contains(kRawText, name) || has_dropped_class(element))
        return Visit::kSkip;
    if (name == "td" || name == "th") {
        out += '\t';
    } else if (name == "br") {
        out += '\n';
    } else if (contains(kBlocks, name)) {
        end_line(out);
    }
    return Visit::kDescend;
}

/// Output for an element's end.
void close_element(const std::string& name, std::string& out) {
    if (name != "br" && contains(kBlocks, name)) end_line(out);
}

/// The charset label one <meta> element declares (as in the HTML5 prescan: its charset
/// attribute, or "charset=" in the content of an http-equiv=content-type).
std::optional<std::string> charset_of_meta(const GumboElement& element) {
    if (const auto charset = attribute(element, "charset"); !charset.empty())
        return utf8::ascii_lower(charset);
    if (utf8::ascii_lower(attribute(element, "http-equiv")) != "content-type") return std::nullopt;
    const std::string content = utf8::ascii_lower(attribute(element, "content"));
    auto at = content.find("charset");
    if (at == std::string::npos) return std::nullopt;
    at += 7;
    while (at < content.size() && is_space(content[at])) ++at;
    if (at >= content.size() || content[at] != '=') return std::nullopt;
    ++at;
    while (at < content.size() && is_space(content[at])) ++at;
    if (at >= content.size()) return std::nullopt;
    if (content[at] == '"' || content[at] == '\'') {
        const auto close = content.find(content[at], at + 1);
        if (close == std::string::npos) return std::nullopt;
        return content.substr(at + 1, close - at - 1);
    }
    const auto end = content.find_first_of(" \t\n\r\f;", at);
    return content.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace

bool looks_like_html(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '<') return false;
    const auto head = utf8::ascii_lower(text.substr(i, 1024));
    for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<div", "<p>",
                                    "<p ", "<table", "<h1", "<h2", "<meta"})
        if (head.find(marker) != std::string::npos) return true;
    return false;
}

std::string html_to_text(std::string_view html) {
    if (html.empty()) return {};
    std::string out;
    out.reserve(html.size() / 2);
    const auto flattened = flatten_deep_markup(html);
    const GumboTree tree = parse_html(flattened ? std::string_view(*flattened) : html);
    // Iterative walk: markup nests as deep as the input likes.
    struct Frame {
        const GumboNode* node;
        std::size_t next_child;
        std::string name;
        bool in_pre;
    };
    std::vector<Frame> stack;
    stack.push_back({tree->document, 0, {}, false});
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->type == GUMBO_NODE_DOCUMENT
                                          ? frame.node->v.document.children
                                          : frame.node->v.element.children;
        if (frame.next_child >= children.length) {
            close_element(frame.name, out);
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
        const bool in_pre = frame.in_pre;
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA) {
            append_text(out, child->v.text.text, in_pre);
        } else if (is_element(child)) {
            std::string name = tag_name(child->v.element);
            if (open_element(child->v.element, name, out) == Visit::kSkip) continue;
            const bool pre = in_pre || name == "pre";
            stack.push_back({child, 0, std::move(name), pre});
        }
    }
    return tidy_lines(out);
}

std::optional<std::string> declared_charset(std::string_view bytes) {
    // As the HTML5 prescan: only the first 1024 bytes, and only when a <meta> is there at all.
    const std::string head = utf8::ascii_lower(bytes.substr(0, 1024));
    if (head.find("<meta") == std::string::npos) return std::nullopt;
    const GumboTree tree = parse_html(head);
    std::vector<const GumboNode*> stack = {tree->document};
    // Depth first, children in document order: the first declaration wins.
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                        : node->v.element.children;
        if (is_element(node) && node->v.element.tag == GUMBO_TAG_META) {
            if (auto label = charset_of_meta(node->v.element)) {
                const auto first = label->find_first_not_of(" \t\n\r\f");
                const auto last = label->find_last_not_of(" \t\n\r\f");
                if (first != std::string::npos) return label->substr(first, last - first + 1);
            }
        }
        for (unsigned i = children.length; i > 0; --i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i - 1]);
            if (is_element(child)) stack.push_back(child);
        }
    }
    return std::nullopt;
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
        if (contains(kChromeLines, utf8::lower(line))) continue;
        if (pending_blank) out += '\n';
        pending_blank = false;
        out += line;
        out += '\n';
    }
    return out;
}

}  // namespace referat::ingest::read
