// SPDX-License-Identifier: MIT
// Community caseloads limited by visits (engine/visits.cpp): a place on the caseload plus visits
// a day by the staff of a visit pool, held for the whole stay.
//  - Visits that never run short change nothing: a caseload of 2 places and a pool of 1,000
//    nurses x 6 visits gives the very same service numbers, replication by replication, as the
//    same 2-bed M/M/2 without the pool; and every visit due is delivered (visits = 2 x caseload).
//  - With unlimited places, one visit a day per patient and a pool of c = 2 nurses x v = 3 visits,
//    the caseload is an M/M/(c v) = M/M/6 limited by visits: lambda = 4.8, mu = 1, a = 4.8,
//    C(6, 4.8) = 0.5178, Wq = C / (6 - 4.8) = 0.4315 days; the caseload holds a = 4.8 patients and
//    the pool delivers 4.8 visits a day. With no waiting list it is Erlang B: B(6, 4.8) = 0.1768.
//  - On deterministic scenarios the visits delivered are the caseload-days times the visits a
//    day exactly (visits held through a stay in the place after service ends), and the visits
//    missed over a weekend roster and a bank holiday are those computed by hand.
//  - Visits drawn per patient from a list average the list: [1, 3] on an M/M/inf caseload of
//    5 a day staying 2 days delivers 5 x 2 x 2 = 20 visits a day.
// Tolerances: ci_check.hpp (a 99% family of Student-t intervals over 40 replications of 3,000
// days after a 100-day warm-up; an M/M/6 at 80% settles within days, so bias is negligible).
#include "analytic.hpp"
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>
#include <carepath/stats/trajectory.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace carepath::validation {
namespace {

model::Resource visit_pool(std::string name, std::uint32_t staff, double visits_per_staff_day) {
  model::Resource r;
  r.name = std::move(name);
  r.capacity = staff;
  r.unit = "nurses";
  r.visits_per_staff_day = visits_per_staff_day;
  return r;
}

model::Service visited(model::Service service, const std::string& pool, std::vector<double> visits_per_day) {
  service.requires_resources.push_back({.resource = pool, .units = 1, .visits_per_day = std::move(visits_per_day)});
  return service;
}

std::vector<double> per_replication_pool(const run::BatchResult& batch, double stats::ResourceResult::*field) {
  std::vector<double> values;
  for (const auto& rep : batch.replications) values.push_back(rep.resources.at(0).*field);
  return values;
}

model::Scenario visit_limited_mm6(std::optional<std::uint32_t> queue_limit) {
  model::Scenario s = build::scenario("visits", sized(3000.0, 1000.0), 100, sized(40U, 20U), 20261129);
  s.resources.push_back(visit_pool("nurses", 2, 3));
  s.services.push_back(
      visited(build::service("virtual_ward", std::nullopt, model::Exponential{1.0}, queue_limit), "nurses", {1}));
  s.arrivals.push_back(build::source("referrals", "virtual_ward", 4.8));
  return s;
}

TEST(Caseload, VisitsThatNeverRunShortChangeNothing) {
  model::Scenario without = build::scenario("mm2", sized(2000.0, 500.0), 100, 8, 7);
  without.services.push_back(build::service("ward", 2, model::Exponential{1.0}));
  without.arrivals.push_back(build::source("in", "ward", 1.6));
  model::Scenario with = without;
  with.resources.push_back(visit_pool("ample", 1000, 6));
  with.services[0] = visited(with.services[0], "ample", {2});

  const run::BatchResult a = run::run_batch(without);
  const run::BatchResult b = run::run_batch(with);
  expect_same_service_results(a, b, 0);
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    const stats::ResourceResult& pool = b.replications[r].resources[0];
    const double occupancy = b.replications[r].services[0].mean_occupancy;
    EXPECT_EQ(pool.visits_missed, 0.0);
    EXPECT_EQ(pool.delayed_starts, 0.0);
    EXPECT_NEAR(pool.caseload_mean, occupancy, 1e-9 * occupancy) << "replication " << r;
    EXPECT_NEAR(pool.visits_delivered_per_day, 2 * occupancy, 1e-9 * occupancy) << "replication " << r;
    EXPECT_NEAR(pool.mean_busy, 2 * occupancy / 6, 1e-9 * occupancy) << "replication " << r;
  }
}

