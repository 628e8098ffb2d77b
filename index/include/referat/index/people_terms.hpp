#pragma once
// Person keys and appointment terms shared by the writer and the person commands: one
// spelling-merging PersonIndex per meeting, and appointment targets as filter values.

#include <string>
#include <string_view>

#include <xapian.h>

#include <referat/ingest/model.hpp>
#include <referat/ingest/people.hpp>

namespace referat::index {

/// A PersonIndex over one meeting's names: participants and absent first, then every item's
/// persons_mentioned, appointees (made and reported) and attendance names, in order.
[[nodiscard]] ingest::PersonIndex meeting_person_index(const ingest::Meeting& meeting);

/// The person key of a name as written in a meeting: the key of the full form the meeting's
/// index merges it with ("Mogens B. Hansen" -> key of "Mogens Bak Hansen"), else its own key.
[[nodiscard]] std::string meeting_person_key(const ingest::PersonIndex& people,
                                             std::string_view name);

/// An appointment target as a filter value: a trailing parenthetical removed, then
/// schema::term_value ("Arbejdsgruppen (revidering ...)" -> "arbejdsgruppen").
[[nodiscard]] std::string appointment_body(std::string_view to);

/// Add the kAppointmentTerm terms ("appointment" / "reported") and one kAppointedToTerm term
/// per target of an item's appointments.
void add_appointment_terms(Xapian::Document& doc, const ingest::Item& item);

}  // namespace referat::index
