// SPDX-License-Identifier: MIT
// Per-day and per-week trajectories (recorder_trajectory.cpp), checked three ways.
// Exact cases, where every value follows by hand:
//   - backlog: a clinic with 2 servers, service exactly 0.5 days, 40 patients waiting at time 0
//     (waited 0), wait target 3 days, no arrivals, starting Thursday 2022-12-01 for 14 days.
//     Two start at 0, 0.5, 1, ..., 9.5, so day 0 completes 2 (at 0.5), days 1..9 complete 4 (the
//     completion at the boundary k belongs to day k: a day ends just before the first event at
//     its end), day 10 completes the last 2 at 10.0; queue_end(d) = max(0, 36 - 4d); day d in
//     1..9 starts waits d, d, d+0.5, d+0.5: mean d + 0.25, type-7 P90 (h = 2.7) d + 0.5.
//     ISO weeks: Thu-Sun (4 days), Mon-Sun (7), Mon-Wed (3).
//   - roster: a clinic open Mon-Fri 08:00-16:00 with a 1-hour service completes nobody at weekends;
//     its capacity_mean is 1/3 on weekdays (one server for 8 of 24 hours) and 0 at weekends.
//   - backlog, at each day's end: present_end 38 - 4d (waiting and the two in service); at the
//     end of the first week (day 3, everyone has waited 4 > 3 days) the 24 waiting are over the
//     wait target and the 26 in the pathway over its target.
// Identities, in every replication of a scenario with blocking, losses, reneging and a pathway,
// warm-up 0 and a partial last day (horizon 60.5): sums over days of arrivals, completions,
// losses, reneges and pathway completions equal the replication's totals exactly (counts are
// integers, exact as float); blocked bed-days and the day-length-weighted occupancy equal the
// replication's to float rounding (relative 1e-5: each day's value is rounded to a 24-bit float);
// every week equals its days. With a warm-up, the days after it hold exactly the counted arrivals.
// After a deadlock (the blocking cycle of deadlock_test.cpp) the days the replication never ran are
// NaN, and the days it ran still sum to its totals.
// Statistics: M/M/1 at rho = 0.5 (lambda = 12/day, mean service 1 h), started empty. The busy
// probability relaxes to rho within about 1/(mu (1 - sqrt(rho))^2) = 0.5 day, so the mean daily
// occupancy over days 5..19 of each replication estimates rho; replications are iid, each averages
// about 180 services, so the 99% t interval of ci_check.hpp over them applies (fixed seed, one attempt).
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>
#include <carepath/stats/trajectory.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

using namespace std::chrono_literals;
using stats::TrajectoryKind;

constexpr std::size_t kServiceMetricCount = stats::kServiceTrajectoryMetrics.size();
constexpr std::size_t kPathwayMetricCount = stats::kPathwayTrajectoryMetrics.size();

std::size_t service_metric(const char* name) {
  for (std::size_t m = 0; m < kServiceMetricCount; ++m) {
    if (std::string(stats::kServiceTrajectoryMetrics[m].name) == name) return m;
  }
  ADD_FAILURE() << "no service trajectory metric " << name;
  return 0;
}

std::size_t pathway_metric(const char* name) {
  for (std::size_t m = 0; m < kPathwayMetricCount; ++m) {
    if (std::string(stats::kPathwayTrajectoryMetrics[m].name) == name) return m;
  }
  ADD_FAILURE() << "no pathway trajectory metric " << name;
  return 0;
}

/// Column of one service metric in a replication's block.
std::size_t service_column(std::size_t service, const char* metric) {
  return service * kServiceMetricCount + service_metric(metric);
}
std::size_t pathway_column(std::size_t services, std::size_t pathway, const char* metric) {
  return services * kServiceMetricCount + pathway * kPathwayMetricCount + pathway_metric(metric);
}

double sum_over_periods(const stats::TrajectoryBlock& block, std::size_t column) {
  double sum = 0;
  for (std::size_t p = 0; p < block.periods; ++p) {
    if (!std::isnan(block.at(p, column))) sum += block.at(p, column);  // a deadlock leaves later days NaN
  }
  return sum;
}

model::Pathway pathway(std::string name, std::string start, std::string end, double target) {
  model::Pathway p;
  p.name = std::move(name);
  p.start = std::move(start);
  p.end = std::move(end);
  p.target = target;
  return p;
}

