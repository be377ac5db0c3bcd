// SPDX-License-Identifier: MIT
// Costs of shared pools equal hand-computed totals on scenarios/examples/pool_costs.json (README
// "Costs"), where every time is exact: 14 days from Monday 6 January 2025.
//   - assessors, a pool of units: 1 on duty, 2 from Monday 13 January (a dated change), 3 from
//     09:00 to 17:00 on weekdays (a roster, in place of the dated capacity). Staff-hours: week 1,
//     5 x (3 x 8 + 1 x 16) + 2 x 24 = 248; week 2, 5 x (3 x 8 + 2 x 16) + 2 x 2 x 24 = 376; 624 in
//     all, at £45: £28,080.
//   - community_nurses, a visit pool of 2 nurses on weekdays and 1 at weekends making 3 visits a
//     day each: 10 x 2 + 4 x 1 = 24 staff-days at £250, £6,000. The 3 virtual-ward patients start
//     at time 0 (6 visits a day, all the Monday's staff can make) and stay all fortnight: 84
//     visits due, 3 a day missed on the 4 weekend days, so 12 missed and 72 delivered, at £30:
//     £2,160 (missed visits are not paid).
//   - virtual_ward: 3 patients at £100. Total £28,080 + £8,160 + £300 = £36,540.
// After a 7-day warm-up only the second week is costed. Variants replace a pool's whole "costs" (agency_visits: £45 a visit and no staff-day cost,
// 72 x 45 = £3,240) or its capacity (weekend_cover: 2 nurses every day, 28 staff-days and 84
// visits, none missed: £7,000 + £2,520 = £9,520; £1,360 more for 12 missed visits avoided, £113.33
// per missed visit avoided).
// Every replication is identical, so each expectation is exact up to the rounding of the time
// integrals (1e-9 relative).
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/run/headlines.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

void expect_money(double actual, double expected) { EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, expected)); }

const std::filesystem::path kScenario = std::filesystem::path(CAREPATH_SOURCE_DIR) / "scenarios/examples/pool_costs.json";

constexpr double kStaffHours = 45 * 624.0;
constexpr double kStaffDays = 250 * 24.0;
constexpr double kVisits = 30 * 72.0;
constexpr double kPatients = 100 * 3.0;

TEST(PoolCosts, ARosteredPoolAndAVisitPoolCostTheHandComputedTotals) {
  const io::LoadedScenarioSet set = io::load_scenario_set(kScenario);
  const run::BatchResult result = run::run_batch(set.base, {.threads = 1, .trajectories = false});
  ASSERT_EQ(result.replications.size(), 3u);
  for (const stats::ReplicationResult& r : result.replications) {
    EXPECT_NEAR(r.resources[1].visits_delivered, 72, 1e-9);
    EXPECT_NEAR(r.resources[1].visits_missed, 12, 1e-9);
    ASSERT_EQ(r.resource_costs.size(), 2u);
    const stats::CostResult& assessors = r.resource_costs[0];
    expect_money(assessors.staff_hours, kStaffHours);
    expect_money(assessors.total, kStaffHours);
    const stats::CostResult& nurses = r.resource_costs[1];
    EXPECT_EQ(nurses.staff_hours, 0);
    expect_money(nurses.staff_days, kStaffDays);
    expect_money(nurses.visits, kVisits);
    expect_money(nurses.total, kStaffDays + kVisits);
    expect_money(r.service_costs[1].patients, kPatients);
    expect_money(r.cost.staff_hours, kStaffHours);
    expect_money(r.cost.total, kStaffHours + kStaffDays + kVisits + kPatients);
  }
  // Costed services, then costed pools, then the total.
  ASSERT_EQ(result.summary.costs.size(), 4u);
  const auto row = [&](std::size_t i) { return result.summary.costs[i].kind + " " + result.summary.costs[i].name; };
  EXPECT_EQ(row(0), "service virtual_ward");
  EXPECT_EQ(row(1), "resource assessors");
  EXPECT_EQ(row(2), "resource community_nurses");
  EXPECT_EQ(row(3), "cost total");
  expect_money(result.summary.costs[3].metrics[0].mean, 36540);
}

