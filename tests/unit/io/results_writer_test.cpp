// SPDX-License-Identifier: MIT
#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_writer.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "scratch_dir.hpp"

namespace carepath::io {
namespace {

namespace fs = std::filesystem;
using carepath::testing::ScratchDir;
using ::testing::HasSubstr;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

model::Scenario tiny_scenario() {
  model::Scenario scenario;
  scenario.name = "tiny";
  scenario.description = "two services";
  scenario.notes = {"made up for tests"};
  scenario.run.horizon = 100;
  scenario.run.warm_up = 10;
  scenario.run.replications = 3;
  scenario.run.seed = 42;
  return scenario;
}

// A CI of +-50%, so that the console table's half-widths are easy to read in the tests.
stats::Estimate estimate_around(double mean) {
  return {.mean = mean, .sd = 0.1, .ci_low = mean / 2, .ci_high = mean * 1.5,
          .min = mean - 0.2, .max = mean + 0.2, .n = 3};
}

// Two services, three replications; the ward has unlimited capacity, so its utilisation is NaN.
run::BatchResult fabricated_result() {
  run::BatchResult result;
  result.scenario_name = "tiny";
  result.labels.services = {"triage", "ward"};
  result.seed = 42;
  result.threads = 2;
  result.wall_seconds = 1.25;
  for (int rep = 0; rep < 3; ++rep) {
    stats::ReplicationResult r;
    r.services.resize(2);
    r.services[0].arrivals = 100 + rep;
    r.services[0].wait_mean = 0.1;
    r.services[0].utilisation = 0.8;
    r.services[1].arrivals = 50;
    r.services[1].utilisation = kNaN;
    r.system.arrivals = 100 + rep;
    r.system.losses = 1;
    r.system.time_in_system_mean = 3;
    result.replications.push_back(r);
  }
  for (const std::string& name : result.labels.services) {
    stats::ServiceSummary s;
    s.name = name;
    for (std::size_t i = 0; i < s.metrics.size(); ++i) s.metrics[i] = estimate_around(0.1);
    result.summary.services.push_back(s);
  }
  std::size_t utilisation = 0;
  while (stats::kServiceMetrics[utilisation].field != &stats::ServiceResult::utilisation) ++utilisation;
  result.summary.services[1].metrics[utilisation] = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, 0};
  for (auto& e : result.summary.system) e = estimate_around(3);
  return result;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ResultsWriterTest, WritesTheFourFiles) {
  ScratchDir scratch;
  write_results(tiny_scenario(), fabricated_result(), scratch.path() / "out");
  for (const char* file : {kSummaryJsonFile, kSummaryServicesCsvFile, kSummarySystemCsvFile,
                           kReplicationsCsvFile}) {
    EXPECT_TRUE(fs::is_regular_file(scratch.path() / "out" / file)) << file;
  }
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(ResultsWriterTest, SummaryJsonRecordsTheRunAndEveryMetric) {
  ScratchDir scratch;
  write_results(tiny_scenario(), fabricated_result(), scratch.path() / "out");
  const auto json = nlohmann::json::parse(read_text(scratch.path() / "out" / kSummaryJsonFile));

  EXPECT_EQ(json.at("carepath_version"), CAREPATH_TEST_VERSION);
  EXPECT_EQ(json.at("scenario").at("name"), "tiny");
  EXPECT_EQ(json.at("scenario").at("notes").at(0), "made up for tests");
  const auto& run = json.at("run");
  EXPECT_EQ(run.at("seed"), 42);
  EXPECT_EQ(run.at("replications"), 3);
  EXPECT_EQ(run.at("threads"), 2);
  EXPECT_EQ(run.at("wall_seconds"), 1.25);
  EXPECT_EQ(run.at("horizon_days"), 100);
  EXPECT_EQ(run.at("warm_up_days"), 10);
  EXPECT_EQ(run.at("trajectory_period"), "off");  // the fabricated result has no trajectories

  ASSERT_EQ(json.at("services").size(), 2U);
  const auto& triage = json.at("services").at(0);
  EXPECT_EQ(triage.at("name"), "triage");
  ASSERT_EQ(triage.at("metrics").size(), stats::kServiceMetrics.size());
  const auto& wait = triage.at("metrics").at("wait_mean");
  EXPECT_EQ(wait.at("unit"), "days");
  EXPECT_EQ(wait.at("mean"), 0.1);
  EXPECT_EQ(wait.at("ci95"), nlohmann::json::array({0.1 / 2, 0.1 * 1.5}));
  EXPECT_EQ(wait.at("n"), 3);
  EXPECT_EQ(json.at("system").size(), stats::kSystemMetrics.size());
  EXPECT_EQ(json.at("system").at("time_in_system_mean").at("mean"), 3);
}

TEST(ResultsWriterTest, MetricsKeepTheTableOrder) {
  ScratchDir scratch;
  write_results(tiny_scenario(), fabricated_result(), scratch.path() / "out");
  const auto json =
      nlohmann::ordered_json::parse(read_text(scratch.path() / "out" / kSummaryJsonFile));
  std::size_t i = 0;
  for (const auto& [name, value] : json.at("services").at(0).at("metrics").items()) {
    EXPECT_EQ(name, stats::kServiceMetrics[i++].name);
  }
}

TEST(ResultsWriterTest, NanIsNullInJsonAndEmptyInCsv) {
  ScratchDir scratch;
  write_results(tiny_scenario(), fabricated_result(), scratch.path() / "out");
  const auto json = nlohmann::json::parse(read_text(scratch.path() / "out" / kSummaryJsonFile));
  const auto& utilisation = json.at("services").at(1).at("metrics").at("utilisation");
  EXPECT_TRUE(utilisation.at("mean").is_null());
  EXPECT_TRUE(utilisation.at("ci95").at(0).is_null());
  EXPECT_EQ(utilisation.at("n"), 0);

  EXPECT_THAT(read_text(scratch.path() / "out" / kSummaryServicesCsvFile),
              HasSubstr("\nward,utilisation,share,,,,,,,0\n"));
  EXPECT_THAT(read_text(scratch.path() / "out" / kReplicationsCsvFile),
              HasSubstr("\n0,ward,utilisation,share,\n"));
}

TEST(ResultsWriterTest, CsvFilesAreTidyWithOneRowPerObservation) {
  ScratchDir scratch;
  write_results(tiny_scenario(), fabricated_result(), scratch.path() / "out");
  const fs::path out = scratch.path() / "out";

  const auto services = read_lines(out / kSummaryServicesCsvFile);
  ASSERT_EQ(services.size(), 1 + 2 * stats::kServiceMetrics.size());
  EXPECT_EQ(services[0], "service,metric,unit,mean,ci_low,ci_high,sd,min,max,n");
  EXPECT_EQ(services[1], "triage,arrivals,patients,0.1,0.05,0.15000000000000002,0.1,-0.1,0.30000000000000004,3");

  const auto system = read_lines(out / kSummarySystemCsvFile);
  ASSERT_EQ(system.size(), 1 + stats::kSystemMetrics.size());
  EXPECT_EQ(system[0], services[0]);
  EXPECT_EQ(system[1], "system,arrivals,patients,3,1.5,4.5,0.1,2.8,3.2,3");

  const auto replications = read_lines(out / kReplicationsCsvFile);
  ASSERT_EQ(replications.size(),
            1 + 3 * (2 * stats::kServiceMetrics.size() + stats::kSystemMetrics.size()));
  EXPECT_EQ(replications[0], "replication,service,metric,unit,value");
  EXPECT_EQ(replications[1], "0,triage,arrivals,patients,100");
  EXPECT_EQ(replications.back(), "2,system,present_at_end,patients,0");
}

TEST(ResultsWriterTest, ReplacesAnEarlierResultsFolder) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out";
  write_results(tiny_scenario(), fabricated_result(), out);

  run::BatchResult second = fabricated_result();
  second.seed = 7;
  write_results(tiny_scenario(), second, out);

  EXPECT_EQ(nlohmann::json::parse(read_text(out / kSummaryJsonFile)).at("run").at("seed"), 7);
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

// The marker lists exactly what was written, so a file added by anyone else is seen.
TEST(ResultsWriterTest, MarksTheFolderWithTheFilesItWrote) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out";
  write_results(tiny_scenario(), fabricated_result(), out);
  const nlohmann::json marker = nlohmann::json::parse(read_text(out / kFolderMarkerFile));
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().filename() != kFolderMarkerFile) written.push_back(entry.path().filename().string());
  }
  std::sort(written.begin(), written.end());
  EXPECT_EQ(marker.at("files").get<std::vector<std::string>>(), written);
  EXPECT_EQ(marker.at("written_by"), std::string("carepath ") + CAREPATH_TEST_VERSION);
}

