// SPDX-License-Identifier: MIT
#include "report/fan_chart.hpp"
#include "report/json_values.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>

#include "fixtures.hpp"
#include "html_check.hpp"

namespace carepath::report {
namespace {

using carepath::testing::chart_points;
using carepath::testing::count_of;
using carepath::testing::unbalanced_tags;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const std::filesystem::path kData = std::filesystem::path(CAREPATH_SOURCE_DIR) / "tests/report/data";

// The clinic's weekly queue from the fixture trajectories.json (13 ISO weeks, the first of 4 days).
FanChartInput clinic_queue_by_week() {
  const Json doc = carepath::testing::read_json(kData / "trajectories.json");
  const Json& series = doc.at("series").at(0);
  EXPECT_EQ(series.at("metric"), "queue_end");
  const Json& week = series.at("week");
  FanChartInput input;
  input.title = "clinic: patients waiting";
  input.unit = "patients";
  input.period_labels = strings_at(doc.at("week"), "iso_week");
  input.base = {numbers_at(week, "mean"), numbers_at(week, "p5"), numbers_at(week, "p25"),
                numbers_at(week, "p50"), numbers_at(week, "p75"), numbers_at(week, "p95")};
  return input;
}

TEST(FanChart, DataPointsIsTheNumberOfPlottedPeriods) {
  const FanChartInput input = clinic_queue_by_week();
  ASSERT_EQ(input.period_labels.size(), 13u);
  const std::string svg = render_fan_chart(input);
  EXPECT_THAT(chart_points(svg), ElementsAre(13));
  EXPECT_EQ(unbalanced_tags(svg), "");
}

// The points drawn by the first polyline of class `css`: one space-separated pair per point.
std::size_t drawn_points(const std::string& svg, const std::string& css) {
  const std::string start = "<polyline class=\"" + css + "\" points=\"";
  const std::size_t from = svg.find(start);
  if (from == std::string::npos) return 0;
  const std::size_t begin = from + start.size();
  const std::string points = svg.substr(begin, svg.find('"', begin) - begin);
  return static_cast<std::size_t>(std::count(points.begin(), points.end(), ' ')) + 1;
}

// 2,000 daily periods: drawn as 250 points of 8 periods each (at most one point per two pixels
// of the 566-pixel plot: 283), while data-points still counts the periods with data, and the
// chart's size no longer grows with the periods.
TEST(FanChart, ManyPeriodsAreThinnedToTheChartsWidth) {
  FanChartInput input;
  input.title = "long";
  input.unit = "patients";
  for (std::size_t i = 0; i < 2000; ++i) {
    const double v = static_cast<double>(i % 100);
    input.period_labels.push_back("d" + std::to_string(i));
    input.base.mean.push_back(v);
    input.base.p50.push_back(v);
    input.base.p5.push_back(v - 1);
    input.base.p25.push_back(v - 0.5);
    input.base.p75.push_back(v + 0.5);
    input.base.p95.push_back(v + 10);
  }
  EXPECT_EQ(fan_chart_periods_per_point(2000), 8u);
  EXPECT_EQ(fan_chart_periods_per_point(283), 1u);
  EXPECT_EQ(fan_chart_periods_per_point(284), 2u);
  const std::string svg = render_fan_chart(input);
  EXPECT_THAT(chart_points(svg), ElementsAre(2000));
  EXPECT_EQ(drawn_points(svg, "median"), 250u);
  EXPECT_EQ(drawn_points(svg, "mean"), 250u);
  EXPECT_EQ(unbalanced_tags(svg), "");
  EXPECT_LT(svg.size(), 40'000u);
  EXPECT_THAT(svg, HasSubstr(">d0<"));
}

TEST(FanChart, DrawsBothBandsTheMedianAndTheMean) {
  const std::string svg = render_fan_chart(clinic_queue_by_week());
  EXPECT_EQ(count_of(svg, "<polygon class=\"band-outer\""), 1u);
  EXPECT_EQ(count_of(svg, "<polygon class=\"band-inner\""), 1u);
  EXPECT_EQ(count_of(svg, "<polyline class=\"median\""), 1u);
  EXPECT_EQ(count_of(svg, "<polyline class=\"mean\""), 1u);
  EXPECT_THAT(svg, HasSubstr(">2022-W48<"));  // First period labelled on the x axis.
  EXPECT_THAT(svg, HasSubstr(">P5\u2013P95<"));
}

TEST(FanChart, BandPolygonGoesOutAlongTheTopAndBackAlongTheBottom) {
  FanChartInput input;
  input.unit = "patients";
  input.period_labels = {"a", "b", "c"};
  input.base = {{1, 2, 3}, {0, 1, 2}, {1, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
  const std::string svg = render_fan_chart(input);
  const std::size_t start = svg.find("<polygon class=\"band-outer\" points=\"");
  ASSERT_NE(start, std::string::npos);
  const std::string points = svg.substr(start, svg.find("\"/>", start) - start);
  EXPECT_EQ(count_of(points, ","), 6u);  // 3 periods x (top, bottom).
}

TEST(FanChart, MissingValuesBreakLinesAndBandsInsteadOfDrawingZero) {
  FanChartInput input;
  input.unit = "days";
  input.period_labels = {"a", "b", "c", "d", "e"};
  const std::vector<double> v = {1, 2, kNaN, 2, 1};
  input.base = {v, v, v, v, v, v};
  const std::string svg = render_fan_chart(input);
  EXPECT_THAT(chart_points(svg), ElementsAre(4));
  EXPECT_EQ(count_of(svg, "<polygon class=\"band-outer\""), 2u);
  EXPECT_EQ(count_of(svg, "<polyline class=\"median\""), 2u);
}

TEST(FanChart, VariantsAreMedianLinesWithTheirOwnStyleAndLegend) {
  FanChartInput input = clinic_queue_by_week();
  const Json variant = carepath::testing::read_json(kData / "variant_more_clinicians_trajectories.json");
  input.variants.push_back({"more_clinicians", numbers_at(variant.at("series").at(0).at("week"), "p50")});
  input.variants.push_back({"shorter <stays>", numbers_at(variant.at("series").at(0).at("week"), "p50")});
  const std::string svg = render_fan_chart(input);
  EXPECT_EQ(count_of(svg, "<polyline class=\"variant v1\""), 1u);
  EXPECT_EQ(count_of(svg, "<polyline class=\"variant v2\""), 1u);
  EXPECT_THAT(svg, HasSubstr(">more_clinicians<"));
  EXPECT_THAT(svg, HasSubstr(">shorter &lt;stays&gt;<"));
  EXPECT_EQ(unbalanced_tags(svg), "");
}

TEST(FanChart, DurationAxisUsesTheUnitOfTheLargestValue) {
  FanChartInput input;
  input.unit = "days";
  input.period_labels = {"a", "b"};
  const std::vector<double> hours = {0.1, 0.2};  // 2.4 and 4.8 hours.
  input.base = {hours, hours, hours, hours, hours, hours};
  EXPECT_THAT(render_fan_chart(input), HasSubstr(">hours<"));
}

}  // namespace
}  // namespace carepath::report
