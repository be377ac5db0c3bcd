// SPDX-License-Identifier: MIT
// Provenance and `carepath rerun` on the real program: a results folder holds the scenario and
// every CSV file it read, byte for byte, with their SHA-256 and the build that ran them; after
// the scenario and a CSV file are edited, rerunning the old folder reproduces it exactly (apart
// from timing fields) from its copies, and --check names the edited files.
#include "cli_workspace.hpp"

#include <carepath/version.hpp>

#include <carepath/io/sha256.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace carepath::cli_test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class ProvenanceCliTest : public CliWorkspace {
 protected:
  ProvenanceCliTest() : CliWorkspace("provenance") {
    // A scenario that reads three CSV files beside it (an arrival series and an initial state).
    const fs::path data = fs::path(CAREPATH_SOURCE_DIR) / "tests/unit/io/data";
    fs::create_directories(work() / "model");
    for (const char* name : {"v2_scenario.json", "ae_daily.csv", "camhs_waiting.csv", "camhs_in_service.csv"}) {
      fs::copy_file(data / name, work() / "model" / name);
    }
  }

  [[nodiscard]] nlohmann::json provenance(const std::string& folder) const {
    return nlohmann::json::parse(read_text(work() / folder / "provenance.json"));
  }
};

TEST_F(ProvenanceCliTest, TheFolderRecordsTheInputsTheBuildAndTheCommandLine) {
  const Outcome run = carepath("run model/v2_scenario.json --replications 3 --seed 5 --threads 2 --out first --quiet");
  ASSERT_EQ(run.status, 0) << run.err;
  const nlohmann::json p = provenance("first");
  EXPECT_EQ(p["carepath_version"], std::string(carepath::version()));
  // The program's own commit, as --version prints it (this test may be linked at another).
  EXPECT_THAT(carepath("--version").out, HasSubstr("(commit " + p["git_commit"].get<std::string>() + ", "));
  EXPECT_THAT(p["compiler"].get<std::string>(), Not(HasSubstr("unknown")));
  EXPECT_EQ(p["libraries"]["nlohmann_json"], "3.11.2");
  EXPECT_EQ(p["command_line"], nlohmann::json::array({"carepath", "run", "model/v2_scenario.json", "--replications",
                                                      "3", "--seed", "5", "--threads", "2", "--out", "first",
                                                      "--quiet"}));
  EXPECT_EQ(p["run"]["seed"], 5);
  EXPECT_EQ(p["run"]["replications"], 3);
  EXPECT_EQ(p["run"]["threads"], 2);
  EXPECT_EQ(p["run"]["ranks"], 1);

  const std::string scenario_text = read_text(work() / "model/v2_scenario.json");
  EXPECT_EQ(p["scenario"]["file"], "model/v2_scenario.json");
  EXPECT_EQ(p["scenario"]["copy"], "inputs/v2_scenario.json");
  EXPECT_EQ(p["scenario"]["sha256"], carepath::io::sha256_hex(scenario_text));
  EXPECT_EQ(read_text(work() / "first/inputs/v2_scenario.json"), scenario_text);
  std::vector<std::string> files;
  for (const auto& input : p["inputs"]) {
    const std::string file = input["file"];
    files.push_back(file);
    const std::string text = read_text(work() / "model" / file);
    EXPECT_EQ(input["copy"], "inputs/" + file);
    EXPECT_EQ(read_text(work() / "first" / input["copy"].get<std::string>()), text) << file;
    EXPECT_EQ(input["sha256"], carepath::io::sha256_hex(text)) << file;
  }
  EXPECT_THAT(files, ElementsAre("ae_daily.csv", "camhs_waiting.csv", "camhs_in_service.csv"));
}

