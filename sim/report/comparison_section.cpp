// SPDX-License-Identifier: MIT
#include "report/comparison_section.hpp"

#include "report/forest_plot.hpp"
#include "report/html_escape.hpp"
#include "report/report_format.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace carepath::report {

namespace {

// The metrics a board asks about first; comparison.csv has every metric.
struct Headline {
  const char* kind;
  const char* metric;
  const char* title;
};

constexpr Headline kHeadlines[] = {
    {"pathway", "within_target", "Share of pathway completions within target"},
    {"pathway", "time_mean", "Mean time on the pathway"},
    {"service", "wait_within_target", "Share of waits within the service's wait target"},
    {"service", "wait_mean", "Mean wait"},
    {"service", "utilisation", "Utilisation"},
    {"service", "blocked_bed_days", "Bed-days blocked waiting to move on"},
};

// One difference of comparison.json, with the variant it belongs to.
struct Difference {
  std::string variant;
  std::string where;
  std::string unit;
  double difference = 0;
  double ci_low = 0;
  double ci_high = 0;
  double base_mean = 0;
  double variant_mean = 0;
};

// Zero with an interval of zero, to the two decimals a forest plot prints in its finest unit
// (percentage points, minutes, or the metric's own): the change never touched this service, or
// too little to read. Hundreds of such rows would bury the ones that moved.
bool shows_as_zero(const Difference& d) {
  const double smallest = d.unit == "share" ? 0.005 / 100 : d.unit == "days" ? 0.005 / 1440 : 0.005;
  return std::fabs(d.difference) < smallest && std::fabs(d.ci_low) < smallest && std::fabs(d.ci_high) < smallest;
}

std::vector<Difference> differences_of(const Json& comparison, const Headline& headline) {
  std::vector<Difference> out;
  for (const Json& variant : array_at(comparison, "variants")) {
    for (const Json& difference : array_at(variant, "differences")) {
      if (string_at(difference, "kind") != headline.kind || string_at(difference, "metric") != headline.metric) {
        continue;
      }
      const double value = number_at(difference, "difference");
      if (!std::isfinite(value)) continue;
      out.push_back({string_at(variant, "name"), string_at(difference, "name"), string_at(difference, "unit"), value,
                     number_at(difference, "ci95", 0), number_at(difference, "ci95", 1),
                     number_at(difference, "base_mean"), number_at(difference, "variant_mean")});
    }
  }
  return out;
}

// "ae_front_door, acute_beds (2 variants)": where the rows that show as zero are, in one line.
std::string zero_rows_line(const std::vector<Difference>& zero, std::size_t variant_count) {
  std::vector<std::pair<std::string, std::size_t>> wheres;
  for (const Difference& d : zero) {
    const auto it = std::find_if(wheres.begin(), wheres.end(), [&](const auto& w) { return w.first == d.where; });
    if (it == wheres.end()) {
      wheres.emplace_back(d.where, 1);
    } else {
      ++it->second;
    }
  }
  std::string names;
  for (const auto& [where, count] : wheres) {
    names += (names.empty() ? "" : ", ") + escape_html(where.empty() ? "whole system" : where);
    if (count < variant_count) names += " (" + std::to_string(count) + (count == 1 ? " variant)" : " variants)");
  }
  return "<p class=\"note\">No change to two decimals (0.00, interval [0.00, 0.00]), " + std::to_string(zero.size()) +
         (zero.size() == 1 ? " row" : " rows") + ": " + names + ".</p>\n";
}

// One forest plot per service or pathway, on its own axis, so that a change of a point at one
// service is not flattened by a change of forty at another; rows sorted by effect, largest
// increase first.
std::string forest_plots(const Headline& headline, const std::vector<Difference>& moved) {
  std::vector<std::string> wheres;
  for (const Difference& d : moved) {
    if (std::find(wheres.begin(), wheres.end(), d.where) == wheres.end()) wheres.push_back(d.where);
  }
  std::string html = "<div class=\"forests\">\n";
  for (const std::string& where : wheres) {
    ForestPlotInput plot;
    for (const Difference& d : moved) {
      if (d.where != where) continue;
      plot.unit = d.unit;
      plot.rows.push_back({d.variant, d.difference, d.ci_low, d.ci_high});
    }
    std::stable_sort(plot.rows.begin(), plot.rows.end(),
                     [](const ForestRow& a, const ForestRow& b) { return a.difference > b.difference; });
    const std::string place = where.empty() ? "whole system" : where;
    const std::string unit = forest_plot_axis_unit(plot);
    plot.title = std::string(headline.title) + " at " + place + ", variant \u2212 base (" + unit + ")";
    html += "<figure class=\"forest\"><figcaption><b>" + escape_html(place) + "</b> (" + escape_html(unit) +
            ")</figcaption>\n" + render_forest_plot(plot) + "\n</figure>\n";
  }
  return html + "</div>\n";
}

std::string table_row(const Headline& headline, const Difference& d) {
  return "<tr><td>" + escape_html(d.variant) + "</td><td>" + escape_html(d.where) + "</td><td>" + headline.title +
         "</td><td class=\"num\">" + format_value(d.base_mean, d.unit) + "</td><td class=\"num\">" +
         format_value(d.variant_mean, d.unit) + "</td><td class=\"num\">" + format_difference(d.difference, d.unit) +
         "<span class=\"ci\">" + format_difference(d.ci_low, d.unit) + " to " + format_difference(d.ci_high, d.unit) +
         "</span></td></tr>\n";
}

std::string variants_list(const Json& comparison) {
  std::string html;
  for (const Json& variant : array_at(comparison, "variants")) {
    html += "<h3>" + escape_html(string_at(variant, "name")) + "</h3>\n";
    const std::string description = string_at(variant, "description");
    if (!description.empty()) html += "<p>" + escape_html(description) + "</p>\n";
    const std::vector<std::string> notes = notes_at(variant, "notes");
    if (!notes.empty()) {
      html += "<ul class=\"note\">\n";
      for (const std::string& note : notes) html += "<li>" + escape_html(note) + "</li>\n";
      html += "</ul>\n";
    }
  }
  return html;
}

}  // namespace

