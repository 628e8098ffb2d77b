#pragma once
// The document model every stage shares: what a minutes file becomes after ingest.
// Plain structs only; the functions that build and transform them live in the other headers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referat::ingest {

/// How an agenda item ended, read from its decision text (see outcome.hpp).
enum class Outcome { kNone, kApproved, kNoted, kDiscussed, kPostponed, kDecided };

/// Lower-case English name of an outcome as used in JSON and queries ("approved", ...).
[[nodiscard]] std::string_view outcome_name(Outcome outcome);
/// Inverse of outcome_name; std::nullopt for an unknown name.
[[nodiscard]] std::optional<Outcome> outcome_from_name(std::string_view name);

/// A person as written in the minutes, with what the text says about them.
struct Person {
    std::string name;
    std::optional<std::string> organisation;  ///< "Odense Kommune", "KKR", ...
    std::optional<std::string> role;          ///< "formand", "referent", "ekstern deltager", ...
    std::optional<std::string> party;         ///< party letter: "A", "V", "Ø", ...
};

/// One heading in an item's body and the text under it.
struct Section {
    std::string heading;  ///< as written, e.g. "Beslutning:" or "Indstilling"
    std::string kind;     ///< canonical kind: "baggrund", "beslutning", "bilag", ... (schema.hpp)
    std::string text;     ///< the body under the heading, normalised text
    /// An earlier (or other) treatment of the case, not this meeting: a Sagsforløb section, a
    /// decision dated another day, any decision printed in an agenda.
    bool earlier = false;
};

/// A decision as recorded under one heading (items passing several committees have several).
struct Decision {
    std::string text;                 ///< whitespace-normalised decision text
    std::optional<std::string> body;  ///< deciding body when the heading names one
    std::optional<std::string> date;  ///< ISO date when the heading gives one
};

/// Someone appointed (or reported appointed) to a body or role.
struct Appointment {
    std::optional<std::string> person;
    std::optional<std::string> organisation;
    std::string to;                 ///< body or role
    std::optional<std::string> by;  ///< who appointed, for reported appointments
};

/// An attendance fact stated for one item ("deltog ikke i behandlingen", "inhabil", ...).
struct AttendanceEvent {
    std::string person;
    std::string kind;  ///< "absent", "conflict", "left", "substitute"
    std::string text;  ///< the sentence it was read from
};

/// A vote recorded in a decision ("For stemte: V og I", "(Ø) stemte imod").
struct Vote {
    std::string side;  ///< "for", "against", "abstain"
    std::vector<std::string> parties_or_names;
};

/// One numbered agenda item.
struct Item {
    int number = 0;
    std::string title;
    std::vector<Section> sections;          ///< standard headings in order, as written
    std::vector<std::string> subheadings;   ///< other headings in the body
    std::optional<std::string> decision;    ///< this meeting's decision text, whitespace-normalised
    std::vector<Decision> decisions;        ///< earlier treatments, then the decisions by heading
    Outcome outcome = Outcome::kNone;
    std::vector<std::string> attachments;         ///< the final Bilag list
    std::vector<std::string> inline_attachments;  ///< "Bilag: ..." lines inside the body
    std::optional<std::string> case_number;       ///< "Sagsnr.", "EMN-2023-009832", ...
    bool closed = false;                          ///< "(Lukket punkt)", "Lukket: ..."
    bool diverges = false;  ///< this meeting's decision departs from the recommendation
    bool listed_only = false;  ///< only the table of contents lists it; the text has no body
    std::vector<std::string> persons_mentioned;
    std::vector<Appointment> appointments;           ///< made by this meeting
    std::vector<Appointment> appointments_reported;  ///< made elsewhere, only reported
    std::vector<AttendanceEvent> attendance;
    std::vector<Vote> votes;
    std::vector<std::string> municipalities;  ///< canonical municipality/region names mentioned
    std::optional<double> max_amount;         ///< largest money amount in kroner
    std::size_t span_begin = 0;  ///< byte offset of the item header in the normalised text
    std::size_t span_end = 0;    ///< byte offset one past the item's last byte
    int line_begin = 0;          ///< 1-based line of the item header in the normalised text
    int line_end = 0;            ///< 1-based last line of the item
    int page = 0;                ///< 1-based page of the header for paged sources, else 0
};

/// One meeting: its header fields, attendance and agenda items.
struct Meeting {
    std::string title;
    std::string committee;
    std::optional<std::string> date;       ///< ISO yyyy-mm-dd
    std::optional<std::string> start;      ///< ISO yyyy-mm-ddThh:mm
    std::optional<std::string> end;        ///< ISO yyyy-mm-ddThh:mm
    std::optional<std::string> location;
    std::optional<std::string> published;  ///< ISO yyyy-mm-dd
    std::vector<Person> participants;
    std::vector<Person> absent;
    std::vector<Item> items;
    std::string kind;                   ///< "minutes" or "agenda", from the document's words
    std::string layout;                 ///< profile that read it: "portal", "word2011", ...
    double layout_confidence = 0.0;     ///< 0..1, how sure the detector was
    std::vector<std::string> rules;     ///< names of the rules that fired (parse --explain)
    std::vector<std::string> warnings;  ///< what was missing or odd ("no date found", ...)
    std::vector<std::string> evidence;  ///< why each header field has its value (parse --explain)
    std::size_t span_begin = 0;         ///< byte offsets of the meeting in the normalised text
    std::size_t span_end = 0;
};

/// A source file after reading and segmentation.
struct Document {
    std::string source;  ///< path as given
    std::string sha256;  ///< of the source file's bytes, lower-case hex
    std::string type;    ///< detected input type: "text", "pdf", "html", "docx", "xml"
    std::string text;    ///< the normalised text that offsets refer to
    std::vector<Meeting> meetings;
    std::vector<std::string> warnings;
};

}  // namespace referat::ingest
