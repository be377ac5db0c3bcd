// SPDX-License-Identifier: MIT
// Calendar dates in scenarios. Simulated time 0 is midnight at the start of the scenario's
// start_date, and one unit is one day (time.hpp), so day n of a run is start_date + n. Dates use
// C++20's std::chrono civil calendar (proleptic Gregorian, no time zones: a care pathway runs on
// local wall-clock days, and daylight-saving hours are below this model's resolution).
#pragma once

#include <carepath/time.hpp>

#include <chrono>
#include <string>

namespace carepath::model {

using Date = std::chrono::year_month_day;

/// Days from `start` to `date` (negative before it).
[[nodiscard]] inline SimTime days_between(const Date& start, const Date& date) {
  return static_cast<SimTime>((std::chrono::sys_days(date) - std::chrono::sys_days(start)).count());
}

/// The date `day` whole days after `start`.
[[nodiscard]] inline Date date_after(const Date& start, long day) {
  return Date(std::chrono::sys_days(start) + std::chrono::days(day));
}

/// 0 = Monday ... 6 = Sunday (ISO 8601).
[[nodiscard]] inline unsigned iso_weekday_index(const Date& date) {
  return std::chrono::weekday(std::chrono::sys_days(date)).iso_encoding() - 1;
}

/// "2022-12-23".
[[nodiscard]] std::string format_date(const Date& date);

/// Dates from `from` to `to`, both included: a comparison window such as a winter (2025-12-01
/// to 2026-03-31), given by --window FROM:TO or a headline's "window".
struct DateWindow {
  Date from;
  Date to;
  friend bool operator==(const DateWindow&, const DateWindow&) = default;
};

/// "2025-12-01 to 2026-03-31".
[[nodiscard]] std::string format_window(const DateWindow& window);

/// ISO 8601 week of a date, e.g. "2023-W01" (the week-numbering year may differ from the
/// calendar year in the first and last days of a year).
[[nodiscard]] std::string iso_week(const Date& date);

}  // namespace carepath::model
