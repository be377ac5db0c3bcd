// SPDX-License-Identifier: MIT
// Costs equal hand-computed totals on deterministic scenarios, where every bed-day is exact:
//   - backlog: a clinic with 2 servers (4 from 09:00 to 17:00 on weekdays), service exactly 0.5
//     days, 40 patients waiting at time 0, 14 days from Thursday 1 December 2022. Open bed-days:
//     2 x 14 = 28, plus 2 more servers for 8 hours on the 10 weekdays, 20/3: 104/3. Every patient
//     starts (the clinic clears 4 a day even at its least), so 40 patients and 40 x 0.5 = 20
//     occupied bed-days; nobody is blocked.
//   - tandem (scenarios/examples/costs.json): one ward bed, two patients waiting at time 0,
//     exactly 1 day in the ward, then 3 days in home care, which has 1 place and blocks when
//     full. Patient 1: ward [0, 1), home [1, 4). Patient 2: ward [1, 2), blocked in the ward
//     [2, 4), home [4, 7). Ward: 10 open, 2 occupied, 2 blocked bed-days, 2 patients. Home care:
//     6 occupied bed-days. With a second home-care place nobody is blocked: 2 bed-days and
//     2 x £400 saved, so the cost per blocked bed-day saved is -£400.
//   - the backlog clinic without its roster, measured after a warm-up of 6.75 days (between the
//     starts at 6.5 and 7): 2 x 7.25 = 14.5 open bed-days; 12 patients start at 7, 7.5, ..., 9.5;
//     occupied bed-days are theirs, 12 x 0.5, plus the last 0.25 day of the 2 in service at 6.75.
//   - the same clinic with a 3-day pathway: patients leave in pairs at 0.5, 1, ..., 10 days, so 12
//     are within target and 28 breach; with 4 servers, in fours at 0.5, ..., 5, so 24 within and 16
//     breach: 12 breaches avoided for 2 more open servers over 14 days (2 x 14 x £100 = £2,800),
//     £233.33 per breach avoided, while no blocked bed-day is saved (a ratio over nothing).
// Every replication is identical, so each expectation is exact up to the rounding of the time
// integrals (1e-9 relative).
#include "scenario_builders.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

namespace carepath::validation {
namespace {

using namespace std::chrono_literals;

void expect_money(double actual, double expected) { EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, expected)); }

