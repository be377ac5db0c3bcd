// SPDX-License-Identifier: MIT
// Text forms of calendar dates for results and reports: the ISO 8601 date and the ISO 8601 week.
// Both are written with std::to_chars (GCC 12 has no <format>) so the output never depends on a
// locale. The week rule is the standard's: a week runs Monday to Sunday and belongs to the year
// that holds its Thursday, which is why 2021-01-03 falls in 2020-W53.
#include <carepath/model/calendar.hpp>

#include <charconv>
#include <cstdlib>

namespace carepath::model {
namespace {

/// Appends `value` in decimal, left-padded with zeros to at least `width` digits. A negative
/// year (before 1 BC in the proleptic calendar) keeps its sign in front of the padding.
void append_padded(std::string& out, long value, int width) {
  if (value < 0) out += '-';
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, std::labs(value));
  const auto length = static_cast<int>(end - digits);
  if (length < width) out.append(static_cast<std::size_t>(width - length), '0');
  out.append(digits, end);
}

}  // namespace

std::string format_date(const Date& date) {
  std::string text;
  text.reserve(10);
  append_padded(text, static_cast<int>(date.year()), 4);
  text += '-';
  append_padded(text, static_cast<long>(static_cast<unsigned>(date.month())), 2);
  text += '-';
  append_padded(text, static_cast<long>(static_cast<unsigned>(date.day())), 2);
  return text;
}

std::string format_window(const DateWindow& window) {
  return format_date(window.from) + " to " + format_date(window.to);
}

std::string iso_week(const Date& date) {
  // The Thursday of the same Monday-to-Sunday week decides the week-numbering year.
  const std::chrono::sys_days thursday =
      std::chrono::sys_days(date) - std::chrono::days(iso_weekday_index(date)) + std::chrono::days(3);
  const std::chrono::year week_year = Date(thursday).year();
  const std::chrono::sys_days first_of_year(week_year / std::chrono::January / 1);
  const auto week = (thursday - first_of_year).count() / 7 + 1;

  std::string text;
  text.reserve(8);
  append_padded(text, static_cast<int>(week_year), 4);
  text += "-W";
  append_padded(text, static_cast<long>(week), 2);
  return text;
}

}  // namespace carepath::model