constexpr std::array<bool, 7> kMonToFri{true, true, true, true, true, false, false};

model::Scenario backlog_scenario() {
  model::Scenario s = build::scenario("backlog", 14, 0, 2, 5);
  s.start_date = model::Date{2022y, std::chrono::December, 1d};
  // Arrivals go to a decoy, so the clinic sees only its backlog.
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  model::Service clinic = build::service("clinic", 2, model::Deterministic{0.5});
  clinic.initial_waiting = {build::cohort(0, 40)};
  clinic.wait_target = 3;
  s.services = {clinic, build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  s.pathways = {pathway("clinic_visit", "clinic", "clinic", 3)};
  return s;
}

TEST(Trajectory, CalendarHasPartialIsoWeeks) {
  const stats::TrajectoryCalendar c = stats::trajectory_calendar(model::Date{2022y, std::chrono::December, 1d}, 14);
  EXPECT_EQ(c.days, 14u);
  EXPECT_EQ(c.first_weekday, 3u);  // Thursday
  ASSERT_EQ(c.weeks(), 3u);
  EXPECT_EQ(c.week_first_day(1), 4u);
  EXPECT_EQ(c.week_first_day(2), 11u);
  EXPECT_EQ(c.week_days(0), 4u);
  EXPECT_EQ(c.week_days(1), 7u);
  EXPECT_EQ(c.week_days(2), 3u);
  const stats::TrajectoryCalendar partial = stats::trajectory_calendar(model::Date{2024y, std::chrono::January, 1d}, 7.25);
  EXPECT_EQ(partial.days, 8u);
  ASSERT_EQ(partial.weeks(), 2u);
  EXPECT_EQ(partial.week_days(0), 7u);
  EXPECT_EQ(partial.week_days(1), 1u);
}

TEST(Trajectory, CalendarMonthsFollowTheCalendar) {
  // 60 days from 15 January 2024: 17 days of January, all 29 of February (a leap year), 14 of March.
  const stats::TrajectoryCalendar c = stats::trajectory_calendar(model::Date{2024y, std::chrono::January, 15d}, 60);
  ASSERT_EQ(c.months(), 3u);
  EXPECT_EQ(c.month_of(16), 0u);
  EXPECT_EQ(c.month_of(17), 1u);
  EXPECT_EQ(c.month_of(46), 2u);
  EXPECT_EQ(c.month_first_day(1), 17u);
  EXPECT_EQ(c.month_first_day(2), 46u);
  EXPECT_EQ(c.month_days(0), 17u);
  EXPECT_EQ(c.month_days(1), 29u);
  EXPECT_EQ(c.month_days(2), 14u);
  // Across a year's end: December 2023 to January 2024.
  const stats::TrajectoryCalendar turn = stats::trajectory_calendar(model::Date{2023y, std::chrono::December, 31d}, 2);
  EXPECT_EQ(turn.months(), 2u);
  EXPECT_EQ(turn.month_days(0), 1u);
}

TEST(Trajectory, BacklogDaysAreExact) {
  const model::Scenario s = backlog_scenario();
  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    ASSERT_EQ(days.periods, 14u);
    ASSERT_EQ(days.series, stats::trajectory_series_count(2, 1));
    for (std::uint32_t d = 0; d < 14; ++d) {
      SCOPED_TRACE("day " + std::to_string(d));
      const double k = d;
      const double completions = d == 0 ? 2 : d <= 9 ? 4 : d == 10 ? 2 : 0;
      EXPECT_EQ(days.at(d, service_column(0, "completions")), completions);
      EXPECT_EQ(days.at(d, service_column(0, "queue_end")), std::max(0.0, 36 - 4 * k));
      EXPECT_EQ(days.at(d, service_column(0, "arrivals")), 0);  // those waiting at time 0 are not arrivals
      EXPECT_EQ(days.at(d, service_column(0, "losses")), 0);
      EXPECT_FLOAT_EQ(days.at(d, service_column(0, "occupancy_mean")), d <= 9 ? 2 : 0);
      EXPECT_EQ(days.at(d, service_column(0, "blocked_bed_days")), 0);
      const float wait_mean = days.at(d, service_column(0, "wait_mean"));
      const float wait_p90 = days.at(d, service_column(0, "wait_p90"));
      const float within = days.at(d, service_column(0, "within_target"));
      if (d <= 9) {
        EXPECT_FLOAT_EQ(wait_mean, static_cast<float>(k + 0.25));
        EXPECT_FLOAT_EQ(wait_p90, static_cast<float>(k + 0.5));
        EXPECT_FLOAT_EQ(within, d <= 2 ? 1.0f : d == 3 ? 0.5f : 0.0f);
      } else {
        EXPECT_TRUE(std::isnan(wait_mean));
        EXPECT_TRUE(std::isnan(wait_p90));
        EXPECT_TRUE(std::isnan(within));
      }
      // The pathway is the clinic itself: it completes with the clinic, in wait + 0.5 days.
      EXPECT_EQ(days.at(d, pathway_column(2, 0, "completions")), completions);
      EXPECT_EQ(days.at(d, pathway_column(2, 0, "in_pathway_end")), d <= 9 ? 38 - 4 * k : 0);
      // Present at the end of day d: those waiting and the two in service. Over target is
      // counted by week only.
      EXPECT_EQ(days.at(d, service_column(0, "present_end")), d <= 9 ? 38 - 4 * k : 0);
      EXPECT_TRUE(std::isnan(days.at(d, service_column(0, "over_target_end"))));
      EXPECT_TRUE(std::isnan(days.at(d, pathway_column(2, 0, "over_target_end"))));
      EXPECT_EQ(days.at(d, service_column(0, "capacity_mean")), 2);
      EXPECT_TRUE(std::isnan(days.at(d, service_column(1, "capacity_mean"))));  // unlimited
      EXPECT_TRUE(std::isnan(days.at(d, service_column(1, "over_target_end"))));  // no wait target
      if (d >= 1 && d <= 9) {
        EXPECT_FLOAT_EQ(days.at(d, pathway_column(2, 0, "time_mean")), static_cast<float>(k + 0.25));
      }
    }
  }
  // At the end of week 0 (day 3, time 4) the 24 waiting have waited 4 days, over the 3-day wait
  // target, and so have the 26 in the pathway (its target is 3 days too); weeks 1 and 2 end empty.
  for (const auto& rep : batch.replications) {
    const stats::TrajectoryBlock& weeks = rep.trajectory.weeks;
    ASSERT_EQ(weeks.periods, 3u);
    EXPECT_EQ(weeks.at(0, service_column(0, "over_target_end")), 24);
    EXPECT_EQ(weeks.at(0, pathway_column(2, 0, "over_target_end")), 26);
    EXPECT_EQ(weeks.at(0, service_column(0, "present_end")), 26);
    for (const std::size_t w : {std::size_t{1}, std::size_t{2}}) {
      EXPECT_EQ(weeks.at(w, service_column(0, "over_target_end")), 0);
      EXPECT_EQ(weeks.at(w, pathway_column(2, 0, "over_target_end")), 0);
    }
    EXPECT_TRUE(std::isnan(weeks.at(0, service_column(1, "over_target_end"))));
  }
  // Every replication is the same, so every band collapses onto the value.
  const stats::TrajectorySummary& t = batch.trajectories;
  const std::size_t q = t.series_index(TrajectoryKind::Service, 0, service_metric("queue_end"));
  EXPECT_EQ(t.series[q].name, "clinic");
  EXPECT_STREQ(t.series[q].metric, "queue_end");
  const std::size_t cell = 3 * t.series.size() + q;
  for (const auto* band : {&t.days.mean, &t.days.p5, &t.days.p50, &t.days.p95}) EXPECT_EQ((*band)[cell], 24);
  EXPECT_EQ(t.days.n[cell], 2u);
  const std::size_t w = t.series_index(TrajectoryKind::Service, 0, service_metric("wait_mean"));
  EXPECT_EQ(t.days.n[12 * t.series.size() + w], 0u);  // nobody started on day 12
  EXPECT_TRUE(std::isnan(t.days.mean[12 * t.series.size() + w]));
}