TEST(ResultsWriterTest, RefusesAResultsFolderHoldingAFileItDidNotWrite) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out";
  write_results(tiny_scenario(), fabricated_result(), out);
  std::ofstream(out / "my_notes.txt") << "precious";
  EXPECT_THAT([&] { write_results(tiny_scenario(), fabricated_result(), out); },
              ::testing::ThrowsMessage<ReplaceRefused>(HasSubstr("my_notes.txt")));
  EXPECT_EQ(read_text(out / "my_notes.txt"), "precious");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

// A Ctrl-C that arrives once the simulation is over still means "no results".
TEST(ResultsWriterTest, StopFlagLeavesTheEarlierFolderAndNoStaging) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out";
  write_results(tiny_scenario(), fabricated_result(), out);
  const std::string before = read_text(out / kSummaryJsonFile);
  const std::atomic<bool> stop{true};
  run::BatchResult second = fabricated_result();
  second.seed = 7;
  EXPECT_THROW(write_results(tiny_scenario(), second, out, &stop), run::Interrupted);
  EXPECT_EQ(read_text(out / kSummaryJsonFile), before);
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(ResultsWriterTest, FailureMidWriteKeepsThePreviousResults) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out";
  write_results(tiny_scenario(), fabricated_result(), out);
  const std::string before = read_text(out / kSummaryJsonFile);

  // replications.csv is written last and rejects a replication with a service missing, so the
  // summary files of the new run are already staged when this fails.
  run::BatchResult broken = fabricated_result();
  broken.seed = 7;
  broken.replications[2].services.pop_back();
  EXPECT_THROW(write_results(tiny_scenario(), broken, out), std::invalid_argument);

  EXPECT_EQ(read_text(out / kSummaryJsonFile), before);
  EXPECT_EQ(read_lines(out / kReplicationsCsvFile).size(),
            1 + 3 * (2 * stats::kServiceMetrics.size() + stats::kSystemMetrics.size()));
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(ResultsWriterTest, RefusesToReplaceAFolderThatIsNotResults) {
  ScratchDir scratch;
  std::ofstream(scratch.path() / "notes.txt") << "precious";
  EXPECT_THROW(write_results(tiny_scenario(), fabricated_result(), scratch.path()), ReplaceRefused);
  EXPECT_EQ(read_text(scratch.path() / "notes.txt"), "precious");
}

