// Word documents (DOCX): the zip is opened with zip.cpp, the main document part is found the way
// Office finds it (_rels/.rels, then [Content_Types].xml) and walked with libxml2, matching
// elements on their namespace URI whatever prefix the writer chose. Paragraphs become lines,
// tabs stay tabs, table rows become tab-separated lines.

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "read/formats.hpp"
#include "read/xml.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {

namespace {

// WordprocessingML as written by Word (transitional) and in ISO strict form.
constexpr std::array<std::string_view, 2> kWordNamespaces = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main"};
constexpr std::string_view kMarkupCompatibility =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kPackageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kContentTypes =
    "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr std::string_view kRelsPart = "_rels/.rels";
constexpr std::string_view kContentTypesPart = "[Content_Types].xml";
constexpr std::string_view kDefaultMainPart = "word/document.xml";
constexpr std::array<std::string_view, 4> kMainContentTypes = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"};

bool word(const xmlNode* n, std::string_view name) {
    return std::any_of(kWordNamespaces.begin(), kWordNamespaces.end(),
                       [&](std::string_view ns) { return xml::is(n, ns, name); });
}

/// Tab-stop definitions, deleted text, field codes and compatibility fallbacks hold no text.
bool skipped(const xmlNode* n) {
    return word(n, "tabs") || word(n, "delText") || word(n, "instrText") || word(n, "del") ||
           xml::is(n, kMarkupCompatibility, "Fallback");
}

void trim_cell_end(std::string& out) {
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
}

class Walker {
  public:
    void walk(const xmlNode* first, bool in_text) {
        for (const xmlNode* n = first; n != nullptr; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                if (in_text && n->content != nullptr) append(n->content);
                continue;
            }
            if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
            const char line_end = m_cell_depth > 0 ? ' ' : '\n';
            if (word(n, "t")) {
                walk(n->children, true);
            } else if (word(n, "p")) {
                walk(n->children, false);
                if (m_cell_depth > 0) trim_cell_end(m_out);
                m_out += line_end;
            } else if (word(n, "tab")) {
                m_out += m_cell_depth > 0 ? ' ' : '\t';
            } else if (word(n, "br") || word(n, "cr")) {
                m_out += line_end;
            } else if (word(n, "noBreakHyphen")) {
                m_out += '-';
            } else if (word(n, "tc") && n->children != nullptr) {
                ++m_cell_depth;
                walk(n->children, false);
                --m_cell_depth;
                trim_cell_end(m_out);
                m_out += '\t';
            } else if (word(n, "tr")) {
                walk(n->children, false);
                trim_cell_end(m_out);
                m_out += '\n';
            } else {
                walk(n->children, in_text);
            }
        }
    }
    [[nodiscard]] std::string take() { return std::move(m_out); }

  private:
    void append(const xmlChar* content) {
        for (const char* c = reinterpret_cast<const char*>(content); *c != '\0'; ++c)
            m_out += (*c == '\n' || *c == '\r' || *c == '\t') ? ' ' : *c;
    }
    std::string m_out;
    int m_cell_depth = 0;
};

/// A part name from a relationship target or content-type override, as a zip member name.
std::string member_name(std::string_view part) {
    while (part.starts_with('/')) part.remove_prefix(1);
    return std::string(part);
}

const ZipEntry* find_entry(const std::vector<ZipEntry>& entries, std::string_view name) {
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const ZipEntry& e) { return e.name == name; });
    return it == entries.end() ? nullptr : &*it;
}

/// The main document part named by the package: the officeDocument relationship, else the
/// content type of a Word main part, else the usual name.
const ZipEntry* main_part(std::string_view zip, const std::vector<ZipEntry>& entries,
                          std::size_t max_output) {
    auto read_part = [&](std::string_view name) -> std::optional<std::string> {
        const ZipEntry* e = find_entry(entries, name);
        if (e == nullptr) return std::nullopt;
        auto bytes = zip_extract(zip, *e, max_output);
        if (!bytes) return std::nullopt;
        return std::move(*bytes);
    };
    if (auto rels = read_part(kRelsPart)) {
        const xml::Document doc(*rels);
        for (const xmlNode* n = doc.root() != nullptr ? doc.root()->children : nullptr;
             n != nullptr; n = n->next) {
            if (!xml::is(n, kPackageRelationships, "Relationship")) continue;
            if (!xml::attribute(n, "Type").ends_with("/officeDocument")) continue;
            if (const ZipEntry* e = find_entry(entries, member_name(xml::attribute(n, "Target"))))
                return e;
        }
    }
    if (auto types = read_part(kContentTypesPart)) {
        const xml::Document doc(*types);
        for (const xmlNode* n = doc.root() != nullptr ? doc.root()->children : nullptr;
             n != nullptr; n = n->next) {
            if (!xml::is(n, kContentTypes, "Override")) continue;
            const std::string type = xml::attribute(n, "ContentType");
            if (std::find(kMainContentTypes.begin(), kMainContentTypes.end(), type) ==
                kMainContentTypes.end())
                continue;
            if (const ZipEntry* e = find_entry(entries, member_name(xml::attribute(n, "PartName"))))
                return e;
        }
    }
    return find_entry(entries, kDefaultMainPart);
}

}  // namespace

std::string docx_xml_to_text(std::string_view xml) {
    const xml::Document doc(xml);
    if (doc.root() == nullptr) return {};
    Walker walker;
    walker.walk(doc.root(), false);
    return walker.take();
}

std::expected<Extracted, Reason> read_zip(std::string_view bytes, const ReadLimits& limits) {
    auto entries = zip_directory(bytes);
    if (!entries) return std::unexpected(entries.error());
    bool open_document = false;
    bool spreadsheet = false;
    bool presentation = false;
    for (const auto& e : *entries) {
        if (e.name == "content.xml") open_document = true;
        if (e.name.starts_with("xl/")) spreadsheet = true;
        if (e.name.starts_with("ppt/")) presentation = true;
    }
    const ZipEntry* document = main_part(bytes, *entries, limits.max_unpacked_bytes);
    // A workbook or presentation names its own main part: only a Word one is a document here.
    if (document != nullptr &&
        (document->name.starts_with("xl/") || document->name.starts_with("ppt/")))
        document = nullptr;
    if (document == nullptr) {
        if (open_document)
            return std::unexpected("unsupported file type (OpenDocument; save it as DOCX or PDF)");
        if (spreadsheet) return std::unexpected("unsupported file type (Excel workbook)");
        if (presentation) return std::unexpected("unsupported file type (PowerPoint presentation)");
        return std::unexpected(
            "unsupported file type (zip archive without word/document.xml, not DOCX)");
    }
    auto xml = zip_extract(bytes, *document, limits.max_unpacked_bytes);
    if (!xml) return std::unexpected("damaged DOCX: " + xml.error());
    if (!utf8::is_valid(*xml))
        return std::unexpected("damaged DOCX: " + document->name + " is not UTF-8");
    Extracted out;
    out.text = tidy_lines(docx_xml_to_text(*xml));
    return out;
}

}  // namespace referat::ingest::read
