// SPDX-License-Identifier: MIT
// Open Jackson network with feedback: assessment -> treatment -> review, then 20% back to
// assessment and 80% exit; one exponential server per node; external referrals gamma = 1/day.
// Traffic equations lambda = gamma + P^T lambda:
//   lambda_assessment = 1 + 0.2 lambda_review, lambda_treatment = lambda_assessment,
//   lambda_review = lambda_treatment  =>  every node sees lambda = 1 / 0.8 = 1.25 visits/day
//   (arrivals / (horizon - warm_up)).
// rho = lambda x mean service = 0.5, 0.7, 0.8; by Jackson's product form each node is an M/M/1
// queue: L_i = rho_i / (1 - rho_i) = 1, 2.333333, 4 (mean_present), although the flow into a node
// with feedback is not Poisson. System: L = 7.333333 (mean_present) and, by Little's law, mean
// time in system = L / gamma = 7.333333 days (time_in_system_mean).
// scenarios/examples/jackson.json runs 30 replications of 9500 days after a 500-day warm-up; the
// eight values must each lie in their interval of a 99% family (ci_check.hpp).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

/// The routing matrix and external arrival rates that the scenario states, by service index.
struct Network {
  std::vector<double> external;
  std::vector<std::vector<double>> routing;
};

Network network_of(const model::Scenario& scenario) {
  const std::size_t n = scenario.services.size();
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index[scenario.services[i].name] = i;
  Network net{std::vector<double>(n, 0.0), std::vector<std::vector<double>>(n, std::vector<double>(n, 0.0))};
  for (const auto& source : scenario.arrivals) net.external.at(index.at(source.to)) += source.rate_per_day;
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& route : scenario.services[i].routes) {
      if (route.to != model::kExit) net.routing[i].at(index.at(route.to)) += route.probability;
    }
  }
  return net;
}

TEST(Jackson, TrafficEquationsGiveTheValuesInTheHeader) {
  const std::vector<double> lambda =
      jackson_throughputs({1.0, 0.0, 0.0}, {{0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}, {0.2, 0.0, 0.0}});
  ASSERT_EQ(lambda.size(), 3u);
  const double mean_service[] = {0.4, 0.56, 0.64};
  const double expected_l[] = {1.0, 2.333333, 4.0};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(lambda[i], 1.25, 1e-12);
    const double rho = lambda[i] * mean_service[i];
    EXPECT_NEAR(rho / (1 - rho), expected_l[i], 5e-7);
  }
}

TEST(Jackson, EachNodeBehavesAsAnMm1Queue) {
  const model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/jackson.json").scenario;
  ASSERT_EQ(scenario.services.size(), 3u);

  const Network net = network_of(scenario);
  const std::vector<double> lambda = jackson_throughputs(net.external, net.routing);
  double gamma = 0;
  for (const double g : net.external) gamma += g;
  std::vector<double> present(scenario.services.size());
  double system_present = 0;
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    ASSERT_EQ(scenario.services[i].capacity, 1u) << scenario.services[i].name;
    const double rho = lambda[i] * model::mean_of(scenario.services[i].service_time);
    ASSERT_LT(rho, 1.0) << scenario.services[i].name;
    present[i] = rho / (1 - rho);
    system_present += present[i];
  }
  ASSERT_NEAR(system_present, 7.333333, 5e-7);

  const run::BatchResult batch = run::run_batch(scenario);
  const double window = scenario.run.horizon - scenario.run.warm_up;
  CiFamily ci(8);
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const std::string& name = scenario.services[i].name;
    EXPECT_TRUE(ci.contains(name + " mean_present", per_replication(batch, i, &stats::ServiceResult::mean_present),
                            present[i]));
    std::vector<double> rate = per_replication(batch, i, &stats::ServiceResult::arrivals);
    for (double& x : rate) x /= window;
    EXPECT_TRUE(ci.contains(name + " arrivals per day", rate, lambda[i]));
  }
  EXPECT_TRUE(ci.contains("system mean_present", per_replication(batch, &stats::SystemResult::mean_present),
                          system_present));
  EXPECT_TRUE(ci.contains("system time_in_system_mean",
                          per_replication(batch, &stats::SystemResult::time_in_system_mean), system_present / gamma));
}

}  // namespace
}  // namespace carepath::validation
