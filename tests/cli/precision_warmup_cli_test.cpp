// SPDX-License-Identifier: MIT
// --precision, run.precision and `carepath warmup` on the real program: what the console,
// summary.json, precision.csv, warmup.csv and the warnings say. The numbers themselves are tested
// in tests/validation/precision_test.cpp and tests/unit/stats/mser_test.cpp.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

// M/M/1 at rho = 0.9 started empty: the mean wait climbs for about a hundred days (relaxation
// time 1 / (mu (1 - sqrt(rho))^2) = 380 days for the queue, less for the daily means).
constexpr const char* kSteady = R"({
  "name": "steady",
  "description": "M/M/1 at rho 0.9, started empty",
  "run": { "horizon": "1000d", "warm_up": "10d", "replications": 20, "seed": 3, "steady_state": true },
  "arrivals": [ { "name": "a", "to": "q", "rate": "0.9/day" } ],
  "services": [ { "name": "q", "capacity": 1, "service_time": { "distribution": "exponential", "mean": "1d" } } ]
})";

class PrecisionWarmupCliTest : public CliWorkspace {
 protected:
  PrecisionWarmupCliTest() : CliWorkspace("precision") { write("steady.json", kSteady); }
};

TEST_F(PrecisionWarmupCliTest, PrecisionIsReportedOnTheConsoleAndInTheFiles) {
  const Outcome o = carepath("run steady.json --precision 10% --max-replications 200 --out r --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  // The precision line ends the table; the headlines follow it.
  EXPECT_THAT(o.out, MatchesRegex("(.|\n)*replications: [0-9]+ \\(precision 10% reached at [0-9]+, with a look-ahead "
                                  "of [0-9]+\\)\n\nHeadlines(.|\n)*"));
  const auto summary = nlohmann::json::parse(read_text(work() / "r/summary.json"));
  const auto& precision = summary["run"]["precision"];
  EXPECT_EQ(precision["target"], "10%");
  EXPECT_EQ(precision["cap"], 200);
  EXPECT_EQ(precision["stopped"], "precision reached");
  EXPECT_EQ(precision["replications"], summary["run"]["replications"]);
  EXPECT_EQ(precision["kpis"][0]["name"], "service q wait_mean");
  EXPECT_THAT(read_text(work() / "r/precision.csv"),
              StartsWith("replications,kpi,unit,mean,half_width,relative_half_width\n1,service q wait_mean,days,"));
  EXPECT_THAT(read_text(work() / "r/report.html"), HasSubstr("<h3>How many replications</h3>"));
  const auto provenance = nlohmann::json::parse(read_text(work() / "r/provenance.json"));
  EXPECT_EQ(provenance["run"]["precision"], "10%");
}

TEST_F(PrecisionWarmupCliTest, TheCapIsSaidToHaveStoppedTheRun) {
  const Outcome o = carepath("run steady.json --precision 0.5% --max-replications 12 --out r");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("replications: 12, the cap, before precision 0.5%: widest service q wait_mean at "));
  const auto summary = nlohmann::json::parse(read_text(work() / "r/summary.json"));
  EXPECT_EQ(summary["run"]["precision"]["stopped"], "cap reached");
  EXPECT_EQ(summary["run"]["replications"], 12);
}

TEST_F(PrecisionWarmupCliTest, BadPrecisionsAreUsageErrors) {
  for (const char* bad : {"0%", "100%", "-5%", "abc", "1e-1", "0"}) {
    const Outcome o = carepath(std::string("run steady.json --precision ") + bad);
    EXPECT_EQ(o.status, 2) << bad;
    EXPECT_THAT(o.err, StartsWith("carepath: --precision: expected a share of the mean above 0% and below 100%")) << bad;
  }
  write("plain.json", R"({"name": "plain", "run": {"horizon": "10d"},
    "arrivals": [{"name": "a", "to": "q", "rate": "1/day"}],
    "services": [{"name": "q", "capacity": 1, "service_time": {"distribution": "exponential", "mean": "1h"}}]})");
  const Outcome cap = carepath("run plain.json --max-replications 5");
  EXPECT_EQ(cap.status, 2);
  EXPECT_THAT(cap.err, HasSubstr("--max-replications needs a precision"));
  write("badprecision.json", R"({"name": "p", "run": {"horizon": "10d", "precision": "150%"},
    "arrivals": [{"name": "a", "to": "q", "rate": "1/day"}],
    "services": [{"name": "q", "capacity": 1, "service_time": {"distribution": "exponential", "mean": "1h"}}]})");
  const Outcome scenario = carepath("validate badprecision.json");
  EXPECT_EQ(scenario.status, 2);
  EXPECT_THAT(scenario.err, HasSubstr("badprecision.json:1:41: /run/precision: expected a share of the mean above 0% and "
                                      "below 100%, such as \"5%\", or a positive absolute half-width, got \"150%\""));
}

TEST_F(PrecisionWarmupCliTest, WarmupProposesAndRunWarnsWhenTheStatedOneIsShorter) {
  const Outcome w = carepath("warmup steady.json --replications 10 --out w");
  ASSERT_EQ(w.status, 0) << w.err;
  EXPECT_THAT(w.out, MatchesRegex("service q wait_mean: [0-9]+ days\nproposed warm-up \\(MSER-5\\): [0-9]+ days; the "
                                  "scenario states 10 days\n"));
  EXPECT_THAT(read_text(work() / "w/warmup.csv"), StartsWith("day,kpi,unit,mean,moving_average\n0,service q wait_mean,"));
  EXPECT_THAT(read_text(work() / "w/warmup.html"), HasSubstr("MSER-5"));

  const Outcome run = carepath("run steady.json --replications 10 --out r --quiet");
  ASSERT_EQ(run.status, 0);
  EXPECT_THAT(run.err, MatchesRegex("steady.json: /run/warm_up: warning: is 10 days, shorter than the [0-9]+ days "
                                    "MSER-5 proposes from this run's daily headline KPIs \\(see carepath warmup "
                                    "steady.json\\)\n"));
  // Not steady-state: no check, no warning.
  std::string seasonal = kSteady;
  seasonal.replace(seasonal.find(", \"steady_state\": true"), 22, "");
  write("seasonal.json", seasonal);
  EXPECT_EQ(carepath("run seasonal.json --replications 10 --out s --quiet").err, "");
}

}  // namespace
