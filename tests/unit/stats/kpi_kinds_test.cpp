// SPDX-License-Identifier: MIT
// The table of KPI kinds: in KpiKind order, each kind's metrics those of its table, and the items
// of a run with costs where the summary keeps them.
#include <carepath/stats/kpi_kinds.hpp>
#include <carepath/stats/kpi_ref.hpp>

#include <gtest/gtest.h>

namespace carepath::stats {
namespace {

TEST(KpiKinds, EachEntrySitsAtItsKindsPlace) {
  for (std::size_t k = 0; k < kpi_kinds().size(); ++k) {
    EXPECT_EQ(static_cast<std::size_t>(kpi_kinds()[k].kind), k) << kpi_kinds()[k].word;
  }
  EXPECT_EQ(kpi_kind(KpiKind::Clinic).metric_count, kClinicMetrics.size());
  EXPECT_EQ(kpi_kind(KpiKind::ServiceCost).metric_index("cost_open_beds"), 1U);
  EXPECT_EQ(kpi_kind(KpiKind::Service).metric_index("cost_open_beds"), std::nullopt);
}

TEST(KpiKinds, CostItemsFollowTheSummarysCostedServicesThenTheTotal) {
  const SummaryLabels labels{.services = {"a", "b", "c"}, .currency = "GBP", .costed = {false, true, true}};
  const std::vector<KpiItem> services = kpi_kind(KpiKind::ServiceCost).items(labels);
  ASSERT_EQ(services.size(), 3U);
  EXPECT_EQ(services[0].summary, std::nullopt);  // no costs: the summary has no row for it
  EXPECT_EQ(services[2].index, 2U);
  EXPECT_EQ(services[2].summary, 1U);
  const std::vector<KpiItem> total = kpi_kind(KpiKind::Cost).items(labels);
  ASSERT_EQ(total.size(), 1U);
  EXPECT_EQ(total[0].name, "total");
  EXPECT_EQ(total[0].summary, 2U);
  EXPECT_TRUE(kpi_kind(KpiKind::Cost).items(SummaryLabels{}).empty());  // no costs computed

  ReplicationResult replication;
  replication.service_costs.resize(3);
  replication.service_costs[2].open_beds = 40;
  replication.cost.total = 90;
  EXPECT_DOUBLE_EQ(kpi_kind(KpiKind::ServiceCost).value(replication, 2, 1), 40);
  EXPECT_DOUBLE_EQ(kpi_kind(KpiKind::Cost).value(replication, 0, 0), 90);
}

// Without headlines, a service that can block in its bed has its blocked bed-days as a headline:
// named exit block or delayed discharge when every service it may wait for has a setting.
TEST(DefaultHeadlines, BlockedBedDaysAreNamedByTheSettingOfWhereTheyWait) {
  model::Scenario scenario;
  scenario.services.resize(3);
  scenario.services[0].name = "ed";
  scenario.services[0].routes = {model::Route{.to = "ward"}};
  scenario.services[1].name = "ward";
  scenario.services[1].capacity = 1;
  scenario.services[1].queue_limit = 0;
  scenario.services[1].routes = {model::Route{.to = "home_care"}};
  scenario.services[2].name = "home_care";
  scenario.services[2].capacity = 1;
  scenario.services[2].queue_limit = 0;
  const auto kpis = [&] {
    std::vector<std::string> out;
    for (const model::Headline& h : default_headlines(scenario)) out.push_back(h.kpi);
    return out;
  };
  EXPECT_EQ(kpis(), (std::vector<std::string>{"service.ed.blocked_bed_days", "service.ward.blocked_bed_days"}));
  scenario.services[1].setting = model::Setting::Hospital;
  scenario.services[2].setting = model::Setting::Community;
  EXPECT_EQ(kpis(), (std::vector<std::string>{"service.ed.exit_block_bed_days",
                                              "service.ward.delayed_discharge_bed_days"}));
}

}  // namespace
}  // namespace carepath::stats
