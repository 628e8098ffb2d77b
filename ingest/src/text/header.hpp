#pragma once
// The meeting header (title, committee, date and times, place, publication date) and the
// attendance lists (Deltagere / Afbud / Mødedeltagere with "(*Fraværende*)" marks).

#include <cstddef>
#include <span>
#include <string_view>

#include <referat/ingest/model.hpp>

#include "text/lines.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::text {

/// Fill the header fields of meeting from lines [begin, end) using the profile's labels.
void read_header(std::span<const Line> lines, std::size_t begin, std::size_t end,
                 const Profile& profile, Meeting& meeting);

/// Parse one attendance list ("Name, Organisation, Name, ..." or "Name (A) - formand, ...")
/// into meeting.participants / meeting.absent.
void read_attendance(std::string_view list, Attendance kind, Meeting& meeting);

}  // namespace referat::ingest::text
