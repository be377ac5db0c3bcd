// SPDX-License-Identifier: MIT
#include "report/comparison_section.hpp"

#include "report/forest_plot.hpp"
#include "report/html_escape.hpp"
#include "report/report_format.hpp"

#include <cmath>

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
    {"service", "wait_within_target", "Share of waits within the service's wait target"},
    {"service", "wait_mean", "Mean wait"},
    {"service", "utilisation", "Utilisation"},
    {"service", "blocked_bed_days", "Delayed-discharge bed-days"},
    {"system", "time_in_system_mean", "Mean time in system"},
};

std::string row_label(const std::string& variant, const Json& difference) {
  const std::string name = string_at(difference, "name");
  return name.empty() ? variant : variant + " \u00b7 " + name;
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
      "replications resolve.</p>\n" +
      variants_list(comparison);

  std::string table;
  for (const Headline& headline : kHeadlines) {
    ForestPlotInput plot;
    plot.title = std::string(headline.title) + " (variant \u2212 base)";
    for (const Json& variant : array_at(comparison, "variants")) {
      const std::string variant_name = string_at(variant, "name");
      for (const Json& difference : array_at(variant, "differences")) {
        if (string_at(difference, "kind") != headline.kind || string_at(difference, "metric") != headline.metric) {
          continue;
        }
        const double value = number_at(difference, "difference");
        if (!std::isfinite(value)) continue;
        plot.unit = string_at(difference, "unit");
        plot.rows.push_back({row_label(variant_name, difference), value, number_at(difference, "ci95", 0),
                             number_at(difference, "ci95", 1)});
        table += "<tr><td>" + escape_html(variant_name) + "</td><td>" + escape_html(string_at(difference, "name")) +
                 "</td><td>" + headline.title + "</td><td class=\"num\">" +
                 format_value(number_at(difference, "base_mean"), plot.unit) + "</td><td class=\"num\">" +
                 format_value(number_at(difference, "variant_mean"), plot.unit) + "</td><td class=\"num\">" +
                 format_difference(value, plot.unit) + "<span class=\"ci\">" +
                 format_difference(number_at(difference, "ci95", 0), plot.unit) + " to " +
                 format_difference(number_at(difference, "ci95", 1), plot.unit) + "</span></td></tr>\n";
      }
    }
    if (forest_plot_points(plot) == 0) continue;
    // At its natural size, so that text is the same size in every forest plot however long
    // its labels.
    html += "<figure class=\"forest\"><figcaption><b>" + std::string(headline.title) +
            "</b>: variant \u2212 base, 95% CI</figcaption>\n" + render_forest_plot(plot) + "\n</figure>\n";
  }
  if (!table.empty()) {
    html += "<h3>Headline differences</h3>\n<table class=\"kpi\"><thead><tr><th>Variant</th><th>Where</th>"
            "<th>Metric</th><th class=\"num\">Base</th><th class=\"num\">Variant</th>"
            "<th class=\"num\">Difference (95% CI)</th></tr></thead>\n<tbody>\n" + table + "</tbody></table>\n";
  } else {
    html += "<p class=\"absent\">comparison.json holds no headline differences.</p>\n";
  }
  return html;
}

}  // namespace carepath::report
