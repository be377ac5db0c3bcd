// SPDX-License-Identifier: MIT
// `carepath calibrate` on the real program, with a scenario whose daily completions are known
// exactly: a clinic of 2 clinicians, a deterministic 12-hour appointment and a backlog of 100
// patients already waiting at the start, and no arrivals. Each clinician finishes one patient at
// every half day, so from day 1 on every day has exactly 4 completions (day 0 has 2: the ones at
// 12:00; those at midnight of day 1 fall into day 1), and the backlog lasts 25 days, beyond the
// 20-day run. The format needs an arrival source; it feeds a separate desk, so nothing reaches the
// clinic. Every replication is the same for the clinic, so the CI has width 0.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;

constexpr const char* kBacklog = R"({
  "name": "backlog",
  "start_date": "2024-01-01",
  "run": { "horizon": "20d", "replications": 3, "seed": 5 },
  "arrivals": [ { "name": "walk_ins", "to": "desk", "rate": "1/day" } ],
  "services": [
    { "name": "clinic", "capacity": 2,
      "service_time": { "distribution": "deterministic", "value": "12h" },
      "initial": { "waiting": [ { "waited": "1d", "count": 100 } ] } },
    { "name": "desk", "capacity": 1, "service_time": { "distribution": "deterministic", "value": "1h" } }
  ]
})";

std::string calibration(const std::string& figures) {
  return R"({ "scenario": "backlog.json", "notes": ["test"], "figures": [ )" + figures + " ] }";
}

std::string figure(const std::string& id, const std::string& statistic, double observed, double tolerance,
                   const std::string& name = "clinic") {
  return R"({ "id": ")" + id + R"(", "figure": "f", "source": "s", "kind": "service", "name": ")" + name +
         R"(", "metric": "completions", "from": "2024-01-03", "to": "2024-01-12", "statistic": ")" + statistic +
         R"(", "observed": )" + std::to_string(observed) + R"(, "tolerance": )" + std::to_string(tolerance) +
         R"(, "why_tolerance": "w" })";
}

class CalibrateCliTest : public CliWorkspace {
 protected:
  CalibrateCliTest() : CliWorkspace("calib") { write("backlog.json", kBacklog); }
};

TEST_F(CalibrateCliTest, ExactFigureIsInsideAndFarOneIsOutside) {
  write("calibration.json", calibration(figure("exact_sum", "sum", 40, 0) + "," + figure("exact_mean", "mean", 4, 0) +
                                        "," + figure("far", "mean", 10, 1)));
  const Outcome o = carepath("calibrate calibration.json --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("exact_sum   40.0      40.0 [40.0, 40.0]"));
  EXPECT_THAT(o.out, HasSubstr("2 of 3 figures inside their tolerance"));
  EXPECT_THAT(o.err, HasSubstr("wrote results/backlog-calibration"));

  const fs::path dir = work() / "results" / "backlog-calibration";
  const std::string csv = read_text(dir / "calibration.csv");
  EXPECT_THAT(csv, HasSubstr("id,figure,source,kind,name,metric,from,to,statistic,observed,tolerance,simulated_mean,"
                             "ci_low,ci_high,n,inside\n"));
  EXPECT_THAT(csv, HasSubstr("exact_sum,f,s,service,clinic,completions,2024-01-03,2024-01-12,sum,40,0,40,40,40,3,yes\n"));
  EXPECT_THAT(csv, HasSubstr("far,f,s,service,clinic,completions,2024-01-03,2024-01-12,mean,10,1,4,4,4,3,no\n"));
  const nlohmann::json json = nlohmann::json::parse(read_text(dir / "calibration.json"));
  EXPECT_EQ(json["inside"], 2);
  EXPECT_EQ(json["figures"][1]["simulated"]["mean"], 4.0);
  EXPECT_EQ(json["figures"][1]["simulated"]["ci95"][0], 4.0);
  EXPECT_EQ(json["figures"][1]["simulated"]["ci95"][1], 4.0);
  EXPECT_EQ(json["figures"][2]["inside"], false);
}

TEST_F(CalibrateCliTest, QuietPrintsOnlyTheCount) {
  write("calibration.json", calibration(figure("exact_mean", "mean", 4, 0)));
  const Outcome o = carepath("calibrate calibration.json --quiet --out elsewhere");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "1 of 1 figures inside their tolerance\n");
  EXPECT_EQ(o.err, "");
  EXPECT_TRUE(fs::is_regular_file(work() / "elsewhere" / "calibration.csv"));
}

TEST_F(CalibrateCliTest, UnknownServiceIsBadInputAndWritesNothing) {
  write("calibration.json", calibration(figure("x", "sum", 40, 0, "clinik")));
  const Outcome o = carepath("calibrate calibration.json");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "calibration.json: /figures/0/name: unknown service 'clinik'; did you mean 'clinic'? (known: "
                   "clinic, desk)\n");
  EXPECT_FALSE(fs::exists(work() / "results"));
}

TEST_F(CalibrateCliTest, MissingFileAndMissingArgument) {
  Outcome o = carepath("calibrate nothing.json");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "nothing.json: cannot read file: No such file or directory\n");
  o = carepath("calibrate");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("carepath: missing the calibration file\nsee carepath calibrate --help\n"));
}

}  // namespace