TEST(SummaryTableTest, ShowsEachServiceTheSystemAndTheRun) {
  std::ostringstream out;
  print_summary_table(fabricated_result(), out);
  const std::string table = out.str();
  EXPECT_THAT(table, HasSubstr("triage"));
  EXPECT_THAT(table, HasSubstr("ward"));
  EXPECT_THAT(table, HasSubstr("\nsystem "));
  EXPECT_THAT(table, HasSubstr("3 replications, seed 42, 2 threads, 1.2 s\n"));
}

TEST(SummaryTableTest, ShowsWaitsInAReadableUnitWithTheirCi) {
  std::ostringstream out;
  print_summary_table(fabricated_result(), out);
  // 0.1 days with a CI of +-0.05 days is 2.4 +- 1.2 hours; 3 days is shown in days.
  EXPECT_THAT(out.str(), HasSubstr("2.4 \u00b1 1.2 h"));
  EXPECT_THAT(out.str(), HasSubstr("3.0 \u00b1 1.5 d"));
  EXPECT_THAT(out.str(), HasSubstr("10.0 \u00b1 5.0%"));
}

TEST(SummaryTableTest, FitsAnEightyColumnTerminal) {
  std::ostringstream out;
  print_summary_table(fabricated_result(), out);
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    const auto columns = std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; });
    EXPECT_LE(columns, 80) << line;
  }
}

}  // namespace
}  // namespace carepath::io
