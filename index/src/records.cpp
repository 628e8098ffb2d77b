#include "referat/index/records.hpp"

#include <algorithm>
#include <map>

#include "referat/index/database.hpp"
#include "referat/index/schema.hpp"

namespace referat::index {

namespace {

// The counts of one part of the packed facet values (schema::kSlotFacets), most first.
std::vector<FacetCount> facet(const Xapian::ValueCountMatchSpy& spy, schema::FacetField field) {
    std::map<std::string, std::size_t, std::less<>> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string packed = *it;
        const std::string_view value = schema::unpack_facet(packed, field);
        if (!value.empty())
            counts[std::string(value)] += static_cast<std::size_t>(it.get_termfreq());
    }
    std::vector<FacetCount> out;
    for (auto& [value, count] : counts) out.push_back(FacetCount{value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace

std::optional<json::Value> find_record(Xapian::Database& db, std::string_view id) {
    const std::string term = std::string(schema::kId) + std::string(id);
    return with_reopen(db, [&]() -> std::optional<json::Value> {
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return std::nullopt;
        const std::string data = db.get_document(*it).get_data();
        auto parsed = json::parse(data);
        if (!parsed)
            throw Error("record " + std::string(id) + " in the database is not valid JSON (" +
                        parsed.error().reason + "); re-ingest its source");
        return std::move(*parsed);
    });
}

IndexStats collect_stats(Xapian::Database& db) {
    return with_reopen(db, [&]() {
        IndexStats stats;
        const std::string item_term = schema::boolean_term(schema::kTypeTerm, schema::kTypeItem);
        stats.items = db.get_termfreq(item_term);
        stats.meetings =
            db.get_termfreq(schema::boolean_term(schema::kTypeTerm, schema::kTypeMeeting));
        const std::string source_prefix(schema::kSourceTerm);
        for (auto it = db.allterms_begin(source_prefix); it != db.allterms_end(source_prefix); ++it)
            ++stats.sources;
        if (stats.items == 0) return stats;

        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(item_term));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy packed(schema::kSlotFacets);
        enquire.add_matchspy(&packed);
        const auto all = db.get_doccount();
        (void)enquire.get_mset(0, 0, all);

        stats.committees = facet(packed, schema::FacetField::kCommittee);
        stats.layouts = facet(packed, schema::FacetField::kLayout);
        stats.outcomes = facet(packed, schema::FacetField::kOutcome);
        stats.years = facet(packed, schema::FacetField::kYear);
        std::sort(stats.years.begin(), stats.years.end(),
                  [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
        return stats;
    });
}

}  // namespace referat::index
