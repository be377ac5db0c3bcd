// SPDX-License-Identifier: MIT
#include "report/forest_plot.hpp"

#include "report/nice_ticks.hpp"
#include "report/report_format.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace carepath::report {

namespace {

constexpr double kPlotWidth = 240;
constexpr double kValueWidth = 160;
constexpr double kCharWidth = 7;  // An upper bound for the chart font's average glyph width.
constexpr double kRowHeight = 20;
constexpr double kTop = 8;
constexpr double kBottom = 38;

// Shares are compared in percentage points and durations in the unit of the largest difference,
// the same choice format_difference makes in the comparison table.
struct AxisUnit {
  double divisor = 1;
  std::string title;
};

AxisUnit axis_unit(const std::string& unit, double largest) {
  if (unit == "share") return {0.01, "percentage points"};
  if (unit == "days") {
    const DurationUnit u = duration_unit_for(largest);
    return {u.days, u.name};
  }
  return {1, unit};
}

// The lowest and highest end drawn; zero is always on the axis: it is the line a reader compares
// every interval with.
std::pair<double, double> value_range(const ForestPlotInput& input) {
  double lo = 0;
  double hi = 0;
  for (const ForestRow& row : input.rows) {
    for (const double v : {row.difference, row.ci_low, row.ci_high}) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  return {lo, hi};
}

// "+3.1", "−0.4", "0.0": the sign is what a reader looks for first.
std::string signed_number(double value) {
  const int decimals = std::fabs(value) >= 100 ? 0 : (std::fabs(value) >= 1 ? 1 : 2);
  const std::string text = format_grouped(value, decimals);
  return value > 0 && text.find_first_not_of("0.,") != std::string::npos ? "+" + text : text;
}

}  // namespace

std::size_t forest_plot_points(const ForestPlotInput& input) {
  return static_cast<std::size_t>(std::count_if(input.rows.begin(), input.rows.end(),
                                                [](const ForestRow& r) { return std::isfinite(r.difference); }));
}

std::string forest_plot_axis_unit(const ForestPlotInput& input) {
  const auto [lo, hi] = value_range(input);
  return axis_unit(input.unit, std::max(std::fabs(lo), std::fabs(hi))).title;
}

std::string render_forest_plot(const ForestPlotInput& input) {
  const auto [lo, hi] = value_range(input);
  const AxisUnit unit = axis_unit(input.unit, std::max(std::fabs(lo), std::fabs(hi)));
  const NiceScale scale = nice_scale(lo / unit.divisor, hi / unit.divisor, 4);
  // The label column is as wide as the longest label, so that no name is cut.
  std::size_t longest = 8;
  for (const ForestRow& row : input.rows) longest = std::max(longest, row.label.size());
  const double label_width = 16 + kCharWidth * static_cast<double>(longest);
  const double width = label_width + kPlotWidth + kValueWidth;
  const double plot_left = label_width;
  const double plot_right = plot_left + kPlotWidth;
  const LinearScale x{scale.low, scale.high, plot_left, plot_right};
  const auto px = [&](double v) { return x(v / unit.divisor); };
  const double plot_bottom = kTop + kRowHeight * static_cast<double>(std::max<std::size_t>(1, input.rows.size()));
  const double height = plot_bottom + kBottom;

  SvgWriter svg(width, height, forest_plot_points(input), input.title);
  for (const double tick : scale.ticks) {
    svg.line(x(tick), kTop, x(tick), plot_bottom, "grid");
    svg.text(x(tick), plot_bottom + 16, format_tick(tick, scale.step), "tick", "middle");
  }
  svg.line(x(0), kTop, x(0), plot_bottom, "zero");
  svg.line(plot_left, plot_bottom, plot_right, plot_bottom, "axis");
  svg.text((plot_left + plot_right) / 2, plot_bottom + 31, "difference, " + unit.title, "axis-title", "middle");

  for (std::size_t i = 0; i < input.rows.size(); ++i) {
    const ForestRow& row = input.rows[i];
    const double cy = kTop + kRowHeight * (static_cast<double>(i) + 0.5);
    if (i % 2 == 1) svg.rect(0, cy - kRowHeight / 2, width, kRowHeight, "stripe");
    svg.text(label_width - 8, cy + 4, row.label, "label", "end");
    // Numbers beside the plot are in the axis unit, which the axis title names once.
    std::string value = signed_number(row.difference / unit.divisor);
    if (std::isfinite(row.ci_low) && std::isfinite(row.ci_high)) {
      value += "  [" + signed_number(row.ci_low / unit.divisor) + ", " +
               signed_number(row.ci_high / unit.divisor) + "]";
      svg.line(px(row.ci_low), cy, px(row.ci_high), cy, "ci");
      svg.line(px(row.ci_low), cy - 5, px(row.ci_low), cy + 5, "ci");
      svg.line(px(row.ci_high), cy - 5, px(row.ci_high), cy + 5, "ci");
    }
    if (std::isfinite(row.difference)) svg.rect(px(row.difference) - 4, cy - 4, 8, 8, "estimate");
    svg.text(plot_right + 8, cy + 4, value, "value");
  }
  return svg.finish();
}

}  // namespace carepath::report
