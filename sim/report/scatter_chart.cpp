// SPDX-License-Identifier: MIT
#include "report/scatter_chart.hpp"

#include "report/chart_axes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::report {

namespace {

constexpr ChartFrame kFrame{660, 320, 60, 34, 24, 60};
constexpr double kRadius = 4;

bool drawn(const ScatterPoint& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

}  // namespace

std::string render_scatter_chart(const ScatterChartInput& input) {
  const double inf = std::numeric_limits<double>::infinity();
  double x_low = inf, x_high = -inf;
  double y_low = 0, y_high = -inf;  // Waits, shares and counts are never negative: from zero.
  std::size_t points = 0;
  for (const ScatterPoint& p : input.points) {
    if (!drawn(p)) continue;
    ++points;
    x_low = std::min(x_low, p.x);
    x_high = std::max(x_high, p.x);
    for (const double y : {p.y, p.y_low, p.y_high}) {
      if (!std::isfinite(y)) continue;
      y_low = std::min(y_low, y);
      y_high = std::max(y_high, y);
    }
  }
  if (input.reference_y) y_high = std::max(y_high, *input.reference_y);
  if (!std::isfinite(y_high)) y_high = 1;
  if (!std::isfinite(x_low)) x_low = 0, x_high = 1;

  const NiceScale y_scale = nice_scale(y_low, y_high, 5);
  const NiceScale x_scale = nice_scale(x_low, x_high, 6);
  const LinearScale y{y_scale.low, y_scale.high, kFrame.height - kFrame.bottom, kFrame.top};
  const LinearScale x{x_scale.low, x_scale.high, kFrame.left, kFrame.width - kFrame.right};

  SvgWriter svg(kFrame.width, kFrame.height, points, input.title);
  draw_axes(svg, kFrame, {x_scale, x, input.x_title}, {y_scale, y, input.y_title}, input.reference_y,
            input.reference_label);
  for (const ScatterPoint& p : input.points) {
    if (!drawn(p)) continue;
    if (std::isfinite(p.y_low) && std::isfinite(p.y_high) && p.y_high > p.y_low) {
      svg.line(x(p.x), y(p.y_low), x(p.x), y(p.y_high), "ci");
    }
    svg.circle(x(p.x), y(p.y), kRadius, p.css);
    if (!p.label.empty()) svg.text(x(p.x) + kRadius + 3, y(p.y) - kRadius - 2, p.label, "label", "start");
  }
  return svg.finish();
}

}  // namespace carepath::report
