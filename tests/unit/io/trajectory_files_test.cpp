// SPDX-License-Identifier: MIT
// trajectories.csv and trajectories.json (sim/io/trajectory_files.cpp) from a hand-made summary:
// one service over five days from Thursday 2022-12-01, so the ISO weeks are Thu-Sun (2022-W48,
// 4 days) and a lone Monday (2022-W49); and write_results puts both files in the results folder.
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_writer.hpp>

#include "io/trajectory_files.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "scratch_dir.hpp"

namespace carepath::io {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The clinic's series: one per service trajectory metric.
constexpr std::size_t kS = stats::kServiceTrajectoryMetrics.size();

stats::TrajectoryBands bands(std::size_t cells, double value) {
  stats::TrajectoryBands b;
  for (auto* v : {&b.mean, &b.p5, &b.p25, &b.p50, &b.p75, &b.p95}) v->assign(cells, value);
  b.n.assign(cells, 3);
  return b;
}

stats::TrajectorySummary summary() {
  stats::TrajectorySummary t;
  t.calendar = stats::trajectory_calendar(model::Date{2022y, std::chrono::December, 1d}, 5);
  for (const auto& m : stats::kServiceTrajectoryMetrics) {
    t.series.push_back({stats::TrajectoryKind::Service, "clinic", m.name, m.unit});
  }
  t.days = bands(5 * kS, 0.1);
  t.days.mean[0] = 2.5;
  t.days.p5[0] = 1;
  t.days.mean[7] = kNaN;  // day 0, wait_mean: nobody started
  t.days.n[7] = 0;
  t.weeks = bands(2 * kS, 4);
  return t;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(TrajectoryFiles, CsvIsTidyWithOneRowPerPeriodAndSeries) {
  std::ostringstream out;
  write_trajectories_csv(summary(), out);
  const std::vector<std::string> lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 1u + 5 * kS + 2 * kS);
  EXPECT_EQ(lines[0], "period,start,iso_week,days,kind,name,metric,unit,mean,p5,p25,p50,p75,p95,n");
  EXPECT_EQ(lines[1], "day,2022-12-01,2022-W48,1,service,clinic,queue_end,patients,2.5,1,0.1,0.1,0.1,0.1,3");
  EXPECT_EQ(lines[8], "day,2022-12-01,2022-W48,1,service,clinic,wait_mean,days,,0.1,0.1,0.1,0.1,0.1,0");
  EXPECT_EQ(lines[1 + 5 * kS], "week,2022-12-01,2022-W48,4,service,clinic,queue_end,patients,4,4,4,4,4,4,3");
  EXPECT_EQ(lines[1 + 6 * kS], "week,2022-12-05,2022-W49,1,service,clinic,queue_end,patients,4,4,4,4,4,4,3");
}

// Every replication's own weekly values: one row per replication, week and series, NaN empty.
TEST(TrajectoryFiles, ReplicationCsvHoldsEachReplicationsWeeks) {
  const stats::TrajectorySummary t = summary();
  std::vector<stats::ReplicationResult> reps(2);
  for (std::size_t r = 0; r < reps.size(); ++r) {
    std::vector<float> values(2 * kS, static_cast<float>(r) + 0.5f);
    values[kS + 7] = std::numeric_limits<float>::quiet_NaN();  // week 1, wait_mean
    reps[r].trajectory.weeks = {2, static_cast<std::uint32_t>(kS), values};
  }
  std::ostringstream out;
  write_replication_trajectories_csv(t, reps, out);
  const std::vector<std::string> lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 1u + 2 * 2 * kS);
  EXPECT_EQ(lines[0], "replication,period,start,days,kind,name,metric,unit,value");
  EXPECT_EQ(lines[1], "0,week,2022-12-01,4,service,clinic,queue_end,patients,0.5");
  EXPECT_EQ(lines[1 + kS + 7], "0,week,2022-12-05,1,service,clinic,wait_mean,days,");
  EXPECT_EQ(lines[1 + 2 * kS], "1,week,2022-12-01,4,service,clinic,queue_end,patients,1.5");
}

