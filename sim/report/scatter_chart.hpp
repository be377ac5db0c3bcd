// SPDX-License-Identifier: MIT
// A scatter chart over two numeric axes, each point with an optional vertical interval (a 95%
// CI), a class of its own for its style and an optional label beside it, and an optional dashed
// horizontal reference (a target). `carepath optimise` draws cost against each goal's metric with
// it, one point per plan evaluated (optimise_command.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace carepath::report {

struct ScatterPoint {
  double x = 0;
  double y = 0;
  double y_low = 0;   ///< The interval; equal to y (or NaN) for none.
  double y_high = 0;
  std::string css;    ///< The marker's classes.
  std::string label;  ///< Written beside the marker when not empty.
};

struct ScatterChartInput {
  std::string title;    ///< Accessible title of the <svg>.
  std::string x_title;  ///< Under the x axis.
  std::string y_title;  ///< Above the y axis.
  std::vector<ScatterPoint> points;
  std::optional<double> reference_y;
  std::string reference_label;
};

/// The <svg class="chart" data-points="N">, N the points with finite x and y.
[[nodiscard]] std::string render_scatter_chart(const ScatterChartInput& input);

}  // namespace carepath::report
