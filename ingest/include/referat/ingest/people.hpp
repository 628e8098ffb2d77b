#pragma once
// People, places, appointments, attendance, votes and amounts read from a segmented meeting.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <referat/ingest/model.hpp>

namespace referat::ingest {

/// Fill persons_mentioned, appointments, attendance, votes, municipalities and max_amount of
/// every item, and organisation/role/party of participants, from the text already segmented.
/// Item text is taken from the sections, decision and title.
void extract_people(Meeting& meeting);

/// As extract_people(meeting), reading each item's full text from its span in the normalised
/// text the meeting was segmented from (text outside standard sections included).
void extract_people(Meeting& meeting, std::string_view normalised_text);

/// Stable id for a person name, merging spelling variants ("Mogens B. Hansen" and
/// "Mogens Bak Hansen" get one id); used by the index and the person commands.
[[nodiscard]] std::string person_key(std::string_view name);

/// A person key shown as a name: each word and each part after a hyphen capitalised ("anne-mette
/// dalgaard" -> "Anne-Mette Dalgaard"), name particles inside a name left lower-case ("lars von
/// trier" -> "Lars von Trier"). Keys hold the words of capitalised names (names are found as
/// runs of capitalised words), so this is how the documents write them, save for inner capitals
/// ("Mcbride").
[[nodiscard]] std::string person_display(std::string_view key);

/// A person name found in running text.
struct NameMention {
    std::string name;       ///< as written, spaces collapsed, genitive -s removed
    std::size_t begin = 0;  ///< byte range of the name in the text searched
    std::size_t end = 0;
    std::optional<std::string> organisation;  ///< "Name, Odense Kommune" / "Name (KKR)"
};

/// Person names in text, in order of appearance. A name starts with a Danish first name (or is
/// one of `known`, or stands right before ", X Kommune") and runs over capitalised words on one
/// line; job titles before it are not part of it.
[[nodiscard]] std::vector<NameMention> find_person_names(
    std::string_view text, const std::vector<std::string>& known = {});

/// People read from a participant list, present and absent apart.
struct PersonList {
    std::vector<Person> present;
    std::vector<Person> absent;
};
/// Parse a participant list as written after "Deltagere:" / "Mødedeltagere:" / "Afbud:":
/// "Name, Org, Name, Org (referent)", "Name (A)", "Name, V", "Name (*Fraværende*)".
[[nodiscard]] PersonList parse_person_list(std::string_view text);

/// Appointments read from one item.
struct ItemAppointments {
    std::vector<Appointment> made;      ///< made by this meeting (decision text)
    std::vector<Appointment> reported;  ///< made by another body and only reported
};
/// Appointments in an item: `decision` is the decision text, `body` the whole item text.
[[nodiscard]] ItemAppointments find_appointments(std::string_view decision, std::string_view body,
                                                 const std::vector<std::string>& known = {});

/// Attendance facts: "deltog ikke i behandlingen", "inhabil", "forlod mødet", "stedfortræder".
[[nodiscard]] std::vector<AttendanceEvent> find_attendance(
    std::string_view text, const std::vector<std::string>& known = {});

/// Votes: "For stemte: V og I", "(Ø) stemte imod", "undlod at stemme".
[[nodiscard]] std::vector<Vote> find_votes(std::string_view text);

/// Canonical names of municipalities and regions mentioned, in order of first mention.
[[nodiscard]] std::vector<std::string> find_municipalities(std::string_view text);

/// Kroner value of one amount as written: "813.000 kr.", "251,6 mio. kr.", "1,2 mia. kr.".
[[nodiscard]] std::optional<double> parse_amount(std::string_view text);

/// Largest money amount in kroner in text, if any.
[[nodiscard]] std::optional<double> max_amount(std::string_view text);

/// Groups spelling variants of person names under one id. Variants merge when the first names
/// agree and the rest is compatible: initials ("B." = "Bak"), dropped middle names, genitive -s,
/// and close spellings ("Juul"/"Juhl") when exactly one known person fits.
class PersonIndex {
  public:
    /// Add a name; returns its id (the first full form seen for that person).
    std::string add(std::string_view name);
    /// Id of a name without adding it; std::nullopt when no known person fits.
    [[nodiscard]] std::optional<std::string> find(std::string_view name) const;
    /// All ids, in order of first addition.
    [[nodiscard]] const std::vector<std::string>& ids() const { return m_ids; }
    /// Every surface form seen for an id.
    [[nodiscard]] std::vector<std::string> forms(std::string_view id) const;

    /// A name split for matching: lower-case first, middle (initials without the period) and
    /// last names.
    struct Parts {
        std::string first;
        std::vector<std::string> middle;
        std::string last;
    };

  private:
    struct Entry {
        std::string id;
        std::string form;
        Parts parts;  // split once, compared on every find()
    };
    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::size_t> m_by_form;  // form -> index in m_entries
    std::vector<std::string> m_ids;
};

}  // namespace referat::ingest
