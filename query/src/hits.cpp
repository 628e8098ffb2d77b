#include "hits.hpp"

#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>

#include "record.hpp"

namespace referat::query::detail {

namespace schema = index::schema;

CompiledQuery compile_or_throw(const Xapian::Database& db, const SearchRequest& request) {
    auto compiled = compile_query(db, request.text, request.filters);
    if (!compiled) throw Error("invalid query: " + compiled.error().reason);
    return *std::move(compiled);
}

void apply_sort(Xapian::Enquire& enquire, SortOrder sort) {
    if (sort == SortOrder::kRelevance) return;
    // The sort key is the date followed by the item number: within a meeting, agenda order.
    enquire.set_sort_by_value_then_relevance(schema::kSlotSortKey,
                                             sort == SortOrder::kDateDescending);
}

Snippets::Snippets(const Xapian::Database& db, const CompiledQuery& compiled,
                   const SearchRequest& request)
    : m_enquire(db), m_request(request) {
    m_enquire.set_query(compiled.highlight);
    m_mset = m_enquire.get_mset(0, 0);
}

std::string Snippets::make(const std::string& text) const {
    if (text.empty()) return {};
    return m_mset.snippet(
        text, m_request.snippet_length, Xapian::Stem(std::string(schema::kStemLanguage)),
        Xapian::MSet::SNIPPET_EXHAUSTIVE, m_request.mark_start, m_request.mark_end, "…");
}

Hit make_hit(const Xapian::MSetIterator& it, std::size_t rank, const Snippets& snippets) {
    Hit hit;
    hit.rank = rank;
    hit.percent = it.get_percent();
    const Xapian::Document doc = it.get_document();
    const std::string data = doc.get_data();
    hit.record = item_record(data);
    hit.record.set("rank", rank);
    hit.record.set("relevance", hit.percent);
    hit.record.set("snippet", snippets.make(snippet_text(data)));
    return hit;
}

}  // namespace referat::query::detail
