// The meeting list: meeting documents matched by boolean terms and a date range, read back from
// their stored records.

#include <algorithm>
#include <tuple>

#include <referat/index/database.hpp>
#include <referat/index/records.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>
#include <referat/ingest/json.hpp>
#include <referat/query/meetings.hpp>
#include <referat/query/ranges.hpp>

namespace referat::query {

namespace {

namespace schema = index::schema;

std::string string_of(const json::Value& v) { return v.is_string() ? v.as_string() : ""; }

// A --from/--to bound: the first or last day the date covers, as "yyyymmdd".
std::string day_bound(const std::string& text, bool first) {
    if (text.find("..") != std::string::npos)
        throw Error("invalid date '" + text + "': give one date, not a range");
    auto range = parse_date_range(text);
    if (!range) throw Error("invalid date: " + range.error().reason);
    return first ? range->from : range->to;
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> parts;
    for (const auto& t : terms) parts.emplace_back(t);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

MeetingSummary summary_of(const Xapian::Document& doc) {
    MeetingSummary m;
    auto parsed = json::parse(index::record_json(doc));
    if (!parsed || !parsed->is_object()) return m;
    const json::Value& r = *parsed;
    const json::Value& header = r["meeting"];
    m.id = string_of(r["id"]);
    m.date = string_of(header["date"]);
    m.committee = string_of(header["committee"]);
    m.title = string_of(header["title"]);
    m.location = string_of(header["location"]);
    m.kind = string_of(r["kind"]);
    m.source = string_of(r["source"]);
    m.items = r["items"].is_array() ? r["items"].size() : 0;
    m.participants = r["participants"].is_array() ? r["participants"].size() : 0;
    m.absent = r["absent"].is_array() ? r["absent"].size() : 0;
    return m;
}

}  // namespace

std::vector<MeetingSummary> list_meetings(Xapian::Database& db, const MeetingFilter& filter) {
    Xapian::Query query(schema::boolean_term(schema::kTypeTerm, schema::kTypeMeeting));
    if (!filter.committees.empty()) {
        std::vector<std::string> terms;
        for (const auto& c : filter.committees)
            terms.push_back(schema::boolean_term(schema::kCommitteeTerm, c));
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, any_of(terms));
    }
    if (filter.kind) {
        auto kind = parse_kind(*filter.kind);
        if (!kind) throw Error("invalid kind: " + kind.error().reason);
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(schema::boolean_term(schema::kKindTerm, *kind)));
    }
    if (filter.from || filter.to) {
        DayRange range{filter.from ? day_bound(*filter.from, true) : "",
                       filter.to ? day_bound(*filter.to, false) : ""};
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, date_query(range));
    }
    return index::with_reopen(db, [&] {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        std::vector<MeetingSummary> out;
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it)
            out.push_back(summary_of(it.get_document()));
        std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
            if (a.date.empty() != b.date.empty()) return b.date.empty();
            if (a.date != b.date) return filter.newest_first ? a.date > b.date : a.date < b.date;
            return std::tie(a.committee, a.id) < std::tie(b.committee, b.id);
        });
        return out;
    });
}

}  // namespace referat::query
