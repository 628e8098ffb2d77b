#pragma once
// Meeting and Item -> Xapian::Document: text under the schema prefixes, filter terms, value
// slots and the JSON record. The one place that decides what is indexed and how.

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include <referat/ingest/model.hpp>
#include <referat/ingest/people.hpp>

namespace referat::index::detail {

/// Where a meeting came from, shared by its documents.
struct Provenance {
    const ingest::Document* document = nullptr;  ///< source path, sha256, input type
    std::string source_term;                     ///< kSourceTerm + sha256(source path)
    std::size_t meeting_index = 0;               ///< 0-based ordinal of the meeting in the file
    std::string meeting_id;
    /// The meeting's names with their spelling variants merged (meeting_person_index), built
    /// once per meeting and shared by the meeting's documents.
    ingest::PersonIndex people;
};

/// Builds documents with one TermGenerator, stopper and cached stemmer reused for all of them.
class DocumentBuilder {
  public:
    DocumentBuilder();
    DocumentBuilder(const DocumentBuilder&) = delete;
    DocumentBuilder& operator=(const DocumentBuilder&) = delete;

    /// The document of one agenda item, its record carrying the meeting header and provenance.
    [[nodiscard]] Xapian::Document item_document(const Provenance& from,
                                                 const ingest::Meeting& meeting,
                                                 const ingest::Item& item, const std::string& id);
    /// The document of a meeting; item_ids are the ids given to its items, in order.
    [[nodiscard]] Xapian::Document meeting_document(const Provenance& from,
                                                    const ingest::Meeting& meeting,
                                                    const std::vector<std::string>& item_ids);
    /// Bytes of text indexed since the last call (drives commit by volume).
    [[nodiscard]] std::size_t take_text_bytes();

  private:
    void begin(Xapian::Document& doc);
    /// text as body text, and as field text when field is a prefix (schema::kFieldPrefixes).
    void text(std::string_view text, std::string_view field);
    void common_terms(Xapian::Document& doc, const Provenance& from, const ingest::Meeting& meeting,
                      std::string_view type, const std::string& id, std::string_view outcome);

    Xapian::SimpleStopper m_stopper;  // must outlive m_terms, which points at it
    Xapian::TermGenerator m_terms;
    std::size_t m_text_bytes = 0;
};

/// "yyyymmdd" from an ISO date "yyyy-mm-dd..."; empty when the date is not of that shape.
[[nodiscard]] std::string compact_date(std::string_view iso);

}  // namespace referat::index::detail
