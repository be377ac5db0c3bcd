// SPDX-License-Identifier: MIT
#include "report/forest_plot.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "html_check.hpp"

namespace carepath::report {
namespace {

using carepath::testing::chart_points;
using carepath::testing::count_of;
using carepath::testing::unbalanced_tags;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ForestPlot, OneRowPerDifferenceWithItsInterval) {
  ForestPlotInput input;
  input.title = "Mean wait";
  input.unit = "days";
  input.rows = {{"more_clinicians \u00b7 clinic", -0.221, -0.262, -0.180},
                {"more_clinicians \u00b7 ward", 0.076, -0.10, 0.25},
                {"shorter_stays \u00b7 ward", -0.674, -0.81, -0.54}};
  const std::string svg = render_forest_plot(input);
  EXPECT_THAT(chart_points(svg), ElementsAre(3));
  EXPECT_EQ(count_of(svg, "class=\"estimate\""), 3u);
  EXPECT_EQ(count_of(svg, "<line class=\"ci\""), 9u);  // Whisker and two caps per row.
  EXPECT_EQ(count_of(svg, "<line class=\"zero\""), 1u);
  // Largest difference 0.81 days: the axis is in hours, and so are the numbers beside it.
  EXPECT_THAT(svg, HasSubstr("difference, hours"));
  EXPECT_THAT(svg, HasSubstr("\u22125.3  [\u22126.3, \u22124.3]"));
  EXPECT_EQ(unbalanced_tags(svg), "");
}

TEST(ForestPlot, SharesAreInPercentagePoints) {
  ForestPlotInput input;
  input.unit = "share";
  input.rows = {{"a", 0.031, 0.024, 0.038}};
  const std::string svg = render_forest_plot(input);
  EXPECT_THAT(svg, HasSubstr("percentage points"));
  EXPECT_THAT(svg, HasSubstr("+3.1  [+2.4, +3.8]"));
}

TEST(ForestPlot, RowWithoutValueIsListedButNotCounted) {
  ForestPlotInput input;
  input.unit = "patients";
  const double nan = std::numeric_limits<double>::quiet_NaN();
  input.rows = {{"a", 2, 1, 3}, {"b", nan, nan, nan}};
  const std::string svg = render_forest_plot(input);
  EXPECT_THAT(chart_points(svg), ElementsAre(1));
  EXPECT_EQ(count_of(svg, "class=\"estimate\""), 1u);
  EXPECT_THAT(svg, HasSubstr(">b<"));
}

}  // namespace
}  // namespace carepath::report
