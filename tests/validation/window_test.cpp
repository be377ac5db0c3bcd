// SPDX-License-Identifier: MIT
// Comparison windows (--window FROM:TO, a headline's "window") against a window computed by hand
// on a deterministic scenario. The clinic has 10 patients waiting at time 0 and servers of
// exactly 1 day, no arrivals (the source feeds a decoy), no warm-up, horizon 20 days from
// 2024-01-01. The window 2024-01-04 to 2024-01-06 is run time [3, 6): its start opens the
// statistics before anything else at time 3, and its end takes them before anything at time 6,
// as the horizon does.
//
// Base, 1 server: starts at 0..9, ends at 1..10. In [3, 6) the ends at 3, 4 and 5 count:
//   completions 3; present at the window's start 8 (ends at 1 and 2 are before it), at its end
//   5; mean occupancy 1; 3 days measured.
// Variant, 2 servers: pairs start at 0..4 and end at 1..5. In [3, 6): completions 6 (two at each
//   of 3, 4, 5); present 6 at the start, 0 at the end; occupancy 2, 2, 0 a day: mean 4/3.
// Paired differences, in every replication: completions +3, present_at_end -5, mean occupancy +1/3.
#include "scenario_builders.hpp"

#include <carepath/model/date_window.hpp>

#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/run/headlines.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace carepath::validation {
namespace {

model::Scenario backlog(std::uint32_t servers) {
  model::Scenario s = build::scenario("window_backlog", 20, 0, 3, 91);
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  model::Service clinic = build::service("clinic", servers, model::Deterministic{1.0});
  clinic.initial_waiting = {build::cohort(5, 10)};
  s.services = {clinic, build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  return s;
}

model::DateWindow days_3_to_5(const model::Scenario& s) { return {build::day(s, 3), build::day(s, 5)}; }

const run::KpiDifference& difference(const std::vector<run::KpiDifference>& all, const std::string& metric) {
  const auto d = std::find_if(all.begin(), all.end(), [&](const run::KpiDifference& x) {
    return x.kind == "service" && x.name == "clinic" && x.metric == metric;
  });
  EXPECT_NE(d, all.end()) << metric;
  return *d;
}

TEST(Window, RunTimeOfAWindowOfDates) {
  model::Scenario s = backlog(1);
  const model::WindowCheck plain = model::check_window(s.start_date, s.run, days_3_to_5(s));
  ASSERT_TRUE(plain.times);
  EXPECT_EQ(plain.times->from, 3.0);
  EXPECT_EQ(plain.times->to, 6.0);
  EXPECT_TRUE(plain.notice.empty());
  // From 06:00, day 3 starts at run time 3 - 0.25.
  s.run.start_hour = 6;
  const model::WindowCheck shifted = model::check_window(s.start_date, s.run, days_3_to_5(s));
  ASSERT_TRUE(shifted.times);
  EXPECT_EQ(shifted.times->from, 2.75);
  EXPECT_EQ(shifted.times->to, 5.75);
  s.run.start_hour = 0;
  // Within the warm-up: measured from its end, said; wholly within it, or outside the run: refused.
  s.run.warm_up = 4;
  const model::WindowCheck late = model::check_window(s.start_date, s.run, days_3_to_5(s));
  ASSERT_TRUE(late.times);
  EXPECT_EQ(late.times->from, 4.0);
  EXPECT_NE(late.notice.find("starts within the warm-up (the first 4 days)"), std::string::npos) << late.notice;
  EXPECT_FALSE(model::check_window(s.start_date, s.run, {build::day(s, 0), build::day(s, 2)}).times);
  const model::WindowCheck outside = model::check_window(s.start_date, s.run, {build::day(s, 3), build::day(s, 20)});
  EXPECT_FALSE(outside.times);
  EXPECT_EQ(outside.problem, "2024-01-04 to 2024-01-21 must lie within the run's days, 2024-01-01 to 2024-01-20");
}

TEST(Window, WindowedComparisonEqualsTheWindowByHand) {
  const model::Scenario base = backlog(1);
  model::ScenarioVariant two{"two_servers", "", {}, {}, backlog(2)};
  two.scenario.name = "two_servers";
  run::BatchOptions options;
  options.window = days_3_to_5(base);
  const run::ComparisonResult cmp = run::run_comparison(base, {two}, options);

  for (const auto& rep : cmp.base.replications) {
    const stats::ServiceResult& c = rep.services[0];
    EXPECT_EQ(rep.window, 3.0);
    EXPECT_EQ(c.completions, 3.0);
    EXPECT_EQ(c.present_at_start, 8.0);
    EXPECT_EQ(c.present_at_end, 5.0);
    EXPECT_NEAR(c.mean_occupancy, 1.0, 1e-12);
    // The trajectories still cover the whole run, and their days 3..5 add up to the window.
    ASSERT_EQ(rep.trajectory.days.periods, 20u);
    double by_day = 0;
    for (std::size_t d = 3; d <= 5; ++d) by_day += rep.trajectory.days.at(d, 3);  // kServiceTrajectoryMetrics: completions
    EXPECT_EQ(by_day, c.completions);
  }
  for (const auto& rep : cmp.variants[0].result.replications) {
    EXPECT_EQ(rep.services[0].completions, 6.0);
    EXPECT_EQ(rep.services[0].present_at_start, 6.0);
    EXPECT_EQ(rep.services[0].present_at_end, 0.0);
    EXPECT_NEAR(rep.services[0].mean_occupancy, 4.0 / 3, 1e-12);
  }
  const run::VariantDifferences& d = cmp.differences[0];
  ASSERT_TRUE(d.window);
  EXPECT_EQ(*d.window, days_3_to_5(base));
  EXPECT_EQ(difference(d.differences, "completions").difference.mean, 3.0);
  EXPECT_EQ(difference(d.differences, "completions").difference.ci_low, 3.0);  // the same in every replication
  EXPECT_EQ(difference(d.differences, "present_at_end").difference.mean, -5.0);
  EXPECT_NEAR(difference(d.differences, "mean_occupancy").difference.mean, 1.0 / 3, 1e-12);
}

TEST(Window, HeadlineWindowIsMeasuredLikeTheRunWindow) {
  model::Scenario base = backlog(1);
  base.headlines = {{"service.clinic.completions", "all year", std::nullopt},
                    {"service.clinic.completions", "days 3-5", days_3_to_5(base)}};
  model::ScenarioVariant two{"two_servers", "", {}, {}, backlog(2)};
  two.scenario.name = "two_servers";
  two.scenario.headlines = base.headlines;
  const run::ComparisonResult cmp = run::run_comparison(base, {two});

  ASSERT_EQ(cmp.base.headline_windows.size(), 1u);
  const std::vector<run::HeadlineValue> values = run::headline_values(base.headlines, cmp.base);
  EXPECT_EQ(values[0].estimate.mean, 10.0);
  EXPECT_FALSE(values[0].window);
  EXPECT_EQ(values[1].estimate.mean, 3.0);
  EXPECT_EQ(values[1].window, days_3_to_5(base));
  const std::vector<run::HeadlineDifference> rows = run::headline_differences(base.headlines, cmp.differences[0]);
  EXPECT_EQ(rows[0].difference.mean, 0.0);  // both finish all 10 within the run
  EXPECT_FALSE(rows[0].detectable);
  EXPECT_EQ(rows[1].base_mean, 3.0);
  EXPECT_EQ(rows[1].variant_mean, 6.0);
  EXPECT_TRUE(rows[1].detectable);
  EXPECT_EQ(rows[1].window, days_3_to_5(base));
  // The trajectories of the run itself are not cut by a headline's window.
  EXPECT_EQ(cmp.base.replications[0].trajectory.days.periods, 20u);
}

}  // namespace
}  // namespace carepath::validation
