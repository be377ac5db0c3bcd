// SPDX-License-Identifier: MIT
// `carepath import-pathsimr` on PathSimR-format templates (tests/data/pathsimr, see its README):
// every use case and input template imports, validates and runs; the deliberately invalid pair
// gives every problem at its file, line and column with exit status 2; an imported model runs to
// the same numbers as the same model written by hand; and the output file follows the rule of the
// results folder (never replacing what carepath did not write, written in one step).
#include "cli_workspace.hpp"

#include <cmath>
#include <map>
#include <sstream>
#include <tuple>

namespace carepath::cli_test {
namespace {

const fs::path kData = fs::path(CAREPATH_SOURCE_DIR) / "tests/data/pathsimr";

class ImportPathsimr : public CliWorkspace {
 protected:
  ImportPathsimr() : CliWorkspace("import-pathsimr") {
    for (const auto& entry : fs::directory_iterator(kData)) fs::copy_file(entry.path(), work() / entry.path().filename());
  }
};

struct Estimate {
  double mean = 0;
  double half_width = 0;
};

// (service, metric) -> mean and 95% half-width, from a results folder's summary_services.csv
// (service,metric,unit,mean,ci_low,ci_high,...).
std::map<std::pair<std::string, std::string>, Estimate> summary(const fs::path& csv) {
  std::map<std::pair<std::string, std::string>, Estimate> values;
  std::istringstream lines(read_text(csv));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (cells.size() < 6 || cells[3].empty()) continue;
    const double low = cells[4].empty() ? std::stod(cells[3]) : std::stod(cells[4]);
    const double high = cells[5].empty() ? std::stod(cells[3]) : std::stod(cells[5]);
    values[{cells[0], cells[1]}] = {std::stod(cells[3]), (high - low) / 2};
  }
  return values;
}

TEST_F(ImportPathsimr, EveryUseCaseAndInputTemplateImportsValidatesAndRuns) {
  // (network, calendar, time unit): the use cases' units are those their numbers are in.
  const std::vector<std::tuple<std::string, std::string, std::string>> models{
      {"emergency_network.csv", "emergency_calendar.csv", "h"},
      {"stroke_network.csv", "stroke_calendar.csv", "d"},
      {"obstetrics_network.csv", "obstetrics_calendar.csv", "h"},
      {"urology_network.csv", "urology_calendar.csv", "h"},
      {"input_template_1.csv", "cal_input_1.csv", "d"},
      {"input_template_2.csv", "cal_input_2.csv", "d"},
      {"input_template_3.csv", "cal_input_3.csv", "d"},
      {"input_template_4.csv", "cal_input_4.csv", "d"},
  };
  for (const auto& [network, calendar, unit] : models) {
    SCOPED_TRACE(network);
    const std::string scenario = fs::path(network).stem().string() + ".json";
    const Outcome imported = carepath("import-pathsimr " + network + " " + calendar + " --time-unit " + unit +
                                      " --out " + scenario);
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_NE(imported.err.find("wrote " + scenario), std::string::npos) << imported.err;
    const Outcome validated = carepath("validate " + scenario);
    EXPECT_EQ(validated.status, 0) << validated.err;
    EXPECT_EQ(validated.out.rfind(scenario + ": ok (", 0), 0u) << validated.out;
    const Outcome ran = carepath("run " + scenario + " --replications 2 --quiet --trajectories off --out results");
    ASSERT_EQ(ran.status, 0) << ran.err;
    const auto values = summary(work() / "results" / "summary_services.csv");
    // Patients went through: the imported model is a working one, not merely a valid file.
    double completions = 0;
    for (const auto& [key, estimate] : values) {
      if (key.second == "completions") completions += estimate.mean;
    }
    EXPECT_GT(completions, 100);
  }
}

TEST_F(ImportPathsimr, TheInvalidTemplatesGiveEveryProblemAtItsPlace) {
  const Outcome outcome =
      carepath("import-pathsimr input_template_1_error.csv cal_input_1_error.csv --out scenario.json");
  EXPECT_EQ(outcome.status, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            "input_template_1_error.csv:2:3: probability from 'A' to 'A': expected a number from 0 to 1, got '-1'\n"
            "input_template_1_error.csv:2:12: missing parameters: expected rate > 0 for exp\n"
            "input_template_1_error.csv:2:26: parameter 'NA' is not a finite number: expected min;max with 0 <= min "
            "<= max for unif, got 'NA;0.2'\n"
            "cal_input_1_error.csv:3:7: a period must start where the one before ends (10), got 12\n"
            "cal_input_1_error.csv:3:10: end: expected a time after the start (12), got 6\n"
            "cal_input_1_error.csv:3:12: value: expected a whole number >= 0, got 'NA'\n"
            "cal_input_1_error.csv:4:9: node 'B' is an exit in the network template (no probabilities in its row), "
            "so it has no arrivals\n");
  EXPECT_FALSE(fs::exists(work() / "scenario.json"));
}

TEST_F(ImportPathsimr, WhatHasNoEquivalentIsAnErrorAtTheRowThatEndsTheCycle) {
  write("ten_hours.csv", "metric,node,start,end,value\ncap,A,0,4,2\ncap,A,4,10,3\next_arr,A,0,,1\n");
  const Outcome outcome = carepath("import-pathsimr input_template_1.csv ten_hours.csv --time-unit h");
  EXPECT_EQ(outcome.status, 2);
  EXPECT_EQ(outcome.err,
            "ten_hours.csv:3:4: the calendar of 'A' repeats every 10 hours, which does not divide a week: carepath "
            "repeats rosters and hour-of-week shapes weekly, so this cycle has no equivalent\n");
}

// The hand-written scenario says the same model in carepath's own terms (a daily rate with an
// hour_of_day shape instead of hourly rates, a base capacity with one shift instead of three,
// carepath's exit instead of the exit nodes, lognormal means and sds computed by hand), and runs
// with another seed, so the two runs are independent estimates of the same expectations. Their
// difference then has a 95% half-width of about sqrt(hw_a^2 + hw_b^2); the bound is twice that,
// about 4 standard errors (two-sided p ~ 6e-5 per metric, under 0.5% for the ~40 compared here),
// with fixed seeds and one attempt. A mapping slip (meanlog read as the mean, hours as days, a
// roster shifted by a period) moves occupancy, waits or losses by far more: their relative
// standard errors are about 1% at 30 replications.
TEST_F(ImportPathsimr, AnImportedModelRunsToTheNumbersOfTheSameModelWrittenByHand) {
  ASSERT_EQ(carepath("import-pathsimr emergency_network.csv emergency_calendar.csv --time-unit h --out imported.json")
                .status,
            0);
  const std::string options = " --replications 30 --quiet --trajectories off";
  ASSERT_EQ(carepath("run imported.json --out imported" + options + " --seed 11").status, 0);
  ASSERT_EQ(carepath("run emergency_equivalent.json --out by_hand" + options + " --seed 12").status, 0);
  const auto imported = summary(work() / "imported" / "summary_services.csv");
  const auto by_hand = summary(work() / "by_hand" / "summary_services.csv");

  int compared = 0;
  for (const std::string service : {"resus", "majors_it", "observation", "ed_yellow", "ed_green", "assessment"}) {
    for (const std::string metric :
         {"arrivals", "completions", "losses", "wait_mean", "mean_occupancy", "mean_capacity", "utilisation"}) {
      SCOPED_TRACE(service + " " + metric);
      const auto a = imported.find({service, metric});
      const auto b = by_hand.find({service, metric});
      ASSERT_NE(a, imported.end());
      ASSERT_NE(b, by_hand.end());
      const double bound = 2 * std::hypot(a->second.half_width, b->second.half_width);
      EXPECT_LE(std::abs(a->second.mean - b->second.mean), bound)
          << a->second.mean << " vs " << b->second.mean << ", bound " << bound;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 42);
  // The roster's capacity is no estimate: 3 beds for 12 hours and 5 for 12, in both.
  EXPECT_DOUBLE_EQ(imported.at({"resus", "mean_capacity"}).mean, 4);
  EXPECT_DOUBLE_EQ(by_hand.at({"resus", "mean_capacity"}).mean, 4);
  // Resus turns patients away (no queue): the comparison covers losses, not only zeros.
  EXPECT_GT(imported.at({"resus", "losses"}).mean, 0);
}

TEST_F(ImportPathsimr, WhatDiffersIsSaidOnStderrAndInTheNotes) {
  const Outcome outcome =
      carepath("import-pathsimr obstetrics_network.csv obstetrics_calendar.csv --time-unit h --out obstetrics.json");
  ASSERT_EQ(outcome.status, 0) << outcome.err;
  const std::string warning =
      "obstetrics_network.csv:3:1: warning: 'antenatal_m' has ext_queue 9999 and int_queue 0; a carepath service has "
      "one queue for patients from outside and from other services: queue_limit is the larger, 9999";
  EXPECT_NE(outcome.err.find(warning + "\n"), std::string::npos) << outcome.err;
  const std::string scenario = read_text(work() / "obstetrics.json");
  EXPECT_NE(scenario.find("\"obstetrics_network.csv:3:1: 'antenatal_m' has ext_queue 9999"), std::string::npos);
  EXPECT_NE(scenario.find("PathSimR's exit nodes (home)"), std::string::npos);

  const Outcome no_unit = carepath("import-pathsimr input_template_1.csv cal_input_1.csv");
  EXPECT_EQ(no_unit.status, 0);
  EXPECT_NE(no_unit.err.find("input_template_1.csv: warning: PathSimR's times have no unit; read as days"),
            std::string::npos)
      << no_unit.err;
  EXPECT_NE(no_unit.out.find("\"mean\": \"8d\""), std::string::npos) << no_unit.out;

  const Outcome strict = carepath("import-pathsimr input_template_1.csv cal_input_1.csv --strict --out strict.json");
  EXPECT_EQ(strict.status, 2);
  EXPECT_EQ(strict.err, "input_template_1.csv: PathSimR's times have no unit; read as days (--time-unit min, h, d or w "
                        "to say which)\n");
  EXPECT_FALSE(fs::exists(work() / "strict.json"));
}

TEST_F(ImportPathsimr, NeverReplacesAFileCarepathDidNotWriteUnlessForced) {
  const std::string import = "import-pathsimr input_template_1.csv cal_input_1.csv --time-unit d --out model.json";
  write("model.json", "{ \"name\": \"mine\" }\n");
  const Outcome refused = carepath(import);
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("'model.json' exists and was not written by carepath import-pathsimr, or was edited "
                             "since; not replacing it"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(read_text(work() / "model.json"), "{ \"name\": \"mine\" }\n");

  ASSERT_EQ(carepath(import + " --force").status, 0);
  const std::string written = read_text(work() / "model.json");
  EXPECT_NE(written.find("\"$written_by\": \"carepath import-pathsimr\""), std::string::npos);

  // Its own unedited output is replaced; once edited, it is the analyst's and is kept.
  EXPECT_EQ(carepath(import).status, 0);
  write("model.json", written + " ");
  EXPECT_EQ(carepath(import).status, 2);
  EXPECT_EQ(read_text(work() / "model.json"), written + " ");

  // Written in one step: nothing but the file is left beside it.
  fs::remove(work() / "model.json");
  ASSERT_EQ(carepath(import).status, 0);
  for (const std::string& name : entries(work())) EXPECT_EQ(name.find(".model.json"), std::string::npos) << name;
}

TEST_F(ImportPathsimr, UsageErrors) {
  const Outcome no_calendar = carepath("import-pathsimr input_template_1.csv");
  EXPECT_EQ(no_calendar.status, 2);
  EXPECT_NE(no_calendar.err.find("missing the calendar template"), std::string::npos) << no_calendar.err;
  const Outcome bad_unit = carepath("import-pathsimr input_template_1.csv cal_input_1.csv --time-unit hours");
  EXPECT_EQ(bad_unit.status, 2);
  EXPECT_NE(bad_unit.err.find("--time-unit: unknown time unit 'hours'"), std::string::npos) << bad_unit.err;
  const Outcome help = carepath("help import-pathsimr");
  EXPECT_EQ(help.status, 0);
  EXPECT_EQ(help.out.rfind("usage: carepath import-pathsimr NETWORK.csv CALENDAR.csv", 0), 0u) << help.out;
}

}  // namespace
}  // namespace carepath::cli_test
