// SPDX-License-Identifier: MIT
// Arrivals drawn by inverting the compiled rate (sim/engine/arrival_rate.hpp) form the intended
// non-homogeneous Poisson process. Theory: for a Poisson process of rate λ(t), the counts in
// disjoint intervals are independent Poisson variables with means Λ(b) − Λ(a), and independent
// replications add independent counts. So with O_k arrivals observed and E_k expected in bin k,
//   - the Pearson statistic X² = Σ (O_k − E_k)² / E_k over the K bins with E_k > 0 is
//     approximately χ²(K) (no parameter is estimated and the total is not conditioned on, so no
//     degree of freedom is lost; every E_k here is above 20, where the approximation is close);
//   - a bin with E_k = 0 (the source is closed) holds no arrival at all, exactly;
//   - the total N is Poisson(Λ), so z = (N − Λ) / √Λ is approximately standard normal.
// The profile: A&E-like, 40/day, hours 03:00-05:00 closed (shape 0), a strong day peak, Monday
// at 2.5 times Sunday, January x 1.2, +5% a year and a x1.6 winter surge, over 52 weeks from
// Thursday 2022-12-01, in 5 replications (about 80,000 arrivals). Two partitions are tested: 168
// hours of the week (hour and weekday shapes) and the 364 days of the run (month, growth, surge).
// Each of the three checks rejects at level 0.001 (χ² upper 0.1% quantile; |z| > 3.29), so a
// correct sampler fails this test with probability at most 0.3% (union bound), up to the χ² and
// normal approximations. Fixed seed, single attempt: a failure is evidence, never retried.
// The expectations come from the same compiled table the sampler inverts, so this tests the
// sampling; tests/unit/engine/arrival_rate_test.cpp tests the table against hand-worked values.
#include "engine/arrival_rate.hpp"
#include "engine/rng_streams.hpp"

#include <carepath/model/calendar.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/time.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

constexpr double kLevel = 0.001;  // per check; three checks
constexpr std::uint64_t kSeed = 20221201;
constexpr std::uint32_t kReplications = 5;
constexpr double kHorizon = 364;  // 52 weeks

model::Date start_date() { return model::Date(std::chrono::year(2022), std::chrono::December, std::chrono::day(1)); }

model::ArrivalSource profiled_source() {
  model::ArrivalProfile profile;
  profile.hour_of_day = {0.4, 0.3, 0.2, 0, 0, 0.3, 0.6, 1.0, 1.6, 2.2, 2.5, 2.5,
                         2.4, 2.3, 2.2, 2.1, 2.0, 1.9, 1.8, 1.6, 1.4, 1.1, 0.8, 0.6};
  profile.day_of_week = {1.5, 1.2, 1.0, 1.0, 1.1, 0.8, 0.6};
  profile.month_of_year[0] = 1.2;
  profile.yearly_growth = 0.05;
  profile.surges = {{model::date_after(start_date(), 14), model::date_after(start_date(), 45), 1.6}};
  model::ArrivalSource source;
  source.name = "ae";
  source.to = "ae";
  source.rate_per_day = 40;
  source.profile = profile;
  return source;
}

/// Observed and expected counts over one partition of time into bins.
struct Bins {
  explicit Bins(std::size_t count) : observed(count, 0.0), expected(count, 0.0) {}
  std::vector<double> observed;
  std::vector<double> expected;
};

struct Verdict {
  double statistic = 0;
  double critical = 0;
  std::size_t degrees_of_freedom = 0;
  std::string arrivals_in_closed_bins;
};

