// SPDX-License-Identifier: MIT
// Monte Carlo batches: many independent replications of one scenario, run in parallel. Each
// replication draws from random streams keyed by (seed, replication index, purpose), never by
// thread, so a batch is bit-identical whatever the thread count.
//
//   auto scenario = carepath::io::load_scenario("scenarios/examples/mm1.json");
//   auto result = carepath::run::run_batch(scenario, {.threads = 4});
//   double w = result.summary.services[0].metrics[4].mean;  // wait_mean
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/stats/results.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carepath::run {

struct BatchOptions {
  std::optional<std::uint32_t> replications;  ///< Overrides the scenario's run.replications.
  std::optional<std::uint64_t> seed;          ///< Overrides the scenario's run.seed.
  unsigned threads = 0;                       ///< 0 means every core.
};

struct BatchResult {
  std::string scenario_name;
  stats::SummaryLabels labels;                ///< Service, pathway and patient-type names.
  std::uint64_t seed = 0;
  unsigned threads = 0;                       ///< Threads actually allowed.
  double wall_seconds = 0;
  std::vector<stats::ReplicationResult> replications;  ///< In replication-index order.
  stats::Summary summary;
};

/// Runs every replication of `scenario`; throws ScenarioError if the scenario fails its checks.
[[nodiscard]] BatchResult run_batch(const model::Scenario& scenario, const BatchOptions& options = {});

}  // namespace carepath::run
