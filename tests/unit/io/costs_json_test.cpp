// SPDX-License-Identifier: MIT
// The costs of the scenario format (io/costs_json.hpp, io/money_text.hpp): money as numbers or strings with a
// currency sign and thousands separators, the scenario's currency, costs as headline KPIs, the
// default headlines with costs, and money as the console writes it (io/number_format.hpp).
#include "io/money_text.hpp"
#include <carepath/io/number_format.hpp>
#include "scenario_documents.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

namespace carepath::io {
namespace {

using test_documents::error_lines;
using test_documents::minimal_scenario;
using test_documents::parse;

std::optional<double> money(std::string_view text) {
  std::string_view symbol;
  return parse_money(text, symbol);
}

TEST(ParseMoney, AcceptsPlainGroupedAndSignedAmounts) {
  EXPECT_EQ(money("450"), 450);
  EXPECT_EQ(money("£450"), 450);
  EXPECT_EQ(money("£1,250.50"), 1250.5);
  EXPECT_EQ(money("1,234,567"), 1234567);
  EXPECT_EQ(money("€0.5"), 0.5);
  EXPECT_EQ(money("$12"), 12);
  std::string_view symbol;
  (void)parse_money("€3", symbol);
  EXPECT_EQ(symbol, "€");
}

TEST(ParseMoney, RefusesWhatIsNotMoney) {
  for (const char* text : {"", "£", "£1,25", "1,2345", ",450", "450,", "1,,000", "1.", ".5", "1.2.3", "-5", "1e3",
                           "£ 450", "450£", "1,250.5,0", "nan", "inf", "GBP 450"}) {
    EXPECT_EQ(money(text), std::nullopt) << text;
  }
}

TEST(ServiceCosts, AreReadIntoTheirDrivers) {
  auto document = minimal_scenario();
  document["services"][0]["costs"] = {{"per_open_bed_day", "£450"}, {"per_blocked_bed_day", 1250.5}, {"per_patient", "£1,000"}};
  const model::Scenario s = parse(document).scenario;
  EXPECT_EQ(s.currency, "GBP");
  EXPECT_EQ(s.services[0].costs[model::CostDriver::OpenBedDay], 450);
  EXPECT_EQ(s.services[0].costs[model::CostDriver::OccupiedBedDay], 0);
  EXPECT_EQ(s.services[0].costs[model::CostDriver::BlockedBedDay], 1250.5);
  EXPECT_EQ(s.services[0].costs[model::CostDriver::Patient], 1000);
  EXPECT_TRUE(s.has_costs());
}

TEST(ServiceCosts, FollowTheScenarioCurrency) {
  auto document = minimal_scenario();
  document["currency"] = "EUR";
  document["services"][0]["costs"] = {{"per_patient", "€80"}, {"per_appointment", "£5"}};
  EXPECT_EQ(error_lines(document),
            std::vector<std::string>{"/services/0/costs/per_appointment: expected money in the scenario's currency, "
                                     "EUR (€), got \"£5\" in GBP; write it in € or set \"currency\": \"GBP\""});
}

TEST(PoolCosts, AreReadIntoTheirDriversAndMakeCostHeadlines) {
  auto document = minimal_scenario();
  document["resources"] = nlohmann::json::parse(R"([
    { "name": "nurses", "capacity": 2, "costs": { "per_staff_hour": "£45" } },
    { "name": "carers", "capacity": 4, "visits_per_staff_day": 5, "costs": { "per_staff_day": 200, "per_visit": "£1,250.50" } }
  ])");
  document["services"][0]["requires"] = {{{"resource", "nurses"}}};
  document["headlines"] = {"cost.staff_hours", "resource.nurses.cost", "resource.carers.cost_visits"};
  const model::Scenario s = parse(document).scenario;
  EXPECT_TRUE(s.has_costs());  // though no service has costs
  EXPECT_EQ(s.resources[0].costs[model::CostDriver::StaffHour], 45);
  EXPECT_EQ(s.resources[1].costs[model::CostDriver::StaffDay], 200);
  EXPECT_EQ(s.resources[1].costs[model::CostDriver::Visit], 1250.5);
  ASSERT_EQ(s.headlines.size(), 3u);
  EXPECT_EQ(s.headlines[1].kpi, "resource.nurses.cost");
  EXPECT_EQ(s.headlines[2].kpi, "resource.carers.cost_visits");
}

TEST(PoolCosts, AreHeadlinesOnlyOfAPoolWithCosts) {
  auto document = minimal_scenario();
  document["resources"] = nlohmann::json::parse(R"([{ "name": "nurses", "capacity": 2 }])");
  document["services"][0]["requires"] = {{{"resource", "nurses"}}};
  document["services"][0]["costs"] = {{"per_patient", 10}};
  document["headlines"] = {"resource.nurses.cost_staff_hours"};
  EXPECT_EQ(error_lines(document),
            std::vector<std::string>{"/headlines/0: 'resource.nurses.cost_staff_hours' is a cost, but pool 'nurses' has "
                                     "no \"costs\""});
}

TEST(CostHeadlines, NameTotalsAndServicesAndAreADefault) {
  auto document = minimal_scenario();
  document["services"][0]["costs"] = {{"per_patient", 10}};
  const model::Scenario defaults = parse(document).scenario;
  ASSERT_FALSE(defaults.headlines.empty());
  EXPECT_EQ(defaults.headlines.back().kpi, "cost.total");

  document["headlines"] = {"cost.patients", "s.cost", "service.s.cost_open_beds"};
  const model::Scenario named = parse(document).scenario;
  ASSERT_EQ(named.headlines.size(), 3u);
  EXPECT_EQ(named.headlines[0].kpi, "cost.patients");
  EXPECT_EQ(named.headlines[1].kpi, "service.s.cost");
  EXPECT_EQ(named.headlines[2].kpi, "service.s.cost_open_beds");
}

TEST(CostHeadlines, NeedCosts) {
  auto document = minimal_scenario();
  document["headlines"] = {"cost.total"};
  EXPECT_EQ(error_lines(document),
            std::vector<std::string>{"/headlines/0: 'cost.total' is a cost, but no service or pool has \"costs\" (README \"Costs\")"});
}

TEST(FormatMoney, GroupsThousandsAndPutsTheMinusFirst) {
  EXPECT_EQ(format_money(1250.5, "£", 2), "£1,250.50");
  EXPECT_EQ(format_money(-12400, "£", 0), "-£12,400");
  EXPECT_EQ(format_money(999, "€", 0), "€999");
  EXPECT_EQ(format_money(1234567.4, "$", 0), "$1,234,567");
  EXPECT_EQ(format_money(-0.001, "£", 0), "£0");
  EXPECT_EQ(format_money(std::numeric_limits<double>::quiet_NaN(), "£", 0), "-");
}

}  // namespace
}  // namespace carepath::io