TEST_F(ProvenanceCliTest, RerunAfterEditsReproducesTheFolderAndNamesTheEditedFiles) {
  ASSERT_EQ(carepath("run model/v2_scenario.json --replications 4 --out first --quiet").status, 0);
  // Edit the scenario (another seed) and a CSV it reads (one more patient waiting).
  std::string scenario = read_text(work() / "model/v2_scenario.json");
  scenario.replace(scenario.find("\"horizon\": \"14d\""), 16, "\"horizon\": \"14d\", \"seed\": 99");
  write("model/v2_scenario.json", scenario);
  std::string waiting = read_text(work() / "model/camhs_waiting.csv");
  waiting.replace(waiting.find("26w,1,"), 6, "26w,2,");
  write("model/camhs_waiting.csv", waiting);

  // A fresh run of the edited files differs; the rerun of the old folder does not.
  ASSERT_EQ(carepath("run model/v2_scenario.json --replications 4 --out edited --quiet").status, 0);
  EXPECT_NE(read_text(work() / "edited/replications.csv"), read_text(work() / "first/replications.csv"));
  const Outcome rerun = carepath("rerun first --check --out again --quiet");
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_THAT(rerun.out, HasSubstr("changed since the run: model/v2_scenario.json ("));
  EXPECT_THAT(rerun.out, HasSubstr("changed since the run: camhs_waiting.csv ("));
  EXPECT_THAT(rerun.out, Not(HasSubstr("ae_daily.csv")));
  EXPECT_THAT(rerun.out, HasSubstr("rerun of first: identical apart from timing fields"));
  EXPECT_EQ(rerun.err, "");  // same build: no warning
  for (const std::string& name : entries(work() / "first")) {
    if (name == "summary.json" || name == "report.html" || name == "inputs") continue;  // timing fields
    EXPECT_EQ(read_text(work() / "again" / name), read_text(work() / "first" / name)) << name;
  }
  EXPECT_EQ(entries(work() / "again"), entries(work() / "first"));
  // summary.json differs in its one timing line only.
  const auto without_wall_time = [](std::string text) {
    const std::size_t at = text.find("\"wall_seconds\": ");
    return at == std::string::npos ? text : text.erase(at, text.find('\n', at) - at);
  };
  EXPECT_EQ(without_wall_time(read_text(work() / "again/summary.json")),
            without_wall_time(read_text(work() / "first/summary.json")));
  EXPECT_EQ(read_text(work() / "again/inputs/camhs_waiting.csv"), read_text(work() / "first/inputs/camhs_waiting.csv"));
}

TEST_F(ProvenanceCliTest, RerunWithoutCheckSaysNothingAboutTheOriginals) {
  ASSERT_EQ(carepath("run model/v2_scenario.json --replications 2 --out first --quiet").status, 0);
  fs::remove(work() / "model/ae_daily.csv");
  const Outcome rerun = carepath("rerun first --quiet");
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_EQ(rerun.out, "rerun of first: identical apart from timing fields\n");
  EXPECT_TRUE(fs::exists(work() / "first-rerun/provenance.json"));
  // A trailing slash names the same folder, and the new one still goes beside it.
  EXPECT_EQ(carepath("rerun first/ --quiet").out, "rerun of first: identical apart from timing fields\n");
  EXPECT_FALSE(fs::exists(work() / "first/-rerun"));
  const Outcome checked = carepath("rerun first --check --out second --quiet");
  EXPECT_THAT(checked.out, HasSubstr("missing since the run: ae_daily.csv ("));
}

TEST_F(ProvenanceCliTest, MovedScenarioIsCheckedWhereItIsNow) {
  ASSERT_EQ(carepath("run model/v2_scenario.json --replications 2 --out first --quiet").status, 0);
  fs::rename(work() / "model", work() / "moved");
  const Outcome moved = carepath("rerun first --scenario moved/v2_scenario.json --out second --quiet");
  ASSERT_EQ(moved.status, 0) << moved.err;
  EXPECT_THAT(moved.out, HasSubstr("every input is unchanged at its original place since the run"));
}

