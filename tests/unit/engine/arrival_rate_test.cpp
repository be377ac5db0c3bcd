// SPDX-License-Identifier: MIT
// The compiled arrival rate (sim/engine/arrival_rate.hpp): every factor of the profile checked
// against a value worked out by hand in the test's comment, the normalisation of the relative
// shapes, the cumulative rate, and the inversion that turns an Exp(1) draw into the next arrival,
// including the zero-rate stretches that inversion must jump over. The statistical check of the
// arrival process itself is tests/validation/nhpp_test.cpp.
#include "engine/arrival_rate.hpp"

#include <carepath/model/calendar.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/time.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace carepath::engine {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

model::Date ymd(int y, unsigned m, unsigned d) {
  return model::Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

model::ArrivalSource source_with(const model::ArrivalProfile& profile, double rate_per_day = 48) {
  model::ArrivalSource source;
  source.name = "ae_walk_in";
  source.to = "ae";
  source.rate_per_day = rate_per_day;
  source.profile = profile;
  return source;
}

/// Night (00:00-12:00) at 1, day (12:00-24:00) at 3: mean 2, so the normalised shape is 0.5 / 1.5.
model::ArrivalProfile half_and_half_hours() {
  model::ArrivalProfile profile;
  for (std::size_t h = 0; h < 24; ++h) profile.hour_of_day[h] = h < 12 ? 1 : 3;
  return profile;
}

TEST(ArrivalRate, WithoutAProfileTheRateIsOneConstantSegment) {
  model::ArrivalSource source;
  source.rate_per_day = 12;
  const ArrivalRate rate = compile_arrival_rate(source, ymd(2024, 1, 1), 365);
  EXPECT_TRUE(rate.is_constant());
  EXPECT_EQ(rate.segment_count(), 1u);
  EXPECT_EQ(rate.rate_at(0), 12);
  EXPECT_EQ(rate.rate_at(1000), 12);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(2.5, 10), 12 * 7.5);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, hours(6)), 3);
}

TEST(ArrivalRate, ConstantInversionIsExactlyNowPlusEOverRate) {
  const ArrivalRate rate = ArrivalRate::constant(7.3);
  for (const double now : {0.0, 0.1, 17.25, 364.999}) {
    for (const double e : {0.0, 1e-9, 0.37, 1.0, 5.5}) {
      EXPECT_EQ(rate.next_arrival_after(now, e), now + e / 7.3) << "now " << now << ", E " << e;
    }
  }
  EXPECT_EQ(ArrivalRate::constant(0).next_arrival_after(3, 0.5), kInfinity);
  EXPECT_EQ(ArrivalRate().next_arrival_after(0, 0.5), kInfinity);
}

TEST(ArrivalRate, HourShapeIsNormalisedToMeanOneAndCompiledHourly) {
  // 48/day: 24/day before noon (0.5 x 48) and 72/day after (1.5 x 48); the day still totals 48.
  const ArrivalRate rate = compile_arrival_rate(source_with(half_and_half_hours()), ymd(2024, 1, 1), 10.5);
  EXPECT_FALSE(rate.is_constant());
  EXPECT_EQ(rate.segment_count(), 252u);  // ceil(10.5 x 24)
  EXPECT_DOUBLE_EQ(rate.segment_length(), 1.0 / 24);
  EXPECT_DOUBLE_EQ(rate.rate_at(hours(3)), 24);
  EXPECT_DOUBLE_EQ(rate.rate_at(hours(11.99)), 24);
  EXPECT_DOUBLE_EQ(rate.rate_at(hours(12.01)), 72);
  EXPECT_DOUBLE_EQ(rate.rate_at(4 + hours(23.5)), 72);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, 1), 48);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(3, 10), 7 * 48);
  // 10:00-14:00 = 2 h at 24/day + 2 h at 72/day = 2 + 6.
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(hours(10), hours(14)), 8);
}

TEST(ArrivalRate, AFlatHourShapeGivesDailySegmentsWhateverItsLevel) {
  model::ArrivalProfile profile;
  profile.hour_of_day.fill(5);  // flat: normalised to 1, not a multiplier of 5
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 10), ymd(2024, 1, 1), 30.2);
  EXPECT_EQ(rate.segment_count(), 31u);
  EXPECT_DOUBLE_EQ(rate.segment_length(), 1);
  EXPECT_DOUBLE_EQ(rate.rate_at(12.3), 10);
}

