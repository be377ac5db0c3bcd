// SPDX-License-Identifier: MIT
#include "report/report_inputs.hpp"
#include "report/trajectory_section.hpp"
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/run/batch.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../unit/io/scratch_dir.hpp"
#include "fixtures.hpp"
#include "html_check.hpp"

namespace carepath::io {
namespace {

using carepath::testing::base_only_inputs;
using carepath::testing::chart_points;
using carepath::testing::count_of;
using carepath::testing::fixture_inputs;
using carepath::testing::unbalanced_tags;
using ::testing::Each;
using ::testing::Gt;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;
using Json = nlohmann::ordered_json;

const std::filesystem::path kData = std::filesystem::path(CAREPATH_SOURCE_DIR) / "tests/report/data";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void expect_self_contained(const std::string& html) {
  EXPECT_THAT(html, Not(HasSubstr("http://")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));  // No image, script or frame loaded from anywhere.
  EXPECT_EQ(unbalanced_tags(html), "");
  EXPECT_THAT(html, ::testing::StartsWith("<!DOCTYPE html>"));
}

// 300 services with 400 days each: 600 fan charts, thinned to 200 points, would take about 13 MB. The
// charts stop at their 4 MB budget, a sentence says how many were left out, and the whole page
// stays under its 5 MB cap.
TEST(ReportHtml, StaysUnderItsSizeCapWithManyLongSeries) {
  io::ReportInputs inputs = fixture_inputs(kData);
  inputs.variants.clear();
  inputs.comparison = nullptr;
  Json trajectories{{"start_date", "2024-01-01"}};
  const auto axis = [](std::size_t periods, const std::string& prefix) {
    Json labels = Json::array();
    for (std::size_t i = 0; i < periods; ++i) labels.push_back(prefix + std::to_string(i));
    return Json{{"start", labels}, {"iso_week", labels}, {"days", std::vector<int>(periods, 1)}};
  };
  const auto bands = [](std::size_t periods) {
    std::vector<double> values(periods);
    for (std::size_t i = 0; i < periods; ++i) values[i] = static_cast<double>(i % 37) + 0.25;
    return Json{{"mean", values}, {"p5", values}, {"p25", values}, {"p50", values},
                {"p75", values},  {"p95", values}, {"n", std::vector<int>(periods, 10)}};
  };
  trajectories["day"] = axis(400, "d");
  Json series = Json::array();
  for (int s = 0; s < 300; ++s) {
    for (const char* metric : {"queue_end", "wait_mean"}) {
      series.push_back(Json{{"kind", "service"}, {"name", "service_" + std::to_string(s)}, {"metric", metric},
                            {"unit", "patients"}, {"day", bands(400)}});
    }
  }
  trajectories["series"] = std::move(series);
  inputs.trajectories = std::move(trajectories);
  const std::string html = render_report(inputs);
  EXPECT_LT(html.size(), 5'000'000u);
  EXPECT_GT(html.size(), 3'000'000u);
  EXPECT_THAT(html, HasSubstr("more charts are left out to keep report.html under 5 MB"));
  EXPECT_THAT(html, HasSubstr("(each point spans 2 days: the widest band and the average line)"));
  EXPECT_EQ(unbalanced_tags(html), "");
}

TEST(ReportHtml, EverySectionFromTheFixtures) {
  const std::string html = render_report(fixture_inputs(kData));
  expect_self_contained(html);
  const std::vector<long> points = chart_points(html);
  // 2 services x (queue, wait) x (week, day) fan charts; one forest plot per place that moved
  // (pathway within target; clinic's wait within target; mean wait and utilisation at the clinic
  // and the ward); the service graph.
  EXPECT_THAT(points, SizeIs(8 + 6 + 1));
  EXPECT_THAT(points, Each(Gt(0)));
  EXPECT_EQ(count_of(html, "class=\"chart\""), points.size());
  // Weekly first (13 weeks >= 8), days behind the toggle.
  EXPECT_THAT(html, HasSubstr("<div class=\"period period-week\">"));
  EXPECT_THAT(html, HasSubstr("<div class=\"period period-day\" hidden>"));
  EXPECT_THAT(html, HasSubstr("data-points=\"13\""));
  EXPECT_THAT(html, HasSubstr("data-points=\"84\""));
  EXPECT_THAT(html, HasSubstr("data-points=\"83\""));  // The wait of day 0 is null.
  EXPECT_THAT(html, HasSubstr("<polyline class=\"variant v1\""));
  EXPECT_THAT(html, HasSubstr(">more_clinicians</h3>"));
  EXPECT_THAT(html, HasSubstr("<summary>Headline differences as a table (rows that changed)</summary>"));
}

TEST(ReportHtml, ChartsOfZerosAreListedNotDrawn) {
  ReportInputs inputs = fixture_inputs(kData);
  // The clinic's queue (the first series), zero in every period and band, by week and by day.
  for (const char* period : {"week", "day"}) {
    for (const char* band : {"mean", "p5", "p25", "p50", "p75", "p95"}) {
      for (Json& value : inputs.trajectories["series"][0][period][band]) value = 0.0;
    }
  }
  for (ReportVariant& variant : inputs.variants) {
    for (const char* period : {"week", "day"}) {
      for (Json& value : variant.trajectories["series"][0][period]["p50"]) value = 0.0;
    }
  }
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("All zero, not drawn: clinic (waiting). "));
  EXPECT_THAT(html, Not(HasSubstr("<title>clinic: patients waiting")));
  EXPECT_THAT(html, HasSubstr("<title>ward: patients waiting at the end of each week (patients)</title>"));
}

// A shared pool's series get their own charts, after the services': staff busy, and visits missed
// where the pool has visits (a pool of units has none, so no chart of them).
TEST(ReportHtml, SharedPoolsHaveChartsOfStaffBusy) {
  ReportInputs inputs = fixture_inputs(kData);
  Json busy = inputs.trajectories["series"][0];
  busy["kind"] = "resource";
  busy["name"] = "nurses";
  busy["metric"] = "busy_mean";
  busy["unit"] = "mean units";
  inputs.trajectories["series"].push_back(busy);
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("<title>nurses: staff busy on average in each week (mean units)</title>"));
  EXPECT_THAT(html, Not(HasSubstr("nurses: visits missed")));
}

