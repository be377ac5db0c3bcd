// SPDX-License-Identifier: MIT
#include "report/line_chart.hpp"

#include "report/chart_axes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::report {

namespace {

constexpr ChartFrame kFrame{660, 290, 60, 34, 24, 74};

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
  NiceScale x_scale = nice_scale(x_low, x_high, 6);
  // The x axis spans the data exactly, not the nice range: ticks beyond it are not drawn.
  std::erase_if(x_scale.ticks, [&](double tick) { return tick < x_low || tick > x_high; });
  const LinearScale y{y_scale.low, y_scale.high, kFrame.height - kFrame.bottom, kFrame.top};
  const LinearScale x{x_low, x_high, kFrame.left, kFrame.width - kFrame.right};

  SvgWriter svg(kFrame.width, kFrame.height, points, input.title);
  draw_axes(svg, kFrame, {x_scale, x, input.x_title}, {y_scale, y, input.y_title}, input.reference_y,
            input.reference_label);
  if (input.marker_x) {
    svg.line(x(*input.marker_x), kFrame.top, x(*input.marker_x), kFrame.height - kFrame.bottom, "zero");
    svg.text(x(*input.marker_x) + 4, kFrame.top + 10, input.marker_label, "label", "start");
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
  double lx = kFrame.left;
  const double ly = kFrame.height - 12;
  for (const LineSeries& series : input.series) {
    svg.line(lx, ly - 4, lx + 18, ly - 4, series.css);
    svg.text(lx + 22, ly, series.label, "legend");
    lx += 34 + 6.5 * static_cast<double>(series.label.size());
  }
  return svg.finish();
}

}  // namespace carepath::report
