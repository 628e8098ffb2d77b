#include "referat/ingest/parse.hpp"

#include "referat/ingest/normalise.hpp"
#include "referat/ingest/people.hpp"
#include "referat/ingest/segment.hpp"

namespace referat::ingest {

namespace {

Document build(std::string_view raw, const std::vector<std::size_t>& raw_pages, std::string source) {
    Document doc;
    doc.source = std::move(source);
    // Normalisation keeps lines, so page starts are carried over by line number.
    std::vector<int> page_lines;
    if (!raw_pages.empty()) {
        int line = 1;
        std::size_t next = 0;
        for (std::size_t i = 0; i <= raw.size() && next < raw_pages.size(); ++i) {
            while (next < raw_pages.size() && raw_pages[next] == i) {
                page_lines.push_back(line);
                ++next;
            }
            if (i < raw.size() && raw[i] == '\n') ++line;
        }
    }
    doc.text = normalise_text(raw);
    PageStarts pages;
    if (!page_lines.empty()) {
        int line = 1;
        std::size_t next = 0;
        for (std::size_t i = 0; i <= doc.text.size() && next < page_lines.size(); ++i) {
            if (i == 0 || doc.text[i - 1] == '\n') {
                if (i > 0) ++line;  // i starts line number `line` (1-based)
                while (next < page_lines.size() && page_lines[next] == line) {
                    pages.push_back(i);
                    ++next;
                }
            }
        }
    }
    doc.meetings = segment(doc.text, pages);
    for (auto& m : doc.meetings) extract_people(m, doc.text);
    return doc;
}

}  // namespace

Document parse_text(std::string_view utf8, std::string source) {
    Document doc = build(utf8, {}, std::move(source));
    doc.type = "text";
    doc.sha256 = sha256_hex(utf8);
    return doc;
}

std::expected<Document, FileError> parse_file(const std::filesystem::path& path,
                                              const ReadLimits& limits) {
    auto src = read_source(path, limits);
    if (!src) return std::unexpected(src.error());
    Document doc;
    if (src->meetings) {
        // A structured export: meetings read from its fields, text already normalised.
        doc.source = path.string();
        doc.text = std::move(src->text);
        doc.meetings = std::move(*src->meetings);
        for (auto& m : doc.meetings) extract_people(m, doc.text);
    } else {
        doc = build(src->text, src->page_starts, path.string());
    }
    doc.type = src->type;
    doc.sha256 = src->sha256;
    doc.warnings = std::move(src->warnings);
    return doc;
}

}  // namespace referat::ingest
