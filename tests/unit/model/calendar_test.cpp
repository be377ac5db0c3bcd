// SPDX-License-Identifier: MIT
// Calendar helpers (include/carepath/model/calendar.hpp) against dates checked by hand in a
// printed calendar, with the ISO 8601 year-boundary cases that naive week arithmetic gets wrong:
// 2020 has 53 ISO weeks (it starts on a Wednesday and is a leap year), so its last week runs
// into 2021; 2024-12-30 is a Monday whose Thursday is 2025-01-02, so it is 2025-W01.
#include <carepath/model/calendar.hpp>

#include <gtest/gtest.h>

namespace carepath::model {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date ymd(int y, unsigned m, unsigned d) { return Date(year(y), month(m), day(d)); }

TEST(Calendar, FormatsDatesAsIso8601WithZeroPadding) {
  EXPECT_EQ(format_date(ymd(2022, 12, 23)), "2022-12-23");
  EXPECT_EQ(format_date(ymd(2024, 1, 5)), "2024-01-05");
  EXPECT_EQ(format_date(ymd(987, 3, 9)), "0987-03-09");
}

TEST(Calendar, IsoWeekInTheMiddleOfAYear) {
  EXPECT_EQ(iso_week(ymd(2022, 12, 23)), "2022-W51");
  EXPECT_EQ(iso_week(ymd(2024, 3, 4)), "2024-W10");  // a Monday
  EXPECT_EQ(iso_week(ymd(2024, 3, 10)), "2024-W10");  // the Sunday of the same week
  EXPECT_EQ(iso_week(ymd(2024, 3, 11)), "2024-W11");
}

TEST(Calendar, IsoWeekYearDiffersFromCalendarYearAtTheBoundaries) {
  EXPECT_EQ(iso_week(ymd(2020, 12, 31)), "2020-W53");
  EXPECT_EQ(iso_week(ymd(2021, 1, 3)), "2020-W53");
  EXPECT_EQ(iso_week(ymd(2021, 1, 4)), "2021-W01");
  EXPECT_EQ(iso_week(ymd(2024, 12, 29)), "2024-W52");
  EXPECT_EQ(iso_week(ymd(2024, 12, 30)), "2025-W01");
  EXPECT_EQ(iso_week(ymd(2023, 1, 1)), "2022-W52");  // a Sunday
  EXPECT_EQ(iso_week(ymd(2023, 1, 2)), "2023-W01");
  EXPECT_EQ(iso_week(ymd(2026, 1, 1)), "2026-W01");  // a Thursday: its own week's decider
  EXPECT_EQ(iso_week(ymd(2015, 12, 31)), "2015-W53");
}

TEST(Calendar, DaysBetweenCountsWholeDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(days_between(ymd(2024, 1, 1), ymd(2024, 1, 1)), 0.0);
  EXPECT_EQ(days_between(ymd(2024, 1, 1), ymd(2024, 3, 1)), 60.0);  // 31 + 29 (leap year)
  EXPECT_EQ(days_between(ymd(2023, 1, 1), ymd(2023, 3, 1)), 59.0);
  EXPECT_EQ(days_between(ymd(2022, 12, 1), ymd(2023, 1, 15)), 45.0);
  EXPECT_EQ(days_between(ymd(2023, 1, 15), ymd(2022, 12, 1)), -45.0);
}

TEST(Calendar, DateAfterIsTheInverseOfDaysBetween) {
  EXPECT_EQ(date_after(ymd(2022, 12, 1), 45), ymd(2023, 1, 15));
  EXPECT_EQ(date_after(ymd(2024, 2, 28), 1), ymd(2024, 2, 29));
  EXPECT_EQ(date_after(ymd(2023, 2, 28), 1), ymd(2023, 3, 1));
  EXPECT_EQ(date_after(ymd(2024, 1, 1), -1), ymd(2023, 12, 31));
  const Date start = ymd(2022, 12, 1);
  for (long n = -400; n <= 800; n += 37) {
    EXPECT_EQ(days_between(start, date_after(start, n)), static_cast<double>(n)) << "n = " << n;
  }
}

TEST(Calendar, IsoWeekdayIndexStartsOnMonday) {
  EXPECT_EQ(iso_weekday_index(ymd(2024, 1, 1)), 0u);    // Monday
  EXPECT_EQ(iso_weekday_index(ymd(2022, 12, 23)), 4u);  // Friday
  EXPECT_EQ(iso_weekday_index(ymd(2022, 12, 25)), 6u);  // Sunday
  EXPECT_EQ(iso_weekday_index(ymd(2020, 2, 29)), 5u);   // Saturday
}

}  // namespace
}  // namespace carepath::model
