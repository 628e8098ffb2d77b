#pragma once
// libxml2 behind one small interface: XML and HTML held in memory parsed without network access
// or entity expansion, elements found by XPath or by local name and namespace URI, text read
// with CDATA included. The readers (DOCX, publishers' exports) use this, not libxml2 directly.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

namespace referat::ingest::read::xml {

/// A parsed XML document; empty when the bytes held no element at all.
class Document {
  public:
    /// Parse UTF-8 XML, recovering from errors as far as libxml2 can (exports are not always
    /// well-formed), never loading external entities or DTDs.
    explicit Document(std::string_view utf8);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    /// The root element, or nullptr.
    [[nodiscard]] const xmlNode* root() const;
    /// Elements an XPath expression selects, relative to at (the document when nullptr).
    [[nodiscard]] std::vector<const xmlNode*> select(std::string_view xpath,
                                                     const xmlNode* at = nullptr) const;
    /// The first selected element, or nullptr.
    [[nodiscard]] const xmlNode* first(std::string_view xpath, const xmlNode* at = nullptr) const;
    /// The string value of an XPath expression ("string(...)" is implied), "" when nothing.
    [[nodiscard]] std::string value(std::string_view xpath, const xmlNode* at = nullptr) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Local name of an element ("p" for <w:p>).
[[nodiscard]] std::string_view local_name(const xmlNode* node);
/// Namespace URI of an element, "" when it has none.
[[nodiscard]] std::string_view namespace_uri(const xmlNode* node);
/// True for an element with this local name in this namespace.
[[nodiscard]] bool is(const xmlNode* node, std::string_view ns, std::string_view name);
/// Attribute value by local name, "" when absent.
[[nodiscard]] std::string attribute(const xmlNode* node, std::string_view name);
/// All text below a node, CDATA sections included.
[[nodiscard]] std::string text(const xmlNode* node);

/// An HTML fragment (as publishers store it inside XML fields) to plain text: block elements
/// and <br> end lines, table cells are separated by a tab, entities are decoded, spaces
/// collapsed, lines trimmed and blank lines dropped.
[[nodiscard]] std::string html_fragment_to_text(std::string_view html);

}  // namespace referat::ingest::read::xml
