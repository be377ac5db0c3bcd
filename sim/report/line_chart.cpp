// SPDX-License-Identifier: MIT
#include "report/line_chart.hpp"

#include "report/nice_ticks.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::report {

namespace {

constexpr double kWidth = 660;
constexpr double kHeight = 290;
constexpr double kLeft = 60;
constexpr double kRight = 34;
constexpr double kTop = 24;
constexpr double kBottom = 74;

}  // namespace

std::string render_line_chart(const LineChartInput& input) {
  const std::size_t n = input.x.size();
  double lo = 0;  // Widths, waits and shares are never negative: the axis starts at zero.
  double hi = -std::numeric_limits<double>::infinity();
  std::size_t points = 0;
  for (const LineSeries& series : input.series) {
    for (std::size_t i = 0; i < n && i < series.y.size(); ++i) {
      if (!std::isfinite(series.y[i])) continue;
      ++points;
      lo = std::min(lo, series.y[i]);
      hi = std::max(hi, series.y[i]);
    }
  }
  if (input.reference_y) hi = std::max(hi, *input.reference_y);
  if (!std::isfinite(hi)) hi = 1;
  const double x_low = n > 0 ? input.x.front() : 0;
  const double x_high = n > 1 ? input.x.back() : x_low + 1;

  const NiceScale y_scale = nice_scale(lo, hi, 5);
  const NiceScale x_scale = nice_scale(x_low, x_high, 6);
  const LinearScale y{y_scale.low, y_scale.high, kHeight - kBottom, kTop};
  const LinearScale x{x_low, x_high, kLeft, kWidth - kRight};

  SvgWriter svg(kWidth, kHeight, points, input.title);
  for (const double tick : y_scale.ticks) {
    svg.line(kLeft, y(tick), kWidth - kRight, y(tick), "grid");
    svg.text(kLeft - 6, y(tick) + 4, format_tick(tick, y_scale.step), "tick", "end");
  }
  svg.text(4, kTop - 12, input.y_title, "axis-title", "start");
  svg.line(kLeft, kHeight - kBottom, kWidth - kRight, kHeight - kBottom, "axis");
  for (const double tick : x_scale.ticks) {
    if (tick < x_low || tick > x_high) continue;
    svg.line(x(tick), kHeight - kBottom, x(tick), kHeight - kBottom + 4, "axis");
    svg.text(x(tick), kHeight - kBottom + 16, format_tick(tick, x_scale.step), "tick", "middle");
  }
  svg.text(kWidth - kRight, kHeight - kBottom + 32, input.x_title, "axis-title", "end");

  if (input.reference_y) {
    svg.line(kLeft, y(*input.reference_y), kWidth - kRight, y(*input.reference_y), "zero");
    svg.text(kWidth - kRight, y(*input.reference_y) - 4, input.reference_label, "label", "end");
  }
  if (input.marker_x) {
    svg.line(x(*input.marker_x), kTop, x(*input.marker_x), kHeight - kBottom, "zero");
    svg.text(x(*input.marker_x) + 4, kTop + 10, input.marker_label, "label", "start");
  }
  for (const LineSeries& series : input.series) {
    std::vector<Point> run;
    const auto flush = [&] {
      if (run.size() == 1) run.emplace_back(run.front().first + 2, run.front().second);
      if (!run.empty()) svg.polyline(run, series.css);
      run.clear();
    };
    for (std::size_t i = 0; i < n && i < series.y.size(); ++i) {
      if (std::isfinite(series.y[i])) {
        run.emplace_back(x(input.x[i]), y(series.y[i]));
      } else {
        flush();
      }
    }
    flush();
  }
  double lx = kLeft;
  const double ly = kHeight - 12;
  for (const LineSeries& series : input.series) {
    svg.line(lx, ly - 4, lx + 18, ly - 4, series.css);
    svg.text(lx + 22, ly, series.label, "legend");
    lx += 34 + 6.5 * static_cast<double>(series.label.size());
  }
  return svg.finish();
}

}  // namespace carepath::report
