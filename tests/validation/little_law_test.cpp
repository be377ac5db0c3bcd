// SPDX-License-Identifier: MIT
// Little's law, L = lambda W, at every node of the M/M/3 and Jackson examples, checked inside each
// replication: d = mean_present - (arrivals - losses) / T x sojourn_mean, T = horizon - warm_up.
//
// Over a finite window d is not exactly 0. Patients present at the warm-up add area to L but no
// arrival; patients still present at the horizon add an arrival but no sojourn, since
// sojourn_mean only averages complete sojourns. In steady state (Brumelle's H = lambda G) the
// remaining sojourns at the start and the elapsed ones at the end each sum to lambda E[S^2] / 2 on
// average, and the sojourns cut off at the horizon are length-biased, so
//   E[d] = lambda Var(S) / T   (+ terms of order 1/T^2).
// Expected values (S = sojourn per visit, FIFO):
//   M/M/3, lambda = 2.7, mu = 1: Var S = 2C/(c mu - lambda)^2 - Wq^2 + 1/mu^2 = 11.739259;
//   Jackson nodes, each M/M/1 by product form with lambda = 1.25 (jackson_test.cpp), S exponential
//   with rate mu - lambda: Var S = 0.64, 3.484444, 10.24.
//
// T d is made of a handful of patients at the two edges, so it is heavily skewed (a long queue at
// the warm-up adds about n^2 / (2 c mu)), and a t interval on it would need thousands of
// replications. Control variates with known mean remove that spread without moving E[d]: the
// expected remaining sojourn of the n present, g(n) = n/mu + q(q+1)/(2 c mu) with q = (n - c)+, is
// exact for FIFO exponential servers, and the numbers present at both edges are stationary, so
//   d' = d - [g(N_start) - E g(N)] / T - [g(N_end) - E g(N)] / T + (N_end - L) E[S] / T
// has E[d'] = E[d]. Each replication runs 4000 days after the example's warm-up; the four d' must
// each lie in their interval of a 99% family (ci_check.hpp). The M/M/3 interval is about
// +-0.001 patients wide against L = 10, so a statistic counted over the wrong window or the wrong
// patients fails at once. (Without the control variates, d is skewed enough that a t interval on
// 300 replications fails about four times too often; resampling showed it.)
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carepath::validation {
namespace {

constexpr double kWindow = 4000;

model::Scenario example(const std::string& file) {
  model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/" + file).scenario;
  scenario.run.horizon = scenario.run.warm_up + kWindow;
  scenario.run.replications = sized(300u, 100u);
  return scenario;
}

/// d' of every replication at a service that is, in steady state, the FIFO M/M/c queue `node`.
std::vector<double> adjusted_little_gap(const run::BatchResult& batch, std::size_t service, const Mmc& node) {
  const std::vector<double> p = mmc_distribution(node.lambda, node.mu, node.servers);
  const double expected_remaining =
      expectation(p, [&](double n) { return fifo_remaining_sojourn(n, node.mu, node.servers); });
  const double present = expectation(p, [](double n) { return n; });
  std::vector<double> gap;
  for (const auto& rep : batch.replications) {
    const stats::ServiceResult& s = rep.services.at(service);
    const double raw = s.mean_present - (s.arrivals - s.losses) / kWindow * s.sojourn_mean;
    const double control = fifo_remaining_sojourn(s.present_at_start, node.mu, node.servers) - expected_remaining +
                           fifo_remaining_sojourn(s.present_at_end, node.mu, node.servers) - expected_remaining -
                           (s.present_at_end - present) * node.sojourn_mean();
    gap.push_back(raw - control / kWindow);
  }
  return gap;
}

TEST(LittleLaw, FormulasGiveTheValuesInTheHeader) {
  EXPECT_NEAR((Mmc{2.7, 1.0, 3}).sojourn_variance(), 11.739259, 5e-7);
  EXPECT_NEAR(mm1(1.25, 1 / 0.4).sojourn_variance(), 0.64, 1e-12);
  EXPECT_NEAR(mm1(1.25, 1 / 0.56).sojourn_variance(), 3.484444, 5e-7);
  EXPECT_NEAR(mm1(1.25, 1 / 0.64).sojourn_variance(), 10.24, 1e-12);
  // The control variates' means agree with H = lambda G: E g(N) = lambda E[S^2] / 2.
  for (const Mmc& q : {Mmc{2.7, 1.0, 3}, mm1(1.25, 1 / 0.64)}) {
    const double second_moment = q.sojourn_variance() + q.sojourn_mean() * q.sojourn_mean();
    const std::vector<double> p = mmc_distribution(q.lambda, q.mu, q.servers);
    EXPECT_NEAR(expectation(p, [&](double n) { return fifo_remaining_sojourn(n, q.mu, q.servers); }),
                q.lambda * second_moment / 2, 1e-9);
    EXPECT_NEAR(expectation(p, [](double n) { return n; }), q.present_mean(), 1e-9);
  }
}

TEST(LittleLaw, HoldsAtEveryNode) {
  CiFamily ci(4);

  const model::Scenario mmc = example("mmc.json");
  const Mmc clinic{mmc.arrivals[0].rate_per_day, 1.0 / model::mean_of(mmc.services[0].service_time),
                   mmc.services[0].capacity.value()};
  EXPECT_TRUE(ci.contains("M/M/3 clinic: L - lambda W", adjusted_little_gap(run::run_batch(mmc), 0, clinic),
                          clinic.lambda * clinic.sojourn_variance() / kWindow));

  // Every Jackson node sees lambda = 1.25 visits/day (jackson_test.cpp solves the traffic equations).
  const model::Scenario jackson = example("jackson.json");
  ASSERT_EQ(jackson.services.size(), 3u);
  const run::BatchResult batch = run::run_batch(jackson);
  for (std::size_t i = 0; i < jackson.services.size(); ++i) {
    const Mmc node = mm1(1.25, 1.0 / model::mean_of(jackson.services[i].service_time));
    EXPECT_TRUE(ci.contains("Jackson " + jackson.services[i].name + ": L - lambda W", adjusted_little_gap(batch, i, node),
                            node.lambda * node.sojourn_variance() / kWindow));
  }
}

}  // namespace
}  // namespace carepath::validation