TEST(ReportHtml, ForestPlotsHaveAnAxisEachSortedWithZeroRowsInOneLine) {
  ReportInputs inputs = fixture_inputs(kData);
  // shorter_stays leaves the clinic's utilisation exactly as it was.
  for (Json& difference : inputs.comparison["variants"][1]["differences"]) {
    if (difference["name"] == "clinic" && difference["metric"] == "utilisation") {
      difference["difference"] = 0.0;
      difference["ci95"] = {0.0, 0.0};
    }
  }
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("<h3>Utilisation: variant \u2212 base, 95% CI</h3>"));
  EXPECT_THAT(html, HasSubstr("No change to two decimals (0.00, interval [0.00, 0.00]), 1 row: clinic (1 variant).</p>"));
  // The ward's mean wait on its own axis, in hours; more_clinicians (+1.8 hours) above
  // shorter_stays (−16.2 hours).
  const std::size_t ward = html.find("<title>Mean wait at ward, variant \u2212 base (hours)</title>");
  ASSERT_NE(ward, std::string::npos);
  const std::size_t more = html.find(">more_clinicians</text>", ward);
  const std::size_t shorter = html.find(">shorter_stays</text>", ward);
  EXPECT_LT(more, shorter);
}

TEST(ReportHtml, RunsUnderEightWeeksShowDaysFirst) {
  ReportInputs inputs = fixture_inputs(kData);
  Json& start = inputs.trajectories["day"]["start"];
  start.erase(start.begin() + 30, start.end());
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("<div class=\"period period-day\">"));
  EXPECT_THAT(html, HasSubstr("<div class=\"period period-week\" hidden>"));
  EXPECT_THAT(html, HasSubstr("data-points=\"30\""));
  EXPECT_THAT(html, HasSubstr("data-points=\"29\""));
}

TEST(ReportHtml, KpiTableHasEstimatesWithIntervalsAndTargets) {
  const std::string html = render_report(fixture_inputs(kData));
  EXPECT_THAT(html, HasSubstr("<h3>Pathways against their target times</h3>"));
  EXPECT_THAT(html, HasSubstr("<td>referral_to_discharge</td><td class=\"num\">7.0 days</td>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"ci\">target 2.0 days</span>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">88.8%<span class=\"ci\">"));  // Clinic utilisation.
  EXPECT_THAT(html, HasSubstr("Bed-days blocked waiting to move on"));
}

