// SPDX-License-Identifier: MIT
// `carepath optimise` on the real program: two independent M/M/c queues whose servers are
// searched within bounds and a budget, a wait goal per queue and a price per server. The
// cheapest plan meeting both goals is known from the Erlang C formula; the search must find it
// for every seed tried, print the replications it spent, and leave nothing on Ctrl-C.
#include "cli_workspace.hpp"
#include "../validation/analytic.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <regex>
#include <string>

namespace {

using namespace carepath::cli_test;
using carepath::validation::Mmc;
using ::testing::HasSubstr;

// As in sweep_grid_cli_test: queue a has lambda = 4/day, b 2/day, both mu = 1/day; goals a's mean
// wait <= 0.3 days and b's <= 0.2 days. Erlang C over a in 5..9 and b in 3..7 servers: a meets
// its goal from 6 servers (0.142 days; 5 give 0.554), b from 4 (0.087; 3 give 0.444). At 100 a
// server of a and 150 of b, the cheapest plan meeting both is (6, 4) at 1,200; the budget 1,800
// leaves out the dearest plans.
//
// Tolerance. Every plan's true mean wait is at least 0.1 days (a third of the goal, far outside
// the 5% indifference zone) from each goal, and a replication's mean wait over 900 days has an sd
// of at most 0.16 days, so with 10 replications or more the one-sided bounds (at level
// 0.025 / (25 plans x 2 goals x 6 rounds), t about 4.9 with 9 degrees of freedom) decide each goal
// the right way unless an estimate is off by several standard errors: far less likely than the
// 5% the guarantee allows. The test runs five seeds, once each, and asks for (6, 4) every time.
// The scenario is kTwoQueuesScenario (cli_workspace.hpp).

constexpr const char* kSearch =
    "optimise two.json --set services.a.capacity=5:9:1 --set services.b.capacity=3:7:1"
    " --cost services.a.capacity=100 --cost services.b.capacity=150 --budget 1800"
    " --goal 'a.wait_mean<=0.3' --goal 'b.wait_mean<=0.2' --threads 2";

// The same queues with the scenario's own costs: each server costs its price a day open and each
// patient 50 a day in a bed, so the total cost is random. Occupied bed-days hardly differ between
// plans (the same patients with the same service times, common random numbers), so the plans'
// expected costs differ by their open-bed costs, 900 days x 100 or 150 a server, far beyond
// the indifference zone (1% of about 1.1 million): Kim and Nelson's selection keeps (6, 4).
constexpr const char* kTwoQueuesCosted = R"({
  "name": "two_costed",
  "currency": "GBP",
  "run": { "horizon": "1000d", "warm_up": "100d", "replications": 10, "seed": 5 },
  "arrivals": [ { "name": "a_in", "to": "a", "rate": "4/day" },
                { "name": "b_in", "to": "b", "rate": "2/day" } ],
  "services": [
    { "name": "a", "capacity": 5, "service_time": { "distribution": "exponential", "mean": "1d" },
      "costs": { "per_open_bed_day": 100, "per_occupied_bed_day": 50 } },
    { "name": "b", "capacity": 3, "service_time": { "distribution": "exponential", "mean": "1d" },
      "costs": { "per_open_bed_day": 150, "per_occupied_bed_day": 50 } }
  ]
})";

class OptimiseCliTest : public CliWorkspace {
 protected:
  OptimiseCliTest() : CliWorkspace("optimise") {
    write("two.json", kTwoQueuesScenario);
    write("two_costed.json", kTwoQueuesCosted);
    // kLongScenario's 2,000 days run ten replications in under a second on an idle machine: a
    // plan here must outlast the one second before Ctrl-C, so its horizon is 150 times longer.
    std::string longer = kLongScenario;
    longer.replace(longer.find("\"2000d\""), 7, "\"300000d\"");
    write("long.json", longer);
  }
};

