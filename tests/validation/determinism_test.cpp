// SPDX-License-Identifier: MIT
// Random streams belong to replications, never to threads (rng_streams.hpp; covid-sim's issue
// #179), so a batch must be bit-identical whatever the thread count and however often it runs:
// every metric of every replication (services, system, pathways, patient types at services),
// compared by its bits (so NaN equals NaN and -0 differs from +0), the event counts, every
// trajectory value (float bits, days, weeks and months), every Estimate of the summary and every
// trajectory band, all folded in replication order; and the files a run writes, byte for byte
// but for the thread count and wall time they record.
// A replication's result must not depend on how many replications run beside it, and a different
// seed must change every replication. Scenarios: the Jackson network (routing streams, feedback),
// M/M/2/6 (losses), the truncated normal's rejection sampling (normal_service) and a run from
// 06:00 with an hour shape and a roster (start_time), each shortened to 1000 days; and a frozen,
// shortened copy of the Bromley model
// (bromley_determinism.json), which uses every feature of the format at once: patient types,
// time-varying arrivals with surges, rosters and dated capacity, patience and reneging, transfer
// delays, patients present at the start, pathways and variants.
#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/stats/results.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
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
  if (a.pathways.size() != b.pathways.size() || a.by_type.size() != b.by_type.size()) {
    diff.emplace_back("number of pathways or patient types");
    return diff;
  }
  for (std::size_t i = 0; i < a.pathways.size(); ++i) {
    for (const auto& m : stats::kPathwayMetrics) {
      if (!same_bits(a.pathways[i].*m.field, b.pathways[i].*m.field)) {
        diff.push_back("pathways[" + std::to_string(i) + "]." + m.name);
      }
    }
  }
  for (std::size_t i = 0; i < a.by_type.size(); ++i) {
    for (const auto& m : stats::kTypeServiceMetrics) {
      if (!same_bits(a.by_type[i].*m.field, b.by_type[i].*m.field)) {
        diff.push_back("by_type[" + std::to_string(i) + "]." + m.name);
      }
    }
  }
  for (std::size_t i = 0; i < std::min(a.resources.size(), b.resources.size()); ++i) {
    for (const auto& m : stats::kResourceMetrics) {
      if (!same_bits(a.resources[i].*m.field, b.resources[i].*m.field)) {
        diff.push_back("resources[" + std::to_string(i) + "]." + m.name);
      }
    }
  }
  if (a.resources.size() != b.resources.size()) diff.emplace_back("number of resources");
  if (!same_block(a.trajectory.days, b.trajectory.days)) diff.emplace_back("trajectory.days");
  if (!same_block(a.trajectory.weeks, b.trajectory.weeks)) diff.emplace_back("trajectory.weeks");
  if (!same_block(a.trajectory.months, b.trajectory.months)) diff.emplace_back("trajectory.months");
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
  ASSERT_EQ(a.summary.pathways.size(), b.summary.pathways.size());
  for (std::size_t i = 0; i < a.summary.pathways.size(); ++i) {
    for (std::size_t m = 0; m < stats::kPathwayMetrics.size(); ++m) {
      EXPECT_TRUE(same_estimate(a.summary.pathways[i].metrics[m], b.summary.pathways[i].metrics[m]))
          << "summary " << a.summary.pathways[i].name << " " << stats::kPathwayMetrics[m].name;
    }
  }
  ASSERT_EQ(a.summary.by_type.size(), b.summary.by_type.size());
  for (std::size_t i = 0; i < a.summary.by_type.size(); ++i) {
    for (std::size_t m = 0; m < stats::kTypeServiceMetrics.size(); ++m) {
      EXPECT_TRUE(same_estimate(a.summary.by_type[i].metrics[m], b.summary.by_type[i].metrics[m]))
          << "summary " << a.summary.by_type[i].patient_type << " at " << a.summary.by_type[i].service << " "
          << stats::kTypeServiceMetrics[m].name;
    }
  }
  ASSERT_FALSE(a.trajectories.empty());
  EXPECT_EQ(a.trajectories.series.size(), b.trajectories.series.size());
  EXPECT_TRUE(same_bands(a.trajectories.days, b.trajectories.days)) << "trajectory day bands";
  EXPECT_TRUE(same_bands(a.trajectories.weeks, b.trajectories.weeks)) << "trajectory week bands";
  EXPECT_TRUE(same_bands(a.trajectories.months, b.trajectories.months)) << "trajectory month bands";
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

