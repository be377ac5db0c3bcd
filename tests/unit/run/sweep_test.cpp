// SPDX-License-Identifier: MIT
// The sweep through the public API alone (include/carepath/run/sweep.hpp,
// include/carepath/io/sweep_options.hpp), as a program other than the CLI would use it: the grid
// of two --set keys in table order, its variants loaded by the normal loader, an option error
// naming its option, and the answer on hand-built points (cheapest meeting the goals, runner-up,
// paired difference; the closest when none meets them).
#include <carepath/io/scenario_json.hpp>
#include <carepath/io/sweep_options.hpp>
#include <carepath/run/sweep.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carepath {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kMmc = std::string(CAREPATH_SOURCE_DIR) + "/scenarios/examples/mmc.json";

TEST(SweepOptions, TwoKeysMakeTheFullGridFirstKeySlowest) {
  const io::LoadedScenario base = io::load_scenario(kMmc);
  const run::SweepGrid grid = io::full_grid({io::parse_sweep_range("services.clinic.capacity=3:4:1", base.scenario),
                                             io::parse_sweep_range("arrivals.referrals.scale=1:1.5:0.5", base.scenario)});
  EXPECT_EQ(grid.source, "--set services.clinic.capacity, arrivals.referrals.scale");
  ASSERT_EQ(grid.keys.size(), 2U);
  EXPECT_TRUE(grid.keys[0].integers);
  EXPECT_FALSE(grid.keys[1].integers);
  EXPECT_EQ(grid.keys[1].texts, (std::vector<std::string>{"1", "1.5"}));
  EXPECT_EQ(grid.at, (std::vector<std::vector<std::size_t>>{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));

  const io::LoadedScenarioSet set = io::load_scenario_set(kMmc, io::grid_variants_text(grid));
  ASSERT_EQ(set.variants.size(), 4U);
  EXPECT_EQ(set.variants[2].scenario.services.front().capacity, 4U);
  EXPECT_TRUE(io::grid_point_warnings(set, base, grid).empty());
}

TEST(SweepOptions, ErrorsNameTheirOption) {
  const io::LoadedScenario base = io::load_scenario(kMmc);
  try {
    (void)io::parse_sweep_range("services.ward.capacity=1:2:1", base.scenario);
    FAIL() << "an unknown service was accepted";
  } catch (const io::SweepOptionError& e) {
    EXPECT_THAT(e.what(), StartsWith("--set: "));
    EXPECT_THAT(e.what(), HasSubstr("'ward'"));
  }
  EXPECT_THROW((void)io::parse_goal("clinic.wait_mean=2", base.scenario), io::SweepOptionError);
}

run::SweepPoint point(bool meets, double cost, double shortfall, std::vector<double> goal) {
  run::SweepPoint p;
  p.verdict.meets = meets;
  p.verdict.shortfall = shortfall;
  p.verdict.cost.mean = cost;
  p.verdict.cost.n = 2;
  p.evidence.goals = {std::move(goal)};
  p.evidence.cost = {cost, cost};
  return p;
}

TEST(SweepAnswer, CheapestMeetingTheGoalsThenItsRunnerUp) {
  const run::SweepRule rule{true, 0.95};
  const std::vector<run::SweepPoint> points{point(false, 1, 0.5, {3, 3}), point(true, 3, 0, {1, 2}),
                                            point(true, 2, 0, {2, 3})};
  const run::SweepChoice choice = run::choose_point(rule, points);
  EXPECT_EQ(choice.chosen, 2U);
  EXPECT_EQ(choice.runner_up, 1U);
  // Runner-up minus chosen, replication by replication: goal {1 - 2, 2 - 3}, cost {3 - 2, 3 - 2}.
  ASSERT_EQ(choice.goal_differences.size(), 1U);
  EXPECT_DOUBLE_EQ(choice.goal_differences[0].mean, -1);
  EXPECT_DOUBLE_EQ(choice.cost_difference.mean, 1);
}

TEST(SweepAnswer, WithoutAPointMeetingTheGoalsTheClosest) {
  const run::SweepRule rule{true, 0.95};
  const std::vector<run::SweepPoint> points{point(false, 1, 0.5, {3, 3}), point(false, 2, 0.1, {2, 2})};
  const run::SweepChoice choice = run::choose_point(rule, points);
  EXPECT_FALSE(choice.chosen);
  EXPECT_EQ(choice.closest, 1U);
}

TEST(SweepAnswer, GoalOperators) {
  run::Goal goal;
  goal.value = 2;
  goal.op = run::GoalOperator::AtMost;
  EXPECT_TRUE(goal.met_by(2));
  goal.op = run::GoalOperator::Below;
  EXPECT_FALSE(goal.met_by(2));
  goal.op = run::GoalOperator::Above;
  EXPECT_TRUE(goal.met_by(2.5));
}

}  // namespace
}  // namespace carepath
