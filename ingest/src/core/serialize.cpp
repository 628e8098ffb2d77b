#include "referat/ingest/serialize.hpp"

namespace referat::ingest {

namespace {

json::Value strings(const std::vector<std::string>& v) {
    json::Array a;
    a.reserve(v.size());
    for (const auto& s : v) a.emplace_back(s);
    return json::Value(std::move(a));
}

std::vector<std::string> strings_from(const json::Value& v) {
    std::vector<std::string> out;
    if (!v.is_array()) return out;
    for (const auto& s : v.as_array())
        if (s.is_string()) out.push_back(s.as_string());
    return out;
}

std::optional<std::string> opt_string(const json::Value& v) {
    if (v.is_string()) return v.as_string();
    return std::nullopt;
}

json::Value person_json(const Person& p, bool with_role) {
    json::Value o = json::Value::object();
    o.set("name", p.name);
    o.set("organisation", json::opt(p.organisation));
    if (with_role) o.set("role", json::opt(p.role));
    if (p.party) o.set("party", *p.party);
    return o;
}

Person person_from(const json::Value& v) {
    return Person{v["name"].is_string() ? v["name"].as_string() : std::string(),
                  opt_string(v["organisation"]), opt_string(v["role"]), opt_string(v["party"])};
}

json::Value appointment_json(const Appointment& a, bool reported) {
    json::Value o = json::Value::object();
    o.set("person", json::opt(a.person));
    o.set("organisation", json::opt(a.organisation));
    o.set("to", a.to);
    if (reported) o.set("by", json::opt(a.by));
    return o;
}

Appointment appointment_from(const json::Value& v) {
    return Appointment{opt_string(v["person"]), opt_string(v["organisation"]),
                       v["to"].is_string() ? v["to"].as_string() : std::string(),
                       opt_string(v["by"])};
}

json::Value persons_json(const std::vector<Person>& people, bool with_role) {
    json::Value a = json::Value::array();
    for (const auto& p : people) a.push(person_json(p, with_role));
    return a;
}

}  // namespace

json::Value item_to_json(const Item& item) {
    json::Value o = json::Value::object();
    o.set("number", item.number);
    o.set("title", item.title);
    json::Value headings = json::Value::array();
    json::Value body = json::Value::array();
    for (const auto& s : item.sections) {
        // "sections" lists the headings as written; text under no heading is only in "body".
        if (!s.heading.empty()) headings.push(s.heading);
        json::Value sec = json::Value::object();
        sec.set("heading", s.heading).set("kind", s.kind).set("text", s.text);
        if (s.earlier) sec.set("earlier", true);
        body.push(std::move(sec));
    }
    o.set("sections", std::move(headings));
    o.set("subheadings", strings(item.subheadings));
    o.set("decision", json::opt(item.decision));
    o.set("decision_outcome", std::string(outcome_name(item.outcome)));
    o.set("attachments", strings(item.attachments));
    o.set("inline_attachments", strings(item.inline_attachments));
    o.set("persons_mentioned", strings(item.persons_mentioned));
    json::Value made = json::Value::array();
    for (const auto& a : item.appointments) made.push(appointment_json(a, false));
    o.set("appointments", std::move(made));
    json::Value reported = json::Value::array();
    for (const auto& a : item.appointments_reported) reported.push(appointment_json(a, true));
    o.set("appointments_reported", std::move(reported));
    // Fields beyond the gold shape.
    o.set("body", std::move(body));
    json::Value decisions = json::Value::array();
    for (const auto& d : item.decisions) {
        json::Value dj = json::Value::object();
        dj.set("text", d.text).set("body", json::opt(d.body)).set("date", json::opt(d.date));
        decisions.push(std::move(dj));
    }
    o.set("decisions", std::move(decisions));
    o.set("case_number", json::opt(item.case_number));
    o.set("closed", item.closed);
    o.set("diverges_from_recommendation", item.diverges);
    o.set("listed_only", item.listed_only);
    json::Value attendance = json::Value::array();
    for (const auto& e : item.attendance) {
        json::Value ej = json::Value::object();
        ej.set("person", e.person).set("kind", e.kind).set("text", e.text);
        attendance.push(std::move(ej));
    }
    o.set("attendance", std::move(attendance));
    json::Value votes = json::Value::array();
    for (const auto& v : item.votes) {
        json::Value vj = json::Value::object();
        vj.set("side", v.side).set("who", strings(v.parties_or_names));
        votes.push(std::move(vj));
    }
    o.set("votes", std::move(votes));
    o.set("municipalities", strings(item.municipalities));
    o.set("max_amount", item.max_amount ? json::Value(*item.max_amount) : json::Value());
    json::Value span = json::Value::object();
    span.set("begin", item.span_begin).set("end", item.span_end);
    o.set("span", std::move(span));
    json::Value lines = json::Value::object();
    lines.set("begin", item.line_begin).set("end", item.line_end);
    o.set("lines", std::move(lines));
    o.set("page", item.page);
    return o;
}

Item item_from_json(const json::Value& v) {
    Item item;
    item.number = static_cast<int>(v["number"].is_number() ? v["number"].as_int() : 0);
    item.title = v["title"].is_string() ? v["title"].as_string() : std::string();
    if (v["body"].is_array()) {
        for (const auto& s : v["body"].as_array())
            item.sections.push_back(Section{s["heading"].as_string(), s["kind"].as_string(),
                                            s["text"].as_string(),
                                            s["earlier"].is_bool() && s["earlier"].as_bool()});
    } else {
        for (const auto& h : strings_from(v["sections"])) item.sections.push_back({h, "", ""});
    }
    item.subheadings = strings_from(v["subheadings"]);
    item.decision = opt_string(v["decision"]);
    if (v["decision_outcome"].is_string())
        item.outcome = outcome_from_name(v["decision_outcome"].as_string()).value_or(Outcome::kNone);
    item.attachments = strings_from(v["attachments"]);
    item.inline_attachments = strings_from(v["inline_attachments"]);
    item.persons_mentioned = strings_from(v["persons_mentioned"]);
    if (v["appointments"].is_array())
        for (const auto& a : v["appointments"].as_array())
            item.appointments.push_back(appointment_from(a));
    if (v["appointments_reported"].is_array())
        for (const auto& a : v["appointments_reported"].as_array())
            item.appointments_reported.push_back(appointment_from(a));
    if (v["decisions"].is_array())
        for (const auto& d : v["decisions"].as_array())
            item.decisions.push_back(
                Decision{d["text"].as_string(), opt_string(d["body"]), opt_string(d["date"])});
    item.case_number = opt_string(v["case_number"]);
    item.closed = v["closed"].is_bool() && v["closed"].as_bool();
    item.diverges = v["diverges_from_recommendation"].is_bool() &&
                    v["diverges_from_recommendation"].as_bool();
    item.listed_only = v["listed_only"].is_bool() && v["listed_only"].as_bool();
    if (v["attendance"].is_array())
        for (const auto& e : v["attendance"].as_array())
            item.attendance.push_back(AttendanceEvent{e["person"].as_string(),
                                                      e["kind"].as_string(), e["text"].as_string()});
    if (v["votes"].is_array())
        for (const auto& vote : v["votes"].as_array())
            item.votes.push_back(Vote{vote["side"].as_string(), strings_from(vote["who"])});
    item.municipalities = strings_from(v["municipalities"]);
    if (v["max_amount"].is_number()) item.max_amount = v["max_amount"].as_double();
    if (v["span"].is_object()) {
        item.span_begin = static_cast<std::size_t>(v["span"]["begin"].as_int());
        item.span_end = static_cast<std::size_t>(v["span"]["end"].as_int());
    }
    if (v["lines"].is_object()) {
        item.line_begin = static_cast<int>(v["lines"]["begin"].as_int());
        item.line_end = static_cast<int>(v["lines"]["end"].as_int());
    }
    if (v["page"].is_number()) item.page = static_cast<int>(v["page"].as_int());
    return item;
}

json::Value meeting_header_to_json(const Meeting& m) {
    json::Value h = json::Value::object();
    h.set("title", m.title);
    h.set("committee", m.committee);
    h.set("date", json::opt(m.date));
    h.set("start", json::opt(m.start));
    h.set("end", json::opt(m.end));
    h.set("location", json::opt(m.location));
    h.set("published", json::opt(m.published));
    return h;
}

json::Value meeting_to_json(const Meeting& m, std::string_view source) {
    json::Value o = json::Value::object();
    o.set("source", source);
    o.set("kind", m.kind);
    o.set("layout", m.layout);
    o.set("meeting", meeting_header_to_json(m));
    o.set("participants", persons_json(m.participants, true));
    o.set("absent", persons_json(m.absent, false));
    json::Value items = json::Value::array();
    for (const auto& it : m.items) items.push(item_to_json(it));
    o.set("items", std::move(items));
    o.set("layout_confidence", m.layout_confidence);
    o.set("rules", strings(m.rules));
    o.set("warnings", strings(m.warnings));
    return o;
}

Meeting meeting_from_json(const json::Value& v) {
    Meeting m;
    m.layout = v["layout"].is_string() ? v["layout"].as_string() : std::string();
    m.kind = v["kind"].is_string() ? v["kind"].as_string() : std::string();
    const json::Value& h = v["meeting"];
    m.title = h["title"].is_string() ? h["title"].as_string() : std::string();
    m.committee = h["committee"].is_string() ? h["committee"].as_string() : std::string();
    m.date = opt_string(h["date"]);
    m.start = opt_string(h["start"]);
    m.end = opt_string(h["end"]);
    m.location = opt_string(h["location"]);
    m.published = opt_string(h["published"]);
    if (v["participants"].is_array())
        for (const auto& p : v["participants"].as_array()) m.participants.push_back(person_from(p));
    if (v["absent"].is_array())
        for (const auto& p : v["absent"].as_array()) m.absent.push_back(person_from(p));
    if (v["items"].is_array())
        for (const auto& it : v["items"].as_array()) m.items.push_back(item_from_json(it));
    if (v["layout_confidence"].is_number()) m.layout_confidence = v["layout_confidence"].as_double();
    m.rules = strings_from(v["rules"]);
    m.warnings = strings_from(v["warnings"]);
    return m;
}

}  // namespace referat::ingest