TEST(Trajectory, BacklogWeeksAggregateTheirDays) {
  const run::BatchResult batch = run::run_batch(backlog_scenario());
  const stats::TrajectoryBlock& weeks = batch.replications[0].trajectory.weeks;
  ASSERT_EQ(weeks.periods, 3u);
  EXPECT_EQ(weeks.at(0, service_column(0, "completions")), 14);
  EXPECT_EQ(weeks.at(1, service_column(0, "completions")), 26);
  EXPECT_EQ(weeks.at(2, service_column(0, "completions")), 0);
  EXPECT_EQ(weeks.at(0, service_column(0, "queue_end")), 24);  // Sunday's
  EXPECT_EQ(weeks.at(1, service_column(0, "queue_end")), 0);
  EXPECT_FLOAT_EQ(weeks.at(0, service_column(0, "occupancy_mean")), 2);
  EXPECT_FLOAT_EQ(weeks.at(1, service_column(0, "occupancy_mean")), 12.0f / 7);
  // Week 0 starts waits 0, 0, 0.5, 0.5, ..., 3.5, 3.5: mean 1.75; P90 h = 13.5 between 3 and 3.5.
  EXPECT_FLOAT_EQ(weeks.at(0, service_column(0, "wait_mean")), 1.75f);
  EXPECT_FLOAT_EQ(weeks.at(0, service_column(0, "wait_p90")), 3.25f);
  EXPECT_FLOAT_EQ(weeks.at(0, service_column(0, "within_target")), 14.0f / 16);
  EXPECT_TRUE(std::isnan(weeks.at(2, service_column(0, "wait_mean"))));
  EXPECT_EQ(batch.trajectories.calendar.weeks(), 3u);
  EXPECT_EQ(batch.trajectories.calendar.week_days(0), 4u);
}

