// SPDX-License-Identifier: MIT
// Capacity that changes with the calendar (format v2): dated changes, weekly roster shifts that
// override the dated capacity while they last, and the shift-change rule — when capacity falls,
// patients in service finish and nobody starts while busy >= capacity; when it rises, waiting
// patients start at once. Time 0 is midnight starting the start date; 2024-01-01 is a Monday.
//
// mean_capacity is the time-average of the schedule over the window [warm_up, horizon], exact
// whatever the randomness:
//   - capacity 2, then 4 from day 500; window [50, 1000]: (450 x 2 + 500 x 4) / 950 = 3.052632.
//     Poisson arrivals lambda = 1, exponential service of mean 1: the system is stable under
//     both capacities, so the mean number in service is lambda E[S] = 1 and
//     utilisation = 1 / 3.052632 = 0.327586 (a Student-t check; utilisation is also exactly
//     mean_occupancy / mean_capacity in every replication);
//   - base 0, roster Mon-Fri 09:00-17:00 capacity 4: 5 x 8 h x 4 per 168 h,
//     over 4 weeks 160/168 = 0.952381; over Mon 12:00 .. Thu 00:00 (warm-up 0.5, horizon 3)
//     (5 + 8 + 8) h x 4 / 60 h = 1.4; starting on Saturday 2024-01-06 over 3 days (Sat, Sun,
//     Mon) 8 h x 4 / 72 h = 0.444444;
//   - base 2, 3 from day 7, roster Sat-Sun all day capacity 1, over 14 days:
//     (5 x 2 + 2 x 1 + 5 x 3 + 2 x 1) / 14 = 29/14 = 2.071429.
//
// Deterministic constructions, exact (initial waiting patients with waited 0, no arrivals at the
// service — a decoy service takes the scenario's source):
//   - roster Mon-Fri 09:00-17:00 capacity 4 (base 0), 100 waiting, 1.5 h each (0.0625 days): waves
//     start at 09:00, 10:30, ..., 16:30 (six waves of 4 a day; the 16:30 wave finishes at 18:00,
//     after the shift, and nobody starts until 09:00 next weekday). Monday to Thursday serve 96,
//     Friday 09:00 the last 4. Horizon 7: completions 100, mean_occupancy = 100 x 0.0625 / 7 =
//     0.892857, utilisation = 6.25 / (160/24) = 0.9375, wait_mean = (4 x 48.75 + 4 x 4.375) / 100
//     = 2.125, wait_max = 4.375. Horizon 3 (Thursday 00:00): completions 72, present_at_end 28.
//   - drop: capacity 4, then 2 from day 1; 12 waiting, 0.75 days each. Four start at 0 and four at
//     0.75 (in service when capacity drops at 1). At 1.5 the four finish: busy goes 3, 2 (nobody
//     starts), then 1 -> one starts, 1 -> one starts; so two start at 1.5 and two at 2.25.
//     Horizon 4: completions 12, mean_occupancy = (4 x 1.5 + 2 x 1.5) / 4 = 2.25,
//     mean_capacity = (4 + 2 x 3) / 4 = 2.5, wait_mean = (4 x 0.75 + 2 x 1.5 + 2 x 2.25) / 12
//     = 0.875, wait_max = 2.25. Horizon 2: completions 8, present_at_end 4 (2 in service, 2 waiting).
//   - rise: capacity 1, then 3 from day 1; 5 waiting, 2 days each. Starts at 0, 1, 1 (at once on
//     the rise), 2, 3: horizon 6: wait_mean = 7/5 = 1.4, wait_max = 3, completions 5,
//     mean_occupancy = 10/6, mean_capacity = (1 + 3 x 5) / 6 = 16/6.
//
// Why the tolerance holds for the one statistical check: each replication runs 950 days with
// about 950 patients; the busy count mixes within days, so each replication's utilisation is
// close to normal; replications are iid, fixed seed, one attempt, a family of one at 99%
// (ci_check.hpp). Everything else is exact to floating-point rounding.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <string>

