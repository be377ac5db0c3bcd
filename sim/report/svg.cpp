// SPDX-License-Identifier: MIT
#include "report/svg.hpp"

#include <carepath/io/number_format.hpp>
#include "report/html_escape.hpp"

#include <cmath>

namespace carepath::report {

double LinearScale::operator()(double value) const {
  const double span = domain_high - domain_low;
  if (span == 0) return (range_low + range_high) / 2;
  return range_low + (value - domain_low) / span * (range_high - range_low);
}

std::string coordinate(double value) {
  // -0.0 and tiny negatives print as "0.0", not "-0.0".
  if (std::fabs(value) < 0.05) return "0";
  return io::format_fixed(value, 1);
}

namespace {

std::string points_attribute(const std::vector<Point>& points) {
  std::string text;
  for (const auto& [x, y] : points) {
    if (!text.empty()) text += ' ';
    text += coordinate(x) + "," + coordinate(y);
  }
  return text;
}

}  // namespace

// No xmlns: the HTML parser puts an inline <svg> in the SVG namespace by itself, and the page
// promises not to contain a single URL.
SvgWriter::SvgWriter(double width, double height, std::size_t data_points, std::string_view title) {
  out_ = "<svg class=\"chart\" viewBox=\"0 0 " +
         coordinate(width) + " " + coordinate(height) + "\" width=\"" + coordinate(width) +
         "\" height=\"" + coordinate(height) + "\" role=\"img\" data-points=\"" +
         std::to_string(data_points) + "\"><title>" + escape_html(title) + "</title>\n";
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  out_ += "<line class=\"" + std::string(css_class) + "\" x1=\"" + coordinate(x1) + "\" y1=\"" +
          coordinate(y1) + "\" x2=\"" + coordinate(x2) + "\" y2=\"" + coordinate(y2) + "\"/>\n";
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view css_class) {
  out_ += "<rect class=\"" + std::string(css_class) + "\" x=\"" + coordinate(x) + "\" y=\"" +
          coordinate(y) + "\" width=\"" + coordinate(width) + "\" height=\"" + coordinate(height) +
          "\" rx=\"4\"/>\n";
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view css_class) {
  out_ += "<circle class=\"" + std::string(css_class) + "\" cx=\"" + coordinate(cx) + "\" cy=\"" +
          coordinate(cy) + "\" r=\"" + coordinate(r) + "\"/>\n";
}

void SvgWriter::polyline(const std::vector<Point>& points, std::string_view css_class) {
  if (points.empty()) return;
  out_ += "<polyline class=\"" + std::string(css_class) + "\" points=\"" +
          points_attribute(points) + "\"/>\n";
}

void SvgWriter::polygon(const std::vector<Point>& points, std::string_view css_class) {
  if (points.empty()) return;
  out_ += "<polygon class=\"" + std::string(css_class) + "\" points=\"" +
          points_attribute(points) + "\"/>\n";
}

void SvgWriter::path(const std::vector<Point>& points, std::string_view css_class, bool arrow) {
  if (points.size() < 2) return;
  std::string d;
  for (std::size_t i = 0; i < points.size(); ++i) {
    d += (i == 0 ? "M" : " L") + coordinate(points[i].first) + "," + coordinate(points[i].second);
  }
  out_ += "<path class=\"" + std::string(css_class) + "\" d=\"" + d + "\"" +
          (arrow ? " marker-end=\"url(#arrow)\"" : "") + "/>\n";
}

void SvgWriter::text(double x, double y, std::string_view content, std::string_view css_class,
                     std::string_view anchor) {
  out_ += "<text class=\"" + std::string(css_class) + "\" x=\"" + coordinate(x) + "\" y=\"" +
          coordinate(y) + "\" text-anchor=\"" + std::string(anchor) + "\">" + escape_html(content) +
          "</text>\n";
}

void SvgWriter::raw(std::string_view markup) { out_ += markup; }

std::string SvgWriter::finish() { return std::move(out_) + "</svg>"; }

}  // namespace carepath::report
