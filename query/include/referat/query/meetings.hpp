#pragma once
// The meetings in the archive, newest first or oldest first, filtered by committee, date and
// kind: `referat meetings` and the web server's committee page.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace referat::query {

/// One meeting, from its meeting document.
struct MeetingSummary {
    std::string id;                ///< meeting document id
    std::string date;              ///< ISO date ("" when unknown)
    std::string committee;         ///< as written
    std::string title;             ///< meeting title as written
    std::string kind;              ///< "minutes" or "agenda" ("" when unknown)
    std::string location;          ///< as written ("" when not given)
    std::size_t items = 0;         ///< agenda items
    std::size_t participants = 0;  ///< persons listed as present
    std::size_t absent = 0;        ///< persons listed as absent
    std::string source;            ///< source file as ingested
};

/// Which meetings list_meetings returns.
struct MeetingFilter {
    std::vector<std::string> committees;  ///< committee names, any case (exact); empty: all
    std::optional<std::string> from;      ///< first date, as dato: takes one ("2023", "2023-06")
    std::optional<std::string> to;        ///< last date, same forms
    std::optional<std::string> kind;      ///< minutes/referat or agenda/dagsorden
    bool newest_first = false;            ///< date descending instead of ascending
};

/// The meetings matching filter, by date (meetings without a date last), then committee.
/// Throws referat::Error "invalid ..." for a malformed date or kind, and on a database error.
[[nodiscard]] std::vector<MeetingSummary> list_meetings(Xapian::Database& db,
                                                        const MeetingFilter& filter);

}  // namespace referat::query
