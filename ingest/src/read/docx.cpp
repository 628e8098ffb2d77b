// Word documents (DOCX): the zip is opened with zip.cpp, word/document.xml is walked as a flat
// stream of tags. Paragraphs become lines, tabs stay tabs, table rows become tab-separated lines.

#include <string>

#include "read/formats.hpp"

namespace referat::ingest::read {

namespace {

constexpr std::string_view kDocumentXml = "word/document.xml";

struct XmlTag {
    std::string_view name;  ///< qualified, e.g. "w:p"
    bool closing = false;
    bool self_closing = false;
    std::size_t end = 0;
};

XmlTag scan_xml_tag(std::string_view xml, std::size_t pos) {
    XmlTag tag;
    std::size_t i = pos + 1;
    if (xml.substr(pos, 4) == "<!--") {
        const auto close = xml.find("-->", pos);
        tag.end = close == std::string_view::npos ? xml.size() : close + 3;
        return tag;
    }
    if (xml.substr(pos, 9) == "<![CDATA[") {
        const auto close = xml.find("]]>", pos);
        tag.end = close == std::string_view::npos ? xml.size() : close + 3;
        return tag;
    }
    if (i < xml.size() && xml[i] == '/') {
        tag.closing = true;
        ++i;
    }
    const std::size_t begin = i;
    while (i < xml.size() && xml[i] != '>' && xml[i] != '/' && xml[i] != ' ' && xml[i] != '\t' &&
           xml[i] != '\n' && xml[i] != '\r')
        ++i;
    tag.name = xml.substr(begin, i - begin);
    char quote = 0;
    for (; i < xml.size(); ++i) {
        const char c = xml[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            tag.self_closing = xml[i - 1] == '/';
            tag.end = i + 1;
            return tag;
        }
    }
    tag.end = xml.size();
    return tag;
}

void trim_cell_end(std::string& out) {
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
}

}  // namespace

std::string docx_xml_to_text(std::string_view xml) {
    std::string out;
    out.reserve(xml.size() / 4);
    bool in_text = false;
    int cell_depth = 0;
    int skip_depth = 0;  // inside tab-stop definitions, deleted text, field codes, fallbacks
    std::size_t i = 0;
    while (i < xml.size()) {
        if (xml[i] != '<') {
            const auto next = xml.find('<', i);
            const auto run =
                xml.substr(i, (next == std::string_view::npos ? xml.size() : next) - i);
            i += run.size();
            if (!in_text || skip_depth > 0) continue;
            for (std::size_t k = 0; k < run.size();) {
                if (run[k] == '&') {
                    const std::size_t used = decode_entity(run, k, out);
                    if (used > 0) {
                        k += used;
                        continue;
                    }
                }
                const char c = run[k++];
                out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
            }
            continue;
        }
        const XmlTag tag = scan_xml_tag(xml, i);
        i = tag.end;
        const auto name = tag.name;
        if (name == "w:tabs" || name == "w:delText" || name == "w:instrText" ||
            name == "mc:Fallback" || name == "w:del") {
            if (!tag.self_closing) skip_depth += tag.closing ? -1 : 1;
            if (skip_depth < 0) skip_depth = 0;
            continue;
        }
        if (skip_depth > 0) continue;
        const char line_end = cell_depth > 0 ? ' ' : '\n';
        if (name == "w:t") {
            in_text = !tag.closing && !tag.self_closing;
        } else if (name == "w:p") {
            if (tag.closing || tag.self_closing) {
                if (cell_depth > 0) trim_cell_end(out);
                out += line_end;
            }
        } else if (name == "w:tab" && !tag.closing) {
            out += cell_depth > 0 ? ' ' : '\t';
        } else if ((name == "w:br" || name == "w:cr") && !tag.closing) {
            out += line_end;
        } else if (name == "w:noBreakHyphen") {
            out += '-';
        } else if (name == "w:tc" && !tag.self_closing) {
            if (tag.closing) {
                trim_cell_end(out);
                out += '\t';
                --cell_depth;
            } else {
                ++cell_depth;
            }
        } else if (name == "w:tr" && tag.closing) {
            trim_cell_end(out);
            out += '\n';
        }
    }
    return out;
}

std::expected<Extracted, Reason> read_zip(std::string_view bytes, const ReadLimits& limits) {
    auto entries = zip_directory(bytes);
    if (!entries) return std::unexpected(entries.error());
    const ZipEntry* document = nullptr;
    bool open_document = false;
    bool spreadsheet = false;
    bool presentation = false;
    for (const auto& e : *entries) {
        if (e.name == kDocumentXml) document = &e;
        if (e.name == "content.xml") open_document = true;
        if (e.name.starts_with("xl/")) spreadsheet = true;
        if (e.name.starts_with("ppt/")) presentation = true;
    }
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
    if (!is_valid_utf8(*xml))
        return std::unexpected("damaged DOCX: word/document.xml is not UTF-8");
    Extracted out;
    out.text = tidy_lines(docx_xml_to_text(*xml));
    return out;
}

}  // namespace referat::ingest::read
