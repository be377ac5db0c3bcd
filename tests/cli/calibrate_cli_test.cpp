// SPDX-License-Identifier: MIT
// `carepath calibrate` on the real program, with a scenario whose daily completions are known
// exactly: a clinic of 2 clinicians, a deterministic 12-hour appointment and a backlog of 100
// patients already waiting at the start, and no arrivals. Each clinician finishes one patient at
// every half day, so from day 1 on every day has exactly 4 completions (day 0 has 2: the ones at
// 12:00; those at midnight of day 1 fall into day 1), and the backlog lasts 25 days, beyond the
// 20-day run. The format needs an arrival source; it feeds a separate desk, so nothing reaches the
// clinic. Every replication is the same for the clinic, so the CI has width 0. Its variant has
// three clinicians: 6 completions a day from day 1.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

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
  ],
  "variants": [ { "name": "three", "services": { "clinic": { "capacity": 3 } } } ]
})";

std::string calibration(const std::string& figures) {
  return R"({ "scenario": "backlog.json", "notes": ["test"], "figures": [ )" + figures + " ] }";
}

std::string figure(const std::string& id, const std::string& statistic, double observed, double tolerance,
                   const std::string& name = "clinic", const std::string& extra = "") {
  return R"({ "id": ")" + id + R"(", )" + extra + R"("figure": "f", "source": "s", "kind": "service", "name": ")" + name +
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
  EXPECT_THAT(o.out, HasSubstr("exact_sum   in      base  40.0      40.0 [40.0, 40.0]"));
  EXPECT_THAT(o.out, HasSubstr("2 of 3 behavioural targets inside (0 of 0 out-of-sample); 0 of 0 input checks inside"));
  EXPECT_THAT(o.err, HasSubstr("wrote results/backlog-calibration"));

  const fs::path dir = work() / "results" / "backlog-calibration";
  const std::string csv = read_text(dir / "calibration.csv");
  EXPECT_THAT(csv, HasSubstr("id,role,sample,variant,figure,source,kind,name,metric,from,to,statistic,bound,observed,"
                             "tolerance,simulated_mean,ci_low,ci_high,n,inside\n"));
  EXPECT_THAT(csv, HasSubstr("exact_sum,behaviour,in,,f,s,service,clinic,completions,2024-01-03,2024-01-12,sum,two_sided,"
                             "40,0,40,40,40,3,yes\n"));
  EXPECT_THAT(csv, HasSubstr("far,behaviour,in,,f,s,service,clinic,completions,2024-01-03,2024-01-12,mean,two_sided,10,"
                             "1,4,4,4,3,no\n"));
  const nlohmann::json json = nlohmann::json::parse(read_text(dir / "calibration.json"));
  EXPECT_EQ(json["behavioural_targets"]["inside"], 2);
  EXPECT_EQ(json["behavioural_targets"]["total"], 3);
  EXPECT_EQ(json["figures"][1]["simulated"]["mean"], 4.0);
  EXPECT_EQ(json["figures"][1]["simulated"]["ci95"][0], 4.0);
  EXPECT_EQ(json["figures"][1]["simulated"]["ci95"][1], 4.0);
  EXPECT_EQ(json["figures"][2]["inside"], false);
}

TEST_F(CalibrateCliTest, QuietPrintsOnlyTheCount) {
  write("calibration.json", calibration(figure("exact_mean", "mean", 4, 0)));
  const Outcome o = carepath("calibrate calibration.json --quiet --out elsewhere");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "1 of 1 behavioural targets inside (0 of 0 out-of-sample); 0 of 0 input checks inside\n");
  EXPECT_EQ(o.err, "");
  EXPECT_TRUE(fs::is_regular_file(work() / "elsewhere" / "calibration.csv"));
}