TEST(ArrivalRate, WeekdayShapeFollowsTheCalendarAndIsNormalised) {
  // Sat and Sun at 2, other days 1: mean 9/7, so weekdays run at 7/9 and weekends at 14/9 of the
  // rate. 2022-12-23 is a Friday, so day 0 is Friday, day 1 Saturday, day 3 Monday.
  model::ArrivalProfile profile;
  profile.day_of_week = {1, 1, 1, 1, 1, 2, 2};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 90), ymd(2022, 12, 23), 14);
  EXPECT_DOUBLE_EQ(rate.rate_at(0.5), 70);
  EXPECT_DOUBLE_EQ(rate.rate_at(1.5), 140);
  EXPECT_DOUBLE_EQ(rate.rate_at(2.5), 140);
  EXPECT_DOUBLE_EQ(rate.rate_at(3.5), 70);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, 7), 7 * 90);  // a whole week keeps the mean
}

TEST(ArrivalRate, HourAndWeekdayShapesTogetherKeepTheWeeklyMean) {
  model::ArrivalProfile profile;
  for (std::size_t h = 0; h < 24; ++h) profile.hour_of_day[h] = 0.2 + 0.1 * static_cast<double>(h % 7);
  profile.day_of_week = {1.4, 1.1, 1.0, 1.0, 0.9, 0.7, 0.6};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 33), ymd(2024, 1, 3), 28);
  EXPECT_NEAR(rate.expected_arrivals(0, 28), 28 * 33, 1e-9);
  EXPECT_NEAR(rate.expected_arrivals(5, 12), 7 * 33, 1e-9);
}

TEST(ArrivalRate, MonthMultipliersApplyAsWritten) {
  // Not normalised: January x 1.2 and February x 0.9 of 50/day. Start 2023-01-30: days 0-1 are in
  // January, day 2 is 1 February.
  model::ArrivalProfile profile;
  profile.month_of_year[0] = 1.2;
  profile.month_of_year[1] = 0.9;
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 50), ymd(2023, 1, 30), 5);
  EXPECT_DOUBLE_EQ(rate.rate_at(1.9), 60);
  EXPECT_DOUBLE_EQ(rate.rate_at(2.1), 45);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, 5), 2 * 60 + 3 * 45);
}

TEST(ArrivalRate, GrowthCompoundsPerDayFromTheStartDate) {
  // +10% a year: day d runs at 100 x 1.1^(d / 365.25) for the whole day.
  model::ArrivalProfile profile;
  profile.yearly_growth = 0.1;
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 100), ymd(2024, 1, 1), 800);
  EXPECT_DOUBLE_EQ(rate.rate_at(0.5), 100);
  EXPECT_DOUBLE_EQ(rate.rate_at(730.1), 100 * std::pow(1.1, 730 / 365.25));
  EXPECT_EQ(rate.rate_at(730.1), rate.rate_at(730.9));
  EXPECT_NEAR(rate.rate_at(365.5), 100 * std::pow(1.1, 365 / 365.25), 1e-12);
}

TEST(ArrivalRate, SurgesMultiplyTheirDatesInclusiveAndOverlapsCompound) {
  // Start 2022-12-01: 15-17 Dec (days 14-16) x 1.5, 17-20 Dec (days 16-19) x 2, so 17 Dec is x 3.
  model::ArrivalProfile profile;
  profile.surges = {{ymd(2022, 12, 15), ymd(2022, 12, 17), 1.5}, {ymd(2022, 12, 17), ymd(2022, 12, 20), 2}};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 10), ymd(2022, 12, 1), 31);
  EXPECT_DOUBLE_EQ(rate.rate_at(13.99), 10);
  EXPECT_DOUBLE_EQ(rate.rate_at(14.0), 15);
  EXPECT_DOUBLE_EQ(rate.rate_at(15.5), 15);
  EXPECT_DOUBLE_EQ(rate.rate_at(16.5), 30);
  EXPECT_DOUBLE_EQ(rate.rate_at(19.99), 20);
  EXPECT_DOUBLE_EQ(rate.rate_at(20.0), 10);
}

TEST(ArrivalRate, SurgesReachingOutsideTheRunAreClipped) {
  model::ArrivalProfile profile;
  profile.surges = {{ymd(2022, 11, 1), ymd(2023, 6, 1), 0.5}, {ymd(2021, 1, 1), ymd(2021, 2, 1), 9}};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 10), ymd(2022, 12, 1), 20);
  EXPECT_DOUBLE_EQ(rate.rate_at(0), 5);
  EXPECT_DOUBLE_EQ(rate.rate_at(19.5), 5);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, 20), 100);
}