// A printout is the short answer: the charts over time of what the headlines name (here the
// ward), the others on screen only with a sentence saying so; the forest plots and the STRESS-DES
// checklist likewise. Without headlines every chart prints.
TEST(ReportHtml, APrintoutKeepsTheChartsTheHeadlinesName) {
  ReportInputs inputs = fixture_inputs(kData);
  inputs.scenario["headlines"] = Json::array();
  const std::string every = render_report(inputs);
  EXPECT_THAT(every, Not(HasSubstr("<figure class=\"screen-only\">")));
  EXPECT_THAT(every, Not(HasSubstr("Printed: the charts of what the headlines name")));

  inputs.scenario["headlines"] = Json::array({"service.ward.wait_mean"});
  const std::string html = render_report(inputs);
  // The clinic's queue and wait by week are on screen only; so are both by day (never printed).
  EXPECT_THAT(html, HasSubstr("<figure class=\"screen-only\"><figcaption><b>clinic</b>: patients waiting at the "
                              "end of each week"));
  EXPECT_THAT(html, HasSubstr("<figure><figcaption><b>ward</b>: patients waiting at the end of each week"));
  EXPECT_THAT(html, HasSubstr("<p class=\"print-only note\">Printed: the charts of what the headlines name. The "
                              "other 2 charts are in report.html on screen.</p>"));
  EXPECT_THAT(html, HasSubstr("Printed: the answer cards above. The plots of every difference"));
  EXPECT_THAT(html, HasSubstr("The STRESS-DES checklist of this model is in report.html on screen."));
  EXPECT_THAT(html, HasSubstr(".toggle, .screen-only { display: none; }"));
}

// With a service's setting in the scenario, the services table splits the blocked bed-days into
// exit block and delayed discharge under each total; without one, it does not.
TEST(ReportHtml, ServicesTableSplitsBlockedBedDaysWhenASettingIsGiven) {
  ReportInputs inputs = fixture_inputs(kData);
  EXPECT_THAT(render_report(inputs), Not(HasSubstr("of them exit block")));
  inputs.scenario["services"][0]["setting"] = "hospital";
  Json& metrics = inputs.summary["services"][0]["metrics"];
  metrics["exit_block_bed_days"] = {{"unit", "bed-days"}, {"mean", 12.0}};
  metrics["delayed_discharge_bed_days"] = {{"unit", "bed-days"}, {"mean", 30.0}};
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("(of them exit block: waiting for a hospital bed; delayed discharge: for a "
                              "community place)"));
  EXPECT_THAT(html, HasSubstr("<span class=\"ci parts\">exit block 12.0 \u00b7 delayed discharge 30.0</span></td>"));
}

// Pathways that patients left before the end get a row each, by how they left; none, no table.
TEST(ReportHtml, LeaversOfAPathwayAreShownByHowTheyLeft) {
  ReportInputs inputs = fixture_inputs(kData);
  Json& metrics = inputs.summary["pathways"][0]["metrics"];
  metrics["abandoned"] = {{"unit", "patients"}, {"mean", 0.0}};
  EXPECT_THAT(render_report(inputs), Not(HasSubstr("Who left a pathway before its end")));
  metrics["abandoned"] = {{"unit", "patients"}, {"mean", 7.0}};
  metrics["left_by_route"] = {{"unit", "patients"}, {"mean", 5.0}};
  metrics["left_turned_away"] = {{"unit", "patients"}, {"mean", 2.0}};
  metrics["left_gave_up"] = {{"unit", "patients"}, {"mean", 0.0}};
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("<h3>Who left a pathway before its end</h3>"));
  EXPECT_THAT(html, HasSubstr("<tr><td>referral_to_discharge</td><td class=\"num\">7.0</td><td class=\"num\">5.0</td>"
                              "<td class=\"num\">2.0</td><td class=\"num\">0</td></tr>"));
}

// Beds occupied against beds open, in the service's own word for a unit of its capacity.
TEST(ReportHtml, OccupancyChartsSayTheServicesUnitWord) {
  ReportInputs inputs = fixture_inputs(kData);
  for (const char* metric : {"occupancy_mean", "capacity_mean"}) {
    Json series = inputs.trajectories["series"][0];
    series["name"] = "ward";
    series["metric"] = metric;
    series["unit"] = "mean patients";
    inputs.trajectories["series"].push_back(series);
  }
  EXPECT_THAT(render_report(inputs),
              HasSubstr("<title>ward: beds occupied (in service or blocked) against beds open, on average in each "
                        "week (mean patients)</title>"));
  inputs.scenario["services"][1]["unit"] = "places";
  const std::string html = render_report(inputs);
  EXPECT_THAT(html, HasSubstr("<title>ward: places occupied (in service or blocked) against places open, on "
                              "average in each week (mean patients)</title>"));
  EXPECT_THAT(html, HasSubstr("places open (median)"));
}

TEST(ReportHtml, HeadlineNamesAreThoseOfTheKpis) {
  const Json scenario = {{"headlines", Json::array({"ae_4h.within_target",
                                                    Json{{"kpi", "service.acute_beds.exit_block_bed_days"}},
                                                    "system.losses", "cost.total", "ae_4h.breaches",
                                                    "resource.nurses.utilisation"})}};
  EXPECT_EQ(report::headline_names(scenario), (std::vector<std::string>{"ae_4h", "acute_beds", "nurses"}));
  EXPECT_TRUE(report::headline_names(Json::object()).empty());
}

