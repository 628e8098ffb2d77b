#include "referat/query/atom.hpp"

#include <chrono>
#include <memory>
#include <string_view>

#include <libxml/xmlwriter.h>

#include <referat/ingest/error.hpp>
#include <referat/ingest/utf8.hpp>

#include "record.hpp"

namespace referat::query {

namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";

// Text with the code points XML 1.0 forbids removed: C0 controls other than tab, LF and CR,
// and U+FFFE/U+FFFF (ill-formed UTF-8 becomes U+FFFD, as everywhere).
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
            continue;
        utf8::append(out, c);
    }
    return out;
}

std::string string_of(const json::Value& v) { return v.is_string() ? v.as_string() : ""; }

std::string now_rfc3339() {
    using namespace std::chrono;
    const auto us = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    return detail::indexed_time(static_cast<double>(us));
}

// One xmlTextWriter into a memory buffer; every call checked.
class XmlWriter {
  public:
    XmlWriter() : m_buffer(xmlBufferCreate(), xmlBufferFree) {
        if (!m_buffer) throw Error("cannot write feed: out of memory");
        m_writer = xmlNewTextWriterMemory(m_buffer.get(), 0);
        if (!m_writer) throw Error("cannot write feed: out of memory");
        check(xmlTextWriterSetIndent(m_writer, 1));
        check(xmlTextWriterSetIndentString(m_writer, as_xml("  ")));
        check(xmlTextWriterStartDocument(m_writer, nullptr, "UTF-8", nullptr));
    }
    ~XmlWriter() {
        if (m_writer) xmlFreeTextWriter(m_writer);
    }
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    void start(std::string_view name) {
        check(xmlTextWriterStartElement(m_writer, as_xml(std::string(name).c_str())));
    }
    void end() { check(xmlTextWriterEndElement(m_writer)); }
    void attribute(std::string_view name, std::string_view value) {
        check(xmlTextWriterWriteAttribute(m_writer, as_xml(std::string(name).c_str()),
                                          as_xml(xml_text(value).c_str())));
    }
    // <name>text</name>
    void element(std::string_view name, std::string_view text) {
        start(name);
        check(xmlTextWriterWriteString(m_writer, as_xml(xml_text(text).c_str())));
        end();
    }
    // <link rel="rel" href="href"/> (type when given).
    void link(std::string_view rel, std::string_view href, std::string_view type = {}) {
        start("link");
        attribute("rel", rel);
        if (!type.empty()) attribute("type", type);
        attribute("href", href);
        end();
    }

    std::string finish() {
        check(xmlTextWriterEndDocument(m_writer));
        xmlFreeTextWriter(m_writer);  // flushes into the buffer
        m_writer = nullptr;
        return {reinterpret_cast<const char*>(xmlBufferContent(m_buffer.get())),
                static_cast<std::size_t>(xmlBufferLength(m_buffer.get()))};
    }

  private:
    static const xmlChar* as_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
    static void check(int rc) {
        if (rc < 0) throw Error("cannot write feed: libxml2 writer failed");
    }

    std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> m_buffer;
    xmlTextWriterPtr m_writer = nullptr;
};

// "Økonomiudvalget 2024-03-05, 4. Budget 2025"
std::string entry_title(const json::Value& r) {
    std::string head = string_of(r["meeting"]["committee"]);
    if (std::string date = string_of(r["meeting"]["date"]); !date.empty())
        head += (head.empty() ? "" : " ") + date;
    std::string title = r["number"].is_number() ? std::to_string(r["number"].as_int()) + ". " : "";
    title += string_of(r["title"]);
    return head.empty() ? title : head + ", " + title;
}

}  // namespace

std::string atom_feed(const SearchResult& result, const AtomOptions& options) {
    std::string updated;
    for (const auto& hit : result.hits)
        if (std::string at = string_of(hit.record["indexed_at"]); at > updated) updated = at;
    if (updated.empty()) updated = now_rfc3339();

    XmlWriter xml;
    xml.start("feed");
    xml.attribute("xmlns", kAtomNamespace);
    xml.element("title", options.title);
    xml.element("id", options.id);
    xml.element("updated", updated);
    if (!options.self_url.empty()) xml.link("self", options.self_url, "application/atom+xml");
    if (!options.alternate_url.empty()) xml.link("alternate", options.alternate_url, "text/html");
    xml.start("author");
    xml.element("name", "Referat");
    xml.end();
    xml.element("generator", "Referat");
    for (const auto& hit : result.hits) {
        const json::Value& r = hit.record;
        const std::string id = string_of(r["id"]);
        xml.start("entry");
        xml.element("id", "urn:referat:item:" + id);
        xml.element("title", entry_title(r));
        const std::string at = string_of(r["indexed_at"]);
        xml.element("updated", at.empty() ? updated : at);
        if (!options.item_url_base.empty())
            xml.link("alternate", options.item_url_base + id, "text/html");
        if (std::string committee = string_of(r["meeting"]["committee"]); !committee.empty()) {
            xml.start("author");
            xml.element("name", committee);
            xml.end();
        }
        if (std::string outcome = string_of(r["decision_outcome"]); !outcome.empty()) {
            xml.start("category");
            xml.attribute("term", outcome);
            xml.end();
        }
        std::string summary = string_of(r["decision"]);
        if (summary.empty()) summary = string_of(r["snippet"]);
        if (!summary.empty()) xml.element("summary", summary);
        xml.end();
    }
    xml.end();
    return xml.finish();
}

}  // namespace referat::query
