// SPDX-License-Identifier: MIT
// The two arrival shapes written for textbook models, from their example scenarios:
// - hour_of_week (scenarios/examples/hour_of_week.json): 168 relative values from Monday 00:00,
//   scaled to mean 1, so hour k of the week has rate r v_k / mean(v) a day. The compiled table
//   must give exactly that in every hour of the run (to rounding), and arrivals sampled from it
//   over 52 weeks in 5 replications must reproduce the 168 hourly counts: Pearson's X² of the
//   observed counts against r v_k / mean(v) / 24 x 52 x 5 (every expectation above 20) is below
//   the χ²(168) upper 0.1% quantile. An hour_of_week that is the product of an hour_of_day and a
//   day_of_week gives the table of those two.
// - hourly_rates (scenarios/examples/hourly_rates.json): 24 patients-per-hour values taken as
//   written. Each hour's compiled rate is 24 r_h a day (to rounding), and over the whole engine
//   the arrivals a day of each replication (200 days, about 10,400 arrivals, near normal) have a
//   99% Student-t interval (ci_check.hpp) that holds the sum of the rates, 52.
// Fixed seeds, one attempt each: a failure is evidence, never retried.
#include "ci_check.hpp"
#include "engine/arrival_rate.hpp"
#include "engine/rng_streams.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/calendar.hpp>
#include <carepath/run/batch.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

namespace carepath::validation {
namespace {

model::Scenario example(const char* name) {
  return io::load_scenario(std::string(CAREPATH_SOURCE_DIR) + "/scenarios/examples/" + name + ".json").scenario;
}

// Hour of the week (Monday 00:00 is 0) of hour `hour` of a run starting at midnight.
std::size_t week_hour(const model::Date& start, std::size_t hour) {
  return model::iso_weekday_index(model::date_after(start, static_cast<long>(hour / 24))) * 24 + hour % 24;
}

TEST(HourOfWeek, EveryHourOfTheRunHasItsShapesRate) {
  const model::Scenario s = example("hour_of_week");
  const model::ArrivalSource& source = s.arrivals.at(0);
  const std::vector<double>& v = source.profile->hour_of_week;
  ASSERT_EQ(v.size(), 168u);
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / 168;
  const engine::ArrivalRate rate = engine::compile_arrival_rate(source, s.start_date, s.run.horizon);
  for (std::size_t h = 0; h < static_cast<std::size_t>(s.run.horizon * 24); ++h) {
    const double expected = source.rate_per_day * v[week_hour(s.start_date, h)] / mean / 24;
    ASSERT_NEAR(rate.expected_arrivals(static_cast<double>(h) / 24, static_cast<double>(h + 1) / 24), expected,
                1e-9 * expected)
        << "hour " << h;
  }
}

TEST(HourOfWeek, SampledHourlyCountsReproduceTheShape) {
  const model::Scenario s = example("hour_of_week");
  const model::ArrivalSource& source = s.arrivals.at(0);
  const std::vector<double>& v = source.profile->hour_of_week;
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / 168;
  const engine::ArrivalRate rate = engine::compile_arrival_rate(source, s.start_date, s.run.horizon);
  constexpr std::uint32_t kReplications = 5;
  const double weeks = s.run.horizon / 7;
  ASSERT_EQ(weeks, 52);

  std::vector<double> observed(168, 0.0);
  for (std::uint32_t rep = 0; rep < kReplications; ++rep) {
    engine::RandomEngine stream = engine::make_stream(s.run.seed, rep, engine::StreamPurpose::Arrivals, 0);
    boost::random::exponential_distribution<double> unit_exponential(1.0);
    for (SimTime t = rate.next_arrival_after(0, unit_exponential(stream)); t < s.run.horizon;
         t = rate.next_arrival_after(t, unit_exponential(stream))) {
      observed[week_hour(s.start_date, static_cast<std::size_t>(t * 24))] += 1;
    }
  }
  double statistic = 0;
  for (std::size_t k = 0; k < 168; ++k) {
    const double expected = source.rate_per_day * v[k] / mean / 24 * weeks * kReplications;
    ASSERT_GT(expected, 20) << "the χ² approximation needs no small expectations";
    statistic += (observed[k] - expected) * (observed[k] - expected) / expected;
  }
  const boost::math::chi_squared chi2(168);
  EXPECT_LT(statistic, boost::math::quantile(boost::math::complement(chi2, 0.001)))
      << "hour-of-week counts: X² = " << statistic << " on 168 df";
}

TEST(HourOfWeek, AProductOfHourAndWeekdayShapesGivesTheirTable) {
  model::ArrivalSource separate;
  separate.name = "a";
  separate.rate_per_day = 30;
  separate.profile = model::ArrivalProfile{};
  for (std::size_t h = 0; h < 24; ++h) separate.profile->hour_of_day[h] = 1 + static_cast<double>(h % 5);
  separate.profile->day_of_week = {1.4, 1.1, 1.0, 1.0, 1.0, 0.8, 0.7};
  model::ArrivalSource combined = separate;
  combined.profile->hour_of_week.resize(168);
  for (std::size_t k = 0; k < 168; ++k) {
    combined.profile->hour_of_week[k] = separate.profile->hour_of_day[k % 24] * separate.profile->day_of_week[k / 24];
  }
  combined.profile->hour_of_day = model::ArrivalProfile::filled<24>(1.0);
  combined.profile->day_of_week = model::ArrivalProfile::filled<7>(1.0);
  const model::Date start(std::chrono::year(2024), std::chrono::March, std::chrono::day(14));  // a Thursday
  const engine::ArrivalRate a = engine::compile_arrival_rate(separate, start, 21);
  const engine::ArrivalRate b = engine::compile_arrival_rate(combined, start, 21);
  ASSERT_EQ(a.segment_count(), b.segment_count());
  for (std::size_t h = 0; h < 21 * 24; ++h) {
    const double t = (static_cast<double>(h) + 0.5) / 24;
    EXPECT_NEAR(a.rate_at(t), b.rate_at(t), 1e-12 * a.rate_at(t)) << "hour " << h;
  }
}

TEST(HourlyRates, EachHourHasItsRateAsWritten) {
  const model::Scenario s = example("hourly_rates");
  const model::ArrivalSource& source = s.arrivals.at(0);
  const std::array<double, 24> written{0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6, 6, 5, 4, 4, 5, 5, 4, 3, 2, 0, 0, 0, 0};
  EXPECT_EQ(source.rate_per_day, 52);
  const engine::ArrivalRate rate = engine::compile_arrival_rate(source, s.start_date, s.run.horizon);
  for (std::size_t h = 0; h < 7 * 24; ++h) {
    const double per_hour = rate.rate_at((static_cast<double>(h) + 0.5) / 24) / 24;
    EXPECT_NEAR(per_hour, written[h % 24], 1e-12 * written[h % 24]) << "hour " << h;
  }
}

TEST(HourlyRates, MeanArrivalsADayAreTheirSum) {
  const model::Scenario s = example("hourly_rates");
  const run::BatchResult batch = run::run_batch(s);
  std::vector<double> per_day = per_replication(batch, &stats::SystemResult::arrivals);
  for (double& arrivals : per_day) arrivals /= s.run.horizon - s.run.warm_up;
  CiFamily ci(1);
  EXPECT_TRUE(ci.contains("arrivals a day", per_day, 52));
}

}  // namespace
}  // namespace carepath::validation
