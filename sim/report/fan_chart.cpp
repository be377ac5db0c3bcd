// SPDX-License-Identifier: MIT
#include "report/fan_chart.hpp"

#include "report/nice_ticks.hpp"
#include "report/report_format.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <utility>

namespace carepath::report {

namespace {

constexpr double kWidth = 660;
constexpr double kHeight = 260;
constexpr double kLeft = 60;
constexpr double kRight = 34;  // Room for half of the last period's label.
constexpr double kTop = 24;    // The unit, above the y axis.
constexpr double kBottom = 74;  // Tick labels, axis title and the first legend row.
constexpr std::size_t kMaxXLabels = 6;
constexpr std::size_t kVariantStyles = 8;  // Matches .v1 ... .v8 in report_style.cpp.
constexpr double kLegendRow = 16;

// Runs of consecutive periods where `has_value(i)` holds: a gap (NaN) breaks a line or band
// rather than being drawn as zero.
std::vector<std::pair<std::size_t, std::size_t>> runs(std::size_t n,
                                                      const std::function<bool(std::size_t)>& has_value) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < n) {
    if (!has_value(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && has_value(j)) ++j;
    out.emplace_back(i, j);
    i = j;
  }
  return out;
}

double at(const std::vector<double>& v, std::size_t i) {
  return i < v.size() ? v[i] : std::numeric_limits<double>::quiet_NaN();
}

// How values of the metric are shown on the axis: durations in one unit chosen by the largest
// value, shares in percent, everything else as is.
struct AxisUnit {
  double divisor = 1;
  std::string title;
};

AxisUnit axis_unit(const std::string& unit, double largest) {
  if (unit == "days") {
    const DurationUnit u = duration_unit_for(largest);
    return {u.days, u.name};
  }
  if (unit == "share") return {0.01, "percent"};
  return {1, unit};
}

// More periods than the plot has pairs of pixels would draw nothing a reader can see, yet make
// report.html grow with the horizon: groups of consecutive periods are drawn as one point.
constexpr std::size_t kMaxDrawnPoints = static_cast<std::size_t>((kWidth - kLeft - kRight) / 2);

double mean_of_finite(const std::vector<double>& values, std::size_t first, std::size_t last) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = first; i < last; ++i) {
    if (!std::isfinite(at(values, i))) continue;
    sum += values[i];
    ++n;
  }
  return n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
}

double extreme_of_finite(const std::vector<double>& values, std::size_t first, std::size_t last, bool lowest) {
  double out = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = first; i < last; ++i) {
    const double v = at(values, i);
    if (std::isfinite(v) && !(std::isfinite(out) && (lowest ? out <= v : out >= v))) out = v;
  }
  return out;
}

// Each group of `every` periods becomes one point labelled by its first period: bands are the
// widest the group reaches (its lowest low, its highest high), so no spread is hidden; the lines
// are the group's average.
FanChartInput thinned(const FanChartInput& input, std::size_t every) {
  FanChartInput out;
  out.title = input.title;
  out.unit = input.unit;
  out.base_label = input.base_label;
  for (const FanLine& line : input.variants) out.variants.push_back({line.label, {}});
  const std::size_t n = input.period_labels.size();
  for (std::size_t first = 0; first < n; first += every) {
    const std::size_t last = std::min(n, first + every);
    out.period_labels.push_back(input.period_labels[first]);
    out.base.mean.push_back(mean_of_finite(input.base.mean, first, last));
    out.base.p50.push_back(mean_of_finite(input.base.p50, first, last));
    out.base.p5.push_back(extreme_of_finite(input.base.p5, first, last, true));
    out.base.p25.push_back(extreme_of_finite(input.base.p25, first, last, true));
    out.base.p75.push_back(extreme_of_finite(input.base.p75, first, last, false));
    out.base.p95.push_back(extreme_of_finite(input.base.p95, first, last, false));
    for (std::size_t v = 0; v < input.variants.size(); ++v) {
      out.variants[v].values.push_back(mean_of_finite(input.variants[v].values, first, last));
    }
  }
  return out;
}

// The lowest and highest value drawn. Counts, waits and shares are never negative: the axis
// starts at zero so that the height of a line reads as its size, and charts side by side compare
// honestly.
std::pair<double, double> value_range(const FanChartInput& input) {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  const auto include = [&](const std::vector<double>& values) {
    for (const double v : values) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  };
  const FanBands& b = input.base;
  for (const auto* series : {&b.mean, &b.p5, &b.p25, &b.p50, &b.p75, &b.p95}) include(*series);
  for (const FanLine& line : input.variants) include(line.values);
  if (!std::isfinite(lo)) lo = hi = 0;
  return {std::min(lo, 0.0), hi};
}

std::string render(const FanChartInput& input, std::size_t data_points);

}  // namespace

std::string fan_chart_axis_unit(const FanChartInput& input) {
  const std::size_t every = fan_chart_periods_per_point(input.period_labels.size());
  const auto [lo, hi] = value_range(every == 1 ? input : thinned(input, every));
  return axis_unit(input.unit, std::max(std::fabs(lo), std::fabs(hi))).title;
}

bool fan_chart_all_zero(const FanChartInput& input) {
  const auto [lo, hi] = value_range(input);
  return lo == 0 && hi == 0;
}

std::size_t fan_chart_periods_per_point(std::size_t periods) {
  return std::max<std::size_t>(1, (periods + kMaxDrawnPoints - 1) / kMaxDrawnPoints);
}