// By month only: the rows and the JSON axis are calendar months, the first and last partial,
// each with its first date, that date's ISO week and its days in the run.
TEST(TrajectoryFiles, MonthsAloneWhenOnlyMonthsWereRecorded) {
  stats::TrajectorySummary t = summary();
  t.calendar = stats::trajectory_calendar(model::Date{2022y, std::chrono::December, 30d}, 5);
  t.period = model::TrajectoryPeriod::Month;
  t.days = {};
  t.weeks = {};
  t.months = bands(2 * kS, 7);
  std::ostringstream out;
  write_trajectories_csv(t, out);
  const std::vector<std::string> lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 1u + 2 * kS);
  EXPECT_EQ(lines[1], "month,2022-12-30,2022-W52,2,service,clinic,queue_end,patients,7,7,7,7,7,7,3");
  EXPECT_EQ(lines[1 + kS], "month,2023-01-01,2022-W52,3,service,clinic,queue_end,patients,7,7,7,7,7,7,3");
  const nlohmann::ordered_json doc = trajectories_json(t);
  EXPECT_FALSE(doc.contains("day"));
  EXPECT_FALSE(doc.contains("week"));
  EXPECT_EQ(doc.at("month").at("days"), (nlohmann::ordered_json{2, 3}));
  EXPECT_EQ(doc.at("series").at(0).at("month").at("mean").size(), 2u);
}

TEST(TrajectoryFiles, JsonIsColumnOrientedWithNullForNaN) {
  const nlohmann::ordered_json j = trajectories_json(summary());
  EXPECT_EQ(j.at("start_date"), "2022-12-01");
  EXPECT_EQ(j.at("day").at("start").size(), 5u);
  EXPECT_EQ(j.at("day").at("iso_week").at(4), "2022-W49");
  EXPECT_EQ(j.at("day").at("days").at(0), 1);
  EXPECT_EQ(j.at("week").at("start"), nlohmann::ordered_json::array({"2022-12-01", "2022-12-05"}));
  EXPECT_EQ(j.at("week").at("iso_week"), nlohmann::ordered_json::array({"2022-W48", "2022-W49"}));
  EXPECT_EQ(j.at("week").at("days"), nlohmann::ordered_json::array({4, 1}));
  ASSERT_EQ(j.at("series").size(), kS);
  const auto& queue = j.at("series").at(0);
  EXPECT_EQ(queue.at("kind"), "service");
  EXPECT_EQ(queue.at("name"), "clinic");
  EXPECT_EQ(queue.at("metric"), "queue_end");
  EXPECT_EQ(queue.at("unit"), "patients");
  std::vector<std::string> keys;
  for (const auto& [key, value] : queue.at("day").items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"mean", "p5", "p25", "p50", "p75", "p95", "n"}));
  EXPECT_EQ(queue.at("day").at("mean"), nlohmann::json::array({2.5, 0.1, 0.1, 0.1, 0.1}));
  EXPECT_EQ(queue.at("week").at("n"), nlohmann::json::array({3, 3}));
  EXPECT_TRUE(j.at("series").at(7).at("day").at("mean").at(0).is_null());
}

TEST(TrajectoryFiles, WrittenIntoTheResultsFolderOnlyWhenRecorded) {
  carepath::testing::ScratchDir scratch;
  model::Scenario scenario;
  scenario.name = "tiny";
  scenario.run.horizon = 5;
  run::BatchResult result;
  result.scenario_name = "tiny";
  result.labels.services = {"clinic"};
  result.summary.services.resize(1);
  result.summary.services[0].name = "clinic";
  write_results(scenario, result, scratch.path() / "without");
  EXPECT_FALSE(fs::exists(scratch.path() / "without" / kTrajectoriesCsvFile));
  EXPECT_FALSE(fs::exists(scratch.path() / "without" / kTrajectoriesJsonFile));

  result.trajectories = summary();
  write_results(scenario, result, scratch.path() / "with");
  EXPECT_TRUE(fs::is_regular_file(scratch.path() / "with" / kTrajectoriesCsvFile));
  std::ifstream in(scratch.path() / "with" / kTrajectoriesJsonFile);
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j.at("series").size(), kS);
}

}  // namespace
}  // namespace carepath::io
