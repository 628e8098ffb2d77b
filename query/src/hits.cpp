#include "hits.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include <referat/index/analyzer.hpp>
#include <referat/index/records.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>
#include <referat/ingest/utf8.hpp>

#include "record.hpp"

namespace referat::query::detail {

namespace schema = index::schema;

CompiledQuery compile_or_throw(const Xapian::Database& db, const SearchRequest& request) {
    auto compiled = compile_query(db, request.text, request.filters, request.max_wildcard_terms);
    if (!compiled) throw Error("invalid query: " + compiled.error().reason);
    return *std::move(compiled);
}

void apply_sort(Xapian::Enquire& enquire, SortOrder sort) {
    if (sort == SortOrder::kRelevance) return;
    if (sort == SortOrder::kIndexedDescending) {
        enquire.set_sort_by_value_then_relevance(schema::kSlotIndexed, true);
        return;
    }
    // The sort key is the date followed by the item number: within a meeting, agenda order.
    enquire.set_sort_by_value_then_relevance(schema::kSlotSortKey,
                                             sort == SortOrder::kDateDescending);
}

Snippets::Snippets(const Xapian::Database& db, const CompiledQuery& compiled,
                   const SearchRequest& request)
    : m_enquire(db), m_request(request), m_stemmer(index::cached_text_stemmer()) {
    m_enquire.set_query(compiled.highlight);
    m_mset = m_enquire.get_mset(0, 0);
}

namespace {

// MSet::snippet writes HTML (& < > escaped); search output is plain text, and HTML is escaped
// by whoever renders it, once.
std::string unescape_html(std::string_view html) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        bool replaced = false;
        if (html[i] == '&')
            for (const auto& [entity, c] : kEntities)
                if (html.compare(i, entity.size(), entity) == 0) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
        if (!replaced) out += html[i++];
    }
    return out;
}

std::size_t code_points(std::string_view s) { return utf8::length(s); }

// Characters a reader sees: the marks around matched words do not count.
std::size_t visible_length(std::string_view s, std::string_view start, std::string_view end) {
    std::size_t marks = 0;
    for (auto mark : {start, end}) {
        if (mark.empty()) continue;
        for (auto at = s.find(mark); at != std::string_view::npos; at = s.find(mark, at + 1))
            marks += code_points(mark);
    }
    return code_points(s) - std::min(marks, code_points(s));
}

}  // namespace

std::string Snippets::make(const std::string& text) const {
    if (text.empty()) return {};
    const Xapian::Stem& stemmer = m_stemmer;
    const std::size_t wanted = m_request.snippet_length;
    // MSet::snippet budgets bytes; æ, ø, å and dashes take two or three. The first budget
    // assumes the text's own bytes per character; a snippet that comes out longer than asked is
    // tried again with the excess taken off, one that comes out shorter with the missing
    // characters added, keeping the longest snippet within the asked length. Xapian stops at
    // the first window that holds every matched word instead of weighing every window (several
    // times faster on long items).
    const std::size_t chars = code_points(text);
    std::size_t bytes = chars == 0 ? wanted : std::max(wanted, wanted * text.size() / chars);
    std::string out;
    for (int attempt = 0; attempt < 4; ++attempt) {
        std::string next = unescape_html(
            m_mset.snippet(text, bytes, stemmer, 0, m_request.mark_start, m_request.mark_end, "…"));
        const std::size_t got = visible_length(next, m_request.mark_start, m_request.mark_end);
        // The ellipses at either end do not count either.
        if (got > wanted + 2) {
            if (!out.empty()) break;
            if (bytes <= wanted) {  // cannot happen: a character takes at least one byte
                out = std::move(next);
                break;
            }
            bytes = std::max(wanted, bytes - std::min(bytes, got - wanted));
            continue;
        }
        out = std::move(next);
        if (got >= wanted || bytes >= text.size()) break;
        bytes += wanted - got;
    }
    return out;
}

json::Value also_in(const Xapian::Database& db, const Xapian::Document& doc) {
    json::Value out = json::Value::array();
    const std::string key = doc.get_value(schema::kSlotSameItem);
    if (key.empty()) return out;
    const std::string term = schema::boolean_term(schema::kSameItemTerm, key);
    if (db.get_termfreq(term) < 2) return out;
    const std::string own = doc.get_data();  // packed: equal bytes are equal records
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        const Xapian::Document other = db.get_document(*p);
        const std::string data = other.get_data();
        if (data == own) continue;
        const json::Value record = item_record(index::record_json(data));
        json::Value source = json::Value::object();
        source.set("id", record["id"]);
        source.set("source", record["source"]);
        source.set("input_type", record["input_type"]);
        out.push(std::move(source));
    }
    return out;
}

Hit make_hit(const Xapian::Database& db, const Xapian::MSetIterator& it, std::size_t rank,
             const Snippets& snippets) {
    Hit hit;
    hit.rank = rank;
    hit.percent = it.get_percent();
    const Xapian::Document doc = it.get_document();
    const json::Value data = parse_stored(index::record_json(doc));
    hit.record = item_record_of(data);
    hit.record.set("rank", rank);
    hit.record.set("relevance", hit.percent);
    hit.record.set("snippet", snippets.make(snippet_text(data)));
    const std::string at = doc.get_value(schema::kSlotIndexed);
    hit.record.set("indexed_at", at.empty()
                                     ? json::Value()
                                     : json::Value(indexed_time(Xapian::sortable_unserialise(at))));
    hit.record.set("also_in", also_in(db, doc));
    return hit;
}

}  // namespace referat::query::detail