TEST(Trajectory, RosterClosedAtWeekendsCompletesNobody) {
  // 24 referrals a day against 8 served per weekday: from the first hours of day 0 on, there is
  // always someone waiting when the clinic opens (no referral before 16:00 on day 0 has
  // probability e^-16), so every weekday completes someone and every weekend day no one.
  model::Scenario s = build::scenario("roster", 28, 0, 4, 9);
  s.arrivals = {build::source("referrals", "clinic", 24.0)};
  model::Service clinic = build::service("clinic", 0, model::Deterministic{1.0 / 24});
  model::RosterShift open;
  open.weekdays = kMonToFri;
  open.from_hour = 8;
  open.to_hour = 16;
  open.capacity = 1;
  clinic.roster = {open};
  s.services = {clinic};
  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    for (std::uint32_t d = 0; d < days.periods; ++d) {
      const float completions = days.at(d, service_column(0, "completions"));
      // Beds open: one for 8 of a weekday's 24 hours, none at weekends.
      EXPECT_FLOAT_EQ(days.at(d, service_column(0, "capacity_mean")), d % 7 >= 5 ? 0.0f : 1.0f / 3) << "day " << d;
      if (d % 7 >= 5) {
        EXPECT_EQ(completions, 0) << "day " << d;
      } else {
        EXPECT_GT(completions, 0) << "day " << d;
      }
    }
  }
}

/// Blocking (ward -> care with no waiting room), losses (the ward's queue holds 2), reneging
/// (exponential patience) and a pathway through both.
model::Scenario busy_scenario(double warm_up) {
  model::Scenario s = build::scenario("busy", 60.5, warm_up, 3, 17);
  s.arrivals = {build::source("admissions", "ward", 2.5)};
  model::Service ward = build::service("ward", 3, model::Exponential{1.0}, 2);
  ward.patience = model::Exponential{1.0};
  ward.wait_target = 0.5;
  ward.routes = {build::route("care", 0.6), build::route(model::kExit, 0.4)};
  model::Service care = build::service("care", 1, model::Exponential{1.0}, 0);
  s.services = {ward, care};
  s.pathways = {pathway("ward_to_out", "ward", "care", 3)};
  return s;
}

