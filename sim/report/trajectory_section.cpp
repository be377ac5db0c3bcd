// SPDX-License-Identifier: MIT
#include "report/trajectory_section.hpp"

#include "report/fan_chart.hpp"
#include "report/html_escape.hpp"
#include "report/report_format.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carepath::report {

namespace {

// Under eight weeks, a weekly chart has too few points to show a shape.
constexpr std::size_t kMinWeeksForWeekly = 8;

// The charts' share of report.html's size (kMaxReportBytes in trajectory_section.hpp): the rest
// of the report grows only with the number of services, pathways and variants.
constexpr std::size_t kMaxChartBytes = 4'000'000;

struct ChartMetric {
  const char* kind;  ///< "pathway", "service" or "resource", as in trajectories.json.
  const char* metric;
  const char* caption;
  const char* short_caption;  ///< In the one-line list of charts left out as all zero.
  /// A metric of the same series drawn as a line over the fan ("" for none): beds open over beds occupied.
  const char* reference = "";
  const char* reference_label = "";
  bool by_day = true;  ///< false: drawn by week and month only, to keep the report short.
  /// A part of the bed-days blocked: all zero, it is not listed (the total is, when it is zero too).
  bool part_of_blocked = false;
};

// A pathway's weekly share within its target first (the planner's headline), then each service's
// queue, wait and bed-days blocked, split by what the blocked patients wait for (the setting of
// the next service: a hospital bed is exit block, a community place delayed discharge), then each
// shared pool's staff busy and, for a pool of visits, the visits its staff could not make.
// Beds occupied are drawn against beds open (the median of capacity_mean), by week and month
// only; the counts over target exist by week and month only, so they have no daily chart either.
constexpr ChartMetric kChartMetrics[] = {
    {"pathway", "within_target", "share of completions within the target time in each", "within target"},
    {"pathway", "over_target_end", "patients in the pathway longer than its target at the end of each",
     "over target"},
    {"service", "queue_end", "patients waiting at the end of each", "waiting"},
    {"service", "over_target_end", "patients waiting longer than the wait target at the end of each",
     "over target"},
    {"service", "wait_mean", "mean wait of patients starting service in each", "wait"},
    {"service", "occupancy_mean", "beds occupied (in service or blocked) against beds open, on average in each",
     "occupied", "capacity_mean", "beds open (median)", false},
    {"service", "blocked_bed_days", "bed-days blocked waiting to move on in each", "blocked"},
    {"service", "exit_block_bed_days", "bed-days in exit block (held waiting for a hospital bed) in each",
     "exit block", "", "", true, true},
    {"service", "delayed_discharge_bed_days",
     "bed-days of delayed discharge (held waiting for a community place) in each", "delayed discharge", "", "",
     true, true},
    {"resource", "busy_mean", "staff busy on average in each", "busy"},
    {"resource", "visits_missed", "visits missed for want of staff on duty in each", "visits missed"},
};

// Pathways, then services, then shared pools, each in the order of trajectories.json.
std::vector<std::pair<std::string, std::string>> charted_names(const Json& trajectories) {
  std::vector<std::pair<std::string, std::string>> names;
  for (const char* kind : {"pathway", "service", "resource"}) {
    for (const Json& series : array_at(trajectories, "series")) {
      if (string_at(series, "kind") != kind) continue;
      std::pair<std::string, std::string> name{kind, string_at(series, "name")};
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
  }
  return names;
}

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

// Whether a service's bed-days blocked in `period` are all exit block or delayed discharge, which
// their own charts show: the total's chart would repeat them.
bool blocked_is_split(const Json& trajectories, const std::string& name, const std::string& period) {
  const Json* total = find_series(trajectories, "service", name, "blocked_bed_days");
  const Json* exit_block = find_series(trajectories, "service", name, "exit_block_bed_days");
  const Json* delayed = find_series(trajectories, "service", name, "delayed_discharge_bed_days");
  if (!total || !exit_block || !delayed) return false;
  const Json* t = member(*total, period);
  const Json* e = member(*exit_block, period);
  const Json* d = member(*delayed, period);
  if (!t || !e || !d) return false;
  const std::vector<double> totals = numbers_at(*t, "mean");
  const std::vector<double> exits = numbers_at(*e, "mean");
  const std::vector<double> delays = numbers_at(*d, "mean");
  if (exits.size() != totals.size() || delays.size() != totals.size()) return false;
  for (std::size_t i = 0; i < totals.size(); ++i) {
    if (!std::isfinite(totals[i])) continue;
    // The series are 32-bit floats: a part and the total agree to about 7 digits.
    if (std::abs(totals[i] - exits[i] - delays[i]) > 1e-5 * std::max(1.0, std::abs(totals[i]))) return false;
  }
  return true;
}

bool has_finite(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

// Services with a chart left out as all zero, each with the charts ("waiting, wait"), in order.
using AllZero = std::vector<std::pair<std::string, std::string>>;

void note_all_zero(AllZero& all_zero, const std::string& name, const char* chart) {
  if (!all_zero.empty() && all_zero.back().first == name) {
    all_zero.back().second += std::string(", ") + chart;
  } else {
    all_zero.emplace_back(name, chart);
  }
}

// Which charts a printout keeps: those of the names the headlines name, or every chart.
struct PrintChoice {
  std::vector<std::string> names;  ///< Empty: print every chart.
  std::size_t left_out = 0;        ///< Charts of the primary period shown on screen only.
  [[nodiscard]] bool prints(const std::string& name) const {
    return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
  }
};

// A service's word for a unit of its capacity (its "unit": places, cubicles), "beds" by default.
std::string unit_word(const Json& scenario, const std::string& service) {
  const Json* services = member(scenario, "services");
  if (services && services->is_array()) {
    for (const Json& entry : *services) {
      if (string_at(entry, "name") != service) continue;
      const std::string word = string_at(entry, "unit");
      if (!word.empty()) return word;
    }
  }
  return "beds";
}

// `text` with each "beds" in it replaced by the service's own word.
std::string in_unit(std::string text, const std::string& word) {
  for (std::size_t at = text.find("beds"); at != std::string::npos; at = text.find("beds", at + word.size())) {
    text.replace(at, 4, word);
  }
  return text;
}

// Charts in the order of the series, while `budget` (bytes) lasts; `left_out` counts the rest.
// A chart whose every value is zero is not drawn: its name goes to `all_zero`.
std::string period_charts(const Json& trajectories, const std::vector<io::ReportVariant>& variants,
                          const std::string& period, std::size_t& budget, std::size_t& left_out,
                          AllZero& all_zero, PrintChoice& print, const Json& scenario) {
  const Json* axis = member(trajectories, period);
  if (!axis) return "";
  const std::vector<std::string> labels = strings_at(*axis, period == "week" ? "iso_week" : "start");
  const std::size_t every = fan_chart_periods_per_point(labels.size());
  const std::string thinned =
      every > 1 ? " (each point spans " + std::to_string(every) + " " + period + "s: the widest band and the average line)"
                : "";
  std::string html;
  for (const auto& [kind, name] : charted_names(trajectories)) {
    for (const ChartMetric& chart : kChartMetrics) {
      if (kind != chart.kind || (period == "day" && !chart.by_day)) continue;
      const Json* found = find_series(trajectories, kind, name, chart.metric);
      if (!found) continue;
      const Json* values = member(*found, period);
      if (!values) continue;
      const std::string word = kind == "service" ? unit_word(scenario, name) : "beds";
      const std::string caption = in_unit(chart.caption, word);
      FanChartInput input;
      input.title = name + ": " + caption + " " + period;
      input.unit = string_at(*found, "unit");
      input.period_labels = labels;
      input.base = {numbers_at(*values, "mean"), numbers_at(*values, "p5"), numbers_at(*values, "p25"),
                    numbers_at(*values, "p50"), numbers_at(*values, "p75"), numbers_at(*values, "p95")};
      if (*chart.reference != '\0') {
        const Json* reference = find_series(trajectories, kind, name, chart.reference);
        const Json* reference_values = reference ? member(*reference, period) : nullptr;
        // An unlimited service has no beds open to draw against: no chart.
        if (reference_values == nullptr || !has_finite(numbers_at(*reference_values, "p50"))) continue;
        input.variants.push_back({in_unit(chart.reference_label, word), numbers_at(*reference_values, "p50")});
      }
      for (const io::ReportVariant& variant : variants) {
        const Json* other = find_series(variant.trajectories, kind, name, chart.metric);
        const Json* other_values = other ? member(*other, period) : nullptr;
        if (other_values) input.variants.push_back({variant.name, numbers_at(*other_values, "p50")});
      }
      if (fan_chart_points(input) == 0) continue;
      if (fan_chart_all_zero(input)) {
        if (!chart.part_of_blocked) note_all_zero(all_zero, name, chart.short_caption);
        continue;
      }
      if (std::string_view(chart.metric) == "blocked_bed_days" && blocked_is_split(trajectories, name, period)) {
        continue;
      }
      // The title names the unit the axis is drawn in, which may be hours for a metric kept in days.
      const std::string axis_unit = fan_chart_axis_unit(input);
      input.title += " (" + axis_unit + ")";
      const bool printed = print.prints(name);
      if (!printed) ++print.left_out;
      std::string figure = std::string(printed ? "<figure>" : "<figure class=\"screen-only\">") +
                           "<figcaption><b>" + escape_html(name) + "</b>: " + escape_html(caption) + " " + period +
                           " (" + escape_html(axis_unit) + ")" + thinned + "</figcaption>\n" +
                           render_fan_chart(input) + "\n</figure>\n";
      if (figure.size() > budget) {
        ++left_out;
        continue;
      }
      budget -= figure.size();
      html += figure;
    }
  }
  return html;
}

}  // namespace

std::vector<std::string> headline_names(const Json& scenario) {
  std::vector<std::string> names;
  const Json* headlines = member(scenario, "headlines");
  if (!headlines || !headlines->is_array()) return names;
  for (const Json& headline : *headlines) {
    const std::string kpi = headline.is_string() ? headline.get<std::string>() : string_at(headline, "kpi");
    const std::size_t first = kpi.find('.');
    const std::size_t last = kpi.rfind('.');
    if (first == std::string::npos) continue;
    // KIND.NAME.METRIC, or NAME.METRIC for a pathway or service ("system.losses" and "cost.total" name none).
    std::string name = first == last ? kpi.substr(0, first) : kpi.substr(first + 1, last - first - 1);
    if (first == last && (name == "system" || name == "cost")) continue;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

std::string render_trajectory_section(const Json& trajectories, const std::vector<io::ReportVariant>& variants,
                                      double warm_up_days, const Json& scenario) {
  if (!trajectories.is_object()) {
    return "<p class=\"absent\">No trajectories were recorded for this run (there is no "
           "trajectories.json: its trajectory period was \"off\", chosen in run.trajectory_period or by "
           "--trajectories, or because the horizon has too many periods even by month), so there are no "
           "charts over time; the tables above give the averages over the whole run.</p>\n";
  }
  // The finest period first, except that a long run by day opens on its weeks.
  std::vector<std::string> periods;
  for (const char* period : {"day", "week", "month"}) {
    if (member(trajectories, period)) periods.emplace_back(period);
  }
  const Json* days = member(trajectories, "day");
  const std::size_t day_count = days ? array_at(*days, "start").size() : 0;
  if (periods.size() > 1 && periods[0] == "day" && periods[1] == "week" && day_count >= 7 * kMinWeeksForWeekly) {
    std::swap(periods[0], periods[1]);
  }
  const std::string primary = periods.empty() ? "day" : periods[0];
  const std::string other = periods.size() > 1 ? periods[1] : "";
  std::size_t budget = kMaxChartBytes;
  std::size_t left_out = 0;
  AllZero all_zero;
  AllZero other_all_zero;  // The same series by the other period: not listed twice.
  PrintChoice print{headline_names(scenario)};
  const std::string primary_html =
      period_charts(trajectories, variants, primary, budget, left_out, all_zero, print, scenario);
  PrintChoice other_print = print;  // The other period is never printed (its block is hidden).
  const std::string other_html =
      other.empty() ? "" : period_charts(trajectories, variants, other, budget, left_out, other_all_zero, other_print,
                                                        scenario);
  if (primary_html.empty() && other_html.empty() && left_out == 0 && all_zero.empty()) {
    return "<p class=\"absent\">trajectories.json holds no within-target, queue, wait or blocked "
           "values for any pathway or service, so there are no charts over time.</p>\n";
  }
  std::string html =
      "<p>Each chart shows how a pathway's share within its target and patients over it, a service's "
      "queue, patients over its wait target, wait, beds occupied against beds open or bed-days "
      "blocked, or a shared pool's staff busy and visits missed, moves through the run across "
      "all replications: the light band holds 90% "
      "of simulated runs (5th to 95th percentile), the dark band the middle 50%, the solid line is "
      "the median and the dashed line the mean.";
  if (!variants.empty()) html += " Variants are drawn as their median lines in their own colours and dash patterns.";
  if (std::isfinite(warm_up_days) && warm_up_days > 0) {
    html += " The charts include the warm-up (the first " + format_duration(warm_up_days) +
            "), so they show the services filling up from the start state; the tables leave it out.";
  }
  html += "</p>\n";
  if (!all_zero.empty()) {
    std::string names;
    for (const auto& [name, charts] : all_zero) names += (names.empty() ? "" : ", ") + name + " (" + charts + ")";
    html += "<p class=\"note all-zero\">All zero, not drawn: " + escape_html(names) +
            ". A patient who is ready to move on but held in a bed or trolley until the next service "
            "has room is blocked, not waiting: a service with exit block or delayed discharge shows it "
            "in its bed-days blocked (exit block when the next service's setting is \"hospital\", delayed "
            "discharge when it is \"community\").</p>\n";
  }
  if (left_out > 0) {
    html += "<p class=\"absent\">" + std::to_string(left_out) + " more chart" + (left_out == 1 ? " is" : "s are") +
            " left out to keep report.html under " + std::to_string(kMaxReportBytes / 1'000'000) +
            " MB; trajectories.csv and trajectories.json hold every series.</p>\n";
  }
  if (print.left_out > 0) {
    html += "<p class=\"print-only note\">Printed: the charts of what the headlines name. The other " +
            std::to_string(print.left_out) + " chart" + (print.left_out == 1 ? " is" : "s are") +
            " in report.html on screen.</p>\n";
  }
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
