#pragma once
// What search and export share: compiling a request, ordering, snippets and hit records.

#include <memory>
#include <string>

#include <xapian.h>

#include "referat/query/search.hpp"

namespace referat::query::detail {

/// The request's query; throws referat::Error "invalid query: ..." when malformed.
[[nodiscard]] CompiledQuery compile_or_throw(const Xapian::Database& db,
                                             const SearchRequest& request);

/// Order enquire by sort (date sorting reads one value slot, so remote shards support it).
void apply_sort(Xapian::Enquire& enquire, SortOrder sort);

/// Matched words are marked by running the prefix-free terms through MSet::snippet.
class Snippets {
  public:
    /// Snippets for the matches of compiled, styled as request asks.
    Snippets(const Xapian::Database& db, const CompiledQuery& compiled,
             const SearchRequest& request);
    /// A snippet of text with matched words marked; "" for empty text.
    [[nodiscard]] std::string make(const std::string& text) const;

  private:
    Xapian::Enquire m_enquire;
    Xapian::MSet m_mset;
    const SearchRequest& m_request;
    Xapian::Stem m_stemmer;  // one search's words stemmed once (snippets stem every word)
};

/// The other files that publish the same agenda item as doc (schema::kSlotSameItem), as
/// [{id, source, input_type}]; empty when there are none.
[[nodiscard]] json::Value also_in(const Xapian::Database& db, const Xapian::Document& doc);

/// The hit for one match at a 1-based rank, with the item's other sources (also_in).
[[nodiscard]] Hit make_hit(const Xapian::Database& db, const Xapian::MSetIterator& it,
                           std::size_t rank, const Snippets& snippets);

}  // namespace referat::query::detail
