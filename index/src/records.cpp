#include "referat/index/records.hpp"

#include <algorithm>
#include <cmath>

#include "referat/index/database.hpp"
#include "referat/index/schema.hpp"

namespace referat::index {

namespace {

std::vector<FacetCount> facet(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetCount> out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        out.push_back(FacetCount{*it, static_cast<std::size_t>(it.get_termfreq())});
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
        Xapian::ValueCountMatchSpy committees(schema::kSlotCommittee);
        Xapian::ValueCountMatchSpy years(schema::kSlotYear);
        Xapian::ValueCountMatchSpy layouts(schema::kSlotLayout);
        Xapian::ValueCountMatchSpy outcomes(schema::kSlotOutcome);
        for (auto* spy : {&committees, &years, &layouts, &outcomes}) enquire.add_matchspy(spy);
        const auto all = db.get_doccount();
        (void)enquire.get_mset(0, 0, all);

        stats.committees = facet(committees);
        stats.layouts = facet(layouts);
        stats.outcomes = facet(outcomes);
        for (auto& year : facet(years)) {
            const double value = Xapian::sortable_unserialise(year.value);
            year.value = std::to_string(static_cast<long>(std::lround(value)));
            stats.years.push_back(std::move(year));
        }
        std::sort(stats.years.begin(), stats.years.end(),
                  [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
        return stats;
    });
}

}  // namespace referat::index
