#pragma once
// People, places, appointments, attendance, votes and amounts read from a segmented meeting.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/model.hpp>

namespace referat::ingest {

/// Fill persons_mentioned, appointments, attendance, votes, municipalities and max_amount of
/// every item, and organisation/role/party of participants, from the text already segmented.
void extract_people(Meeting& meeting);

/// Stable id for a person name, merging spelling variants ("Mogens B. Hansen" and
/// "Mogens Bak Hansen" get one id); used by the index and the person commands.
[[nodiscard]] std::string person_key(std::string_view name);

}  // namespace referat::ingest