TEST(Caseload, OneVisitADayFromCStaffOfVVisitsIsAnMMcvQueue) {
  const Mmc theory{.lambda = 4.8, .mu = 1.0, .servers = 6};
  ASSERT_NEAR(theory.wait_mean(), 0.4315, 5e-5);
  const run::BatchResult batch = run::run_batch(visit_limited_mm6(std::nullopt));
  std::vector<double> waited_for_visits;
  for (const auto& rep : batch.replications) {
    waited_for_visits.push_back(rep.resources[0].delayed_starts / rep.services[0].arrivals);
    // Units are conserved: one visit a day each, none missed (the staff never change), so the
    // visits delivered a day are the patients on the caseload, exactly.
    EXPECT_EQ(rep.resources[0].visits_missed, 0.0);
    EXPECT_NEAR(rep.resources[0].visits_delivered_per_day, rep.resources[0].caseload_mean, 1e-9);
    EXPECT_NEAR(rep.resources[0].caseload_mean, rep.services[0].mean_occupancy, 1e-9);
  }
  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), theory.wait_mean()));
  EXPECT_TRUE(ci.contains("share who waited for visits (Erlang C)", waited_for_visits, theory.p_wait()));
  EXPECT_TRUE(ci.contains("caseload_mean", per_replication_pool(batch, &stats::ResourceResult::caseload_mean),
                          theory.offered_load()));
  EXPECT_TRUE(ci.contains("pool utilisation", per_replication_pool(batch, &stats::ResourceResult::utilisation),
                          theory.utilisation()));
}

TEST(Caseload, WithNoWaitingListVisitsLimitTheCaseloadAsErlangB) {
  const double blocking = erlang_b(6, 4.8);
  ASSERT_NEAR(blocking, 0.1768, 5e-5);
  const run::BatchResult batch = run::run_batch(visit_limited_mm6(0U));
  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("loss_probability", per_replication(batch, 0, &stats::ServiceResult::loss_probability),
                          blocking));
  EXPECT_TRUE(ci.contains("caseload_mean", per_replication_pool(batch, &stats::ResourceResult::caseload_mean),
                          4.8 * (1 - blocking)));
}

// One nurse of 6 visits a day; four patients referred at once (half a day after time 0), 2
// visits a day each, 4 days on the caseload. Three fit (6 visits); the fourth finds a place free
// but not the visits, and waits for those of the first three, which free on day 4.5; they stay to
// day 8.5. Caseload-days: 3 x 4 + 4 = 16; visits: 2 x 16 = 32.
TEST(Caseload, VisitsDeliveredAreCaseloadDaysTimesVisitsADay) {
  model::Scenario s = build::scenario("deterministic", 10, 0, 1, 1);
  s.resources.push_back(visit_pool("nurse", 1, 6));
  s.services.push_back(build::service("referral", std::nullopt, model::Deterministic{0.5}));
  s.services[0].routes.push_back(build::route("ward"));
  s.services[0].initial_waiting.push_back(build::cohort(0.0, 4));
  s.services.push_back(visited(build::service("ward", std::nullopt, model::Deterministic{4.0}), "nurse", {2}));
  s.arrivals.push_back(build::source("none", "referral", 0.0));
  const stats::ReplicationResult rep = run::run_batch(s).replications.at(0);
  const stats::ResourceResult& pool = rep.resources[0];
  EXPECT_DOUBLE_EQ(pool.caseload_mean, 16.0 / 10);
  EXPECT_DOUBLE_EQ(pool.visits_delivered, 32.0);
  EXPECT_DOUBLE_EQ(pool.visits_delivered_per_day, 3.2);
  EXPECT_DOUBLE_EQ(pool.visits_delivered_per_month, 3.2 * 30.4375);
  EXPECT_EQ(pool.visits_missed, 0.0);
  EXPECT_EQ(pool.delayed_starts, 1.0);  // a place was free, the visits were not
  EXPECT_DOUBLE_EQ(pool.delayed_wait_mean, 4.0);
  EXPECT_DOUBLE_EQ(rep.services[1].wait_mean, 1.0);  // 0, 0, 0 and 4 days
}

