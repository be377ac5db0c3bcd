// SPDX-License-Identifier: MIT
// The frame the line and scatter charts share (line_chart.cpp, scatter_chart.cpp): horizontal
// grid lines with the y ticks, the x axis with its ticks, both axis titles, and the optional
// dashed horizontal reference (a target), drawn the same way in both so the pages match.
#pragma once

#include "report/nice_ticks.hpp"
#include "report/svg.hpp"

#include <optional>
#include <string_view>

namespace carepath::report {

/// The chart's size in pixels and the margins around its plotting area.
struct ChartFrame {
  double width = 0;
  double height = 0;
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
};

/// One axis: its ticks (all drawn) and the scale placing them.
struct ChartAxis {
  const NiceScale& ticks;
  const LinearScale& scale;
  std::string_view title;
};

/// Draws the y grid and tick labels, the y title, the x axis with its ticks and title, then the
/// reference line at `reference_y` with its label when there is one.
void draw_axes(SvgWriter& svg, const ChartFrame& frame, const ChartAxis& x, const ChartAxis& y,
               std::optional<double> reference_y, std::string_view reference_label);

}  // namespace carepath::report