TEST(ReportHtml, MetadataAndNotesAreShownEscaped) {
  const std::string html = render_report(fixture_inputs(kData));
  EXPECT_THAT(html, HasSubstr("<h1>clinic-ward</h1>"));
  EXPECT_THAT(html, HasSubstr("<b>Seed</b>11</div>"));
  EXPECT_THAT(html, HasSubstr("<b>Replications</b>20</div>"));
  EXPECT_THAT(html, HasSubstr("<b>Start date</b>2022-12-01</div>"));
  EXPECT_THAT(html, HasSubstr("an assumption &lt;chosen&gt; so that the queues &amp; waits"));
  EXPECT_THAT(html, HasSubstr("recruited &lt;before&gt; the winter"));
  EXPECT_THAT(html, HasSubstr("<summary>referrals</summary>"));
  EXPECT_THAT(html, Not(HasSubstr("<chosen>")));
}

TEST(ReportHtml, BaseOnlySaysWhatIsMissing) {
  const std::string html = render_report(base_only_inputs(kData));
  expect_self_contained(html);
  EXPECT_THAT(chart_points(html), ::testing::ElementsAre(4));  // The graph: 1 source, 2 services, exit.
  EXPECT_THAT(html, HasSubstr("there is no trajectories.json"));
  EXPECT_THAT(html, HasSubstr("This run has no variants, so there is no comparison."));
  EXPECT_THAT(html, Not(HasSubstr("class=\"toggle\"")));
}

TEST(ReportHtml, GraphHasRouteProbabilitiesAndTheWayBack) {
  const std::string html = render_report(base_only_inputs(kData));
  EXPECT_THAT(html, HasSubstr(">20.0%</text>"));
  EXPECT_THAT(html, HasSubstr(">10.0%</text>"));
  EXPECT_THAT(html, HasSubstr("class=\"edge back\""));  // ward -> clinic closes a cycle.
  EXPECT_THAT(html, HasSubstr(">capacity 3</text>"));
  // Routes out of the system are short arrows marked "exit", not a box at the far right; one
  // arrow per route all the same: referrals->clinic, clinic->ward, clinic->exit, ward->clinic,
  // ward->exit.
  EXPECT_THAT(html, HasSubstr(">exit 80.0%</text>"));
  EXPECT_THAT(html, HasSubstr(">exit 90.0%</text>"));
  EXPECT_THAT(html, Not(HasSubstr("<rect class=\"node-exit\"")));
  EXPECT_EQ(count_of(html, "<path class=\"edge"), 5u);
}

TEST(ReportHtml, AnythingButASummaryIsRefused) {
  ReportInputs inputs;
  EXPECT_THROW((void)render_report(inputs), std::invalid_argument);
}

TEST(ReportHtml, WrongTypesInTheDocumentsDoNotThrow) {
  ReportInputs inputs = fixture_inputs(kData);
  inputs.trajectories = {{"series", 3}, {"week", "x"}};
  inputs.comparison = {{"variants", {{{"name", 1}, {"differences", nullptr}}}}};
  inputs.summary["services"][0]["metrics"]["wait_mean"] = "oops";
  const std::string html = render_report(inputs);
  EXPECT_EQ(unbalanced_tags(html), "");
  EXPECT_THAT(chart_points(html), Each(Gt(0)));
}

TEST(ReportHtml, WriteReportWritesReportHtml) {
  carepath::testing::ScratchDir scratch;
  write_report(scratch.path(), fixture_inputs(kData));
  EXPECT_EQ(read_text(scratch.path() / kReportHtmlFile), render_report(fixture_inputs(kData)));
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{kReportHtmlFile});  // No temporary left.
}

TEST(ReportHtml, ResultsFolderHasTheReport) {
  carepath::testing::ScratchDir scratch;
  const LoadedScenario loaded = load_scenario(kData / "clinic_ward.json");
  run::BatchOptions options;
  options.replications = 2;
  options.threads = 1;
  const run::BatchResult result = run::run_batch(loaded.scenario, options);
  write_results(loaded.scenario, result, scratch.path() / "out");
  const std::string html = read_text(scratch.path() / "out" / kReportHtmlFile);
  expect_self_contained(html);
  EXPECT_THAT(html, HasSubstr("<h1>clinic-ward</h1>"));
  EXPECT_THAT(html, HasSubstr("<b>Replications</b>2</div>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"ci\">target 2.0 days</span>"));
}

}  // namespace
}  // namespace carepath::io