namespace carepath::validation {
namespace {

using namespace std::chrono_literals;

model::RosterShift shift(std::array<bool, 7> weekdays, double from_hour, double to_hour, std::uint32_t capacity) {
  model::RosterShift s;
  s.weekdays = weekdays;
  s.from_hour = from_hour;
  s.to_hour = to_hour;
  s.capacity = capacity;
  return s;
}

constexpr std::array<bool, 7> kMonToFri{true, true, true, true, true, false, false};
constexpr std::array<bool, 7> kWeekend{false, false, false, false, false, true, true};

/// The service under test first; a decoy service takes the arrivals.
model::Scenario with_decoy(model::Scenario s, model::Service service) {
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  s.services = {std::move(service), build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  return s;
}

model::Service rostered_clinic(std::uint32_t base) {
  model::Service clinic = build::service("clinic", base, model::Exponential{1.0});
  clinic.roster = {shift(kMonToFri, 9, 17, 4)};
  return clinic;
}

TEST(CapacitySchedule, StartDateIsAMonday) {
  EXPECT_EQ(model::iso_weekday_index(model::Scenario{}.start_date), 0u);
  EXPECT_EQ(model::iso_weekday_index(model::Date{2024y, std::chrono::January, 6d}), 5u);
}

TEST(CapacitySchedule, DatedChangeIsSeenInMeanCapacityAndUtilisation) {
  model::Scenario s = build::scenario("dated_change", 1000, 50, sized(60u, 15u), 81);
  s.arrivals = {build::source("referrals", "ward", 1.0)};
  model::Service ward = build::service("ward", 2, model::Exponential{1.0});
  ward.capacity_changes = {model::CapacityChange{build::day(s, 500), 4}};
  s.services = {ward};
  const double mean_capacity = (450 * 2 + 500 * 4) / 950.0;
  ASSERT_NEAR(mean_capacity, 3.052632, 5e-7);

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), s.run.replications);
  for (const auto& rep : batch.replications) {
    const stats::ServiceResult& w = rep.services[0];
    EXPECT_NEAR(w.mean_capacity, mean_capacity, 1e-12);
    EXPECT_NEAR(w.utilisation, w.mean_occupancy / w.mean_capacity, 1e-12);
  }
  CiFamily ci(1);
  EXPECT_TRUE(ci.contains("utilisation", per_replication(batch, 0, &stats::ServiceResult::utilisation),
                          1.0 / mean_capacity));
}

// A change dated on the start date replaces the base from time 0.
TEST(CapacitySchedule, ChangeOnTheStartDateReplacesTheBase) {
  model::Scenario s = build::scenario("change_at_start", 10, 0, 2, 89);
  model::Service clinic = build::service("clinic", 2, model::Exponential{1.0});
  clinic.capacity_changes = {model::CapacityChange{s.start_date, 5}};
  const run::BatchResult batch = run::run_batch(with_decoy(s, clinic));
  for (const auto& rep : batch.replications) EXPECT_NEAR(rep.services[0].mean_capacity, 5.0, 1e-12);
}

TEST(CapacitySchedule, WeeklyRosterIsSeenInMeanCapacity) {
  struct Case {
    const char* what;
    model::Date start;
    double warm_up;
    double horizon;
    double expected;
  };
  const model::Date monday{2024y, std::chrono::January, 1d};
  const model::Date saturday{2024y, std::chrono::January, 6d};
  const Case cases[] = {
      {"four weeks", monday, 0, 28, 160.0 / 168},
      {"Monday noon to Thursday", monday, 0.5, 3, 1.4},
      {"Saturday to Tuesday", saturday, 0, 3, 32.0 / 72},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    model::Scenario s = build::scenario("roster", c.horizon, c.warm_up, 2, 82);
    s.start_date = c.start;
    const run::BatchResult batch = run::run_batch(with_decoy(s, rostered_clinic(0)));
    for (const auto& rep : batch.replications) EXPECT_NEAR(rep.services[0].mean_capacity, c.expected, 1e-12);
  }
}

TEST(CapacitySchedule, RosterOverridesDatedCapacity) {
  model::Scenario s = build::scenario("roster_and_change", 14, 0, 2, 83);
  model::Service clinic = build::service("clinic", 2, model::Exponential{1.0});
  clinic.capacity_changes = {model::CapacityChange{build::day(s, 7), 3}};
  clinic.roster = {shift(kWeekend, 0, 24, 1)};
  const run::BatchResult batch = run::run_batch(with_decoy(s, clinic));
  for (const auto& rep : batch.replications) EXPECT_NEAR(rep.services[0].mean_capacity, 29.0 / 14, 1e-12);
}

TEST(CapacitySchedule, RosterServesOnlyDuringShiftsAndLetsTheLastWaveFinish) {
  model::Service clinic = rostered_clinic(0);
  clinic.service_time = model::Deterministic{0.0625};
  clinic.initial_waiting = {build::cohort(0, 100)};

  const run::BatchResult week = run::run_batch(with_decoy(build::scenario("roster_week", 7, 0, 2, 84), clinic));
  for (const auto& rep : week.replications) {
    const stats::ServiceResult& c = rep.services[0];
    EXPECT_EQ(c.completions, 100.0);
    EXPECT_EQ(c.present_at_end, 0.0);
    EXPECT_NEAR(c.mean_occupancy, 6.25 / 7, 1e-12);
    EXPECT_NEAR(c.mean_capacity, 160.0 / 168, 1e-12);
    EXPECT_NEAR(c.utilisation, 0.9375, 1e-12);
    EXPECT_NEAR(c.wait_mean, 2.125, 1e-9);
    EXPECT_NEAR(c.wait_max, 4.375, 1e-9);
  }

  const run::BatchResult three = run::run_batch(with_decoy(build::scenario("roster_3_days", 3, 0, 2, 85), clinic));
  for (const auto& rep : three.replications) {
    EXPECT_EQ(rep.services[0].completions, 72.0);
    EXPECT_EQ(rep.services[0].present_at_end, 28.0);
  }
}

model::Service scheduled_clinic(std::uint32_t before, std::uint32_t after, double service_days, std::uint32_t waiting) {
  model::Service clinic = build::service("clinic", before, model::Deterministic{service_days});
  clinic.capacity_changes = {model::CapacityChange{model::date_after(model::Scenario{}.start_date, 1), after}};
  clinic.initial_waiting = {build::cohort(0, waiting)};
  return clinic;
}

TEST(CapacitySchedule, DropLetsPatientsInServiceFinishAndHoldsBackTheQueue) {
  const model::Service clinic = scheduled_clinic(4, 2, 0.75, 12);

  const run::BatchResult full = run::run_batch(with_decoy(build::scenario("drop_4", 4, 0, 2, 86), clinic));
  for (const auto& rep : full.replications) {
    const stats::ServiceResult& c = rep.services[0];
    EXPECT_EQ(c.completions, 12.0);
    EXPECT_NEAR(c.mean_occupancy, 2.25, 1e-12);
    EXPECT_NEAR(c.mean_capacity, 2.5, 1e-12);
    EXPECT_NEAR(c.wait_mean, 0.875, 1e-9);
    EXPECT_NEAR(c.wait_max, 2.25, 1e-9);
  }

  const run::BatchResult part = run::run_batch(with_decoy(build::scenario("drop_2", 2, 0, 2, 87), clinic));
  for (const auto& rep : part.replications) {
    EXPECT_EQ(rep.services[0].completions, 8.0);
    EXPECT_EQ(rep.services[0].present_at_end, 4.0);
  }
}

TEST(CapacitySchedule, RiseStartsWaitingPatientsAtOnce) {
  const model::Service clinic = scheduled_clinic(1, 3, 2.0, 5);
  const run::BatchResult batch = run::run_batch(with_decoy(build::scenario("rise", 6, 0, 2, 88), clinic));
  for (const auto& rep : batch.replications) {
    const stats::ServiceResult& c = rep.services[0];
    EXPECT_EQ(c.completions, 5.0);
    EXPECT_NEAR(c.wait_mean, 1.4, 1e-9);
    EXPECT_NEAR(c.wait_max, 3.0, 1e-9);
    EXPECT_NEAR(c.mean_occupancy, 10.0 / 6, 1e-12);
    EXPECT_NEAR(c.mean_capacity, 16.0 / 6, 1e-12);
  }
}

}  // namespace
}  // namespace carepath::validation