std::string render_comparison_section(const Json& comparison, const std::vector<io::ReportVariant>& variants) {
  if (!comparison.is_object()) {
    if (variants.empty()) {
      return "<p class=\"absent\">This run has no variants, so there is no comparison. Add "
             "variants to the scenario to compare changes (more beds, shorter stays) against "
             "this base with the same random numbers.</p>\n";
    }
    return "<p class=\"absent\">Variants were run but there is no comparison.json, so their "
           "paired differences cannot be shown.</p>\n";
  }
  std::string html =
      "<p>Each variant was run with the same random numbers as the base (the same patients "
      "arriving at the same times), so a difference below is the effect of the change rather than "
      "of chance. A difference is variant minus base, averaged over replications, with its 95% "
      "confidence interval; an interval that does not cross the zero line is a difference these "
      "replications resolve. Each service or pathway has its own axis, in the unit under its "
      "name.</p>\n<div class=\"variant-notes\">\n" +
      variants_list(comparison) + "</div>\n";

  const std::size_t variant_count = array_at(comparison, "variants").size();
  std::string table;
  for (const Headline& headline : kHeadlines) {
    std::vector<Difference> moved;
    std::vector<Difference> zero;
    for (Difference& d : differences_of(comparison, headline)) {
      (shows_as_zero(d) ? zero : moved).push_back(std::move(d));
    }
    if (moved.empty() && zero.empty()) continue;
    html += "<h3>" + std::string(headline.title) + ": variant \u2212 base, 95% CI</h3>\n";
    if (!moved.empty()) html += forest_plots(headline, moved);
    if (!zero.empty()) html += zero_rows_line(zero, variant_count);
    for (const Difference& d : moved) table += table_row(headline, d);
  }
  if (!table.empty()) {
    // On screen only: printed, the forest plots carry the same differences and comparison.csv
    // every one.
    html += "<details class=\"screen-only\"><summary>Headline differences as a table (rows that changed)</summary>\n"
            "<table class=\"kpi\"><thead><tr><th>Variant</th><th>Where</th>"
            "<th>Metric</th><th class=\"num\">Base</th><th class=\"num\">Variant</th>"
            "<th class=\"num\">Difference (95% CI)</th></tr></thead>\n<tbody>\n" + table +
            "</tbody></table></details>\n";
  } else {
    html += "<p class=\"absent\">comparison.json holds no headline differences that moved.</p>\n";
  }
  return html;
}

}  // namespace carepath::report
