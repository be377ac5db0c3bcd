// SPDX-License-Identifier: MIT
// M/M/c/c (Erlang loss), c = 5 beds, no waiting room, lambda = 4/day, mean stay 1 day => a = 4:
//   B(1..5) = 0.8, 0.615385, 0.450704, 0.310680, 0.199067 (recursion B(k) = a B(k-1) / (k + a B(k-1)))
//   loss_probability = B(5, 4) = 0.199067                      (PASTA)
//   mean_occupancy = carried load = a (1 - B) = 3.203733 beds
//   no patient ever waits: mean_queue = waited_share = 0 exactly.
// Erlang B is insensitive to the stay distribution beyond its mean (Sevastyanov 1957), so the same
// blocking probability holds with deterministic stays and with lognormal stays of sd 2 days.
// scenarios/examples/erlang_loss.json runs 40 replications of 1980 days after a 20-day warm-up;
// each test's values must lie in their intervals of a 99% family (ci_check.hpp).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

namespace carepath::validation {
namespace {

model::Scenario erlang_loss_scenario() {
  return io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/erlang_loss.json").scenario;
}

double offered_load(const model::Scenario& scenario) {
  return scenario.arrivals[0].rate_per_day * model::mean_of(scenario.services[0].service_time);
}

TEST(ErlangB, FormulaGivesTheValuesInTheHeader) {
  const double expected[] = {0.8, 0.615385, 0.450704, 0.310680, 0.199067};
  for (unsigned c = 1; c <= 5; ++c) EXPECT_NEAR(erlang_b(c, 4.0), expected[c - 1], 5e-7) << "c = " << c;
  EXPECT_NEAR(4.0 * (1 - erlang_b(5, 4.0)), 3.203733, 5e-7);
}

TEST(ErlangB, ExponentialStaysMatchTheory) {
  const model::Scenario scenario = erlang_loss_scenario();
  ASSERT_EQ(scenario.services[0].queue_limit, 0u);
  const unsigned beds = scenario.services[0].capacity.value();
  const double a = offered_load(scenario);
  ASSERT_NEAR(erlang_b(beds, a), 0.199067, 5e-7);

  const run::BatchResult batch = run::run_batch(scenario);
  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("loss_probability", per_replication(batch, 0, &stats::ServiceResult::loss_probability),
                          erlang_b(beds, a)));
  EXPECT_TRUE(ci.contains("mean_occupancy", per_replication(batch, 0, &stats::ServiceResult::mean_occupancy),
                          a * (1 - erlang_b(beds, a))));
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    EXPECT_EQ(batch.replications[r].services[0].mean_queue, 0.0) << "replication " << r;
    EXPECT_EQ(batch.replications[r].services[0].waited_share, 0.0) << "replication " << r;
  }
}

TEST(ErlangB, BlockingIsInsensitiveToTheStayDistribution) {
  const model::Scenario base = erlang_loss_scenario();
  const double mean_stay = model::mean_of(base.services[0].service_time);
  const double blocking = erlang_b(base.services[0].capacity.value(), offered_load(base));

  CiFamily ci(2);
  model::Scenario deterministic = base;
  deterministic.services[0].service_time = model::Deterministic{mean_stay};
  EXPECT_TRUE(ci.contains("loss_probability, deterministic stays",
                          per_replication(run::run_batch(deterministic), 0, &stats::ServiceResult::loss_probability),
                          blocking));

  model::Scenario lognormal = base;
  lognormal.services[0].service_time = model::Lognormal{mean_stay, 2.0 * mean_stay};
  EXPECT_TRUE(ci.contains("loss_probability, lognormal stays",
                          per_replication(run::run_batch(lognormal), 0, &stats::ServiceResult::loss_probability),
                          blocking));
}

}  // namespace
}  // namespace carepath::validation
