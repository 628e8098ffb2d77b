#pragma once
// Names already known for a meeting (participants, names seen in a strong context), indexed so
// that every lookup while scanning text is a hash probe.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "people/lexicon.hpp"
#include "referat/ingest/people.hpp"

namespace referat::ingest::people {

/// Known full names by their first two words, and the set of their last words.
class KnownNames {
  public:
    KnownNames() = default;
    /// Index a list of names; one-word names are ignored.
    explicit KnownNames(const std::vector<std::string>& names);
    /// Add one name (no-op when already present or one word).
    void add(std::string_view name);
    /// Known names (as word lists) that start with words a and b, or nullptr.
    [[nodiscard]] const std::vector<std::vector<std::string>>* starting_with(
        std::string_view a, std::string_view b) const;
    /// Whether w is the last word of a known name.
    [[nodiscard]] bool has_surname(std::string_view w) const { return m_surnames.contains(w); }

  private:
    std::unordered_map<std::string, std::vector<std::vector<std::string>>, StringHash,
                       std::equal_to<>>
        m_by_start;
    WordSet m_names;
    WordSet m_surnames;
};

/// find_person_names() with a prebuilt index of known names.
[[nodiscard]] std::vector<NameMention> find_names(std::string_view text, const KnownNames& known);

/// find_appointments() with a prebuilt index of known names.
[[nodiscard]] ItemAppointments find_appointments(std::string_view decision, std::string_view body,
                                                 const KnownNames& known);

/// find_attendance() with a prebuilt index of known names.
[[nodiscard]] std::vector<AttendanceEvent> find_attendance(std::string_view text,
                                                           const KnownNames& known);

}  // namespace referat::ingest::people