std::string render_fan_chart(const FanChartInput& input) {
  const std::size_t every = fan_chart_periods_per_point(input.period_labels.size());
  return every == 1 ? render(input, fan_chart_points(input)) : render(thinned(input, every), fan_chart_points(input));
}

std::size_t fan_chart_points(const FanChartInput& input) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < input.period_labels.size(); ++i) {
    if (std::isfinite(at(input.base.p50, i))) ++points;
  }
  return points;
}

namespace {

std::string variant_class(std::size_t v) { return "variant v" + std::to_string(v % kVariantStyles + 1); }

struct LegendItem {
  std::string css;
  std::string label;
  bool area = false;  ///< A band's swatch rather than a line's.
  double x = 0, y = 0;
};

// The legend under the axis, in rows wrapped so that every variant's name stays inside the
// chart; y is relative to the first row.
std::vector<LegendItem> legend(const FanChartInput& input) {
  std::vector<LegendItem> items{{"band-outer", "P5\u2013P95", true},
                                {"band-inner", "P25\u2013P75", true},
                                {"median", input.base_label + " median"},
                                {"mean", "mean"}};
  for (std::size_t v = 0; v < input.variants.size(); ++v) items.push_back({variant_class(v), input.variants[v].label});
  double x = kLeft;
  double y = 0;
  for (LegendItem& item : items) {
    const double width = 34 + 7 * static_cast<double>(item.label.size());
    if (x > kLeft && x + width > kWidth) {
      x = kLeft;
      y += kLegendRow;
    }
    item.x = x;
    item.y = y;
    x += width;
  }
  return items;
}

std::string render(const FanChartInput& input, std::size_t data_points) {
  const std::size_t n = input.period_labels.size();
  const FanBands& b = input.base;

  const auto [lo, hi] = value_range(input);
  const AxisUnit unit = axis_unit(input.unit, std::max(std::fabs(lo), std::fabs(hi)));
  const NiceScale scale = nice_scale(lo / unit.divisor, hi / unit.divisor, 5);
  const LinearScale y{scale.low, scale.high, kHeight - kBottom, kTop};
  const LinearScale x{0, n > 1 ? static_cast<double>(n - 1) : 1.0, kLeft, kWidth - kRight};
  const auto px = [&](std::size_t i) { return n > 1 ? x(static_cast<double>(i)) : (kLeft + kWidth - kRight) / 2; };
  const auto py = [&](double v) { return y(v / unit.divisor); };

  const std::vector<LegendItem> items = legend(input);
  SvgWriter svg(kWidth, kHeight + items.back().y, data_points, input.title);

  // Grid and y axis.
  for (const double tick : scale.ticks) {
    svg.line(kLeft, y(tick), kWidth - kRight, y(tick), "grid");
    svg.text(kLeft - 6, y(tick) + 4, format_tick(tick, scale.step), "tick", "end");
  }
  svg.text(kLeft - 6, kTop - 12, unit.title, "axis-title", "end");

  // X axis: at most kMaxXLabels labels, evenly spaced, always including the first period.
  svg.line(kLeft, kHeight - kBottom, kWidth - kRight, kHeight - kBottom, "axis");
  const std::size_t every = std::max<std::size_t>(1, (n + kMaxXLabels - 1) / kMaxXLabels);
  for (std::size_t i = 0; i < n; i += every) {
    svg.line(px(i), kHeight - kBottom, px(i), kHeight - kBottom + 4, "axis");
    svg.text(px(i), kHeight - kBottom + 16, input.period_labels[i], "tick", "middle");
  }

  // Bands: outer first so that the inner band is drawn over it.
  const auto band = [&](const std::vector<double>& low, const std::vector<double>& high, const char* css) {
    for (const auto& [first, last] :
         runs(n, [&](std::size_t i) { return std::isfinite(at(low, i)) && std::isfinite(at(high, i)); })) {
      std::vector<Point> points;
      for (std::size_t i = first; i < last; ++i) points.emplace_back(px(i), py(high[i]));
      for (std::size_t i = last; i-- > first;) points.emplace_back(px(i), py(low[i]));
      svg.polygon(points, css);
    }
  };
  band(b.p5, b.p95, "band-outer");
  band(b.p25, b.p75, "band-inner");

  const auto line = [&](const std::vector<double>& values, const std::string& css) {
    for (const auto& [first, last] : runs(n, [&](std::size_t i) { return std::isfinite(at(values, i)); })) {
      std::vector<Point> points;
      for (std::size_t i = first; i < last; ++i) points.emplace_back(px(i), py(values[i]));
      // A single period is still a value: a short tick makes it visible.
      if (points.size() == 1) points.emplace_back(points.front().first + 2, points.front().second);
      svg.polyline(points, css);
    }
  };
  line(b.mean, "mean");
  line(b.p50, "median");
  for (std::size_t v = 0; v < input.variants.size(); ++v) {
    line(input.variants[v].values, variant_class(v));
  }

  for (const LegendItem& item : items) {
    const double ly = kHeight - 20 + item.y;
    if (item.area) {
      svg.rect(item.x, ly - 9, 18, 10, item.css);
    } else {
      svg.line(item.x, ly - 4, item.x + 18, ly - 4, item.css);
    }
    svg.text(item.x + 22, ly, item.label, "legend");
  }
  return svg.finish();
}

}  // namespace

}  // namespace carepath::report
