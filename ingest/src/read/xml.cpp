// The libxml2 wrapper (see xml.hpp). Parsing is silent (problems in a source are not ours to
// print) and never touches the network; entities are not expanded, so a hostile file cannot
// make a small input large.

#include "read/xml.hpp"

#include <algorithm>
#include <array>
#include <climits>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

namespace referat::ingest::read::xml {

namespace {

constexpr int kXmlOptions =
    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
constexpr int kHtmlOptions =
    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;

/// libxml2 must be initialised once before threads use it.
void init_once() {
    static const bool kDone = [] {
        xmlInitParser();
        return true;
    }();
    (void)kDone;
}

const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

constexpr std::array<std::string_view, 24> kBlocks = {
    "p",  "div", "br", "li", "ul",      "ol",      "tr",      "table",
    "h1", "h2",  "h3", "h4", "h5",      "h6",      "pre",     "blockquote",
    "dl", "dt",  "dd", "hr", "section", "article", "address", "center"};

bool is_block(std::string_view name) {
    return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

void html_walk(const xmlNode* node, std::string& out) {
    for (const xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content == nullptr) continue;
            for (const char* c = chars(n->content); *c != '\0'; ++c) {
                const bool space =
                    *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f';
                out += space ? ' ' : *c;
            }
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = local_name(n);
        if (name == "script" || name == "style") continue;
        const bool block = is_block(name);
        if (block) out += '\n';
        html_walk(n->children, out);
        if (block) out += '\n';
        if (name == "td" || name == "th") out += '\t';
    }
}

/// Collapse runs of spaces (no-break spaces included), trim lines, drop blank lines.
std::string tidy(std::string_view text) {
    std::string out;
    std::string line;
    auto flush = [&] {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
        std::size_t start = line.find_first_not_of(" \t");
        if (start != std::string::npos) {
            out.append(line, start);
            out += '\n';
        }
        line.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            flush();
            continue;
        }
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0
            ++i;
            c = ' ';
        }
        if (c == ' ' && !line.empty() && (line.back() == ' ' || line.back() == '\t')) continue;
        if (c == '\t' && !line.empty() && line.back() == ' ') line.pop_back();
        line += c;
    }
    flush();
    if (!out.empty()) out.pop_back();
    return out;
}

}  // namespace

struct Document::Impl {
    xmlDocPtr doc = nullptr;
    xmlXPathContextPtr xpath = nullptr;
};

Document::Document(std::string_view utf8) : m_impl(std::make_unique<Impl>()) {
    init_once();
    if (utf8.size() > static_cast<std::size_t>(INT_MAX)) return;
    m_impl->doc =
        xmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", kXmlOptions);
    if (m_impl->doc != nullptr) m_impl->xpath = xmlXPathNewContext(m_impl->doc);
}

Document::~Document() {
    if (m_impl->xpath != nullptr) xmlXPathFreeContext(m_impl->xpath);
    if (m_impl->doc != nullptr) xmlFreeDoc(m_impl->doc);
}

const xmlNode* Document::root() const {
    return m_impl->doc != nullptr ? xmlDocGetRootElement(m_impl->doc) : nullptr;
}

std::vector<const xmlNode*> Document::select(std::string_view xpath, const xmlNode* at) const {
    std::vector<const xmlNode*> out;
    if (m_impl->xpath == nullptr) return out;
    const std::string expr(xpath);
    xmlXPathObjectPtr result = xmlXPathNodeEval(
        const_cast<xmlNode*>(at != nullptr ? at : reinterpret_cast<const xmlNode*>(m_impl->doc)),
        reinterpret_cast<const xmlChar*>(expr.c_str()), m_impl->xpath);
    if (result == nullptr) return out;
    if (result->type == XPATH_NODESET && result->nodesetval != nullptr) {
        for (int i = 0; i < result->nodesetval->nodeNr; ++i)
            if (result->nodesetval->nodeTab[i]->type == XML_ELEMENT_NODE)
                out.push_back(result->nodesetval->nodeTab[i]);
    }
    xmlXPathFreeObject(result);
    return out;
}

const xmlNode* Document::first(std::string_view xpath, const xmlNode* at) const {
    auto all = select(xpath, at);
    return all.empty() ? nullptr : all.front();
}

std::string Document::value(std::string_view xpath, const xmlNode* at) const {
    if (m_impl->xpath == nullptr) return {};
    const std::string expr = "string(" + std::string(xpath) + ")";
    xmlXPathObjectPtr result = xmlXPathNodeEval(
        const_cast<xmlNode*>(at != nullptr ? at : reinterpret_cast<const xmlNode*>(m_impl->doc)),
        reinterpret_cast<const xmlChar*>(expr.c_str()), m_impl->xpath);
    if (result == nullptr) return {};
    std::string out = result->stringval != nullptr ? chars(result->stringval) : "";
    xmlXPathFreeObject(result);
    return out;
}

std::string_view local_name(const xmlNode* node) {
    return node != nullptr && node->name != nullptr ? chars(node->name) : "";
}

std::string_view namespace_uri(const xmlNode* node) {
    return node != nullptr && node->ns != nullptr && node->ns->href != nullptr
               ? chars(node->ns->href)
               : "";
}

bool is(const xmlNode* node, std::string_view ns, std::string_view name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE && local_name(node) == name &&
           namespace_uri(node) == ns;
}

std::string attribute(const xmlNode* node, std::string_view name) {
    if (node == nullptr) return {};
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        if (a->name == nullptr || chars(a->name) != name) continue;
        xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        std::string out = v != nullptr ? chars(v) : "";
        xmlFree(v);
        return out;
    }
    return {};
}

std::string text(const xmlNode* node) {
    if (node == nullptr) return {};
    xmlChar* v = xmlNodeGetContent(node);
    std::string out = v != nullptr ? chars(v) : "";
    xmlFree(v);
    return out;
}

std::string html_fragment_to_text(std::string_view html) {
    init_once();
    if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
    if (html.size() > static_cast<std::size_t>(INT_MAX)) return {};
    htmlDocPtr doc =
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kHtmlOptions);
    if (doc == nullptr) return {};
    std::string raw;
    html_walk(xmlDocGetRootElement(doc), raw);
    xmlFreeDoc(doc);
    return tidy(raw);
}

}  // namespace referat::ingest::read::xml
