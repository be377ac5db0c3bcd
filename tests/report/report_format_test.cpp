// SPDX-License-Identifier: MIT
#include "report/report_format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace carepath::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(ReportFormat, SharesArePercentWithOneDecimal) {
  EXPECT_EQ(format_percent(0.9345), "93.5%");
  EXPECT_EQ(format_percent(1), "100.0%");
  EXPECT_EQ(format_percent(kNaN), "\u2013");
}

TEST(ReportFormat, DurationsTakeTheUnitOfTheirSize) {
  EXPECT_EQ(format_duration(10.0 / 1440), "10.0 minutes");
  EXPECT_EQ(format_duration(0.25), "6.0 hours");
  EXPECT_EQ(format_duration(3.26), "3.3 days");
  EXPECT_EQ(format_duration(126), "18.0 weeks");
}

TEST(ReportFormat, CountsHaveThousandsSeparatorsAndThreeFigures) {
  EXPECT_EQ(format_count(56803), "56,803");
  EXPECT_EQ(format_count(12.34), "12.3");
  EXPECT_EQ(format_count(0.123), "0.12");
  EXPECT_EQ(format_count(-1234567), "\u22121,234,567");
  EXPECT_EQ(format_count(0), "0");
}

TEST(ReportFormat, IntervalsShareTheValuesUnit) {
  EXPECT_EQ(format_interval(0.5, 0.45, 0.55, "share"), "45.0\u201355.0%");
  // The value is in hours, so the interval is too, even where an end is over a day.
  EXPECT_EQ(format_interval(0.5, 0.25, 1.25, "days"), "6.0\u201330.0 hours");
  EXPECT_EQ(format_interval(3, kNaN, 4, "patients"), "");
}

TEST(ReportFormat, DifferencesCarryTheirSign) {
  EXPECT_EQ(format_difference(0.031, "share"), "+3.1 points");
  EXPECT_EQ(format_difference(-2.5, "days"), "\u22122.5 days");
  EXPECT_EQ(format_difference(12, "patients"), "+12.0");
}

TEST(ReportFormat, AnswerCardNumbersNameTheirUnitOnce) {
  EXPECT_EQ(format_base_to_variant(0.683, 0.696, "share"), "68.3% \u2192 69.6%");
  EXPECT_EQ(format_base_to_variant(3839.08, 8.25, "bed-days"), "3,839 \u2192 8.2 bed-days");
  EXPECT_EQ(format_base_to_variant(169.75, 169.75, "days"), "24.2 \u2192 24.2 weeks");
  EXPECT_EQ(format_base_to_variant(0, 0, "patients"), "0 \u2192 0 patients");
  EXPECT_EQ(format_change(0.0134, 0.683, "share"), "+1.3 points");
  EXPECT_EQ(format_change(-4192.6, 6139.7, "bed-days"), "\u22124,193 bed-days");
  // No change to a 24-week wait is 0.0 weeks, not 0.0 minutes.
  EXPECT_EQ(format_change(0, 169.75, "days"), "0.0 weeks");
  EXPECT_EQ(format_change(kNaN, 1, "days"), "\u2013");
  EXPECT_EQ(format_change_interval(0.007, 0.019, 0.683, "share"), "+0.7 to +1.9 points");
  EXPECT_EQ(format_change_interval(-7668, 6.7, 3839, "bed-days"), "\u22127,668 to +6.7 bed-days");
}

}  // namespace
}  // namespace carepath::report
