#include "referat/index/people_terms.hpp"

#include "referat/index/schema.hpp"

namespace referat::index {

ingest::PersonIndex meeting_person_index(const ingest::Meeting& meeting) {
    ingest::PersonIndex people;
    for (const auto* list : {&meeting.participants, &meeting.absent})
        for (const auto& p : *list) people.add(p.name);
    for (const auto& item : meeting.items) {
        for (const auto& name : item.persons_mentioned) people.add(name);
        for (const auto* list : {&item.appointments, &item.appointments_reported})
            for (const auto& a : *list)
                if (a.person) people.add(*a.person);
        for (const auto& e : item.attendance) people.add(e.person);
    }
    return people;
}

std::string meeting_person_key(const ingest::PersonIndex& people, std::string_view name) {
    if (auto id = people.find(name)) return ingest::person_key(*id);
    return ingest::person_key(name);
}

std::string appointment_body(std::string_view to) {
    std::string_view body = to;
    while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
    // One trailing editorial parenthetical: "arbejdsgruppen (revidering ...)".
    if (body.ends_with(')')) {
        if (auto open = body.rfind('('); open != std::string_view::npos && open > 0)
            body = body.substr(0, open);
    }
    return schema::term_value(body);
}

void add_appointment_terms(Xapian::Document& doc, const ingest::Item& item) {
    if (!item.appointments.empty())
        doc.add_boolean_term(
            schema::boolean_term(schema::kAppointmentTerm, schema::kAppointmentMade));
    if (!item.appointments_reported.empty())
        doc.add_boolean_term(
            schema::boolean_term(schema::kAppointmentTerm, schema::kAppointmentReported));
    for (const auto* list : {&item.appointments, &item.appointments_reported})
        for (const auto& a : *list)
            if (auto body = appointment_body(a.to); !body.empty())
                doc.add_boolean_term(schema::boolean_term(schema::kAppointedToTerm, body));
}

}  // namespace referat::index
