// SPDX-License-Identifier: MIT
// The calendar words of the format: one spelling of each date, time of day and weekday is
// accepted, and a date the calendar lacks says why.
#include <carepath/io/calendar_text.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace carepath::io {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

TEST(ParseIsoDate, ReadsYearMonthAndDay) {
  EXPECT_EQ(parse_iso_date("2022-12-01").date, model::Date(year{2022}, month{12}, day{1}));
  EXPECT_EQ(parse_iso_date("2024-02-29").date, model::Date(year{2024}, month{2}, day{29}));
  EXPECT_EQ(parse_iso_date("2000-02-29").date, model::Date(year{2000}, month{2}, day{29}));
}

TEST(ParseIsoDate, RejectsOtherSpellings) {
  for (const char* text : {"2022-12-1", "22-12-01", "2022/12/01", "01/12/2022", "2022-12-01T00:00", " 2022-12-01",
                           "2022-1a-01", "+022-12-01", "", "20221201"}) {
    const auto parsed = parse_iso_date(text);
    EXPECT_FALSE(parsed.date.has_value()) << text;
    EXPECT_EQ(date_problem_message(parsed, "x"), R"(expected an ISO date such as "2022-12-01", got x)") << text;
  }
}

TEST(ParseIsoDate, SaysWhyADateIsNotInTheCalendar) {
  EXPECT_EQ(date_problem_message(parse_iso_date("2023-02-29"), "it"),
            "expected a date in the calendar, got it (February 2023 has 28 days)");
  EXPECT_EQ(date_problem_message(parse_iso_date("1900-02-29"), "it"),
            "expected a date in the calendar, got it (February 1900 has 28 days)");
  EXPECT_EQ(date_problem_message(parse_iso_date("2023-04-31"), "it"),
            "expected a date in the calendar, got it (April 2023 has 30 days)");
  EXPECT_EQ(date_problem_message(parse_iso_date("2023-04-00"), "it"),
            "expected a date in the calendar, got it (April 2023 has 30 days)");
  EXPECT_EQ(date_problem_message(parse_iso_date("2023-13-01"), "it"),
            "expected a date in the calendar, got it (months run from 01 to 12)");
}

TEST(ParseTimeOfDay, ReadsHoursAndMinutes) {
  EXPECT_EQ(parse_time_of_day("00:00"), 0.0);
  EXPECT_EQ(parse_time_of_day("09:30"), 9.5);
  EXPECT_EQ(parse_time_of_day("23:45"), 23.75);
  EXPECT_EQ(parse_time_of_day("24:00"), 24.0);
}

TEST(FormatTimeOfDay, IsTheInverseOfParsing) {
  for (const char* text : {"00:00", "06:00", "06:30", "09:05", "23:59", "24:00"}) {
    EXPECT_EQ(format_time_of_day(*parse_time_of_day(text)), text);
  }
}

TEST(ParseTimeOfDay, RejectsEverythingElse) {
  for (const char* text : {"9:00", "09:0", "0900", "24:01", "25:00", "12:60", "12:00:00", "-1:00", "noon", ""}) {
    EXPECT_EQ(parse_time_of_day(text), std::nullopt) << text;
  }
}

TEST(ParseWeekdays, ReadsDaysAndRanges) {
  using Days = std::array<bool, 7>;
  EXPECT_EQ(parse_weekdays("wed"), (Days{false, false, true, false, false, false, false}));
  EXPECT_EQ(parse_weekdays("mon-fri"), (Days{true, true, true, true, true, false, false}));
  EXPECT_EQ(parse_weekdays("sat-sun"), (Days{false, false, false, false, false, true, true}));
  EXPECT_EQ(parse_weekdays("mon-sun"), (Days{true, true, true, true, true, true, true}));
  EXPECT_EQ(parse_weekdays("sun-tue"), (Days{true, true, false, false, false, false, true}));
  EXPECT_EQ(parse_weekdays("thu-thu"), (Days{false, false, false, true, false, false, false}));
}

TEST(ParseWeekdays, RejectsOtherNames) {
  for (const char* text : {"monday", "Mon", "weekdays", "mon-", "-fri", "mon-fri-sat", "mon,tue", ""}) {
    EXPECT_EQ(parse_weekdays(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace carepath::io
