// SPDX-License-Identifier: MIT
// A forest plot of paired differences (variant minus base), one row per variant (or per variant
// and service), each a point with its 95% confidence interval and a line at zero: an interval that
// does not cross zero is a difference the replications resolve. All rows of one plot share a
// metric and so a unit. Data come from comparison.json (comparison_section.cpp groups them).
#pragma once

#include <string>
#include <vector>

namespace carepath::report {

struct ForestRow {
  std::string label;  ///< E.g. "more_beds · acute_beds".
  double difference = 0;
  double ci_low = 0;
  double ci_high = 0;
};

struct ForestPlotInput {
  std::string title;  ///< E.g. "Mean wait (variant − base)".
  std::string unit;   ///< The metric's unit from the JSON: "share", "days", "patients", ...
  std::vector<ForestRow> rows;
};

/// Rows with a finite difference: what the chart's data-points attribute says.
[[nodiscard]] std::size_t forest_plot_points(const ForestPlotInput& input);

/// The unit of the difference axis ("percentage points", "hours", "bed-days"): what the plot's
/// title should name.
[[nodiscard]] std::string forest_plot_axis_unit(const ForestPlotInput& input);

/// The chart's <svg class="chart" data-points="N">, N = forest_plot_points(input).
[[nodiscard]] std::string render_forest_plot(const ForestPlotInput& input);

}  // namespace carepath::report
