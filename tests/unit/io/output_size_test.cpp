// SPDX-License-Identifier: MIT
// The estimates behind `carepath run`'s warnings about large files (io/output_size.hpp): checked
// against the measurement (10^6 replications of the M/M/3 wrote a 1.4 GB
// replications.csv) and against a file actually written, within a factor that keeps megabytes
// apart from gigabytes.
#include <carepath/io/output_size.hpp>

#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "scratch_dir.hpp"

namespace carepath::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

model::Scenario mmc() { return load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mmc.json").scenario; }

TEST(OutputSize, MillionReplicationsWarnAboutReplicationsCsv) {
  const std::vector<std::string> warnings = large_output_warnings(mmc(), 1'000'000, model::TrajectoryPeriod::Month);
  ASSERT_THAT(warnings, ElementsAre(HasSubstr("replications.csv will be about 2.")));
  EXPECT_THAT(warnings[0], HasSubstr(" GB (1,000,000 replications x 41 rows); fewer replications "
                                     "(--replications or run.replications) make it smaller"));
}

TEST(OutputSize, DailyTrajectoriesOverALongHorizonWarnAboutTheirFiles) {
  model::Scenario scenario = mmc();
  scenario.run.horizon = 200'000;
  EXPECT_THAT(large_output_warnings(scenario, 10, model::TrajectoryPeriod::Off), IsEmpty());
  const std::vector<std::string> warnings = large_output_warnings(scenario, 10, model::TrajectoryPeriod::Day);
  ASSERT_THAT(warnings, ElementsAre(HasSubstr("trajectories.csv will be about"), HasSubstr("trajectories.json will be about")));
  EXPECT_THAT(warnings[0], HasSubstr("(228,572 periods x 15 series); a coarser --trajectories"));
}

// Each replication's weeks: 10 x 28,572 weeks x 15 series is warned about only when asked for.
TEST(OutputSize, ReplicationTrajectoriesAreWarnedAboutWhenAskedFor) {
  model::Scenario scenario = mmc();
  scenario.run.horizon = 200'000;
  EXPECT_THAT(large_output_warnings(scenario, 10, model::TrajectoryPeriod::Week), IsEmpty());
  const std::vector<std::string> warnings = large_output_warnings(scenario, 10, model::TrajectoryPeriod::Week, 0, true);
  ASSERT_THAT(warnings, ElementsAre(HasSubstr("replication_trajectories.csv will be about")));
  EXPECT_THAT(warnings[0], HasSubstr("(10 replications x 28,572 periods x 15 series); leave out "
                                     "--replication-trajectories, or run fewer replications"));
}

TEST(OutputSize, EachVariantWritesAsMuchAgain) {
  EXPECT_THAT(large_output_warnings(mmc(), 1'000'000, model::TrajectoryPeriod::Off, 7),
              ElementsAre(HasSubstr(" rows), and as much again for each of the 7 variants; fewer replications")));
}

TEST(OutputSize, NoWarningForAnOrdinaryRun) {
  EXPECT_THAT(large_output_warnings(mmc(), 30, model::TrajectoryPeriod::Day), IsEmpty());
}

// The estimate of a written file is within a factor 1.5 of its size: what the warning needs.
TEST(OutputSize, EstimateIsCloseToTheWrittenFile) {
  model::Scenario scenario = mmc();
  scenario.run.horizon = 2000;
  scenario.run.warm_up = 100;
  scenario.run.replications = 40;
  const run::BatchResult result = run::run_batch(scenario, {.trajectory_period = model::TrajectoryPeriod::Day});
  const testing::ScratchDir scratch;
  write_results(scenario, result, scratch.path() / "r");
  const auto written = [&](const char* file) {
    return static_cast<double>(std::filesystem::file_size(scratch.path() / "r" / file));
  };
  // Estimates below the warning threshold are not reported, so they are read back through a
  // scenario scaled up until each file passes 100 MB: the estimate scales linearly.
  const auto estimate = [&](const char* file, std::uint32_t replications, double horizon) {
    model::Scenario scaled = scenario;
    scaled.run.horizon = horizon;
    for (const std::string& w : large_output_warnings(scaled, replications, model::TrajectoryPeriod::Day)) {
      if (w.rfind(file, 0) != 0) continue;
      const std::size_t at = w.find("about ") + 6;
      const double value = std::stod(w.substr(at));
      return value * (w.compare(w.find(' ', at) + 1, 2, "GB") == 0 ? 1e9 : 1e6);
    }
    return 0.0;
  };
  const double reps_ratio = estimate("replications.csv", 40 * 10'000, 2000) / 10'000 / written("replications.csv");
  EXPECT_GT(reps_ratio, 1 / 1.5);
  EXPECT_LT(reps_ratio, 1.5);
  const double traj_ratio = estimate("trajectories.csv", 40, 2000 * 200) / 200 / written("trajectories.csv");
  EXPECT_GT(traj_ratio, 1 / 1.5);
  EXPECT_LT(traj_ratio, 1.5);
  const double json_ratio = estimate("trajectories.json", 40, 2000 * 200) / 200 / written("trajectories.json");
  EXPECT_GT(json_ratio, 1 / 1.5);
  EXPECT_LT(json_ratio, 1.5);
}

}  // namespace
}  // namespace carepath::io
