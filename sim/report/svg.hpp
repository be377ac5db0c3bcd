// SPDX-License-Identifier: MIT
// The few SVG primitives the charts draw with, plus a linear scale from data to pixels. Every
// chart is one <svg class="chart" data-points="N">, N being the number of values it plots, which
// the browser test checks so that an empty chart cannot pass unnoticed. Coordinates are written
// with one decimal: sharp enough on screen and paper, and the page stays small. Read fan_chart.cpp
// next for a chart built from these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carepath::report {

/// Maps a data interval onto a pixel interval (reversed for y, which grows downwards).
struct LinearScale {
  double domain_low = 0;
  double domain_high = 1;
  double range_low = 0;
  double range_high = 1;
  [[nodiscard]] double operator()(double value) const;
};

using Point = std::pair<double, double>;

/// Builds one chart's SVG text. Text arguments are escaped here; attribute strings (`extra`) are
/// the caller's own literals, never data.
class SvgWriter {
 public:
  /// Opens <svg class="chart" ...> with a viewBox, an accessible title and data-points.
  SvgWriter(double width, double height, std::size_t data_points, std::string_view title);

  void line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void rect(double x, double y, double width, double height, std::string_view css_class);
  void circle(double cx, double cy, double r, std::string_view css_class);
  void polyline(const std::vector<Point>& points, std::string_view css_class);
  void polygon(const std::vector<Point>& points, std::string_view css_class);
  /// A path through the points as straight segments, with an arrow head when `arrow`.
  void path(const std::vector<Point>& points, std::string_view css_class, bool arrow);
  /// `anchor` is "start", "middle" or "end".
  void text(double x, double y, std::string_view content, std::string_view css_class,
            std::string_view anchor = "start");
  /// Raw markup made by the caller from escaped parts (e.g. an arrow marker definition).
  void raw(std::string_view markup);

  /// Closes the element and returns the SVG text.
  [[nodiscard]] std::string finish();

 private:
  std::string out_;
};

/// "12.3": one decimal, locale-free.
[[nodiscard]] std::string coordinate(double value);

}  // namespace carepath::report