TEST(Trajectory, DaysSumToTheReplicationWithoutWarmUp) {
  const run::BatchResult batch = run::run_batch(busy_scenario(0));
  double blocked_anywhere = 0;
  for (const auto& rep : batch.replications) {
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    ASSERT_EQ(days.periods, 61u);
    for (std::size_t i = 0; i < rep.services.size(); ++i) {
      SCOPED_TRACE("service " + std::to_string(i));
      const stats::ServiceResult& r = rep.services[i];
      EXPECT_EQ(sum_over_periods(days, service_column(i, "arrivals")), r.arrivals);
      EXPECT_EQ(sum_over_periods(days, service_column(i, "completions")), r.completions);
      EXPECT_EQ(sum_over_periods(days, service_column(i, "losses")), r.losses);
      EXPECT_EQ(sum_over_periods(days, service_column(i, "reneges")), r.reneges);
      const double blocked = sum_over_periods(days, service_column(i, "blocked_bed_days"));
      EXPECT_NEAR(blocked, r.blocked_bed_days, 1e-5 * r.blocked_bed_days + 1e-9);
      blocked_anywhere += blocked;
      double occupied = 0;
      for (std::uint32_t d = 0; d < days.periods; ++d) {
        occupied += days.at(d, service_column(i, "occupancy_mean")) * (d == 60 ? 0.5 : 1.0);
      }
      EXPECT_NEAR(occupied, r.mean_occupancy * 60.5, 1e-5 * r.mean_occupancy * 60.5);
    }
    EXPECT_EQ(sum_over_periods(days, pathway_column(2, 0, "completions")), rep.pathways[0].completions);
    EXPECT_EQ(days.at(60, pathway_column(2, 0, "in_pathway_end")), rep.pathways[0].in_pathway_at_end);
  }
  EXPECT_GT(blocked_anywhere, 0) << "the scenario should block";
}

TEST(Trajectory, WeeksEqualTheirDays) {
  const run::BatchResult batch = run::run_batch(busy_scenario(0));
  const stats::TrajectoryCalendar& calendar = batch.trajectories.calendar;
  for (const auto& rep : batch.replications) {
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    const stats::TrajectoryBlock& weeks = rep.trajectory.weeks;
    ASSERT_EQ(weeks.periods, calendar.weeks());
    for (std::uint32_t w = 0; w < weeks.periods; ++w) {
      const std::uint32_t first = calendar.week_first_day(w);
      const std::uint32_t last = first + calendar.week_days(w) - 1;
      for (std::size_t i = 0; i < rep.services.size(); ++i) {
        for (const char* count : {"arrivals", "completions", "losses", "reneges"}) {
          double sum = 0;
          for (std::uint32_t d = first; d <= last; ++d) sum += days.at(d, service_column(i, count));
          EXPECT_EQ(weeks.at(w, service_column(i, count)), sum) << "week " << w << " " << count;
        }
        double blocked = 0;
        double occupied = 0;
        double length = 0;
        for (std::uint32_t d = first; d <= last; ++d) {
          const double day_length = d == 60 ? 0.5 : 1.0;
          blocked += days.at(d, service_column(i, "blocked_bed_days"));
          occupied += days.at(d, service_column(i, "occupancy_mean")) * day_length;
          length += day_length;
        }
        EXPECT_NEAR(weeks.at(w, service_column(i, "blocked_bed_days")), blocked, 1e-5 * blocked + 1e-9);
        EXPECT_NEAR(weeks.at(w, service_column(i, "occupancy_mean")), occupied / length, 1e-5 * occupied / length);
        EXPECT_EQ(weeks.at(w, service_column(i, "queue_end")), days.at(last, service_column(i, "queue_end")));
      }
      double pathway_completions = 0;
      for (std::uint32_t d = first; d <= last; ++d) pathway_completions += days.at(d, pathway_column(2, 0, "completions"));
      EXPECT_EQ(weeks.at(w, pathway_column(2, 0, "completions")), pathway_completions);
      EXPECT_EQ(weeks.at(w, pathway_column(2, 0, "in_pathway_end")), days.at(last, pathway_column(2, 0, "in_pathway_end")));
    }
  }
}

TEST(Trajectory, IncludesTheWarmUp) {
  const run::BatchResult batch = run::run_batch(busy_scenario(10));
  for (const auto& rep : batch.replications) {
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    double before = 0;
    double after = 0;
    for (std::uint32_t d = 0; d < days.periods; ++d) (d < 10 ? before : after) += days.at(d, service_column(0, "arrivals"));
    EXPECT_GT(before, 0);
    EXPECT_EQ(after, rep.services[0].arrivals);
  }
}