TEST_F(ProvenanceCliTest, AnEditedCopyOrAMissingRecordIsRefused) {
  ASSERT_EQ(carepath("run model/v2_scenario.json --replications 2 --out first --quiet").status, 0);
  write("first/inputs/ae_daily.csv", "date,arrivals\n");
  const Outcome edited = carepath("rerun first --quiet");
  EXPECT_EQ(edited.status, 2);
  EXPECT_THAT(edited.err, HasSubstr("first/inputs/ae_daily.csv: the copy of ae_daily.csv was changed after the run"));
  fs::remove(work() / "first/provenance.json");
  const Outcome none = carepath("rerun first --quiet");
  EXPECT_EQ(none.status, 2);
  EXPECT_THAT(none.err, HasSubstr("first/provenance.json: cannot read it"));
  EXPECT_EQ(carepath("rerun first --out first").status, 2);
}

TEST_F(ProvenanceCliTest, RerunReproducesVariantsAndAPrecisionRun) {
  // The recorded command line brings back --variant and --precision: the same variants, the
  // same stopping point, the same comparison.
  const std::string what_if = (fs::path(CAREPATH_SOURCE_DIR) / "scenarios/examples/what_if.json").string();
  const Outcome run =
      carepath("run '" + what_if + "' --precision 20% --max-replications 30 --variant more_beds --out first --quiet");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(fs::exists(work() / "first/comparison.json"));
  EXPECT_TRUE(fs::exists(work() / "first/precision.csv"));
  const Outcome rerun = carepath("rerun first --quiet");
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_EQ(rerun.out, "rerun of first: identical apart from timing fields\n");
  EXPECT_EQ(read_text(work() / "first-rerun/comparison.csv"), read_text(work() / "first/comparison.csv"));
  EXPECT_EQ(read_text(work() / "first-rerun/precision.csv"), read_text(work() / "first/precision.csv"));
}

TEST_F(ProvenanceCliTest, SweepAndWarmupFoldersRecordTheirInputsToo) {
  ASSERT_EQ(carepath("sweep model/v2_scenario.json --set services.camhs.capacity=8:9:1 --replications 2 --out sweep "
                     "--quiet")
                .status,
            0);
  ASSERT_EQ(carepath("warmup model/v2_scenario.json --replications 2 --out warmup --quiet").status, 0);
  EXPECT_THAT(carepath("rerun warmup").err,
              HasSubstr("carepath: warmup was written by `carepath warmup`; only `carepath run` folders can be rerun"));
  for (const char* folder : {"sweep", "warmup"}) {
    const nlohmann::json p = provenance(folder);
    EXPECT_EQ(p["scenario"]["sha256"], carepath::io::sha256_hex(read_text(work() / "model/v2_scenario.json"))) << folder;
    EXPECT_EQ(p["inputs"].size(), 3U) << folder;
    EXPECT_EQ(read_text(work() / folder / "inputs/ae_daily.csv"), read_text(work() / "model/ae_daily.csv")) << folder;
    EXPECT_EQ(p["run"]["replications"], 2) << folder;
  }
}

TEST_F(ProvenanceCliTest, TheDefaultJobsReportFillsEveryStressDesItem) {
  // The Bromley scenario with its variants, two replications each: the report's "How this model
  // was built" must leave no item of the checklist empty.
  const std::string bromley = (fs::path(CAREPATH_SOURCE_DIR) / "scenarios/bromley/bromley_winter.json").string();
  const Outcome run = carepath("run '" + bromley + "' --replications 2 --out bromley --quiet");
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string report = read_text(work() / "bromley/report.html");
  EXPECT_THAT(report, HasSubstr("<h2>How this model was built</h2>"));
  EXPECT_THAT(report, HasSubstr("Every item of the checklist is filled."));
  EXPECT_THAT(report, Not(HasSubstr("Left empty by this scenario")));
}

}  // namespace
