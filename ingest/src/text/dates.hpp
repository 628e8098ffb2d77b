#pragma once
// Dates and times as Danish minutes write them ("16.august 2011", "04-06-2020 09:00:00",
// "tirsdag den 4. december 2012, kl. 13:00", "Onsdag, April 3, 2019 - 18:00").

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace referat::ingest::text {

/// A date found in text, with the time of day and an end time when written next to it.
struct FoundDate {
    std::string date;                     ///< ISO yyyy-mm-dd
    std::optional<std::string> time;      ///< hh:mm
    std::optional<std::string> end_time;  ///< hh:mm ("11:00 - 12:20")
    std::size_t position = 0;             ///< byte offset of the match in the searched text
    std::size_t length = 0;               ///< byte length of the match
};

/// The first date in s (earliest position), or std::nullopt.
[[nodiscard]] std::optional<FoundDate> find_date(std::string_view s);

/// date + "T" + time, the ISO form used for Meeting::start and Meeting::end.
[[nodiscard]] std::string iso_date_time(const std::string& date, const std::string& time);

}  // namespace referat::ingest::text