// The busy scenario's 60.5 days from its start date, by calendar month: each month's counts are
// the sums of its days in a run by day with the same seed (the trajectory period changes no draw),
// and its queue_end is its last day's.
TEST(Trajectory, MonthsEqualTheirDays) {
  const model::Scenario s = busy_scenario(0);
  const run::BatchResult by_day = run::run_batch(s);
  const run::BatchResult by_month = run::run_batch(s, {.trajectory_period = model::TrajectoryPeriod::Month});
  const stats::TrajectoryCalendar& calendar = by_month.trajectories.calendar;
  EXPECT_EQ(by_month.trajectories.period, model::TrajectoryPeriod::Month);
  ASSERT_GE(calendar.months(), 2u);
  for (std::size_t r = 0; r < by_day.replications.size(); ++r) {
    const stats::TrajectoryRecording& day_rec = by_day.replications[r].trajectory;
    const stats::TrajectoryRecording& month_rec = by_month.replications[r].trajectory;
    EXPECT_TRUE(month_rec.days.values.empty());
    EXPECT_TRUE(month_rec.weeks.values.empty());
    ASSERT_EQ(month_rec.months.periods, calendar.months());
    std::uint32_t covered = 0;
    for (std::uint32_t m = 0; m < calendar.months(); ++m) {
      const std::uint32_t first = calendar.month_first_day(m);
      const std::uint32_t last = first + calendar.month_days(m) - 1;
      covered += calendar.month_days(m);
      for (std::size_t i = 0; i < by_day.replications[r].services.size(); ++i) {
        for (const char* count : {"arrivals", "completions", "losses", "reneges"}) {
          double sum = 0;
          for (std::uint32_t d = first; d <= last; ++d) sum += day_rec.days.at(d, service_column(i, count));
          EXPECT_EQ(month_rec.months.at(m, service_column(i, count)), sum) << "month " << m << " " << count;
        }
        EXPECT_EQ(month_rec.months.at(m, service_column(i, "queue_end")), day_rec.days.at(last, service_column(i, "queue_end")));
      }
    }
    EXPECT_EQ(covered, calendar.days);
  }
}

// By week alone, the weeks are those of a run by day, bit for bit.
TEST(Trajectory, WeekPeriodKeepsTheSameWeeks) {
  const model::Scenario s = busy_scenario(0);
  const run::BatchResult by_day = run::run_batch(s);
  const run::BatchResult by_week = run::run_batch(s, {.trajectory_period = model::TrajectoryPeriod::Week});
  EXPECT_EQ(by_week.trajectories.period, model::TrajectoryPeriod::Week);
  EXPECT_TRUE(by_week.trajectories.days.n.empty());
  for (std::size_t r = 0; r < by_day.replications.size(); ++r) {
    const auto& a = by_day.replications[r].trajectory.weeks.values;
    const auto& b = by_week.replications[r].trajectory.weeks.values;
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(0, std::memcmp(a.data(), b.data(), a.size() * sizeof(float))) << "replication " << r;
  }
}

TEST(Trajectory, PeriodChosenFromTheHorizon) {
  const model::Date start{2024y, std::chrono::January, 1d};
  using model::TrajectoryPeriod;
  const auto chosen = [&](double horizon) {
    return stats::choose_trajectory_period(stats::trajectory_calendar(start, horizon), std::nullopt, 10, 10);
  };
  EXPECT_EQ(chosen(1000).period, TrajectoryPeriod::Day);
  EXPECT_EQ(chosen(1000).notice, "");
  EXPECT_EQ(chosen(1001).period, TrajectoryPeriod::Week);
  EXPECT_EQ(chosen(7000).period, TrajectoryPeriod::Week);
  EXPECT_EQ(chosen(7001).period, TrajectoryPeriod::Month);  // 1001 weeks (2024-01-01 is a Monday)
  // 36,525 days from 2024-01-01 end on 2124-01-01 (2100 is no leap year): 1,201 months.
  EXPECT_EQ(chosen(36525).period, TrajectoryPeriod::Off);
  EXPECT_EQ(chosen(36525).notice,
            "trajectories off (by day: 36,525 days, more than 1000 per series; by week: 5,218 weeks, more than 1000 "
            "per series; by month: 1,201 months, more than 1000 per series); run.trajectory_period or --trajectories "
            "day|week|month|off chooses");
  // The memory bound: 334 days (and 48 weeks) of 175 series over 5,000 replications would hold
  // 1.34 GB by day, more than 1 GiB; by week, 168 MB.
  const stats::TrajectoryChoice many = stats::choose_trajectory_period(stats::trajectory_calendar(start, 334),
                                                                       std::nullopt, 175, 5000);
  EXPECT_EQ(many.period, TrajectoryPeriod::Week);
  EXPECT_EQ(many.notice,
            "trajectories by week, not day (by day: about 1.3 GB in memory (382 periods x 175 series x 5,000 "
            "replications x 4 bytes), more than 1 GiB); run.trajectory_period or --trajectories day|week|month|off "
            "chooses");
  EXPECT_EQ(stats::choose_trajectory_period(stats::trajectory_calendar(start, 334), std::nullopt, 175, 1000).period,
            TrajectoryPeriod::Day);
  // A choice is kept, however long the horizon, with the memory it costs said when above 1 GiB.
  const stats::TrajectoryChoice asked =
      stats::choose_trajectory_period(stats::trajectory_calendar(start, 1e7), TrajectoryPeriod::Day, 10, 10);
  EXPECT_EQ(asked.period, TrajectoryPeriod::Day);
  EXPECT_EQ(asked.notice,
            "trajectories by day will hold about 4.6 GB in memory (11,428,572 periods x 10 series x 10 replications "
            "x 4 bytes); a coarser period or \"off\" needs less; run.trajectory_period or --trajectories "
            "day|week|month|off chooses");
}

