// SPDX-License-Identifier: MIT
// The warm-up excludes everything before it. Model: M/D/1, Poisson arrivals lambda = 0.9/day,
// deterministic service 1 day (rho = 0.9), starting empty. Pollaczek-Khinchine:
//   Wq = lambda E[S^2] / (2 (1 - rho)) = 4.5 days, Lq = lambda Wq = 4.05, L = Lq + rho = 4.95.
// 1. Without warm-up, the first 20 days start from an empty system, so wait_mean and mean_queue
//    lie significantly below Wq and Lq: the transient is visible (an independent Lindley-recursion
//    simulation puts the mean wait near 1.2 days).
// 2. After a 3000-day warm-up (the heavy-traffic relaxation time 2 sigma^2 / (mu - lambda)^2 is
//    about 180 days, so the empty start leaves no trace), an 8000-day window is in steady state:
//    wait_mean = Wq, mean_queue = Lq, and arrivals (service and system) = lambda (horizon -
//    warm_up) = 7200, not the 9900 of the whole run. The four values lie in their intervals of a
//    99% family. The window is long because wait_mean, a ratio over patients whose late waits are
//    censored at the horizon, is biased by roughly -120/T days over a T-day window (-0.1 day at
//    T = 1000), which must stay far below the interval's half-width.
//    present_at_start = L: the number present at one instant is a single, skewed observation per
//    replication, so that check has its own run of 500 short replications, enough for the t
//    interval to hold.
// 3. Streams are keyed by purpose, so runs that differ only in warm-up and horizon follow the same
//    sample path: [0, 20] without warm-up and [20, 40] with warm-up 20 split [0, 40] exactly
//    (counts add up, time averages add up to rounding, and present_at_start of the second is
//    present_at_end of the first).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace carepath::validation {
namespace {

constexpr double kLambda = 0.9;
constexpr double kService = 1.0;

model::Scenario md1(double warm_up, double horizon, std::uint32_t replications) {
  model::Scenario scenario;
  scenario.name = "md1_warm_up";
  scenario.run.warm_up = warm_up;
  scenario.run.horizon = horizon;
  scenario.run.replications = replications;
  scenario.run.seed = 2024;
  model::ArrivalSource referrals;
  referrals.name = "referrals";
  referrals.to = "clinic";
  referrals.rate_per_day = kLambda;
  scenario.arrivals.push_back(referrals);
  model::Service clinic;
  clinic.name = "clinic";
  clinic.capacity = 1;
  clinic.service_time = model::Deterministic{kService};
  scenario.services.push_back(clinic);
  return scenario;
}

double wait_mean() { return mg1_wait_mean(kLambda, kService, 0.0); }

TEST(WarmUp, FormulasGiveTheValuesInTheHeader) {
  EXPECT_NEAR(wait_mean(), 4.5, 1e-12);
  EXPECT_NEAR(kLambda * wait_mean(), 4.05, 1e-12);
  EXPECT_NEAR(kLambda * wait_mean() + kLambda * kService, 4.95, 1e-12);
}

TEST(WarmUp, EarlyWindowWithoutWarmUpIsBelowSteadyState) {
  const run::BatchResult batch = run::run_batch(md1(0, 20, 200));
  CiFamily ci(2);
  EXPECT_TRUE(ci.below("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), wait_mean()));
  EXPECT_TRUE(ci.below("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue),
                       kLambda * wait_mean()));
}

TEST(WarmUp, LongWarmUpGivesSteadyStateAndCountsOnlyTheWindow) {
  const model::Scenario scenario = md1(3000, 11000, sized(150u, 40u));
  const run::BatchResult batch = run::run_batch(scenario);
  const double window_arrivals = kLambda * (scenario.run.horizon - scenario.run.warm_up);
  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), wait_mean()));
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue),
                          kLambda * wait_mean()));
  EXPECT_TRUE(ci.contains("service arrivals", per_replication(batch, 0, &stats::ServiceResult::arrivals),
                          window_arrivals));
  EXPECT_TRUE(ci.contains("system arrivals", per_replication(batch, &stats::SystemResult::arrivals), window_arrivals));
}

TEST(WarmUp, NumberPresentAtTheEndOfALongWarmUpIsStationary) {
  const run::BatchResult batch = run::run_batch(md1(3000, 3010, 500));
  CiFamily ci(1);
  EXPECT_TRUE(ci.contains("present_at_start", per_replication(batch, 0, &stats::ServiceResult::present_at_start),
                          kLambda * wait_mean() + kLambda * kService));
}

TEST(WarmUp, WarmUpSplitsOneSamplePath) {
  const std::uint32_t replications = 20;
  const run::BatchResult whole = run::run_batch(md1(0, 40, replications));
  const run::BatchResult first = run::run_batch(md1(0, 20, replications));
  const run::BatchResult second = run::run_batch(md1(20, 40, replications));
  for (std::uint32_t r = 0; r < replications; ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ServiceResult& w = whole.replications.at(r).services.at(0);
    const stats::ServiceResult& a = first.replications.at(r).services.at(0);
    const stats::ServiceResult& b = second.replications.at(r).services.at(0);
    EXPECT_EQ(w.arrivals, a.arrivals + b.arrivals);
    EXPECT_EQ(w.completions, a.completions + b.completions);
    EXPECT_EQ(b.present_at_start, a.present_at_end);
    EXPECT_EQ(w.present_at_end, b.present_at_end);
    EXPECT_EQ(whole.replications[r].system.arrivals,
              first.replications[r].system.arrivals + second.replications[r].system.arrivals);
    // Time averages over [0, 40] are the mean of those over its two halves, up to rounding.
    EXPECT_NEAR(w.mean_queue, (a.mean_queue + b.mean_queue) / 2, 1e-9 * (1 + w.mean_queue));
    EXPECT_NEAR(w.mean_occupancy, (a.mean_occupancy + b.mean_occupancy) / 2, 1e-9);
  }
}

}  // namespace
}  // namespace carepath::validation