model::Scenario backlog_scenario() {
  model::Scenario s = build::scenario("backlog", 14, 0, 3, 5);
  s.start_date = model::Date{2022y, std::chrono::December, 1d};
  // Arrivals go to an uncosted decoy, so the clinic sees only its backlog.
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  model::Service clinic = build::service("clinic", 2, model::Deterministic{0.5});
  clinic.initial_waiting = {build::cohort(0, 40)};
  clinic.roster = {model::RosterShift{{true, true, true, true, true, false, false}, 9, 17, 4}};
  clinic.costs[model::CostDriver::OpenBedDay] = 100;
  clinic.costs[model::CostDriver::OccupiedBedDay] = 10;
  clinic.costs[model::CostDriver::BlockedBedDay] = 1000;
  clinic.costs[model::CostDriver::Patient] = 5;
  clinic.costs[model::CostDriver::Appointment] = 1;
  s.services = {clinic, build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  return s;
}

TEST(Costs, BacklogClinicCostsTheHandComputedTotals) {
  const run::BatchResult result = run::run_batch(backlog_scenario(), {.threads = 1, .trajectories = false});
  ASSERT_EQ(result.replications.size(), 3u);
  const double open = 100 * (28 + 20.0 / 3), occupied = 10 * 20.0, patients = 5 * 40.0, appointments = 1 * 40.0;
  for (const stats::ReplicationResult& r : result.replications) {
    ASSERT_EQ(r.service_costs.size(), 2u);
    const stats::CostResult& clinic = r.service_costs[0];
    expect_money(clinic.open_beds, open);
    expect_money(clinic.occupied_beds, occupied);
    expect_money(clinic.blocked_beds, 0);
    expect_money(clinic.patients, patients);
    expect_money(clinic.appointments, appointments);
    expect_money(clinic.total, open + occupied + patients + appointments);
    EXPECT_EQ(r.service_costs[1].total, 0);  // the decoy has no costs, though it is busy
    expect_money(r.cost.total, clinic.total);
  }
  ASSERT_EQ(result.summary.costs.size(), 2u);  // the costed clinic, then the total
  EXPECT_EQ(result.summary.costs[0].name, "clinic");
  EXPECT_EQ(result.summary.costs[1].name, "total");
  const stats::Estimate& total = result.summary.costs[1].metrics[0];
  expect_money(total.mean, open + occupied + patients + appointments);
  EXPECT_EQ(total.n, 3u);
  EXPECT_EQ(result.labels.currency, "GBP");
}

TEST(Costs, OnlyTheMeasuredWindowIsCosted) {
  model::Scenario s = backlog_scenario();
  s.run.warm_up = 6.75;
  s.services[0].roster.clear();
  const run::BatchResult result = run::run_batch(s, {.threads = 1, .trajectories = false});
  for (const stats::ReplicationResult& r : result.replications) {
    const stats::CostResult& clinic = r.service_costs[0];
    expect_money(clinic.open_beds, 100 * 14.5);
    expect_money(clinic.occupied_beds, 10 * (12 * 0.5 + 2 * 0.25));
    expect_money(clinic.patients, 5 * 12.0);
    expect_money(clinic.appointments, 1 * 12.0);
  }
}

TEST(Costs, CostPerBreachAvoidedIsTheRatioOfThePairedMeans) {
  model::Scenario base = backlog_scenario();
  base.services[0].roster.clear();
  model::Pathway seen;
  seen.name = "seen";
  seen.start = seen.end = "clinic";
  seen.target = 3;
  base.pathways = {seen};
  model::Scenario more = base;
  more.services[0].capacity = 4;
  const run::ComparisonResult cmp =
      run::run_comparison(base, {{"four_servers", "", {}, {}, more}}, {.threads = 1, .trajectories = false});
  EXPECT_EQ(cmp.base.replications[0].pathways[0].breaches, 28);
  EXPECT_EQ(cmp.variants[0].result.replications[0].pathways[0].breaches, 16);
  const std::vector<run::CostEffect>& effects = cmp.differences[0].cost_effects;
  ASSERT_EQ(effects.size(), 2u);
  EXPECT_EQ(effects[0].label, "cost per blocked bed-day saved");
  EXPECT_TRUE(std::isnan(effects[0].ratio));
  EXPECT_TRUE(effects[0].saved_uncertain);
  EXPECT_EQ(effects[1].label, "cost per breach avoided");
  expect_money(effects[1].cost.mean, 2 * 14 * 100.0);
  expect_money(effects[1].saved.mean, 12);
  expect_money(effects[1].ratio, 2800.0 / 12);
  EXPECT_FALSE(effects[1].saved_uncertain);
}

TEST(Costs, AScenarioWithoutCostsHasNone) {
  model::Scenario s = backlog_scenario();
  s.services[0].costs = {};
  const run::BatchResult result = run::run_batch(s, {.threads = 1, .trajectories = false});
  EXPECT_TRUE(result.summary.costs.empty());
  EXPECT_TRUE(result.labels.currency.empty());
  EXPECT_TRUE(result.replications[0].service_costs.empty());
}

TEST(Costs, BlockedTandemAndItsVariantMatchTheHandComputedTotals) {
  const io::LoadedScenarioSet set =
      io::load_scenario_set(std::filesystem::path(CAREPATH_SOURCE_DIR) / "scenarios/examples/costs.json");
  const run::ComparisonResult cmp = run::run_comparison(set.base, set.variants, {.threads = 1, .trajectories = false});
  const stats::CostResult& ward = cmp.base.replications[0].service_costs[0];
  expect_money(ward.open_beds, 10 * 50.0);
  expect_money(ward.occupied_beds, 2 * 300.0);
  expect_money(ward.blocked_beds, 2 * 400.0);
  expect_money(ward.patients, 2 * 20.0);
  expect_money(ward.total, 500 + 600 + 800 + 40.0);
  expect_money(cmp.base.replications[0].service_costs[1].occupied_beds, 6 * 1000.5);
  expect_money(cmp.base.replications[0].cost.total, 1940 + 6003.0);

  ASSERT_EQ(cmp.differences.size(), 1u);
  const run::VariantDifferences& variant = cmp.differences[0];
  ASSERT_EQ(variant.cost_effects.size(), 1u);  // no pathways: no breaches to avoid
  const run::CostEffect& effect = variant.cost_effects[0];
  EXPECT_EQ(effect.label, "cost per blocked bed-day saved");
  expect_money(effect.cost.mean, -800);
  expect_money(effect.saved.mean, 2);
  expect_money(effect.ratio, -400);
  EXPECT_FALSE(effect.saved_uncertain);
  const auto total = std::find_if(variant.differences.begin(), variant.differences.end(),
                                  [](const run::KpiDifference& d) { return d.kind == "cost" && d.metric == "total"; });
  ASSERT_NE(total, variant.differences.end());
  EXPECT_EQ(total->unit, "GBP");
  expect_money(total->difference.mean, -800);
}

TEST(Costs, ARatioOverASavingThatMayBeZeroSaysSo) {
  // The variant changes nothing that blocks: the saving is exactly 0 in every replication.
  io::LoadedScenarioSet set =
      io::load_scenario_set(std::filesystem::path(CAREPATH_SOURCE_DIR) / "scenarios/examples/costs.json");
  model::Scenario same = set.base;
  same.services[0].costs[model::CostDriver::Patient] = 30;
  const run::ComparisonResult cmp =
      run::run_comparison(set.base, {{"dearer", "", {}, {}, same}}, {.threads = 1, .trajectories = false});
  const run::CostEffect& effect = cmp.differences[0].cost_effects[0];
  expect_money(effect.cost.mean, 2 * 10.0);
  EXPECT_EQ(effect.saved.mean, 0);
  EXPECT_TRUE(std::isnan(effect.ratio));
  EXPECT_TRUE(effect.saved_uncertain);
}

}  // namespace
}  // namespace carepath::validation
