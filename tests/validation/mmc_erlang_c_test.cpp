// SPDX-License-Identifier: MIT
// M/M/c, c = 3, lambda = 2.7/day, mu = 1/day => a = 2.7 erlangs, rho = 0.9:
//   Erlang B(3, 2.7) = 0.308738 (recursion B(k) = a B(k-1) / (k + a B(k-1)))
//   P(wait > 0) = C(3, 2.7) = c B / (c - a (1 - B)) = 0.817061   (waited_share; PASTA)
//   Wq = C / (c mu - lambda) = 2.723537 days                      (wait_mean)
//   Lq = lambda Wq = 7.353549                                     (mean_queue)
//   utilisation = rho = 0.9                                       (utilisation)
// The wait is 0 with probability 1 - C and P(Wq > t) = C exp(-(c mu - lambda) t) beyond, so its
// p-quantile is ln(C / (1 - p)) / (c mu - lambda):
//   median 1.637019, P90 7.001812, P95 9.312303 days         (wait_p50, wait_p90, wait_p95)
// The histogram behind the percentiles reports a bucket's middle, within 0.4% of the value, far
// inside the intervals (about 3% wide).
// scenarios/examples/mmc.json runs 30 replications of 19000 days after a 1000-day warm-up (the
// relaxation time is about 1/(c mu (1 - sqrt(rho))^2) = 127 days). The four means must each
// lie in their interval of a 99% family, and so must the three percentiles (ci_check.hpp).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

namespace carepath::validation {
namespace {

TEST(MmcErlangC, FormulasGiveTheValuesInTheHeader) {
  const Mmc q{2.7, 1.0, 3};
  EXPECT_NEAR(erlang_b(3, 2.7), 0.308738, 5e-7);
  EXPECT_NEAR(q.p_wait(), 0.817061, 5e-7);
  EXPECT_NEAR(q.wait_mean(), 2.723537, 5e-7);
  EXPECT_NEAR(q.queue_mean(), 7.353549, 5e-7);
  EXPECT_NEAR(q.utilisation(), 0.9, 1e-12);
  EXPECT_NEAR(q.wait_quantile(0.5), 1.637019, 5e-7);
  EXPECT_NEAR(q.wait_quantile(0.9), 7.001812, 5e-7);
  EXPECT_NEAR(q.wait_quantile(0.95), 9.312303, 5e-7);
}

TEST(MmcErlangC, SimulationMatchesTheory) {
  const model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mmc.json").scenario;
  ASSERT_EQ(scenario.services.size(), 1u);
  ASSERT_TRUE(scenario.services[0].capacity.has_value());

  const Mmc q{scenario.arrivals[0].rate_per_day, 1.0 / model::mean_of(scenario.services[0].service_time),
              *scenario.services[0].capacity};
  ASSERT_NEAR(q.p_wait(), 0.817061, 5e-7);

  const run::BatchResult batch = run::run_batch(scenario);
  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("waited_share", per_replication(batch, 0, &stats::ServiceResult::waited_share), q.p_wait()));
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), q.wait_mean()));
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue), q.queue_mean()));
  EXPECT_TRUE(ci.contains("utilisation", per_replication(batch, 0, &stats::ServiceResult::utilisation), q.utilisation()));
}

TEST(MmcErlangC, WaitPercentilesFollowTheErlangCTail) {
  const model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mmc.json").scenario;
  const Mmc q{scenario.arrivals[0].rate_per_day, 1.0 / model::mean_of(scenario.services[0].service_time),
              scenario.services[0].capacity.value()};

  const run::BatchResult batch = run::run_batch(scenario);
  CiFamily ci(3);
  EXPECT_TRUE(ci.contains("wait_p50", per_replication(batch, 0, &stats::ServiceResult::wait_p50), q.wait_quantile(0.5)));
  EXPECT_TRUE(ci.contains("wait_p90", per_replication(batch, 0, &stats::ServiceResult::wait_p90), q.wait_quantile(0.9)));
  EXPECT_TRUE(ci.contains("wait_p95", per_replication(batch, 0, &stats::ServiceResult::wait_p95), q.wait_quantile(0.95)));
}

}  // namespace
}  // namespace carepath::validation
