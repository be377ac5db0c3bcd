// SPDX-License-Identifier: MIT
// M/M/1, lambda = 0.8/day, mu = 1/day => rho = 0.8:
//   Wq = rho / (mu - lambda) = 4 days       (wait_mean)
//   P(wait > 0) = rho = 0.8                 (waited_share; PASTA)
//   Lq = rho^2 / (1 - rho) = 3.2            (mean_queue)
//   utilisation = rho = 0.8                 (utilisation)
// scenarios/examples/mm1.json runs 40 replications of 9500 days after a 500-day warm-up (the
// relaxation time is 1/(mu (1 - sqrt(rho))^2) = 90 days). The four values must each lie in their
// interval of a 99% family (ci_check.hpp).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

namespace carepath::validation {
namespace {

TEST(Mm1, FormulasGiveTheValuesInTheHeader) {
  const Mmc q = mm1(0.8, 1.0);
  EXPECT_NEAR(q.wait_mean(), 4.0, 1e-12);
  EXPECT_NEAR(q.p_wait(), 0.8, 1e-12);
  EXPECT_NEAR(q.queue_mean(), 3.2, 1e-12);
  EXPECT_NEAR(q.utilisation(), 0.8, 1e-12);
}

TEST(Mm1, SimulationMatchesTheory) {
  const model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mm1.json").scenario;
  ASSERT_EQ(scenario.services.size(), 1u);
  ASSERT_EQ(scenario.services[0].capacity, 1u);

  // The theory is computed from the file itself, so the JSON and the header cannot drift apart.
  const Mmc q = mm1(scenario.arrivals[0].rate_per_day, 1.0 / model::mean_of(scenario.services[0].service_time));
  ASSERT_NEAR(q.utilisation(), 0.8, 1e-12);

  const run::BatchResult batch = run::run_batch(scenario);
  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), q.wait_mean()));
  EXPECT_TRUE(ci.contains("waited_share", per_replication(batch, 0, &stats::ServiceResult::waited_share), q.p_wait()));
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue), q.queue_mean()));
  EXPECT_TRUE(ci.contains("utilisation", per_replication(batch, 0, &stats::ServiceResult::utilisation), q.utilisation()));
}

}  // namespace
}  // namespace carepath::validation