TEST(Trajectory, ScenarioPeriodOffRecordsNothing) {
  model::Scenario s = busy_scenario(0);
  s.run.trajectory_period = model::TrajectoryPeriod::Off;
  const run::BatchResult batch = run::run_batch(s);
  EXPECT_TRUE(batch.trajectories.empty());
  for (const auto& rep : batch.replications) EXPECT_TRUE(rep.trajectory.weeks.values.empty());
}

TEST(Trajectory, NotRecordedWhenTurnedOff) {
  run::BatchOptions options;
  options.trajectories = false;
  const run::BatchResult batch = run::run_batch(busy_scenario(0), options);
  EXPECT_TRUE(batch.trajectories.empty());
  for (const auto& rep : batch.replications) {
    EXPECT_TRUE(rep.trajectory.days.values.empty());
    EXPECT_TRUE(rep.trajectory.weeks.values.empty());
  }
}

TEST(Trajectory, DaysAfterADeadlockHaveNoValues) {
  // The blocking cycle of deadlock_test.cpp: a <-> b, one bed each, no queue; every replication
  // deadlocks, after 6.75 days on average, far before the 100-day horizon.
  model::Scenario s = build::scenario("blocking_cycle", 100, 0, 4, 31);
  s.arrivals = {build::source("referrals", "a", 2.0)};
  model::Service a = build::service("a", 1, model::Exponential{1.0}, 0);
  a.routes = {build::route("b")};
  model::Service b = build::service("b", 1, model::Exponential{1.0}, 0);
  b.routes = {build::route("a", 0.5), build::route("c", 0.5)};
  s.services = {a, b, build::service("c", std::nullopt, model::Exponential{1.0})};
  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    ASSERT_TRUE(rep.deadlock.has_value());
    const double stopped = rep.deadlock->time;
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    for (std::uint32_t d = 0; d < days.periods; ++d) {
      const bool ran = d < stopped;
      EXPECT_EQ(std::isnan(days.at(d, service_column(0, "queue_end"))), !ran) << "day " << d << ", stopped " << stopped;
    }
    EXPECT_EQ(sum_over_periods(days, service_column(0, "arrivals")), rep.services[0].arrivals);
    EXPECT_NEAR(sum_over_periods(days, service_column(0, "blocked_bed_days")), rep.services[0].blocked_bed_days,
                1e-5 * rep.services[0].blocked_bed_days + 1e-9);
  }
  EXPECT_EQ(batch.trajectories.days.n[99 * batch.trajectories.series.size()], 0u);
}

TEST(Trajectory, MM1OccupancyApproachesRho) {
  // M/M/1, lambda = 12/day, mu = 24/day: rho = 0.5 = the long-run share of time the server is busy.
  model::Scenario s = build::scenario("mm1_trajectory", 20, 0, sized(200u, 60u), 23);
  s.arrivals = {build::source("arrivals", "server", 12.0)};
  s.services = {build::service("server", 1, model::Exponential{1.0 / 24})};
  const run::BatchResult batch = run::run_batch(s);
  const std::vector<double> late = per_replication_of(batch, [](const stats::ReplicationResult& rep) {
    double sum = 0;
    for (std::uint32_t d = 5; d < 20; ++d) sum += rep.trajectory.days.at(d, service_column(0, "occupancy_mean"));
    return sum / 15;
  });
  CiFamily ci(1);
  EXPECT_TRUE(ci.contains("mean daily occupancy, days 5-19", late, 0.5));
}

}  // namespace
}  // namespace carepath::validation
