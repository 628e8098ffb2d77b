// JSON views shared by the CLI and the web server.

#include <map>

#include <referat/query/views.hpp>

namespace referat::query {

namespace {

json::Value strings(const std::vector<std::string>& list) {
    json::Value out = json::Value::array();
    for (const auto& s : list) out.push(s);
    return out;
}

json::Value event_json(const PersonEvent& e) {
    json::Value o = json::Value::object();
    o.set("kind", e.kind);
    o.set("name", e.name);
    o.set("date", e.date);
    o.set("committee", e.committee);
    o.set("meeting_id", e.meeting_id);
    o.set("item_number", e.item_number);
    o.set("title", e.title);
    o.set("item_id", e.item_id);
    o.set("detail", e.detail);
    return o;
}

}  // namespace

std::vector<std::pair<std::string, std::size_t>> event_counts(const PersonTimeline& timeline) {
    std::map<std::string, std::size_t> counts;
    for (const auto& e : timeline.events) ++counts[e.kind];
    return {counts.begin(), counts.end()};
}

std::vector<YearAttendance> attendance_by_year(const PersonTimeline& timeline) {
    std::map<std::string, YearAttendance> years;
    for (const auto& e : timeline.events) {
        if (e.date.size() < 4 || (e.kind != "attended" && e.kind != "absent")) continue;
        YearAttendance& y = years[e.date.substr(0, 4)];
        y.year = e.date.substr(0, 4);
        ++(e.kind == "attended" ? y.attended : y.absent);
    }
    std::vector<YearAttendance> out;
    for (auto& [year, a] : years) out.push_back(a);
    return out;
}

json::Value timeline_to_json(const PersonTimeline& timeline) {
    json::Value o = json::Value::object();
    o.set("key", timeline.key);
    o.set("name", timeline.name);
    o.set("spellings", strings(timeline.spellings));
    o.set("organisations", strings(timeline.organisations));
    o.set("roles", strings(timeline.roles));
    o.set("parties", strings(timeline.parties));
    json::Value counts = json::Value::object();
    for (const auto& [kind, n] : event_counts(timeline)) counts.set(kind, n);
    o.set("counts", std::move(counts));
    json::Value years = json::Value::array();
    for (const auto& y : attendance_by_year(timeline)) {
        json::Value yj = json::Value::object();
        yj.set("year", y.year).set("attended", y.attended).set("absent", y.absent);
        yj.set("rate", y.rate());
        years.push(std::move(yj));
    }
    o.set("attendance_by_year", std::move(years));
    json::Value events = json::Value::array();
    for (const auto& e : timeline.events) events.push(event_json(e));
    o.set("events", std::move(events));
    return o;
}

json::Value person_summary_to_json(const PersonSummary& p) {
    json::Value o = json::Value::object();
    o.set("key", p.key);
    o.set("name", p.name);
    o.set("spellings", p.spellings);
    o.set("items", p.items);
    o.set("meetings_attended", p.meetings_attended);
    o.set("absent", p.absent);
    o.set("appointments", p.appointments);
    o.set("organisations", strings(p.organisations));
    o.set("first_date", p.first_date);
    o.set("last_date", p.last_date);
    return o;
}

json::Value appointment_to_json(const AppointmentEntry& e) {
    json::Value o = json::Value::object();
    o.set("date", e.date);
    o.set("committee", e.committee);
    o.set("meeting_id", e.meeting_id);
    o.set("item_number", e.item_number);
    o.set("title", e.title);
    o.set("item_id", e.item_id);
    o.set("person", e.person);
    o.set("person_key", e.person_key);
    o.set("organisation", e.organisation);
    o.set("to", e.to);
    o.set("kind", e.made ? "made" : "reported");
    o.set("by", e.by);
    return o;
}

json::Value meeting_summary_to_json(const MeetingSummary& m) {
    json::Value o = json::Value::object();
    o.set("id", m.id);
    o.set("date", m.date);
    o.set("committee", m.committee);
    o.set("title", m.title);
    o.set("kind", m.kind);
    o.set("location", m.location);
    o.set("items", m.items);
    o.set("participants", m.participants);
    o.set("absent", m.absent);
    o.set("source", m.source);
    return o;
}

}  // namespace referat::query
