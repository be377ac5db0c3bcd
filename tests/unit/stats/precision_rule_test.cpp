// SPDX-License-Identifier: MIT
// The parts of Hoad, Robinson and Davies' rule on series whose answer is known by hand: the
// running estimates equal summarise()'s, the look-ahead, and the stopping count.
#include <carepath/stats/precision.hpp>
#include <carepath/stats/results.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace carepath::stats {
namespace {

TEST(PrecisionRule, RunningEstimatesMatchTheSummaryOnes) {
  const std::vector<double> values{3, 5, std::numeric_limits<double>::quiet_NaN(), 4, 8, 6};
  const KpiConvergence kpi = convergence("k", "days", values);
  ASSERT_EQ(kpi.half_width.size(), values.size());
  EXPECT_TRUE(std::isnan(kpi.half_width[0]));  // one value: no interval
  for (std::size_t n = 2; n <= values.size(); ++n) {
    const Estimate e = estimate(std::vector<double>(values.begin(), values.begin() + static_cast<long>(n)));
    EXPECT_DOUBLE_EQ(kpi.mean[n - 1], e.mean) << n;
    EXPECT_NEAR(kpi.half_width[n - 1], (e.ci_high - e.ci_low) / 2, 1e-12) << n;
  }
}

TEST(PrecisionRule, TheScenariosHeadlinesAreTheKpisWithTheDefaultsForAScenarioWithout) {
  model::Scenario scenario;
  scenario.services.resize(2);
  scenario.services[0].name = "ed";
  scenario.services[1].name = "ward";
  scenario.pathways.push_back({"four_hours", "ed", "ed", 1.0 / 6, {}});
  const SummaryLabels labels{.services = {"ed", "ward"}, .pathways = {"four_hours"}, .pathway_targets = {1.0 / 6}};
  // Built in code without headlines: the defaults.
  EXPECT_EQ(headline_kpis(scenario, labels).size(), default_headlines(labels).size());

  scenario.headlines = {{"service.ward.blocked_bed_days", "Delayed discharge"},
                        {"pathway.four_hours.within_target", ""},
                        {"system.losses", ""}};
  const std::vector<HeadlineKpi> kpis = headline_kpis(scenario, labels);
  ASSERT_EQ(kpis.size(), 3U);
  EXPECT_EQ(headline_name(kpis[0], labels), "service ward blocked_bed_days");
  EXPECT_EQ(headline_name(kpis[1], labels), "pathway four_hours within_target");
  EXPECT_EQ(headline_name(kpis[2], labels), "system losses");
  EXPECT_STREQ(headline_unit(kpis[0]), "bed-days");
  ReplicationResult replication;
  replication.services.resize(2);
  replication.pathways.resize(1);
  replication.services[1].blocked_bed_days = 12.5;
  replication.system.losses = 3;
  EXPECT_DOUBLE_EQ(headline_value(kpis[0], replication), 12.5);
  EXPECT_DOUBLE_EQ(headline_value(kpis[2], replication), 3);
}

// Every kind of KPI can decide when replications stop, a shared pool's and a clinic's included.
TEST(PrecisionRule, PoolAndClinicHeadlinesAreKpisToo) {
  model::Scenario scenario;
  scenario.services.resize(2);
  scenario.services[0].name = "ward";
  scenario.services[1].name = "clinic";
  scenario.services[1].sessions = model::ClinicSessions{};
  scenario.resources.resize(1);
  scenario.resources[0].name = "nurses";
  scenario.headlines = {{"resource.nurses.utilisation", ""}, {"clinic.clinic.slot_use", ""}};
  const SummaryLabels labels{.services = {"ward", "clinic"}, .resources = {"nurses"}, .clinics = {"clinic"}};
  const std::vector<HeadlineKpi> kpis = headline_kpis(scenario, labels);
  ASSERT_EQ(kpis.size(), 2U);
  EXPECT_EQ(headline_name(kpis[0], labels), "resource nurses utilisation");
  EXPECT_EQ(headline_name(kpis[1], labels), "clinic clinic slot_use");
  EXPECT_STREQ(headline_unit(kpis[1]), "share");

  // The clinic's slot use is steady; the pool's utilisation alternates 0.9 and 0.1, whose
  // half-width after 40 replications (about 0.13) is a third of its mean 0.5: the run is not precise.
  std::vector<ReplicationResult> replications(40);
  for (std::size_t r = 0; r < replications.size(); ++r) {
    replications[r].resources.resize(1);
    replications[r].clinics.resize(1);
    replications[r].resources[0].utilisation = r % 2 == 0 ? 0.9 : 0.1;
    replications[r].clinics[0].slot_use = 0.75;
  }
  EXPECT_DOUBLE_EQ(headline_value(kpis[1], replications[0]), 0.75);
  const PrecisionRule rule{.target = {true, 0.05}, .block = 10, .cap = 100};
  const PrecisionOutcome noisy = assess_precision(kpis, labels, replications, rule);
  ASSERT_EQ(noisy.kpis.size(), 2U);
  EXPECT_EQ(noisy.reached, std::nullopt);
  for (ReplicationResult& r : replications) r.resources[0].utilisation = 0.5;
  EXPECT_EQ(assess_precision(kpis, labels, replications, rule).reached, 3U);
}

TEST(PrecisionRule, LookAheadIsFiveThenFivePercent) {
  EXPECT_EQ(look_ahead(3), 5U);
  EXPECT_EQ(look_ahead(100), 5U);
  EXPECT_EQ(look_ahead(101), 5U);
  EXPECT_EQ(look_ahead(200), 10U);
  EXPECT_EQ(look_ahead(1000), 50U);
}

// One pathway whose within-target share per replication is given.
std::vector<ReplicationResult> replications_of(const std::vector<double>& shares) {
  std::vector<ReplicationResult> replications(shares.size());
  for (std::size_t r = 0; r < shares.size(); ++r) {
    replications[r].pathways.resize(1);
    replications[r].pathways[0].within_target = shares[r];
  }
  return replications;
}

TEST(PrecisionRule, StopsAtTheFirstCountThatHoldsThroughTheLookAhead) {
  const SummaryLabels labels{.pathways = {"p"}, .pathway_targets = {1}};
  const std::vector<HeadlineKpi> headlines = default_headlines(labels);
  ASSERT_EQ(headlines.size(), 1U);
  EXPECT_EQ(headline_name(headlines[0], labels), "pathway p within_target");
  // Constant from the start: within any target at n = 3 already.
  const PrecisionRule rule{.target = {true, 0.05}, .block = 10, .cap = 100};
  EXPECT_EQ(assess_precision(headlines, labels, replications_of(std::vector<double>(10, 0.8)), rule).reached, 3U);
  // n = 3 needs replications 3..8 within the target: seven are too few to confirm it, eight enough.
  EXPECT_EQ(assess_precision(headlines, labels, replications_of(std::vector<double>(7, 0.8)), rule).reached,
            std::nullopt);
  EXPECT_EQ(assess_precision(headlines, labels, replications_of(std::vector<double>(8, 0.8)), rule).reached, 3U);
  // 0.8 and 0.4 alternating: the half-width after 40 is about 0.065, 11% of the mean 0.6.
  std::vector<double> wide;
  for (int r = 0; r < 40; ++r) wide.push_back(r % 2 == 0 ? 0.8 : 0.4);
  EXPECT_EQ(assess_precision(headlines, labels, replications_of(wide), rule).reached, std::nullopt);
  // An unmeasured KPI (NaN everywhere) cannot hold a run back.
  EXPECT_EQ(assess_precision(headlines, labels,
                             replications_of(std::vector<double>(10, std::numeric_limits<double>::quiet_NaN())), rule)
                .reached,
            3U);
}

TEST(PrecisionRule, PrecisionTextRoundTrips) {
  EXPECT_EQ(precision_text({true, 0.05}), "5%");
  EXPECT_EQ(precision_text({true, 0.025}), "2.5%");
  EXPECT_EQ(precision_text({false, 0.5}), "0.5");
}

}  // namespace
}  // namespace carepath::stats
