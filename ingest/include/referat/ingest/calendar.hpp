#pragma once
// Calendar dates for every stage: the one check that a year, month and day name a day that
// exists (std::chrono's proleptic Gregorian calendar), used when ingest reads a date from text
// and when a query or a command-line option names one. An impossible date is no date: ingest
// finds none in "31. februar 2021" and a query for 2021-02-31 is an error.

#include <chrono>

namespace referat::calendar {

/// True when year-month-day exists: "2024-02-29" does, "2021-02-31" and "2021-13-01" do not.
[[nodiscard]] inline bool valid_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    return std::chrono::year_month_day{std::chrono::year(year),
                                       std::chrono::month(static_cast<unsigned>(month)),
                                       std::chrono::day(static_cast<unsigned>(day))}
        .ok();
}

/// The number of days in a month of a year (1 <= month <= 12): 28 to 31.
[[nodiscard]] inline int days_in_month(int year, int month) {
    const std::chrono::year_month_day_last last{
        std::chrono::year(year),
        std::chrono::month_day_last(std::chrono::month(static_cast<unsigned>(month)))};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

}  // namespace referat::calendar