INSTANTIATE_TEST_SUITE_P(Examples, Determinism,
                         ::testing::Values("jackson.json", "mmck.json", "normal_service.json", "start_time.json",
                                           "shared_pool.json", "escalation.json", "community_caseloads.json",
                                           "clinic_sessions.json"),
                         [](const auto& test) {
                           const std::string file = test.param;
                           return file.substr(0, file.find('.'));
                         });

// ---- The whole system, and the files written -----------------------------------------------------

io::LoadedScenarioSet bromley() {
  return io::load_scenario_set(CAREPATH_SOURCE_DIR "/tests/validation/bromley_determinism.json");
}

run::ComparisonResult run_bromley(const io::LoadedScenarioSet& set, unsigned threads) {
  return run::run_comparison(set.base, set.variants, with_threads(threads));
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A file's bytes without what records how the run went rather than what it computed: the thread
// count and the wall time, in summary.json and in report.html's metadata.
std::string without_timing(const std::filesystem::path& path) {
  const std::string bytes = read_bytes(path);
  if (path.filename() == "summary.json") {
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(bytes);
    doc.at("run").erase("threads");
    doc.at("run").erase("wall_seconds");
    return doc.dump(2);
  }
  if (path.filename() == "report.html") {
    static const std::regex timing("<div><b>(Threads|Wall time)</b>[^<]*</div>");
    return std::regex_replace(bytes, timing, "");
  }
  return bytes;
}

std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(std::filesystem::relative(entry.path(), dir));
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(DeterminismWholeSystem, EveryFeatureGivesTheSameResultsOnAnyThreadCount) {
  const io::LoadedScenarioSet set = bromley();
  ASSERT_FALSE(set.variants.empty());
  ASSERT_FALSE(set.base.pathways.empty());
  ASSERT_GT(set.base.patient_types.size(), 1u);
  const run::ComparisonResult one = run_bromley(set, 1);
  const run::ComparisonResult three = run_bromley(set, 3);
  ASSERT_FALSE(one.base.summary.by_type.empty());
  expect_identical(one.base, three.base);
  ASSERT_EQ(one.variants.size(), three.variants.size());
  for (std::size_t v = 0; v < one.variants.size(); ++v) {
    SCOPED_TRACE("variant " + one.variants[v].name);
    expect_identical(one.variants[v].result, three.variants[v].result);
  }
}

TEST(DeterminismWholeSystem, WrittenFilesAreByteIdenticalOnAnyThreadCount) {
  const io::LoadedScenarioSet set = bromley();
  const std::filesystem::path root =
      std::filesystem::temp_directory_path() / ("carepath-determinism-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root);
  for (const unsigned threads : {1u, 3u}) {
    io::write_results(set.base, set.variants, run_bromley(set, threads), root / std::to_string(threads));
  }
  const std::vector<std::filesystem::path> files = files_under(root / "1");
  EXPECT_EQ(files, files_under(root / "3"));
  // The base's and each variant's files, the comparison and the report: at least 30 of them.
  EXPECT_GE(files.size(), 30u);
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.string());
    const std::string a = without_timing(root / "1" / file);
    EXPECT_FALSE(a.empty());
    EXPECT_TRUE(a == without_timing(root / "3" / file)) << "differs between 1 and 3 threads";
  }
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace carepath::validation
