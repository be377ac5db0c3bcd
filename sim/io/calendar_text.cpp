// SPDX-License-Identifier: MIT
#include <carepath/io/calendar_text.hpp>

#include <algorithm>
#include <cmath>

namespace carepath::io {
namespace {

constexpr std::array<std::string_view, 12> kMonthFullNames{"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `text` is all digits, as checked by the caller, so no sign, space or overflow can get in.
unsigned digits_value(std::string_view text) {
  unsigned value = 0;
  for (const char c : text) value = value * 10 + static_cast<unsigned>(c - '0');
  return value;
}

bool all_digits(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_digit); }

std::optional<std::size_t> weekday_index(std::string_view name) {
  const auto it = std::find(kWeekdayNames.begin(), kWeekdayNames.end(), name);
  if (it == kWeekdayNames.end()) return std::nullopt;
  return static_cast<std::size_t>(it - kWeekdayNames.begin());
}

}  // namespace

ParsedDate parse_iso_date(std::string_view text) {
  ParsedDate parsed;
  const bool iso_form = text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
                        all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2));
  if (!iso_form) {
    parsed.expected = R"(an ISO date such as "2022-12-01")";
    return parsed;
  }
  const auto year = std::chrono::year(static_cast<int>(digits_value(text.substr(0, 4))));
  const unsigned month = digits_value(text.substr(5, 2));
  const unsigned day = digits_value(text.substr(8, 2));
  parsed.expected = "a date in the calendar";
  if (month < 1 || month > 12) {
    parsed.reason = "months run from 01 to 12";
    return parsed;
  }
  const auto last = std::chrono::year_month_day_last(year / std::chrono::month(month) / std::chrono::last).day();
  if (day < 1 || std::chrono::day(day) > last) {
    parsed.reason = std::string(kMonthFullNames[month - 1]) + " " + std::string(text.substr(0, 4)) + " has " +
                    std::to_string(static_cast<unsigned>(last)) + " days";
    return parsed;
  }
  parsed.date = model::Date(year, std::chrono::month(month), std::chrono::day(day));
  parsed.expected.clear();
  return parsed;
}

std::string date_problem_message(const ParsedDate& parsed, std::string_view shown) {
  std::string message = "expected " + parsed.expected + ", got " + std::string(shown);
  if (!parsed.reason.empty()) message += " (" + parsed.reason + ")";
  return message;
}

std::optional<double> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':' || !all_digits(text.substr(0, 2)) || !all_digits(text.substr(3, 2))) {
    return std::nullopt;
  }
  const unsigned hour = digits_value(text.substr(0, 2));
  const unsigned minute = digits_value(text.substr(3, 2));
  // 24:00 is the end of the day, so a shift can run to midnight; nothing later is a time of day.
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
  return hour + minute / 60.0;
}

std::string format_time_of_day(double hours) {
  const auto minutes = static_cast<unsigned>(std::lround(hours * 60));
  const unsigned h = minutes / 60;
  const unsigned m = minutes % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':', static_cast<char>('0' + m / 10),
          static_cast<char>('0' + m % 10)};
}

std::optional<std::array<bool, 7>> parse_weekdays(std::string_view text) {
  std::array<bool, 7> days{};
  const auto dash = text.find('-');
  const auto first = weekday_index(text.substr(0, dash));
  if (!first) return std::nullopt;
  if (dash == std::string_view::npos) {
    days[*first] = true;
    return days;
  }
  const auto last = weekday_index(text.substr(dash + 1));
  if (!last) return std::nullopt;
  for (std::size_t day = *first;; day = (day + 1) % days.size()) {
    days[day] = true;
    if (day == *last) break;
  }
  return days;
}

}  // namespace carepath::io