// Visits stay committed after service ends, while the patient keeps the place: 2 days of care,
// then 3 days awaiting a package in the place (a transfer delay that keeps the bed), 2 visits a
// day throughout: 5 caseload-days and 10 visits in a 10-day run.
TEST(Caseload, VisitsAreHeldUntilThePatientLeavesThePlace) {
  model::Scenario s = build::scenario("held", 10, 0, 1, 1);
  s.resources.push_back(visit_pool("nurse", 1, 6));
  s.services.push_back(visited(build::service("ward", std::nullopt, model::Deterministic{2.0}), "nurse", {2}));
  s.services[0].routes.push_back(build::delayed_route(model::kExit, 1.0, model::Deterministic{3.0}, true));
  s.services[0].initial_waiting.push_back(build::cohort(0.0, 1));
  s.arrivals.push_back(build::source("none", "ward", 0.0));
  const stats::ResourceResult pool = run::run_batch(s).replications.at(0).resources[0];
  EXPECT_DOUBLE_EQ(pool.caseload_mean, 0.5);
  EXPECT_DOUBLE_EQ(pool.visits_delivered, 10.0);
}

// Visits drawn per patient, independently of their stay: with visits [1, 3] (2 on average), an
// ample pool and an M/M/inf caseload of lambda = 5, mean stay 2 days, the caseload holds 10
// patients and the pool delivers 5 x 2 x 2 = 20 visits a day.
TEST(Caseload, VisitsDrawnPerPatientAverageTheirList) {
  model::Scenario s = build::scenario("drawn", sized(2000.0, 500.0), 50, sized(30U, 15U), 11);
  s.resources.push_back(visit_pool("nurses", 1000, 6));
  s.services.push_back(visited(build::service("ward", std::nullopt, model::Exponential{2.0}), "nurses", {1, 3}));
  s.arrivals.push_back(build::source("in", "ward", 5.0));
  const run::BatchResult batch = run::run_batch(s);
  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("caseload_mean", per_replication_pool(batch, &stats::ResourceResult::caseload_mean), 10.0));
  EXPECT_TRUE(ci.contains("visits_delivered_per_day",
                          per_replication_pool(batch, &stats::ResourceResult::visits_delivered_per_day), 20.0));
}

// From Monday 6 January 2025: 2 nurses on weekdays, 1 at weekends (a whole-day roster) and on a
// bank holiday written as a dated change (Wednesday 8 January), 3 visits each a day. Three
// patients, 2 visits a day each, on the caseload days 0 to 10: 6 visits due a day, 60 in all.
// The staff make 6 a weekday but 3 on days 2 (the holiday), 5 and 6 (the weekend): 3 missed on
// each of those days, 9 in all, and 51 delivered.
TEST(Caseload, VisitsMissedOverAWeekendRosterAndABankHoliday) {
  model::Scenario s = build::scenario("weekend", 14, 0, 1, 1);
  s.start_date = model::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{6}};
  model::Resource nurses = visit_pool("nurses", 2, 3);
  nurses.capacity_changes = {
      {.from = model::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{8}}, .capacity = 1},
      {.from = model::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{9}}, .capacity = 2}};
  model::RosterShift weekend;
  weekend.weekdays = {false, false, false, false, false, true, true};
  weekend.capacity = 1;
  nurses.roster.push_back(weekend);
  s.resources.push_back(nurses);
  s.services.push_back(visited(build::service("ward", std::nullopt, model::Deterministic{10.0}), "nurses", {2}));
  s.services[0].initial_waiting.push_back(build::cohort(0.0, 3));
  s.arrivals.push_back(build::source("none", "ward", 0.0));
  s.run.trajectory_period = model::TrajectoryPeriod::Day;
  const stats::ReplicationResult rep = run::run_batch(s).replications.at(0);
  const stats::ResourceResult& pool = rep.resources[0];
  EXPECT_DOUBLE_EQ(pool.visits_missed, 9.0);
  EXPECT_DOUBLE_EQ(pool.visits_delivered, 51.0);
  EXPECT_DOUBLE_EQ(pool.visits_missed_share, 9.0 / 60);
  EXPECT_DOUBLE_EQ(pool.caseload_mean, 30.0 / 14);

  // The day trajectory shows where: delivered and missed per day.
  const stats::TrajectoryBlock& days = rep.trajectory.days;
  const std::size_t first = stats::trajectory_series_count(1, 0);
  const std::size_t delivered = first + 2;
  const std::size_t missed = first + 3;
  for (std::size_t day = 0; day < 14; ++day) {
    const bool short_day = day == 2 || day == 5 || day == 6;
    EXPECT_EQ(days.at(day, missed), day < 10 && short_day ? 3.0F : 0.0F) << "day " << day;
    EXPECT_EQ(days.at(day, delivered), day >= 10 ? 0.0F : short_day ? 3.0F : 6.0F) << "day " << day;
  }
}

}  // namespace
}  // namespace carepath::validation
