#pragma once
// People in the archive: one person's timeline, everyone with counts, and the register of
// appointments. Spellings are merged per meeting as the writer does (index/people_terms.hpp),
// and across meetings by person key.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace referat::query {

/// One thing the minutes say about a person.
struct PersonEvent {
    std::string kind;        ///< attended, absent, mentioned, appointed, reported, left, ...
    std::string name;        ///< the person as written there
    std::string date;        ///< ISO date of the meeting ("" when unknown)
    std::string committee;   ///< committee of the meeting
    std::string meeting_id;  ///< meeting document id
    int item_number = 0;     ///< agenda item number, 0 for meeting-level events
    std::string title;       ///< item title, or meeting title for meeting-level events
    std::string item_id;     ///< item document id ("" for meeting-level events)
    std::string detail;      ///< body appointed to, "by" of a reported appointment, sentence
};

/// Everything known about one person, events in date order.
struct PersonTimeline {
    std::string key;                         ///< person_key of the person
    std::string name;                        ///< most frequent spelling
    std::vector<std::string> spellings;      ///< every spelling seen, most frequent first
    std::vector<std::string> organisations;  ///< as written, first seen first
    std::vector<std::string> roles;          ///< from participant lists
    std::vector<std::string> parties;        ///< party letters
    std::vector<PersonEvent> events;         ///< chronological
};

/// The person a name refers to: by person key, else by PersonIndex variant rules (initials,
/// dropped middle names, genitive, close spellings) against every key in the index. Returns
/// std::nullopt when nobody fits. Throws referat::Error on a database error.
[[nodiscard]] std::optional<std::string> resolve_person(Xapian::Database& db,
                                                        std::string_view name);

/// The timeline of the person a name refers to; std::nullopt when nobody fits.
/// Throws referat::Error on a database error.
[[nodiscard]] std::optional<PersonTimeline> person_timeline(Xapian::Database& db,
                                                            std::string_view name);

/// A person a name may mean, when it names nobody exactly.
struct PersonCandidate {
    std::string key;     ///< person key
    std::string name;    ///< most frequent spelling
    bool exact = false;  ///< every typed word is a word of the name (no typo)
};

/// People whose person key holds every word of name, or whose key words are all in name,
/// each word as written or within a typo (one edit for 5 to 7 letters, two for longer), in
/// any order ("Kjeldsen", "Kjeldsen, Jesper", "Kjeldsn"); fewest edits first, at most limit.
/// Throws referat::Error on a database error.
[[nodiscard]] std::vector<PersonCandidate> person_candidates(Xapian::Database& db,
                                                             std::string_view name,
                                                             std::size_t limit = 10);

/// One person with counts, for `referat persons`.
struct PersonSummary {
    std::string key;                         ///< person key
    std::string name;                        ///< most frequent spelling
    std::size_t spellings = 0;               ///< number of distinct spellings
    std::size_t items = 0;                   ///< items mentioning the person in any way
    std::size_t meetings_attended = 0;       ///< meetings listing the person as participant
    std::size_t absent = 0;                  ///< meetings listing the person as absent
    std::size_t appointments = 0;            ///< appointments made or reported
    std::vector<std::string> organisations;  ///< as written, first seen first
    std::string first_date;                  ///< ISO date of the first event ("" if none)
    std::string last_date;                   ///< ISO date of the last event
};

/// Which people `referat persons` lists.
struct PersonsFilter {
    std::optional<std::string> organisation;  ///< substring of an organisation, any case
    std::optional<std::string> committee;     ///< committee name, any case (exact)
};

/// Everyone in the index, by number of items descending, then meetings attended, then name. Throws
/// referat::Error on a database error.
[[nodiscard]] std::vector<PersonSummary> list_persons(Xapian::Database& db,
                                                      const PersonsFilter& filter = {});

/// One appointment in the register.
struct AppointmentEntry {
    std::string date;          ///< ISO date of the meeting
    std::string committee;     ///< committee of the meeting
    std::string meeting_id;    ///< meeting document id
    int item_number = 0;       ///< agenda item number
    std::string title;         ///< item title
    std::string item_id;       ///< item document id
    std::string person;        ///< as written ("" when the text names nobody)
    std::string person_key;    ///< merged key ("" when no person)
    std::string organisation;  ///< of the appointee, "" when not stated
    std::string to;            ///< body or role appointed to
    bool made = true;          ///< made by this meeting, else only reported
    std::string by;            ///< who appointed, for reported appointments
};

/// Which appointments `referat appointments` lists.
struct AppointmentFilter {
    std::string query;                  ///< search query the item must match ("" = any)
    std::optional<std::string> person;  ///< the appointee, any spelling
    std::optional<std::string> to;      ///< words of the body, any case
    std::optional<std::string> from;    ///< first date, as dato: takes one ("2023", "2023-06")
    std::optional<std::string> until;   ///< last date, same forms
    std::optional<bool> made;           ///< true: made only, false: reported only
};

/// The appointments matching filter, by date, then item number. Throws referat::Error for a
/// malformed date or query and on a database error.
[[nodiscard]] std::vector<AppointmentEntry> list_appointments(Xapian::Database& db,
                                                              const AppointmentFilter& filter);

}  // namespace referat::query