TEST(ArrivalRate, DailySeriesGivesTheBaseOfEachDateAndTheHourShapeSpreadsIt) {
  // 1, 2 and 3 March 2023 at 100, 200 and 50 arrivals, listed out of order, plus a date outside the
  // run that is ignored; with the 0.5 / 1.5 hour shape, 2 March afternoon runs at 1.5 x 200.
  model::ArrivalProfile profile = half_and_half_hours();
  profile.daily_series = {{ymd(2023, 3, 2), 200}, {ymd(2023, 2, 27), 999}, {ymd(2023, 3, 1), 100},
                          {ymd(2023, 3, 3), 50}};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 0), ymd(2023, 3, 1), 2.5);
  EXPECT_DOUBLE_EQ(rate.rate_at(hours(6)), 50);
  EXPECT_DOUBLE_EQ(rate.rate_at(1 + hours(13)), 300);
  EXPECT_DOUBLE_EQ(rate.rate_at(2 + hours(1)), 25);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, 2), 300);
}

TEST(ArrivalRate, DailySeriesMissingADayOfTheRunIsALogicError) {
  model::ArrivalProfile profile;
  profile.daily_series = {{ymd(2023, 3, 1), 100}, {ymd(2023, 3, 2), 200}, {ymd(2023, 3, 3), 50}};
  EXPECT_NO_THROW((void)compile_arrival_rate(source_with(profile), ymd(2023, 3, 1), 3));
  EXPECT_THAT([&] { (void)compile_arrival_rate(source_with(profile), ymd(2023, 3, 1), 3.5); },
              ThrowsMessage<std::logic_error>(
                  AllOf(HasSubstr("'ae_walk_in'"), HasSubstr("daily_series has no value for 2023-03-04"))));
}

TEST(ArrivalRate, EveryFactorTogether) {
  // Start Monday 2024-01-01, 20/day. At 2024-02-06 (day 36, a Tuesday) 18:30 (hour 18):
  //   hour shape: hours 16-19 at 4, others 1 -> mean (20 + 16) / 24 = 1.5 -> 4 / 1.5 = 8/3
  //   weekday: Tue 2, others 1 -> mean 8/7 -> 2 x 7/8 = 7/4
  //   February x 1.1; growth 5% -> 1.05^(36 / 365.25); surge 5-7 Feb x 1.25
  model::ArrivalProfile profile;
  for (std::size_t h = 16; h < 20; ++h) profile.hour_of_day[h] = 4;
  profile.day_of_week[1] = 2;
  profile.month_of_year[1] = 1.1;
  profile.yearly_growth = 0.05;
  profile.surges = {{ymd(2024, 2, 5), ymd(2024, 2, 7), 1.25}};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 20), ymd(2024, 1, 1), 60);
  const double expected = 20 * (8.0 / 3) * (7.0 / 4) * 1.1 * std::pow(1.05, 36 / 365.25) * 1.25;
  EXPECT_NEAR(rate.rate_at(36 + hours(18.5)), expected, 1e-12 * expected);
}

TEST(ArrivalRate, InversionLandsWhereTheCumulativeRateHasGrownByE) {
  model::ArrivalProfile profile = half_and_half_hours();
  profile.day_of_week = {3, 1, 1, 1, 1, 0.5, 0.5};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 48), ymd(2024, 1, 1), 60);
  for (const double now : {0.0, hours(11.5), 3.999, 17 + hours(12)}) {
    for (const double e : {1e-6, 0.3, 1.0, 7.0, 500.0}) {
      const SimTime t = rate.next_arrival_after(now, e);
      ASSERT_GT(t, now);
      EXPECT_NEAR(rate.expected_arrivals(now, t), e, 1e-9 * (1 + e)) << "now " << now << ", E " << e;
    }
  }
  // Within one segment a profiled rate inverts exactly like a constant one. Monday 01:00 runs at
  // 48 x 0.5 (night) x 3 x 7/8 (weekday shape of mean 8/7) = 63/day, 2.625 arrivals in the hour.
  const double r = rate.rate_at(hours(1));
  EXPECT_DOUBLE_EQ(r, 63);
  EXPECT_EQ(rate.next_arrival_after(hours(1), 0.2), hours(1) + 0.2 / r);
}

