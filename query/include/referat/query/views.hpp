#pragma once
// The JSON views of people, appointments and meetings, shared by the CLI (--format json) and the
// web server (pages and /api/), so a field added here shows in both.

#include <cstddef>
#include <string>
#include <vector>

#include <referat/ingest/json.hpp>
#include <referat/query/meetings.hpp>
#include <referat/query/people.hpp>

namespace referat::query {

/// Attendance in one year of a person's timeline.
struct YearAttendance {
    std::string year;          ///< "2023"
    std::size_t attended = 0;  ///< meetings attended
    std::size_t absent = 0;    ///< meetings missed
    /// attended / (attended + absent), 0 when neither.
    [[nodiscard]] double rate() const {
        const std::size_t all = attended + absent;
        return all == 0 ? 0.0 : static_cast<double>(attended) / static_cast<double>(all);
    }
};

/// Number of events of each kind in a timeline ("attended" -> 12, ...), kinds in name order.
[[nodiscard]] std::vector<std::pair<std::string, std::size_t>> event_counts(
    const PersonTimeline& timeline);

/// Meetings attended and missed per year, years ascending (events without a date left out).
[[nodiscard]] std::vector<YearAttendance> attendance_by_year(const PersonTimeline& timeline);

/// `referat person --format json` and /api/person: key, name, spellings, organisations, roles,
/// parties, counts, attendance_by_year, events.
[[nodiscard]] json::Value timeline_to_json(const PersonTimeline& timeline);

/// One row of `referat persons --format json`.
[[nodiscard]] json::Value person_summary_to_json(const PersonSummary& person);

/// One row of `referat appointments --format json`.
[[nodiscard]] json::Value appointment_to_json(const AppointmentEntry& entry);

/// One row of `referat meetings --format json`.
[[nodiscard]] json::Value meeting_summary_to_json(const MeetingSummary& meeting);

}  // namespace referat::query
