// SPDX-License-Identifier: MIT
#include "report/trajectory_section.hpp"

#include "report/fan_chart.hpp"
#include "report/html_escape.hpp"
#include "report/report_format.hpp"

#include <cmath>

namespace carepath::report {

namespace {

// Under eight weeks, a weekly chart has too few points to show a shape.
constexpr std::size_t kMinWeeksForWeekly = 8;

struct ChartMetric {
  const char* metric;
  const char* caption;
};

constexpr ChartMetric kChartMetrics[] = {
    {"queue_end", "patients waiting at the end of each"},
    {"wait_mean", "mean wait of patients starting service in each"},
};

const Json* find_series(const Json& trajectories, std::string_view kind, std::string_view name,
                        std::string_view metric) {
  for (const Json& series : array_at(trajectories, "series")) {
    if (string_at(series, "kind") == kind && string_at(series, "name") == name &&
        string_at(series, "metric") == metric) {
      return &series;
    }
  }
  return nullptr;
}

std::string period_charts(const Json& trajectories, const std::vector<io::ReportVariant>& variants,
                          const std::string& period) {
  const Json* axis = member(trajectories, period);
  if (!axis) return "";
  const std::vector<std::string> labels = strings_at(*axis, period == "week" ? "iso_week" : "start");
  std::string html;
  for (const Json& series : array_at(trajectories, "series")) {
    if (string_at(series, "kind") != "service") continue;
    const std::string metric = string_at(series, "metric");
    for (const ChartMetric& chart : kChartMetrics) {
      if (metric != chart.metric) continue;
      const Json* values = member(series, period);
      if (!values) continue;
      FanChartInput input;
      const std::string name = string_at(series, "name");
      input.title = name + ": " + chart.caption + " " + period;
      input.unit = string_at(series, "unit");
      input.period_labels = labels;
      input.base = {numbers_at(*values, "mean"), numbers_at(*values, "p5"), numbers_at(*values, "p25"),
                    numbers_at(*values, "p50"), numbers_at(*values, "p75"), numbers_at(*values, "p95")};
      for (const io::ReportVariant& variant : variants) {
        const Json* other = find_series(variant.trajectories, "service", name, metric);
        const Json* other_values = other ? member(*other, period) : nullptr;
        if (other_values) input.variants.push_back({variant.name, numbers_at(*other_values, "p50")});
      }
      if (fan_chart_points(input) == 0) continue;
      html += "<figure><figcaption><b>" + escape_html(name) + "</b>: " + chart.caption + " " + period + " (" +
              escape_html(input.unit) + ")</figcaption>\n" + render_fan_chart(input) + "\n</figure>\n";
    }
  }
  return html;
}

}  // namespace

std::string render_trajectory_section(const Json& trajectories, const std::vector<io::ReportVariant>& variants,
                                      double warm_up_days) {
  if (!trajectories.is_object()) {
    return "<p class=\"absent\">No trajectories were recorded for this run (there is no "
           "trajectories.json), so there are no charts over time; the tables above give the "
           "averages over the whole run.</p>\n";
  }
  const Json* days = member(trajectories, "day");
  const std::size_t day_count = days ? array_at(*days, "start").size() : 0;
  const bool weekly = member(trajectories, "week") && (day_count == 0 || day_count >= 7 * kMinWeeksForWeekly);
  const std::string primary = weekly ? "week" : "day";
  const std::string other = primary == "week" ? "day" : "week";
  const std::string primary_html = period_charts(trajectories, variants, primary);
  const std::string other_html = period_charts(trajectories, variants, other);
  if (primary_html.empty() && other_html.empty()) {
    return "<p class=\"absent\">trajectories.json holds no queue or wait values for any service, "
           "so there are no charts over time.</p>\n";
  }
  std::string html =
      "<p>Each chart shows how a service's queue or wait moves through the run across all "
      "replications: the light band holds 90% of simulated runs (5th to 95th percentile), the dark "
      "band the middle 50%, the solid line is the median and the dashed line the mean.";
  if (!variants.empty()) html += " Variants are drawn as their median lines in their own colours and dash patterns.";
  if (std::isfinite(warm_up_days) && warm_up_days > 0) {
    html += " The charts include the warm-up (the first " + format_duration(warm_up_days) +
            "), so they show the services filling up from the start state; the tables leave it out.";
  }
  html += "</p>\n";
  if (!primary_html.empty() && !other_html.empty()) {
    html += "<div class=\"toggle\" role=\"group\" aria-label=\"period\">Show by: "
            "<button type=\"button\" data-period=\"" + primary + "\" aria-pressed=\"true\">" + primary +
            "</button> <button type=\"button\" data-period=\"" + other + "\" aria-pressed=\"false\">" + other +
            "</button></div>\n";
  }
  if (!primary_html.empty()) {
    html += "<div class=\"period period-" + primary + "\"><div class=\"charts\">\n" + primary_html + "</div></div>\n";
  }
  if (!other_html.empty()) {
    html += "<div class=\"period period-" + other + "\"" + (primary_html.empty() ? "" : " hidden") +
            "><div class=\"charts\">\n" + other_html + "</div></div>\n";
  }
  return html;
}

}  // namespace carepath::report