// Input checks and behavioural targets print apart, only the targets make the headline, a
// ceiling accepts anything below it, and a figure naming a variant is compared with that run.
TEST_F(CalibrateCliTest, InputChecksAndBehaviouralTargetsArePrintedApart) {
  write("calibration.json",
        calibration(figure("echo", "mean", 4, 0, "clinic", R"("role": "input_check", )") + "," +
                    figure("ceiling", "mean", 5, 0, "clinic", R"("bound": "at_most", )") + "," +
                    figure("floor", "mean", 5, 0, "clinic", R"("bound": "at_least", "sample": "out", )") + "," +
                    figure("three", "mean", 6, 0, "clinic", R"("sample": "out", "variant": "three", )")));
  const Outcome o = carepath("calibrate calibration.json --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("Input checks (echoes of figures the model was built from; not counted)\n"
                               "id    run   observed  simulated mean [95% CI]  accepted  inside\n"
                               "echo  base  4.000     4.000 [4.000, 4.000]     ±0.000    yes\n\n"));
  EXPECT_THAT(o.out, HasSubstr("Behavioural targets (sample in: the assumptions were tuned to it; out: out-of-sample)\n"));
  EXPECT_THAT(o.out, HasSubstr("ceiling  in      base   5.000     4.000 [4.000, 4.000]     at most 5.000   yes\n"));
  EXPECT_THAT(o.out, HasSubstr("floor    out     base   5.000     4.000 [4.000, 4.000]     at least 5.000  NO\n"));
  EXPECT_THAT(o.out, HasSubstr("three    out     three  6.000     6.000 [6.000, 6.000]     ±0.000          yes\n"));
  EXPECT_THAT(o.out, HasSubstr("2 of 3 behavioural targets inside (1 of 2 out-of-sample); 1 of 1 input checks inside\n"));
  const nlohmann::json json =
      nlohmann::json::parse(read_text(work() / "results" / "backlog-calibration" / "calibration.json"));
  EXPECT_EQ(json["input_checks"]["inside"], 1);
  EXPECT_EQ(json["out_of_sample_targets"]["total"], 2);
  EXPECT_EQ(json["figures"][3]["variant"], "three");
  EXPECT_EQ(json["figures"][0]["variant"], nullptr);
}

// A figure may name any KPI a headline can, read from the whole run or from the run cut at the
// end of a day ("at"): completions over the 20 days are 2 + 19 x 4 = 78 (those at 20:00 on day
// 20 would end with the run, which wins the tie); to the end of 5 January, 2 + 4 x 4 = 18, the
// same as the sum of the daily values of 1-5 January; with three clinicians, 27.
TEST_F(CalibrateCliTest, AKpiFigureIsReadFromTheWholeRunOrToTheEndOfADay) {
  const std::string kpi = R"({ "id": "ID", "figure": "f", "source": "s", "kpi": "KPI", AT"observed": OBS,
                             "tolerance": 0, "why_tolerance": "w", "variant": "VAR" })";
  const auto with = [&](const std::string& id, const std::string& text, const std::string& at, int observed,
                        const std::string& variant) {
    std::string figure = kpi;
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"ID", id}, {"KPI", text},
                                   {"AT", at.empty() ? "" : R"("at": ")" + at + R"(", )"},
                                   {"OBS", std::to_string(observed)}}) {
      figure.replace(figure.find(from), from.size(), to);
    }
    if (variant.empty()) {
      figure.replace(figure.find(R"(, "variant": "VAR")"), 18, "");
    } else {
      figure.replace(figure.find("VAR"), 3, variant);
    }
    return figure;
  };
  write("calibration.json",
        calibration(with("whole_run", "service.clinic.completions", "", 78, "") + "," +
                    with("to_5_jan", "clinic.completions", "2024-01-05", 18, "") + "," +
                    R"({ "id": "days_1_to_5", "figure": "f", "source": "s", "kind": "service", "name": "clinic",
                         "metric": "completions", "from": "2024-01-01", "to": "2024-01-05", "statistic": "sum",
                         "observed": 18, "tolerance": 0, "why_tolerance": "w" },)" +
                    with("three_to_5_jan", "clinic.completions", "2024-01-05", 27, "three")));
  const Outcome o = carepath("calibrate calibration.json --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("4 of 4 behavioural targets inside"));
  EXPECT_THAT(o.out, HasSubstr("to_5_jan        in      base to 2024-01-05   18.0"));
  const fs::path dir = work() / "results" / "backlog-calibration";
  EXPECT_THAT(read_text(dir / "calibration.csv"),
              HasSubstr("to_5_jan,behaviour,in,,f,s,service,clinic,completions,2024-01-01,2024-01-05,run,two_sided,18,0,"
                        "18,18,18,3,yes\n"));
  const nlohmann::json json = nlohmann::json::parse(read_text(dir / "calibration.json"));
  EXPECT_EQ(json["figures"][1]["kpi"], "service.clinic.completions");
  EXPECT_EQ(json["figures"][1]["at"], "2024-01-05");
  EXPECT_EQ(json["figures"][0]["at"], nullptr);
  EXPECT_EQ(json["figures"][3]["simulated"]["mean"], 27.0);
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
