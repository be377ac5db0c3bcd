// SPDX-License-Identifier: MIT
#include "io/calendar_json.hpp"

#include <carepath/io/calendar_text.hpp>

#include <algorithm>

namespace carepath::io {
namespace {
constexpr std::string_view kTimeRule = R"(a time of day from "00:00" to "24:00", such as "09:30")";
constexpr std::string_view kWeekdaysRule =
    R"(days such as "mon-fri", "sat-sun", "wed" or ["mon","thu"] (mon, tue, wed, thu, fri, sat, sun))";
}  // namespace

std::optional<model::Date> expect_date(JsonReader& r, const Json& value) {
  ParsedDate parsed;
  if (value.is_string()) {
    parsed = parse_iso_date(value.get_ref<const std::string&>());
    if (parsed.date) return parsed.date;
  } else {
    parsed = parse_iso_date("");
  }
  r.error(date_problem_message(parsed, describe(value)));
  return std::nullopt;
}

std::optional<double> expect_time_of_day(JsonReader& r, const Json& value) {
  if (value.is_string()) {
    if (const auto hours = parse_time_of_day(value.get_ref<const std::string&>())) return hours;
  }
  r.expected(kTimeRule, value);
  return std::nullopt;
}

std::optional<std::array<bool, 7>> expect_weekdays(JsonReader& r, const Json& value) {
  if (value.is_string()) {
    if (const auto days = parse_weekdays(value.get_ref<const std::string&>())) return days;
    r.expected(kWeekdaysRule, value);
    return std::nullopt;
  }
  if (!value.is_array() || value.empty()) {
    r.expected(kWeekdaysRule, value);
    return std::nullopt;
  }
  std::array<bool, 7> days{};
  bool all_read = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    const Json& element = value.at(i);
    const auto element_days =
        element.is_string() ? parse_weekdays(element.get_ref<const std::string&>()) : std::nullopt;
    if (!element_days) {
      r.expected(kWeekdaysRule, element);
      all_read = false;
      continue;
    }
    for (std::size_t day = 0; day < days.size(); ++day) days[day] = days[day] || (*element_days)[day];
  }
  if (!all_read) return std::nullopt;
  return days;
}

std::optional<std::vector<model::Date>> expect_bank_holidays(JsonReader& r, const Json& value) {
  if (!r.expect_array(value, "an array of dates")) return std::nullopt;
  std::vector<model::Date> dates;
  const std::size_t errors_before = r.error_count();
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    const auto date = expect_date(r, value.at(i));
    if (!date) continue;
    const auto seen = std::find(dates.begin(), dates.end(), *date);
    if (seen != dates.end()) {
      r.error("expected each date once, got " + quoted_date(*date) + " again (also /bank_holidays/" +
              std::to_string(seen - dates.begin()) + ")");
    }
    dates.push_back(*date);
  }
  if (r.error_count() != errors_before) return std::nullopt;
  std::sort(dates.begin(), dates.end());
  return dates;
}

std::string quoted_date(const model::Date& date) { return '"' + model::format_date(date) + '"'; }

}  // namespace carepath::io
