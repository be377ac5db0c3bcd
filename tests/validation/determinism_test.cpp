// SPDX-License-Identifier: MIT
// Random streams belong to replications, never to threads (rng_streams.hpp; covid-sim's issue
// #179), so a batch must be bit-identical whatever the thread count and however often it runs:
// every metric of every replication, compared by its bits (so NaN equals NaN and -0 differs from
// +0), the event counts, every trajectory value (float bits, days and weeks), every Estimate of
// the summary and every trajectory band, all folded in replication order.
// A replication's result must not depend on how many replications run beside it, and a different
// seed must change every replication. Scenarios: the Jackson network (routing streams, feedback)
// and M/M/2/6 (losses), shortened to 1000 days.
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

model::Scenario example(const std::string& file) {
  model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/" + file).scenario;
  scenario.run.warm_up = 100;
  scenario.run.horizon = 1000;
  scenario.run.replications = 12;
  return scenario;
}

/// Batch options set field by field: designated initializers that skip a field trip
/// -Wmissing-field-initializers.
run::BatchOptions with_threads(unsigned threads) {
  run::BatchOptions options;
  options.threads = threads;
  return options;
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool same_block(const stats::TrajectoryBlock& a, const stats::TrajectoryBlock& b) {
  if (a.periods != b.periods || a.series != b.series || a.values.size() != b.values.size()) return false;
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    if (std::bit_cast<std::uint32_t>(a.values[i]) != std::bit_cast<std::uint32_t>(b.values[i])) return false;
  }
  return true;
}

bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same_bits(a[i], b[i])) return false;
  }
  return true;
}

bool same_bands(const stats::TrajectoryBands& a, const stats::TrajectoryBands& b) {
  return same_values(a.mean, b.mean) && same_values(a.p5, b.p5) && same_values(a.p25, b.p25) &&
         same_values(a.p50, b.p50) && same_values(a.p75, b.p75) && same_values(a.p95, b.p95) && a.n == b.n;
}

/// The names of the metrics whose bits differ; empty when the replications are identical.
std::vector<std::string> differences(const stats::ReplicationResult& a, const stats::ReplicationResult& b) {
  std::vector<std::string> diff;
  if (a.events != b.events) diff.emplace_back("events");
  if (a.services.size() != b.services.size()) {
    diff.emplace_back("number of services");
    return diff;
  }
  for (std::size_t i = 0; i < a.services.size(); ++i) {
    for (const auto& m : stats::kServiceMetrics) {
      if (!same_bits(a.services[i].*m.field, b.services[i].*m.field)) {
        diff.push_back("services[" + std::to_string(i) + "]." + m.name);
      }
    }
  }
  for (const auto& m : stats::kSystemMetrics) {
    if (!same_bits(a.system.*m.field, b.system.*m.field)) diff.push_back(std::string("system.") + m.name);
  }
  if (!same_block(a.trajectory.days, b.trajectory.days)) diff.emplace_back("trajectory.days");
  if (!same_block(a.trajectory.weeks, b.trajectory.weeks)) diff.emplace_back("trajectory.weeks");
  return diff;
}

bool same_estimate(const stats::Estimate& a, const stats::Estimate& b) {
  return same_bits(a.mean, b.mean) && same_bits(a.sd, b.sd) && same_bits(a.ci_low, b.ci_low) &&
         same_bits(a.ci_high, b.ci_high) && same_bits(a.min, b.min) && same_bits(a.max, b.max) && a.n == b.n;
}

void expect_identical(const run::BatchResult& a, const run::BatchResult& b) {
  EXPECT_EQ(a.scenario_name, b.scenario_name);
  EXPECT_EQ(a.labels.services, b.labels.services);
  EXPECT_EQ(a.seed, b.seed);
  ASSERT_EQ(a.replications.size(), b.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    EXPECT_EQ(differences(a.replications[r], b.replications[r]), std::vector<std::string>{}) << "replication " << r;
  }
  ASSERT_EQ(a.summary.services.size(), b.summary.services.size());
  for (std::size_t i = 0; i < a.summary.services.size(); ++i) {
    EXPECT_EQ(a.summary.services[i].name, b.summary.services[i].name);
    for (std::size_t m = 0; m < stats::kServiceMetrics.size(); ++m) {
      EXPECT_TRUE(same_estimate(a.summary.services[i].metrics[m], b.summary.services[i].metrics[m]))
          << "summary " << a.summary.services[i].name << " " << stats::kServiceMetrics[m].name;
    }
  }
  for (std::size_t m = 0; m < stats::kSystemMetrics.size(); ++m) {
    EXPECT_TRUE(same_estimate(a.summary.system[m], b.summary.system[m]))
        << "summary system " << stats::kSystemMetrics[m].name;
  }
  ASSERT_FALSE(a.trajectories.empty());
  EXPECT_EQ(a.trajectories.series.size(), b.trajectories.series.size());
  EXPECT_TRUE(same_bands(a.trajectories.days, b.trajectories.days)) << "trajectory day bands";
  EXPECT_TRUE(same_bands(a.trajectories.weeks, b.trajectories.weeks)) << "trajectory week bands";
}

class Determinism : public ::testing::TestWithParam<const char*> {};

TEST_P(Determinism, ThreadCountDoesNotChangeResults) {
  const model::Scenario scenario = example(GetParam());
  const run::BatchResult one = run::run_batch(scenario, with_threads(1));
  for (const unsigned threads : {2u, 4u, 2u}) {
    SCOPED_TRACE("threads = " + std::to_string(threads));
    expect_identical(one, run::run_batch(scenario, with_threads(threads)));
  }
}

TEST_P(Determinism, ReplicationDoesNotDependOnTheBatchSize) {
  const model::Scenario scenario = example(GetParam());
  const run::BatchResult full = run::run_batch(scenario, with_threads(2));
  run::BatchOptions fewer = with_threads(2);
  fewer.replications = 5;
  const run::BatchResult part = run::run_batch(scenario, fewer);
  ASSERT_EQ(part.replications.size(), 5u);
  for (std::size_t r = 0; r < part.replications.size(); ++r) {
    EXPECT_EQ(differences(full.replications[r], part.replications[r]), std::vector<std::string>{})
        << "replication " << r;
  }
}

TEST_P(Determinism, AnotherSeedChangesEveryReplication) {
  const model::Scenario scenario = example(GetParam());
  const run::BatchResult base = run::run_batch(scenario, with_threads(2));
  run::BatchOptions reseeded = with_threads(2);
  reseeded.seed = scenario.run.seed + 1;
  const run::BatchResult other = run::run_batch(scenario, reseeded);
  ASSERT_EQ(base.replications.size(), other.replications.size());
  for (std::size_t r = 0; r < base.replications.size(); ++r) {
    EXPECT_FALSE(differences(base.replications[r], other.replications[r]).empty()) << "replication " << r;
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, Determinism, ::testing::Values("jackson.json", "mmck.json"),
                         [](const auto& test) {
                           const std::string file = test.param;
                           return file.substr(0, file.find('.'));
                         });

}  // namespace
}  // namespace carepath::validation
