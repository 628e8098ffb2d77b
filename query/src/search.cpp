#include "referat/query/search.hpp"

#include <memory>

#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>
#include <referat/query/suggest.hpp>

#include "facets.hpp"
#include "record.hpp"

namespace referat::query {

namespace schema = index::schema;

namespace {

CompiledQuery compile_or_throw(const Xapian::Database& db, const SearchRequest& request) {
    auto compiled = compile_query(db, request.text, request.filters);
    if (!compiled) throw Error("invalid query: " + compiled.error().reason);
    return *std::move(compiled);
}

void check_facets(const std::vector<std::string>& facets) {
    for (const auto& name : facets) {
        if (detail::facet_slot(name)) continue;
        std::string known;
        for (const auto& f : facet_names()) known += (known.empty() ? "" : ", ") + f;
        throw Error("unknown facet '" + name + "' (facets: " + known + ")");
    }
}

// Sort keys live as long as the enquire that uses them.
void apply_sort(Xapian::Enquire& enquire, SortOrder sort,
                std::unique_ptr<Xapian::MultiValueKeyMaker>& keys) {
    if (sort == SortOrder::kRelevance) return;
    keys = std::make_unique<Xapian::MultiValueKeyMaker>();
    bool descending = sort == SortOrder::kDateDescending;
    keys->add_value(schema::kSlotDate, descending);
    // Within a meeting, agenda order.
    keys->add_value(schema::kSlotItemNumber, descending);
    enquire.set_sort_by_key_then_relevance(keys.get(), false);
}

// Matched words are marked by running the prefix-free terms through MSet::snippet.
class Snippets {
  public:
    Snippets(const Xapian::Database& db, const CompiledQuery& compiled,
             const SearchRequest& request)
        : m_enquire(db), m_request(request) {
        m_enquire.set_query(compiled.highlight);
        m_mset = m_enquire.get_mset(0, 0);
    }

    std::string make(const std::string& text) const {
        if (text.empty()) return {};
        return m_mset.snippet(
            text, m_request.snippet_length, Xapian::Stem(std::string(schema::kStemLanguage)),
            Xapian::MSet::SNIPPET_EXHAUSTIVE, m_request.mark_start, m_request.mark_end, "…");
    }

  private:
    Xapian::Enquire m_enquire;
    Xapian::MSet m_mset;
    const SearchRequest& m_request;
};

Hit make_hit(const Xapian::MSetIterator& it, std::size_t rank, const Snippets& snippets) {
    Hit hit;
    hit.rank = rank;
    hit.percent = it.get_percent();
    const Xapian::Document doc = it.get_document();
    hit.record = detail::item_record(doc.get_data());
    hit.record.set("rank", rank);
    hit.record.set("relevance", hit.percent);
    hit.record.set("snippet", snippets.make(detail::snippet_text(doc.get_data())));
    return hit;
}

}  // namespace

std::optional<SortOrder> sort_order_from(std::string_view text) {
    if (text == "relevance" || text == "relevans") return SortOrder::kRelevance;
    if (text == "date" || text == "+date" || text == "dato") return SortOrder::kDateAscending;
    if (text == "-date" || text == "-dato") return SortOrder::kDateDescending;
    return std::nullopt;
}

const std::vector<std::string>& facet_names() {
    static const std::vector<std::string> kNames{"committee", "year",   "outcome",
                                                 "layout",    "person", "municipality"};
    return kNames;
}

SearchResult search(Xapian::Database& db, const SearchRequest& request) {
    check_facets(request.facets);
    return index::with_reopen(db, [&] {
        CompiledQuery compiled = compile_or_throw(db, request);
        SearchResult result;
        result.text = request.text;
        Xapian::Enquire enquire(db);
        enquire.set_query(compiled.query);
        std::unique_ptr<Xapian::MultiValueKeyMaker> keys;
        apply_sort(enquire, request.sort, keys);
        std::vector<std::unique_ptr<detail::FacetCounter>> counters;
        for (const auto& name : request.facets) {
            counters.push_back(std::make_unique<detail::FacetCounter>(*detail::facet_slot(name)));
            enquire.add_matchspy(counters.back()->spy());
        }
        // checkatleast = every document: the total and the facet counts are exact.
        Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                             static_cast<Xapian::doccount>(request.limit), db.get_doccount());
        result.total = mset.get_matches_estimated();
        Snippets snippets(db, compiled, request);
        std::size_t rank = request.offset;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            result.hits.push_back(make_hit(it, ++rank, snippets));
        for (const auto& c : counters) result.facets.push_back(c->result());
        enquire.clear_matchspies();
        if (result.total == 0) result.suggestion = suggest_query(db, request.text, compiled.words);
        return result;
    });
}

std::size_t export_matches(Xapian::Database& db, const SearchRequest& request,
                           const std::function<void(const Hit&)>& sink, std::size_t chunk) {
    if (chunk == 0) chunk = 1;
    return index::with_reopen(db, [&] {
        CompiledQuery compiled = compile_or_throw(db, request);
        Xapian::Enquire enquire(db);
        enquire.set_query(compiled.query);
        std::unique_ptr<Xapian::MultiValueKeyMaker> keys;
        apply_sort(enquire, request.sort, keys);
        Snippets snippets(db, compiled, request);
        std::size_t count = 0;
        for (;;) {
            Xapian::MSet page = enquire.get_mset(static_cast<Xapian::doccount>(count),
                                                 static_cast<Xapian::doccount>(chunk));
            for (auto it = page.begin(); it != page.end(); ++it) {
                ++count;
                sink(make_hit(it, count, snippets));
            }
            if (page.size() < chunk) break;
        }
        return count;
    });
}

}  // namespace referat::query
