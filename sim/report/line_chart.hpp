// SPDX-License-Identifier: MIT
// A plain line chart over a numeric x axis: several series, an optional horizontal reference
// (a target) and an optional vertical marker (a proposed warm-up). The report's precision chart
// (half-width against replications, precision_section.cpp) and `carepath warmup`'s Welch plots
// use it. Series styles are the report's own classes ("median", "mean", "variant v1".."v5").
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace carepath::report {

struct LineSeries {
  std::string label;
  std::vector<double> y;  ///< One per x; NaN breaks the line.
  std::string css;        ///< "median", "mean" or "variant vK".
};

struct LineChartInput {
  std::string title;    ///< Accessible title of the <svg>.
  std::string x_title;  ///< Under the x axis.
  std::string y_title;  ///< Above the y axis.
  std::vector<double> x;
  std::vector<LineSeries> series;
  std::optional<double> reference_y;  ///< Drawn dashed across the chart, labelled.
  std::string reference_label;
  std::optional<double> marker_x;     ///< Drawn as a vertical line, labelled.
  std::string marker_label;
};

/// The <svg class="chart" data-points="N">, N the finite points over all series.
[[nodiscard]] std::string render_line_chart(const LineChartInput& input);

}  // namespace carepath::report