TEST(ArrivalRate, NoArrivalsWhileTheServiceIsClosedAtNight) {
  // Shape 0 from 00:00 to 08:00: every arrival falls between 08:00 and midnight.
  model::ArrivalProfile profile;
  for (std::size_t h = 0; h < 8; ++h) profile.hour_of_day[h] = 0;
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 30), ymd(2024, 1, 1), 14);
  EXPECT_EQ(rate.rate_at(hours(7.9)), 0);
  EXPECT_DOUBLE_EQ(rate.rate_at(hours(8)), 30 * 1.5);  // 16 open hours of 24: 24/16 = 1.5
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, hours(8)), 0);

  // A tiny E from midnight lands just after opening, not before it.
  EXPECT_NEAR(rate.next_arrival_after(0, 1e-9), hours(8), 1e-9);
  EXPECT_GE(rate.next_arrival_after(0, 1e-9), hours(8));
  // From 23:00 on day 2 with more than the hour's 1.875 expected arrivals left, the next one skips
  // the closed night: 0.125 left after midnight -> 08:00 + 0.125 / 45 days.
  EXPECT_NEAR(rate.next_arrival_after(2 + hours(23), 2.0), 3 + hours(8) + 0.125 / 45, 1e-12);

  // A long walk through the table with a deterministic spread of E values.
  SimTime t = 0;
  int arrivals = 0;
  for (int k = 0; (t = rate.next_arrival_after(t, 0.05 + 0.9 * std::fmod(k * 0.618034, 1.0))) < 14; ++k) {
    const double hour_of_day = (t - std::floor(t)) * 24;
    ASSERT_GE(hour_of_day, 8 - 1e-9) << "arrival at " << t;
    ++arrivals;
  }
  EXPECT_GT(arrivals, 300);
}

TEST(ArrivalRate, RateZeroToTheEndMeansNoMoreArrivals) {
  // Surge x 0 from day 5 (2024-01-06) to past the horizon of 10 days.
  model::ArrivalProfile profile;
  profile.surges = {{ymd(2024, 1, 6), ymd(2024, 3, 1), 0}};
  const ArrivalRate rate = compile_arrival_rate(source_with(profile, 10), ymd(2024, 1, 1), 10);
  EXPECT_DOUBLE_EQ(rate.next_arrival_after(4.9, 0.5), 4.95);
  EXPECT_EQ(rate.next_arrival_after(4.9, 1.5), kInfinity);
  EXPECT_EQ(rate.next_arrival_after(5.5, 0.01), kInfinity);
  EXPECT_EQ(rate.next_arrival_after(10, 0.01), kInfinity);   // the table ends at the horizon
  EXPECT_EQ(rate.rate_at(12), 0);
  EXPECT_DOUBLE_EQ(rate.expected_arrivals(0, 50), 50);
}

TEST(ArrivalRate, SearchCrossesLongZeroStretchesAndManySegments) {
  // 100,000 hourly segments at 0 with one hour at 24/day (1 expected arrival) near the end.
  std::vector<double> rates(100'000, 0.0);
  rates[99'990] = 24;
  const ArrivalRate sparse = ArrivalRate::piecewise(rates, 24);
  EXPECT_NEAR(sparse.next_arrival_after(0, 0.5), (99'990 + 0.5) / 24, 1e-9);
  EXPECT_EQ(sparse.next_arrival_after(0, 1.5), kInfinity);

  // Zero and positive hours interleaved; E from 0.001 to 3000 on a fine logarithmic grid lands in
  // every position of the galloping search's strides, so an off-by-one there cannot hide.
  std::vector<double> ramp(5'000);
  for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = static_cast<double>(i % 48) * static_cast<double>(i % 3);
  const ArrivalRate dense = ArrivalRate::piecewise(ramp, 24);
  for (const double now : {0.0, 0.3, 50.04}) {
    for (double e = 1e-3; e < 3000; e *= 1.01) {
      const SimTime t = dense.next_arrival_after(now, e);
      ASSERT_NEAR(dense.expected_arrivals(now, t), e, 1e-9 * (1 + e)) << "now " << now << ", E " << e;
      ASSERT_GT(dense.rate_at(t - 1e-12), 0) << "now " << now << ", E " << e;
    }
  }
}

TEST(ArrivalRate, TablesBeyondTheSegmentLimitAreRefused) {
  model::ArrivalProfile profile = half_and_half_hours();
  // 1e6 days x 24 hourly segments = 24 million > 20 million.
  EXPECT_THAT([&] { (void)compile_arrival_rate(source_with(profile), ymd(2024, 1, 1), 1e6); },
              ThrowsMessage<std::length_error>(
                  AllOf(HasSubstr("'ae_walk_in'"), HasSubstr("hourly"), HasSubstr("limit of 20000000"))));
  EXPECT_THROW((void)compile_arrival_rate(source_with(profile), ymd(2024, 1, 1), kInfinity), std::length_error);
}

TEST(ArrivalRate, AllZeroShapeOrNegativeRateIsALogicError) {
  model::ArrivalProfile profile;
  profile.day_of_week.fill(0);
  EXPECT_THAT([&] { (void)compile_arrival_rate(source_with(profile), ymd(2024, 1, 1), 7); },
              ThrowsMessage<std::logic_error>(HasSubstr("day_of_week shape is all zero")));
  EXPECT_THROW((void)ArrivalRate::piecewise({1, -2, 3}, 24), std::logic_error);
}

}  // namespace
}  // namespace carepath::engine
