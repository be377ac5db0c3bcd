// SPDX-License-Identifier: MIT
// M/M/c/K, c = 2, K = 6 (queue_limit 4), lambda = 1.8/day, mu = 1/day => a = 1.8, rho = 0.9.
// Birth-death chain: p(n) proportional to a^n/n! for n <= c and a^c/c! rho^(n-c) above, so
//   p(0..6) = 0.105999, 0.190798, 0.171718, 0.154546, 0.139092, 0.125183, 0.112664
//   loss_probability = p(K) = 0.112664                   (PASTA: arrivals see the time average)
//   mean_present = L = sum n p(n) = 2.856139
//   mean_queue = Lq = sum (n - c)+ p(n) = 1.258935
//   utilisation = lambda (1 - p(K)) / (c mu) = 0.798602
// scenarios/examples/mmck.json runs 40 replications of 2900 days after a 100-day warm-up; the four
// values must each lie in their interval of a 99% family (ci_check.hpp).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace carepath::validation {
namespace {

TEST(Mmck, FormulasGiveTheValuesInTheHeader) {
  const std::vector<double> p = mmck_distribution(1.8, 1.0, 2, 6);
  const double expected[] = {0.105999, 0.190798, 0.171718, 0.154546, 0.139092, 0.125183, 0.112664};
  ASSERT_EQ(p.size(), 7u);
  for (std::size_t n = 0; n < p.size(); ++n) EXPECT_NEAR(p[n], expected[n], 5e-7) << "n = " << n;
  EXPECT_NEAR(expectation(p, [](double n) { return n; }), 2.856139, 5e-7);
  EXPECT_NEAR(expectation(p, [](double n) { return std::max(n - 2, 0.0); }), 1.258935, 5e-7);
  EXPECT_NEAR(1.8 * (1 - p[6]) / 2, 0.798602, 5e-7);
}

TEST(Mmck, SimulationMatchesTheory) {
  const model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mmck.json").scenario;
  ASSERT_EQ(scenario.services.size(), 1u);

  const model::Service& clinic = scenario.services[0];
  const unsigned servers = clinic.capacity.value();
  const unsigned max_present = servers + clinic.queue_limit.value();
  const double lambda = scenario.arrivals[0].rate_per_day;
  const double mu = 1.0 / model::mean_of(clinic.service_time);
  const std::vector<double> p = mmck_distribution(lambda, mu, servers, max_present);
  const double blocking = p.back();
  ASSERT_NEAR(blocking, 0.112664, 5e-7);

  const run::BatchResult batch = run::run_batch(scenario);
  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("loss_probability", per_replication(batch, 0, &stats::ServiceResult::loss_probability),
                          blocking));
  EXPECT_TRUE(ci.contains("mean_present", per_replication(batch, 0, &stats::ServiceResult::mean_present),
                          expectation(p, [](double n) { return n; })));
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue),
                          expectation(p, [&](double n) { return std::max(n - servers, 0.0); })));
  EXPECT_TRUE(ci.contains("utilisation", per_replication(batch, 0, &stats::ServiceResult::utilisation),
                          lambda * (1 - blocking) / (servers * mu)));
}

}  // namespace
}  // namespace carepath::validation