/// Pearson's X² against χ²(K) at kLevel; bins expecting nothing must be empty.
Verdict chi_square(const Bins& bins) {
  Verdict v;
  for (std::size_t k = 0; k < bins.expected.size(); ++k) {
    const double e = bins.expected[k];
    const double o = bins.observed[k];
    if (e > 0) {
      v.statistic += (o - e) * (o - e) / e;
      ++v.degrees_of_freedom;
    } else if (o > 0) {
      v.arrivals_in_closed_bins += " bin " + std::to_string(k) + " has " + std::to_string(o);
    }
  }
  const boost::math::chi_squared distribution(static_cast<double>(v.degrees_of_freedom));
  v.critical = boost::math::quantile(boost::math::complement(distribution, kLevel));
  return v;
}

double smallest_positive(const std::vector<double>& values) {
  double smallest = std::numeric_limits<double>::infinity();
  for (const double x : values) {
    if (x > 0 && x < smallest) smallest = x;
  }
  return smallest;
}

TEST(Nhpp, ArrivalCountsMatchTheCompiledRate) {
  const engine::ArrivalRate rate = engine::compile_arrival_rate(profiled_source(), start_date(), kHorizon);
  ASSERT_EQ(rate.segment_count(), static_cast<std::size_t>(kHorizon * 24));

  const auto hours_in_run = static_cast<std::size_t>(kHorizon * 24);
  auto hour_of_week = [&](std::size_t hour) {
    const model::Date date = model::date_after(start_date(), static_cast<long>(hour / 24));
    return model::iso_weekday_index(date) * 24 + hour % 24;
  };

  Bins by_hour_of_week(168);
  Bins by_day(static_cast<std::size_t>(kHorizon));
  for (std::size_t h = 0; h < hours_in_run; ++h) {
    const double expected =
        kReplications * rate.expected_arrivals(static_cast<double>(h) / 24, static_cast<double>(h + 1) / 24);
    by_hour_of_week.expected[hour_of_week(h)] += expected;
    by_day.expected[h / 24] += expected;
  }

  double total = 0;
  for (std::uint32_t rep = 0; rep < kReplications; ++rep) {
    engine::RandomEngine stream = engine::make_stream(kSeed, rep, engine::StreamPurpose::Arrivals, 0);
    boost::random::exponential_distribution<double> unit_exponential(1.0);
    for (SimTime t = rate.next_arrival_after(0, unit_exponential(stream)); t < kHorizon;
         t = rate.next_arrival_after(t, unit_exponential(stream))) {
      const auto hour = static_cast<std::size_t>(t * 24);
      by_hour_of_week.observed[hour_of_week(hour)] += 1;
      by_day.observed[hour / 24] += 1;
      total += 1;
    }
  }

  // The χ² approximation needs no small expectations among the bins it counts.
  ASSERT_GT(smallest_positive(by_hour_of_week.expected), 20);
  ASSERT_GT(smallest_positive(by_day.expected), 20);

  const Verdict weekly = chi_square(by_hour_of_week);
  EXPECT_EQ(weekly.degrees_of_freedom, 168u - 14u);  // 03:00-05:00 closed on all 7 days
  EXPECT_EQ(weekly.arrivals_in_closed_bins, "") << "arrivals while the source is closed";
  EXPECT_LT(weekly.statistic, weekly.critical)
      << "hour-of-week counts: X² = " << weekly.statistic << " on " << weekly.degrees_of_freedom << " df";

  const Verdict daily = chi_square(by_day);
  EXPECT_EQ(daily.degrees_of_freedom, static_cast<std::size_t>(kHorizon));
  EXPECT_LT(daily.statistic, daily.critical)
      << "day-of-run counts: X² = " << daily.statistic << " on " << daily.degrees_of_freedom << " df";

  const double mean = kReplications * rate.expected_arrivals(0, kHorizon);
  const double z_bound =
      boost::math::quantile(boost::math::complement(boost::math::normal_distribution<double>(), kLevel / 2));
  const double z = (total - mean) / std::sqrt(mean);
  EXPECT_LT(std::abs(z), z_bound) << "total " << total << " against a Poisson mean of " << mean;
}

}  // namespace
}  // namespace carepath::validation
