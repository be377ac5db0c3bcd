// SPDX-License-Identifier: MIT
#include "report/chart_axes.hpp"

namespace carepath::report {

void draw_axes(SvgWriter& svg, const ChartFrame& frame, const ChartAxis& x, const ChartAxis& y,
               std::optional<double> reference_y, std::string_view reference_label) {
  const double plot_right = frame.width - frame.right;
  const double plot_bottom = frame.height - frame.bottom;
  for (const double tick : y.ticks.ticks) {
    svg.line(frame.left, y.scale(tick), plot_right, y.scale(tick), "grid");
    svg.text(frame.left - 6, y.scale(tick) + 4, format_tick(tick, y.ticks.step), "tick", "end");
  }
  svg.text(4, frame.top - 12, y.title, "axis-title", "start");
  svg.line(frame.left, plot_bottom, plot_right, plot_bottom, "axis");
  for (const double tick : x.ticks.ticks) {
    svg.line(x.scale(tick), plot_bottom, x.scale(tick), plot_bottom + 4, "axis");
    svg.text(x.scale(tick), plot_bottom + 16, format_tick(tick, x.ticks.step), "tick", "middle");
  }
  svg.text(plot_right, plot_bottom + 32, x.title, "axis-title", "end");
  if (reference_y) {
    svg.line(frame.left, y.scale(*reference_y), plot_right, y.scale(*reference_y), "zero");
    svg.text(plot_right, y.scale(*reference_y) - 4, reference_label, "label", "end");
  }
}

}  // namespace carepath::report
