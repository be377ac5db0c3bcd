// SPDX-License-Identifier: MIT
// The report's costs section: a row per costed service and the total, money in the currency's
// sign with its interval, what each variant's cost buys with the note on an uncertain saving,
// and nothing at all for a run without costs.
#include "report/costs_section.hpp"
#include "report/report_format.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace carepath::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Json estimate(double mean, double low, double high) {
  return {{"unit", "GBP"}, {"mean", mean}, {"ci95", {low, high}}, {"n", 10}};
}

Json cost_metrics(double total) {
  Json metrics = Json::object();
  for (const char* name : {"total", "open_beds", "occupied_beds", "blocked_beds", "patients", "appointments"}) {
    metrics[name] = estimate(0, 0, 0);
  }
  metrics["total"] = estimate(total, total - 100, total + 100);
  return metrics;
}

Json summary_with_costs() {
  return {{"costs",
           {{"currency", "GBP"},
            {"symbol", "£"},
            {"services", {{{"name", "ward"}, {"per_unit", {{"per_patient", 20}}}, {"metrics", cost_metrics(12500)}}}},
            {"total", cost_metrics(12500)}}}};
}

TEST(CostsSection, ARowPerCostedServiceAndTheTotalInTheCurrency) {
  const std::string html = render_costs_section(summary_with_costs(), Json());
  EXPECT_THAT(html, HasSubstr("<section id=\"costs\">"));
  EXPECT_THAT(html, HasSubstr("<td>ward</td>"));
  EXPECT_THAT(html, HasSubstr("<th>Total</th>"));
  EXPECT_THAT(html, HasSubstr("£12,500"));
  EXPECT_THAT(html, HasSubstr("£12,400\u2013£12,600"));
  EXPECT_THAT(html, Not(HasSubstr("What each variant")));
}

TEST(CostsSection, ARowPerCostedPoolWithItsStaffAndVisitColumns) {
  Json summary = summary_with_costs();
  Json pool_metrics = {{"total", estimate(8160, 8160, 8160)},
                       {"staff_hours", estimate(0, 0, 0)},
                       {"staff_days", estimate(6000, 6000, 6000)},
                       {"visits", estimate(2160, 2160, 2160)}};
  summary["costs"]["resources"] = {{{"name", "community_nurses"}, {"per_unit", {{"per_visit", 30}}}, {"metrics", pool_metrics}}};
  const std::string html = render_costs_section(summary, Json());
  EXPECT_THAT(html, HasSubstr("<th>Service or pool</th>"));
  EXPECT_THAT(html, HasSubstr("<th class=\"num\">Staff-days</th>"));
  EXPECT_THAT(html, HasSubstr("<td>community_nurses (pool)</td>"));
  EXPECT_THAT(html, HasSubstr("£2,160"));
  EXPECT_THAT(render_costs_section(summary_with_costs(), Json()), Not(HasSubstr("Staff-hours")));
}

TEST(CostsSection, SaysWhatEachVariantsCostBuysAndWhenTheSavingMayBeNone) {
  const Json comparison = {
      {"variants",
       {{{"name", "more_beds"},
         {"cost_effects",
          {{{"measure", "cost per blocked bed-day saved"},
            {"saved_unit", "bed-days"},
            {"cost_difference", {{"mean", -800}, {"ci95", {-900, -700}}, {"n", 10}}},
            {"saved", {{"mean", 2}, {"ci95", {-1, 5}}, {"n", 10}}},
            {"ratio", -400},
            {"note", "the saving's 95% interval covers 0"}}}}}}}};
  const std::string html = render_costs_section(summary_with_costs(), comparison);
  EXPECT_THAT(html, HasSubstr("<td>more_beds</td>"));
  EXPECT_THAT(html, HasSubstr("\u2212£800"));
  EXPECT_THAT(html, HasSubstr("\u2212£400"));
  EXPECT_THAT(html, HasSubstr("the saving&#39;s 95% interval covers 0"));
}

TEST(CostsSection, NothingWithoutCosts) {
  EXPECT_EQ(render_costs_section(Json::object(), Json()), "");
}

TEST(CostsSection, MoneyUnitsAreFormattedWithTheirSign) {
  EXPECT_EQ(format_value(1250, "GBP"), "£1,250");
  EXPECT_EQ(format_value(-800, "EUR"), "\u2212€800");
  EXPECT_EQ(format_difference(800, "USD"), "+$800");
  EXPECT_EQ(format_value(12.5, "GBP"), "£12.50");
  EXPECT_EQ(format_value(0, "GBP"), "£0");
}

}  // namespace
}  // namespace carepath::report
