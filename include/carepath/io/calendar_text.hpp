// SPDX-License-Identifier: MIT
// Calendar words as scenario files write them: ISO dates ("2022-12-01"), times of day on a
// 24-hour clock ("09:00", and "24:00" for the end of a day) and weekdays ("wed", "mon-fri").
// The JSON rules (calendar_json.cpp) and the CSV inputs (csv_input.cpp) share these parsers, so a
// date reads the same wherever it is written. Each accepts one spelling per value, like the
// durations of units.cpp: "2022-12-1" or "9:00" are rejected, never guessed at.
#pragma once

#include <carepath/model/calendar.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace carepath::io {

/// Weekday names as the format writes them, Monday first (the ISO order of model::RosterShift).
inline constexpr std::array<std::string_view, 7> kWeekdayNames{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/// Month names as the format writes them, January first.
inline constexpr std::array<std::string_view, 12> kMonthNames{"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};

/// A date, or why the text is not one: `expected` is the rule it broke, and `reason` says what is
/// wrong with a well-formed date that the calendar does not have ("February 2023 has 28 days").
struct ParsedDate {
  std::optional<model::Date> date;
  std::string expected;
  std::string reason;
};

/// "2022-12-01" -> 1 December 2022. Exactly four, two and two digits joined by '-'.
[[nodiscard]] ParsedDate parse_iso_date(std::string_view text);

/// `expected <rule>, got <shown>`, with the reason in brackets when there is one.
[[nodiscard]] std::string date_problem_message(const ParsedDate& parsed, std::string_view shown);

/// "09:30" -> 9.5 hours after midnight; "00:00" to "24:00", two digits each side of the colon.
[[nodiscard]] std::optional<double> parse_time_of_day(std::string_view text);

/// 6.5 hours after midnight -> "06:30", to the nearest minute: the inverse of parse_time_of_day.
[[nodiscard]] std::string format_time_of_day(double hours);

/// "wed" -> Wednesday; "mon-fri" -> Monday to Friday; a range may run over the weekend
/// ("fri-mon" is Friday to Monday). Monday first.
[[nodiscard]] std::optional<std::array<bool, 7>> parse_weekdays(std::string_view text);

}  // namespace carepath::io
