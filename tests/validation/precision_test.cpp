// SPDX-License-Identifier: MIT
// Replications chosen by precision on an M/M/1 queue whose replication-to-replication variance
// is known, so the stopping count can be predicted:
//
//   lambda = 0.5/day, mu = 1/day, rho = 0.5: Wq = rho / (mu - lambda) = 1 day.
//   The waits of successive patients are correlated; their mean over N patients has variance
//   sigma^2 / N with sigma^2 = rho (2 + 5 rho - 4 rho^2 + rho^3) / (mu^2 (1 - rho)^4) = 29 days^2
//   (Daley 1968, the asymptotic variance of the M/M/1 waiting-time mean).
//   2000 days after a 100-day warm-up see N = lambda x 2000 = 1000 patients, so each replication's
//   mean wait has sd sqrt(29 / 1000) = 0.170 days (400 replications of this scenario: 0.178).
//   A 95% half-width within 5% of the mean needs n with t(n-1) x 0.170 / sqrt(n) <= 0.05, about
//   (1.98 x 0.170 / 0.05)^2 = 45 replications; within an absolute 0.1 day, about 11.
//
// The rule's stopping count is random (the sample sd wanders around 0.170, and the look-ahead
// asks for 5 more replications inside the target), so the test accepts half to twice the
// prediction: with n around 45 the sample sd is within +-20% of sigma with overwhelming
// probability, which moves n by at most a factor 1.44 either way. Fixed seed, one attempt.
#include <carepath/run/batch.hpp>
#include <carepath/stats/precision.hpp>

#include "scenario_builders.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace carepath {
namespace {

model::Scenario mm1(std::uint32_t cap) {
  model::Scenario s = validation::build::scenario("mm1-precision", 2100, 100, cap, 3);
  s.arrivals.push_back(validation::build::source("referrals", "clinic", 0.5));
  s.services.push_back(validation::build::service("clinic", 1, model::Exponential{1.0}));
  return s;
}

run::BatchResult run_with(const model::Scenario& s, model::Precision target, unsigned threads) {
  run::BatchOptions options;
  options.precision = target;
  options.threads = threads;
  options.trajectories = false;
  return run::run_batch(s, options);
}

TEST(Precision, RelativeTargetStopsNearThePredictedCountOnAnyNumberOfThreads) {
  const double sigma = std::sqrt(29.0 / 1000.0);
  const double predicted = std::pow(1.98 * sigma / 0.05, 2);  // about 45
  const model::Scenario s = mm1(400);
  const run::BatchResult one = run_with(s, {true, 0.05}, 1);
  const run::BatchResult four = run_with(s, {true, 0.05}, 4);
  ASSERT_TRUE(one.precision.has_value());
  ASSERT_TRUE(one.precision->reached.has_value());
  const std::uint32_t reached = *one.precision->reached;
  EXPECT_GE(reached, predicted / 2);
  EXPECT_LE(reached, predicted * 2);
  // Whole blocks of 10, the first block past reached + look-ahead.
  EXPECT_EQ(one.replications.size() % 10, 0U);
  EXPECT_GE(one.replications.size(), reached + stats::look_ahead(reached));
  EXPECT_LT(one.replications.size(), reached + stats::look_ahead(reached) + 10);
  // At the stopping count the half-width is within 5% of the mean, in the summary too.
  const stats::Estimate& wait = one.summary.services[0].metrics[6];
  EXPECT_LE((wait.ci_high - wait.ci_low) / 2, 0.05 * wait.mean);

  ASSERT_TRUE(four.precision.has_value());
  EXPECT_EQ(four.precision->reached, one.precision->reached);
  EXPECT_EQ(four.replications.size(), one.replications.size());
  EXPECT_EQ(four.summary.services[0].metrics[6].mean, wait.mean);
  EXPECT_EQ(four.summary.services[0].metrics[6].ci_high, wait.ci_high);
}

TEST(Precision, AbsoluteTargetNeedsFewerReplications) {
  const double predicted = std::pow(1.98 * std::sqrt(29.0 / 1000.0) / 0.1, 2);  // about 11
  const run::BatchResult result = run_with(mm1(400), {false, 0.1}, 2);
  ASSERT_TRUE(result.precision->reached.has_value());
  EXPECT_GE(*result.precision->reached, 3U);
  EXPECT_LE(*result.precision->reached, predicted * 2);
  EXPECT_EQ(result.replications.size(), 20U);  // reached + 5 fits in two blocks
}

TEST(Precision, TheCapStopsARunThatCannotReachTheTarget) {
  // 1% would need about 45 x 25 = 1100 replications.
  const run::BatchResult result = run_with(mm1(35), {true, 0.01}, 2);
  ASSERT_TRUE(result.precision.has_value());
  EXPECT_FALSE(result.precision->reached.has_value());
  EXPECT_EQ(result.replications.size(), 35U);  // blocks 10, 10, 10, then the 5 left to the cap
  EXPECT_EQ(result.precision->replications, 35U);
}

TEST(Precision, ScenarioSettingAppliesAndVariantsCanFixTheCount) {
  model::Scenario s = mm1(400);
  s.run.precision = model::Precision{false, 0.1};
  run::BatchOptions options;
  options.trajectories = false;
  const run::BatchResult chosen = run::run_batch(s, options);
  EXPECT_TRUE(chosen.precision.has_value());
  options.fixed_replications = true;
  options.replications = 7;
  const run::BatchResult fixed = run::run_batch(s, options);
  EXPECT_FALSE(fixed.precision.has_value());
  EXPECT_EQ(fixed.replications.size(), 7U);
}

}  // namespace
}  // namespace carepath
