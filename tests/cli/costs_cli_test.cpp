// SPDX-License-Identifier: MIT
// `carepath run` on scenarios/examples/costs.json (every time exact; README "Costs"): the cost
// files and their figures, the console's costs table and cost per blocked bed-day saved, and a
// results folder without a cost file when the scenario has no costs.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr const char* kNoCosts = R"({
  "name": "plain",
  "run": { "horizon": "10d", "replications": 2 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2/day" } ],
  "services": [ { "name": "clinic", "capacity": 1, "service_time": { "distribution": "exponential", "mean": "8h" } } ]
})";

class CostsCliTest : public CliWorkspace {
 protected:
  CostsCliTest() : CliWorkspace("costs") {
    write("costs.json", read_text(fs::path(CAREPATH_SOURCE_DIR) / "scenarios/examples/costs.json"));
    write("plain.json", kNoCosts);
  }
};

TEST_F(CostsCliTest, RunWritesCostsEverywhereWithTheHandComputedFigures) {
  const Outcome o = carepath("run costs.json --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  const fs::path results = work() / "results" / "costs";
  const auto summary = nlohmann::json::parse(read_text(results / "summary.json"));
  const auto& costs = summary.at("costs");
  EXPECT_EQ(costs.at("currency"), "GBP");
  EXPECT_EQ(costs.at("total").at("total").at("mean"), 7943.0);
  EXPECT_EQ(costs.at("total").at("total").at("unit"), "GBP");
  EXPECT_EQ(costs.at("services").at(0).at("name"), "ward");
  EXPECT_EQ(costs.at("services").at(0).at("per_unit").at("per_blocked_bed_day"), 400.0);
  EXPECT_EQ(costs.at("services").at(0).at("metrics").at("blocked_beds").at("mean"), 800.0);

  EXPECT_THAT(read_text(results / "summary_costs.csv"),
              StartsWith("kind,name,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n"
                         "service,ward,total,GBP,1940,1940,1940,0,1940,1940,5\n"));
  EXPECT_THAT(read_text(results / "replications_costs.csv"), HasSubstr("\n4,cost,total,total,GBP,7943\n"));
  EXPECT_EQ(read_text(results / "cost_effects.csv"),
            "variant,measure,cost_difference,cost_ci_low,cost_ci_high,saved,saved_unit,saved_ci_low,saved_ci_high,"
            "ratio,saved_ci_covers_0\n"
            "second_home_care_place,cost per blocked bed-day saved,-800,-800,-800,2,bed-days,2,2,-400,false\n");
  EXPECT_THAT(read_text(results / "comparison.csv"), HasSubstr("\nsecond_home_care_place,cost,total,total,GBP,7943,7143,-800,-800,-800,5\n"));
  const auto comparison = nlohmann::json::parse(read_text(results / "comparison.json"));
  EXPECT_EQ(comparison.at("variants").at(0).at("cost_effects").at(0).at("ratio"), -400.0);

  EXPECT_THAT(o.out, HasSubstr("\nCosts (GBP, mean over replications, after the warm-up):\n"));
  EXPECT_THAT(o.out, HasSubstr("£7,943 [£7,943, £7,943]"));
  EXPECT_THAT(o.out, HasSubstr("cost total              £7,943 -> £7,143   -£800 [-£800, -£800]"));
  EXPECT_THAT(o.out, HasSubstr("cost per blocked bed-day saved  -£400 (cost -£800 [-£800, -£800]; saved 2.0 bed-days"));
  EXPECT_THAT(read_text(results / "report.html"), HasSubstr("<section id=\"costs\">"));
}

TEST_F(CostsCliTest, AScenarioWithoutCostsWritesNoCostFile) {
  const Outcome o = carepath("run plain.json --threads 1");
  ASSERT_EQ(o.status, 0) << o.err;
  const fs::path results = work() / "results" / "plain";
  EXPECT_FALSE(fs::exists(results / "summary_costs.csv"));
  EXPECT_FALSE(nlohmann::json::parse(read_text(results / "summary.json")).contains("costs"));
  EXPECT_THAT(o.out, Not(HasSubstr("Costs (")));
}

}  // namespace
