// SPDX-License-Identifier: MIT
// Shared resource pools (model::Resource): services that need units of one pool of staff.
//  - Two services with unlimited beds sharing c = 3 staff, Poisson arrivals 1.5/day and 0.9/day
//    and exponential service of mean 1 day, behave as one M/M/3 on the summed arrivals (pooled
//    Erlang C): freed staff go to the longest-waiting patient of either service, so the two
//    queues are one FIFO line. Lambda = 2.4, a = 2.4, C(3, 2.4) = 0.6472, Wq = C / (3 - 2.4) =
//    1.0787 days at both services; the pool is busy a = 2.4 units on average (80%).
//  - A pool that never runs short changes nothing: with 1,000 staff, an M/M/2 gives the very
//    same numbers, replication by replication, as without the pool (same random streams).
//  - Units are conserved: the time-average of units taken equals the summed time-average of
//    patients in service times the units each needs, exactly (no blocking here).
//  - Freed units go to the longest wait across services, not to the service listed first.
// Tolerances: ci_check.hpp (a 99% family of Student-t intervals over 40 replications of 3,000
// days after a 100-day warm-up: the pooled queue settles within days, so bias is negligible).
#include "analytic.hpp"
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

namespace carepath::validation {
namespace {

model::Resource pool(std::string name, std::uint32_t units) {
  model::Resource r;
  r.name = std::move(name);
  r.capacity = units;
  r.unit = "nurses";
  return r;
}

model::Service needing(model::Service service, const std::string& resource, std::uint32_t units = 1) {
  service.requires_resources.push_back({resource, units});
  return service;
}

model::Scenario pooled_mm3() {
  model::Scenario s = build::scenario("pooled", sized(3000.0, 1000.0), 100, sized(40U, 20U), 20261129);
  s.resources.push_back(pool("nurses", 3));
  s.services.push_back(needing(build::service("a", std::nullopt, model::Exponential{1.0}), "nurses"));
  s.services.push_back(needing(build::service("b", std::nullopt, model::Exponential{1.0}), "nurses"));
  s.arrivals.push_back(build::source("to_a", "a", 1.5));
  s.arrivals.push_back(build::source("to_b", "b", 0.9));
  return s;
}

std::vector<double> per_replication_pool(const run::BatchResult& batch, double stats::ResourceResult::*field) {
  std::vector<double> values;
  for (const auto& rep : batch.replications) values.push_back(rep.resources.at(0).*field);
  return values;
}

TEST(SharedPool, TwoServicesSharingStaffAreOnePooledErlangCQueue) {
  const Mmc pooled{.lambda = 2.4, .mu = 1.0, .servers = 3};
  ASSERT_NEAR(pooled.wait_mean(), 1.0787, 5e-5);
  const run::BatchResult batch = run::run_batch(pooled_mm3());
  ASSERT_EQ(batch.summary.resources.size(), 1U);

  std::vector<double> waited_for_pool;
  for (const auto& rep : batch.replications) {
    waited_for_pool.push_back(rep.resources[0].delayed_starts /
                              (rep.services[0].arrivals + rep.services[1].arrivals));
  }
  CiFamily ci(5);
  EXPECT_TRUE(ci.contains("a wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), pooled.wait_mean()));
  EXPECT_TRUE(ci.contains("b wait_mean", per_replication(batch, 1, &stats::ServiceResult::wait_mean), pooled.wait_mean()));
  EXPECT_TRUE(ci.contains("pool utilisation", per_replication_pool(batch, &stats::ResourceResult::utilisation),
                          pooled.utilisation()));
  EXPECT_TRUE(ci.contains("pool mean_busy", per_replication_pool(batch, &stats::ResourceResult::mean_busy),
                          pooled.offered_load()));
  // Every wait here is the pool's (beds are unlimited): the share who waited for it is C(3, a).
  EXPECT_TRUE(ci.contains("share who waited for the pool", waited_for_pool, pooled.p_wait()));
}

TEST(SharedPool, UnitsTakenAreThePatientsInServiceTimesTheirNeed) {
  model::Scenario s = pooled_mm3();
  s.services[1].requires_resources[0].units = 2;  // b's patients need two nurses each
  s.resources[0].capacity = 5;
  s.run.replications = 4;
  const run::BatchResult batch = run::run_batch(s);
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    const auto& rep = batch.replications[r];
    const double expected = rep.services[0].mean_occupancy + 2 * rep.services[1].mean_occupancy;
    EXPECT_NEAR(rep.resources[0].mean_busy, expected, 1e-9 * expected) << "replication " << r;
    EXPECT_LE(rep.resources[0].busy_at_end, 5.0) << "replication " << r;
    EXPECT_EQ(rep.resources[0].mean_capacity, 5.0) << "replication " << r;
  }
}

TEST(SharedPool, APoolThatNeverRunsShortChangesNothing) {
  model::Scenario without = build::scenario("mm2", sized(2000.0, 500.0), 100, 8, 7);
  without.services.push_back(build::service("beds", 2, model::Exponential{1.0}));
  without.arrivals.push_back(build::source("in", "beds", 1.6));
  model::Scenario with = without;
  with.resources.push_back(pool("ample", 1000));
  with.services[0].requires_resources.push_back({"ample", 1});

  const run::BatchResult a = run::run_batch(without);
  const run::BatchResult b = run::run_batch(with);
  expect_same_service_results(a, b, 0);
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    EXPECT_EQ(b.replications[r].resources[0].delayed_starts, 0.0);
  }
}

// One nurse and two patients already waiting at time 0: b's has waited 3 days, a's 1 day. The
// nurse goes to b's first (the longer wait) although a is listed first; each visit takes 1 day.
TEST(SharedPool, FreedUnitsGoToTheLongestWaitAcrossServices) {
  model::Scenario s = build::scenario("order", 10, 0, 1, 1);
  s.resources.push_back(pool("nurse", 1));
  s.services.push_back(needing(build::service("a", std::nullopt, model::Deterministic{1.0}), "nurse"));
  s.services.push_back(needing(build::service("b", std::nullopt, model::Deterministic{1.0}), "nurse"));
  s.services[0].initial_waiting.push_back(build::cohort(1.0, 1));
  s.services[1].initial_waiting.push_back(build::cohort(3.0, 1));
  s.arrivals.push_back(build::source("none", "a", 0.0));
  const run::BatchResult batch = run::run_batch(s);
  const auto& rep = batch.replications.at(0);
  EXPECT_DOUBLE_EQ(rep.services[1].wait_mean, 3.0);  // started at once, at time 0
  EXPECT_DOUBLE_EQ(rep.services[0].wait_mean, 2.0);  // 1 day before the run + 1 day for the nurse
  EXPECT_DOUBLE_EQ(rep.resources[0].mean_busy, 0.2);  // 2 busy days in 10
}

}  // namespace
}  // namespace carepath::validation
