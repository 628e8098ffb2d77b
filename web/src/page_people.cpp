// People, appointments and committees: the person timeline, everyone with counts, the register
// of appointments, the committee list and a committee's meetings by year.

#include <algorithm>
#include <cstdio>
#include <map>

#include <referat/index/records.hpp>
#include <referat/query/meetings.hpp>
#include <referat/query/people.hpp>
#include <referat/query/views.hpp>

#include "layout.hpp"
#include "pages.hpp"

namespace referat::web {

namespace {

std::string link(std::string_view path, std::string_view key, std::string_view text) {
    return "<a href=\"" + escape(std::string(path) + url_encode(key)) + "\">" + escape(text) +
           "</a>";
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "–" : out;
}

std::string percent(double rate) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", rate * 100.0);
    return buffer;
}

// Runs fn with a leased handle; query errors become 400, database failures 503.
template <class Fn>
auto with_db(DatabasePool& pool, Fn&& fn) -> decltype(fn(std::declval<Xapian::Database&>())) {
    try {
        auto lease = pool.acquire();
        return fn(lease.db());
    } catch (const HttpError&) {
        throw;
    } catch (const Error& e) {
        throw http_error_from(e);
    }
}

std::optional<query::PersonTimeline> find_person(Xapian::Database& db, std::string_view key) {
    if (key.empty() || key.size() > 200) return std::nullopt;
    auto timeline = query::person_timeline(db, key);
    if (timeline) return timeline;
    // One person holding every typed word is the one meant, as in `referat person`.
    const auto candidates = query::person_candidates(db, key);
    if (std::count_if(candidates.begin(), candidates.end(),
                      [](const auto& c) { return c.exact; }) == 1 &&
        candidates.front().exact)
        return query::person_timeline(db, candidates.front().key);
    return std::nullopt;
}

std::string event_row(const query::PersonEvent& e, const std::string& name) {
    std::string out = "<tr><td>" + escape(e.date.empty() ? "–" : e.date) + "</td><td>" +
                      escape(e.kind) + "</td><td>" + link("/committee/", e.committee, e.committee) +
                      "</td><td>";
    if (e.item_number > 0)
        out += link("/item/", e.item_id, std::to_string(e.item_number) + ". " + e.title);
    else
        out += link("/meeting/", e.meeting_id, e.title.empty() ? "meeting" : e.title);
    if (!e.detail.empty()) out += " <span class=\"muted\">[" + escape(e.detail) + "]</span>";
    if (e.name != name) out += " <span class=\"muted\">(as " + escape(e.name) + ")</span>";
    return out + "</td></tr>\n";
}

}  // namespace