TEST_F(OptimiseCliTest, FindsTheCheapestMixThatErlangCGives) {
  unsigned best_a = 0, best_b = 0;
  double best_cost = 1e300;
  for (unsigned a = 5; a <= 9; ++a) {
    for (unsigned b = 3; b <= 7; ++b) {
      const double cost = 100.0 * a + 150.0 * b;
      if (Mmc{4, 1, a}.wait_mean() <= 0.3 && Mmc{2, 1, b}.wait_mean() <= 0.2 && cost <= 1800 && cost < best_cost) {
        best_a = a, best_b = b, best_cost = cost;
      }
    }
  }
  ASSERT_EQ(best_a, 6U);
  ASSERT_EQ(best_b, 4U);

  int found = 0;
  for (int seed = 1; seed <= 5; ++seed) {
    const Outcome o = carepath(std::string(kSearch) + " --seed " + std::to_string(seed) + " --out s" + std::to_string(seed));
    ASSERT_EQ(o.status, 0) << o.err;
    const auto result = nlohmann::json::parse(read_text(work() / ("s" + std::to_string(seed)) / "optimise.json"));
    const auto& values = result.at("chosen").at("values");
    if (values.at("services.a.capacity") == best_a && values.at("services.b.capacity") == best_b) ++found;
    EXPECT_EQ(result.at("chosen").at("cost").at("mean"), best_cost) << seed;
    EXPECT_EQ(result.at("plans").size(), 25U);
    EXPECT_GT(result.at("replications_spent").get<int>(), 0);
    // The replications spent are printed, and progress says what was screened.
    EXPECT_TRUE(std::regex_search(o.out, std::regex("\n[0-9]+ replications in all\n"))) << o.out;
    EXPECT_THAT(o.err, HasSubstr(" screened out, "));
    EXPECT_THAT(o.out, HasSubstr("alternative: services.a.capacity=7, services.b.capacity=4 (cost 1300.00, feasible)"));
    // The chart of cost against each goal: one point per plan evaluated (not over budget).
    std::size_t evaluated = 0;
    for (const auto& plan : result.at("plans")) {
      if (plan.at("replications").get<std::size_t>() > 0) ++evaluated;
    }
    const std::string html = read_text(work() / ("s" + std::to_string(seed)) / "optimise.html");
    EXPECT_THAT(html, HasSubstr("data-points=\"" + std::to_string(evaluated) + "\""));
  }
  EXPECT_EQ(found, 5);
}

TEST_F(OptimiseCliTest, ARandomTotalCostIsChosenOnByKimAndNelson) {
  const Outcome o = carepath(
      "optimise two_costed.json --set services.a.capacity=5:8:1 --set services.b.capacity=3:6:1"
      " --goal 'a.wait_mean<=0.3' --goal 'b.wait_mean<=0.2' --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  const auto result = nlohmann::json::parse(read_text(work() / "results" / "two_costed-optimise" / "optimise.json"));
  EXPECT_THAT(result.at("selection").get<std::string>(), ::testing::StartsWith("Kim and Nelson's selection"));
  EXPECT_EQ(result.at("chosen").at("values").at("services.a.capacity"), 6);
  EXPECT_EQ(result.at("chosen").at("values").at("services.b.capacity"), 4);
  EXPECT_GT(result.at("chosen").at("cost").at("ci95").at(1).get<double>(),
            result.at("chosen").at("cost").at("ci95").at(0).get<double>());  // the cost is random
}

TEST_F(OptimiseCliTest, NoPlanMeetingTheGoalsSaysSoWithTheClosest) {
  const Outcome o = carepath(
      "optimise two.json --set services.a.capacity=5:6:1 --set services.b.capacity=3:4:1"
      " --cost services.a.capacity=100 --cost services.b.capacity=150 --goal 'a.wait_mean<=0.01' --out none");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("No plan within the bounds meets every goal with 95% confidence, tolerance 5% of each "
                               "goal (closest: services.a.capacity=6, services.b.capacity=3)\n"));
}

TEST_F(OptimiseCliTest, UsageErrors) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"optimise two.json --goal 'a.wait_mean<=1'", "carepath: missing --set PATH=LOW:HIGH:STEP"},
      {"optimise two.json --set services.a.capacity=5:6:1", "carepath: missing --goal"},
      {"optimise two.json --set services.a.capacity=5:6:1 --goal 'a.wait_mean<=1'",
       "carepath: --cost: optimise needs a cost per plan"},
      {"optimise two.json --set services.a.service_time_scale=0.5:1:0.5 --goal 'a.wait_mean<=1'",
       "carepath: --set: optimise searches whole numbers"},
      {"optimise two.json --set services.a.capacity=5:6:1 --goal 'a.wait_mean<=1' --budget lots",
       "carepath: --budget: expected the most a plan may cost"},
  };
  for (const auto& [args, message] : cases) {
    const Outcome o = carepath(args);
    EXPECT_EQ(o.status, 2) << args;
    EXPECT_THAT(o.err, ::testing::StartsWith(message)) << args;
  }
  EXPECT_FALSE(fs::exists(work() / "results"));
}

TEST_F(OptimiseCliTest, CtrlCLeavesNoResults) {
  // Each plan of long.json takes minutes; Ctrl-C one second in, during the first plan.
  const std::string command = "cd '" + work().string() + "' && timeout --preserve-status -s INT 1 '" + CAREPATH_EXE +
                              "' optimise long.json --set services.clinic.capacity=1:2:1 --cost "
                              "services.clinic.capacity=1 --goal 'clinic.wait_mean<=1' --threads 2 --quiet";
  const int raw = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 130);
  EXPECT_FALSE(fs::exists(work() / "results" / "long-optimise"));
}

}  // namespace