TEST(PoolCosts, OnlyTheMeasuredWindowIsCosted) {
  // After a warm-up of 7 days only the second week counts: 376 staff-hours, 2 x 5 + 1 x 2 = 12
  // staff-days and 6 x 5 + 3 x 2 = 36 visits delivered; the patients started before it.
  model::Scenario s = io::load_scenario_set(kScenario).base;
  s.run.warm_up = 7;
  const run::BatchResult result = run::run_batch(s, {.threads = 1, .trajectories = false});
  for (const stats::ReplicationResult& r : result.replications) {
    expect_money(r.resource_costs[0].staff_hours, 45 * 376.0);
    expect_money(r.resource_costs[1].staff_days, 250 * 12.0);
    expect_money(r.resource_costs[1].visits, 30 * 36.0);
    EXPECT_EQ(r.service_costs[1].patients, 0);
  }
}

TEST(PoolCosts, AreHeadlineKpis) {
  const io::LoadedScenarioSet set = io::load_scenario_set(kScenario);
  const run::BatchResult result = run::run_batch(set.base, {.threads = 1, .trajectories = false});
  const std::vector<run::HeadlineValue> values =
      run::headline_values({{"cost.staff_hours", ""},
                            {"cost.visits", ""},
                            {"resource.community_nurses.cost", ""},
                            {"resource.community_nurses.cost_staff_days", ""}},
                           result);
  ASSERT_EQ(values.size(), 4u);
  expect_money(values[0].estimate.mean, kStaffHours);
  expect_money(values[1].estimate.mean, kVisits);
  expect_money(values[2].estimate.mean, kStaffDays + kVisits);
  expect_money(values[3].estimate.mean, kStaffDays);
  for (const run::HeadlineValue& v : values) EXPECT_EQ(v.unit, "GBP") << v.kpi;
}

TEST(PoolCosts, AVariantReplacesAPoolsCostsOrItsStaff) {
  const io::LoadedScenarioSet set = io::load_scenario_set(kScenario, R"([
    { "name": "agency_visits", "resources": { "community_nurses": { "costs": { "per_visit": "£45" } } } },
    { "name": "weekend_cover", "resources": { "community_nurses": { "capacity": {
        "base": 2, "roster": [ { "days": "sat-sun", "from": "00:00", "to": "24:00", "capacity": 2 } ] } } } }
  ])");
  const run::ComparisonResult cmp = run::run_comparison(set.base, set.variants, {.threads = 1, .trajectories = false});
  ASSERT_EQ(cmp.variants.size(), 2u);
  const stats::CostResult& agency = cmp.variants[0].result.replications[0].resource_costs[1];
  EXPECT_EQ(agency.staff_days, 0);  // the whole "costs" object is replaced
  expect_money(agency.visits, 45 * 72.0);
  const stats::CostResult& cover = cmp.variants[1].result.replications[0].resource_costs[1];
  expect_money(cover.staff_days, 250 * 28.0);
  expect_money(cover.visits, 30 * 84.0);

  const auto difference = [&](std::size_t v, const std::string& kind, const std::string& metric) {
    const auto& rows = cmp.differences[v].differences;
    const auto d = std::find_if(rows.begin(), rows.end(), [&](const run::KpiDifference& x) {
      return x.kind == kind && x.metric == metric && (kind != "resource" || x.name == "community_nurses");
    });
    EXPECT_NE(d, rows.end()) << kind << " " << metric;
    return d == rows.end() ? 0.0 : d->difference.mean;
  };
  expect_money(difference(0, "resource", "cost"), 45 * 72.0 - (kStaffDays + kVisits));
  expect_money(difference(1, "resource", "cost_visits"), 30 * 12.0);
  expect_money(difference(1, "cost", "total"), 250 * 4.0 + 30 * 12.0);

  // What weekend cover buys: £1,360 more for 12 missed visits avoided (no pathways, nobody blocked).
  const std::vector<run::CostEffect>& effects = cmp.differences[1].cost_effects;
  ASSERT_EQ(effects.size(), 2u);
  EXPECT_EQ(effects[1].label, "cost per missed visit avoided");
  EXPECT_EQ(effects[1].saved_unit, "visits");
  expect_money(effects[1].saved.mean, 12);
  expect_money(effects[1].ratio, 1360.0 / 12);
  EXPECT_FALSE(effects[1].saved_uncertain);
}

}  // namespace
}  // namespace carepath::validation