Reply person_page(DatabasePool& pool, std::string_view key) {
    const auto timeline = with_db(pool, [&](Xapian::Database& db) { return find_person(db, key); });
    if (!timeline) throw HttpError(404, "nobody called '" + std::string(key) + "' is in the index");
    const query::PersonTimeline& t = *timeline;
    std::string body = "<h1>" + escape(t.name) + "</h1>\n<dl class=\"facts\">\n";
    body += "<dt>Spellings</dt><dd>" + escape(joined(t.spellings)) + "</dd>\n";
    body += "<dt>Organisations</dt><dd>" + escape(joined(t.organisations)) + "</dd>\n";
    body += "<dt>Roles</dt><dd>" + escape(joined(t.roles)) + "</dd>\n";
    body += "<dt>Party</dt><dd>" + escape(joined(t.parties)) + "</dd>\n";
    std::string counts;
    for (const auto& [kind, n] : query::event_counts(t))
        counts += (counts.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    body += "<dt>Counts</dt><dd class=\"counts\">" + escape(counts.empty() ? "–" : counts) +
            "</dd>\n</dl>\n";
    body += "<p><a href=\"" + escape("/search?person=" + url_encode(t.key)) +
            "\">Items naming this person</a> · <a href=\"" +
            escape("/appointments?person=" + url_encode(t.key)) +
            "\">Appointments</a> · <a href=\"" + escape("/api/person/" + url_encode(t.key)) +
            "\">JSON</a></p>\n";
    const auto years = query::attendance_by_year(t);
    if (!years.empty()) {
        body +=
            "<section class=\"block\"><h2>Attendance per year</h2>\n<table class=\"data "
            "attendance\"><tr><th>Year</th><th class=\"num\">Attended</th><th "
            "class=\"num\">Absent</th><th class=\"num\">Rate</th><th></th></tr>\n";
        for (const auto& y : years)
            body += "<tr><td>" + escape(y.year) + "</td><td class=\"num\">" +
                    std::to_string(y.attended) + "</td><td class=\"num\">" +
                    std::to_string(y.absent) + "</td><td class=\"num\">" + percent(y.rate()) +
                    "</td><td><svg width=\"100\" height=\"10\" role=\"img\" aria-label=\"" +
                    percent(y.rate()) + "\"><rect width=\"" +
                    std::to_string(static_cast<int>(y.rate() * 100)) +
                    "\" height=\"10\" fill=\"#7aa7d6\"/></svg></td></tr>\n";
        body += "</table></section>\n";
    }
    body +=
        "<section class=\"block\"><h2>Timeline</h2>\n<table class=\"data timeline\">"
        "<tr><th>Date</th><th>What</th><th>Committee</th><th>Item or meeting</th></tr>\n";
    for (const auto& e : t.events) body += event_row(e, t.name);
    body += "</table></section>\n";
    Reply reply;
    reply.body = page({t.name, ""}, body);
    return reply;
}

Reply persons_page(DatabasePool& pool, const Params& params) {
    query::PersonsFilter filter;
    const std::string organisation = param(params, "organisation");
    const std::string committee = param(params, "committee");
    if (organisation.size() > 200 || committee.size() > 200)
        throw HttpError(400, "filters are limited to 200 bytes");
    if (!organisation.empty()) filter.organisation = organisation;
    if (!committee.empty()) filter.committee = committee;
    const auto people =
        with_db(pool, [&](Xapian::Database& db) { return query::list_persons(db, filter); });
    std::string body =
        "<h1>Persons</h1>\n<form class=\"filters-form\" action=\"/persons\" "
        "method=\"get\"><label>Organisation<input name=\"organisation\" value=\"" +
        escape(organisation) + "\"></label><label>Committee<input name=\"committee\" value=\"" +
        escape(committee) + "\"></label><button>Filter</button></form>\n";
    body += "<p class=\"summary\">" + std::to_string(people.size()) + " persons</p>\n";
    body +=
        "<table class=\"data\"><tr><th>Name</th><th class=\"num\">Items</th><th "
        "class=\"num\">Attended</th><th class=\"num\">Absent</th><th "
        "class=\"num\">Appointed</th><th>First</th><th>Last</th><th>Organisation</th></tr>\n";
    for (const auto& p : people)
        body += "<tr><td>" + link("/person/", p.key, p.name) + "</td><td class=\"num\">" +
                std::to_string(p.items) + "</td><td class=\"num\">" +
                std::to_string(p.meetings_attended) + "</td><td class=\"num\">" +
                std::to_string(p.absent) + "</td><td class=\"num\">" +
                std::to_string(p.appointments) + "</td><td>" + escape(p.first_date) + "</td><td>" +
                escape(p.last_date) + "</td><td>" +
                escape(p.organisations.empty() ? "" : p.organisations.front()) + "</td></tr>\n";
    body += "</table>\n";
    Reply reply;
    reply.body = page({"Persons", ""}, body);
    return reply;
}

Reply appointments_page(DatabasePool& pool, const Params& params) {
    query::AppointmentFilter filter;
    for (const char* name : {"q", "person", "to", "from", "until", "kind"})
        if (param(params, name).size() > 1000)
            throw HttpError(400, std::string("'") + name + "' is longer than 1000 bytes");
    filter.query = param(params, "q");
    if (!param(params, "person").empty()) filter.person = param(params, "person");
    if (!param(params, "to").empty()) filter.to = param(params, "to");
    if (!param(params, "from").empty()) filter.from = param(params, "from");
    if (!param(params, "until").empty()) filter.until = param(params, "until");
    const std::string kind = param(params, "kind");
    if (kind == "made")
        filter.made = true;
    else if (kind == "reported")
        filter.made = false;
    else if (!kind.empty())
        throw HttpError(400, "'kind' must be made or reported");
    const auto entries =
        with_db(pool, [&](Xapian::Database& db) { return query::list_appointments(db, filter); });
    std::string body =
        "<h1>Appointments</h1>\n<form class=\"filters-form\" action=\"/appointments\" "
        "method=\"get\">";
    for (const auto& [name, label] : {std::pair{"person", "Person"},
                                      {"to", "Appointed to"},
                                      {"from", "From (date)"},
                                      {"until", "Until (date)"},
                                      {"q", "Items matching"}})
        body += std::string("<label>") + label + "<input name=\"" + name + "\" value=\"" +
                escape(param(params, name)) + "\"></label>";
    body += "<label>Kind<select name=\"kind\">";
    for (const auto& [value, label] :
         {std::pair{"", "made or reported"}, {"made", "made"}, {"reported", "reported"}})
        body += std::string("<option value=\"") + value + "\"" +
                (kind == value ? " selected" : "") + ">" + label + "</option>";
    body += "</select></label><button>Filter</button></form>\n";
    body += "<p class=\"summary\">" + std::to_string(entries.size()) + " appointments</p>\n";
    body +=
        "<table class=\"data\"><tr><th>Date</th><th>Committee</th><th>Item</th><th>Person</th>"
        "<th>Appointed to</th><th>Kind</th></tr>\n";
    for (const auto& e : entries)
        body += "<tr><td>" + escape(e.date) + "</td><td>" +
                link("/committee/", e.committee, e.committee) + "</td><td>" +
                link("/item/", e.item_id, std::to_string(e.item_number) + ". " + e.title) +
                "</td><td>" +
                (e.person.empty()
                     ? "–"
                     : link("/person/", e.person_key.empty() ? e.person : e.person_key, e.person)) +
                (e.organisation.empty() ? "" : ", " + escape(e.organisation)) + "</td><td>" +
                escape(e.to) + "</td><td>" + (e.made ? "made" : "reported") +
                (e.by.empty() ? "" : " by " + escape(e.by)) + "</td></tr>\n";
    body += "</table>\n";
    Reply reply;
    reply.body = page({"Appointments", ""}, body);
    return reply;
}

Reply committees_page(DatabasePool& pool) {
    const auto stats =
        with_db(pool, [&](Xapian::Database& db) { return index::collect_stats(db); });
    std::string body =
        "<h1>Committees</h1>\n<table class=\"data\"><tr><th>Committee</th><th "
        "class=\"num\">Items</th></tr>\n";
    for (const auto& c : stats.committees)
        body += "<tr><td>" + link("/committee/", c.value, c.value) + "</td><td class=\"num\">" +
                std::to_string(c.count) + "</td></tr>\n";
    body += "</table>\n";
    Reply reply;
    reply.body = page({"Committees", ""}, body);
    return reply;
}

Reply committee_page(DatabasePool& pool, std::string_view name) {
    if (name.empty() || name.size() > 200) throw HttpError(404, "no such committee");
    query::MeetingFilter filter;
    filter.committees.emplace_back(name);
    filter.newest_first = true;
    const auto meetings =
        with_db(pool, [&](Xapian::Database& db) { return query::list_meetings(db, filter); });
    if (meetings.empty())
        throw HttpError(404, "no meetings of a committee called '" + std::string(name) + "'");
    const std::string title = meetings.front().committee;
    std::string body = "<h1>" + escape(title) + "</h1>\n<p><a href=\"" +
                       escape("/search?committee=" + url_encode(title)) +
                       "\">Search this committee's items</a></p>\n";
    std::map<std::string, std::vector<const query::MeetingSummary*>, std::greater<>> by_year;
    for (const auto& m : meetings)
        by_year[m.date.size() >= 4 ? m.date.substr(0, 4) : "no date"].push_back(&m);
    for (const auto& [year, list] : by_year) {
        body += "<section class=\"block\"><h2>" + escape(year) + " <span class=\"muted\">(" +
                std::to_string(list.size()) + " meetings)</span></h2>\n<table class=\"data\">\n";
        for (const auto* m : list)
            body += "<tr><td>" + escape(m->date.empty() ? "–" : m->date) + "</td><td>" +
                    link("/meeting/", m->id, m->title.empty() ? "meeting" : m->title) +
                    "</td><td>" + escape(m->kind) + "</td><td class=\"num\">" +
                    std::to_string(m->items) + " items</td><td class=\"num\">" +
                    std::to_string(m->participants) + " present, " + std::to_string(m->absent) +
                    " absent</td></tr>\n";
        body += "</table></section>\n";
    }
    Reply reply;
    reply.body = page({title, ""}, body);
    return reply;
}

}  // namespace referat::web
