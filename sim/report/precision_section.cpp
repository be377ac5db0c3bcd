// SPDX-License-Identifier: MIT
#include "report/precision_section.hpp"

#include "report/html_escape.hpp"
#include "report/line_chart.hpp"
#include "report/report_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::report {

namespace {

// Enough lines to read; precision.csv has every KPI.
constexpr std::size_t kShownKpis = 5;
constexpr double kCeiling = 4;

}  // namespace

std::string render_precision_section(const Json& summary) {
  const Json* run = member(summary, "run");
  const Json* precision = run ? member(*run, "precision") : nullptr;
  if (precision == nullptr || !precision->is_object()) return "";
  const bool relative = precision->value("relative", true);
  const std::string target = string_at(*precision, "target");
  const double replications = number_at(*precision, "replications");
  const double reached = number_at(*precision, "reached");

  std::string html = "<h3>How many replications</h3>\n<p>Replications were run in blocks of " +
                     format_grouped(number_at(*precision, "block"), 0) +
                     " until every headline KPI's 95% confidence interval was within " + escape_html(target) +
                     (relative ? " of its mean" : " (absolute half-width)") +
                     ", and stayed within it for a look-ahead of 5 more replications (Hoad, Robinson and Davies' "
                     "method), up to " + format_grouped(number_at(*precision, "cap"), 0) + ". ";
  html += std::isfinite(reached)
              ? "<b>The target was reached at " + format_grouped(reached, 0) + " replications</b>; " +
                    format_grouped(replications, 0) + " were run (whole blocks) and all of them are in the tables."
              : "<b>The cap of " + format_grouped(replications, 0) +
                    " replications was reached first</b>: the figures are less precise than asked.";
  html += "</p>\n";

  // The KPIs furthest from the target at the end, widest first.
  std::vector<std::pair<double, const Json*>> kpis;
  for (const Json& kpi : array_at(*precision, "kpis")) {
    const std::vector<double> widths = numbers_at(kpi, "widths");
    const double last = widths.empty() ? std::numeric_limits<double>::quiet_NaN() : widths.back();
    if (std::isfinite(last)) kpis.emplace_back(last, &kpi);
  }
  std::stable_sort(kpis.begin(), kpis.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (kpis.size() > kShownKpis) kpis.resize(kShownKpis);
  if (kpis.empty()) return html;

  LineChartInput chart;
  // The title names the value axis's unit, as every chart's does.
  const std::string unit = relative ? "% of the mean" : "each KPI's own unit";
  chart.title = "95% CI half-width against replications (" + unit + ")";
  chart.x_title = "replications";
  chart.y_title = "half-width, " + unit;
  const double scale = relative ? 100 : 1;
  // The first few half-widths are many times the target; drawn at the top, they leave the
  // approach to the target readable.
  const double ceiling = kCeiling * number_at(*precision, "target_value") * scale;
  for (std::size_t n = 1; n <= static_cast<std::size_t>(replications); ++n) chart.x.push_back(static_cast<double>(n));
  for (std::size_t k = 0; k < kpis.size(); ++k) {
    std::vector<double> widths = numbers_at(*kpis[k].second, "widths");
    for (double& w : widths) w = std::min(w * scale, ceiling);
    chart.series.push_back({string_at(*kpis[k].second, "name"), std::move(widths),
                            k == 0 ? "median" : "variant v" + std::to_string(k)});
  }
  chart.reference_y = number_at(*precision, "target_value") * scale;
  chart.reference_label = "target " + target;
  if (std::isfinite(reached)) {
    chart.marker_x = reached;
    chart.marker_label = "reached";
  }
  const std::string which = kpis.size() == 1 ? "The headline KPI" : "The " + std::to_string(kpis.size()) +
                                                                        " headline KPIs furthest from the target at the end";
  html += "<figure>" + render_line_chart(chart) + "<figcaption>" + which + " (" + unit + "), widths over " + format_grouped(kCeiling, 0) +
          " times the target drawn at the top; precision.csv has every KPI after every replication.</figcaption></figure>\n";
  return html;
}

}  // namespace carepath::report
