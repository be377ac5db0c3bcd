// SPDX-License-Identifier: MIT
#include "report/answer_cards.hpp"

#include "report/html_escape.hpp"
#include "report/report_format.hpp"

#include <cmath>

namespace carepath::report {
namespace {

// "2025-12-01 to 2026-03-31" from a "window" member of comparison.json; "" when null or absent.
std::string window_text(const Json& object) {
  const Json* window = member(object, "window");
  if (window == nullptr || !window->is_object()) return "";
  return string_at(*window, "from") + " to " + string_at(*window, "to");
}

// " (2025-12-01 to 2026-03-31)" after a headline measured over a window of its own.
std::string window_words(const Json& headline, const std::string& run_window) {
  const std::string window = window_text(headline);
  if (window.empty() || window == run_window) return "";
  return " <span class=\"note\">(" + escape_html(window) + ")</span>";
}

std::string headline_row(const Json& headline, const std::string& run_window) {
  const std::string unit = string_at(headline, "unit");
  const double base = number_at(headline, "base_mean");
  const double variant = number_at(headline, "variant_mean");
  const double difference = number_at(headline, "difference");
  const double low = number_at(headline, "ci95", 0);
  const double high = number_at(headline, "ci95", 1);
  std::string html = "<tr><td>" + escape_html(string_at(headline, "label")) + window_words(headline, run_window) + "</td>";
  if (!std::isfinite(difference)) {
    return html + "<td class=\"num\" colspan=\"2\">\u2013</td><td>not measured in both runs</td></tr>\n";
  }
  const Json* detectable = member(headline, "detectable");
  const bool changed = detectable != nullptr && detectable->is_boolean() && detectable->get<bool>();
  html += "<td class=\"num\">" + format_base_to_variant(base, variant, unit) + "</td>";
  html += "<td class=\"num\">" + format_change(difference, base, unit) + "<span class=\"ci\">95% CI " +
          format_change_interval(low, high, base, unit) + "</span></td>";
  html += changed ? "<td><b>" + std::string(difference > 0 ? "higher" : "lower") + "</b></td>"
                  : "<td class=\"note verdict\">no detectable change</td>";
  return html + "</tr>\n";
}

}  // namespace

std::string render_answer_cards(const Json& comparison) {
  if (!comparison.is_object() || array_at(comparison, "variants").empty()) return "";
  const std::string run_window = window_text(comparison);
  std::string html =
      "<p>What each variant changes in the headline figures, against the base run with the same "
      "random numbers: the value in the base and in the variant, the difference with its 95% "
      "confidence interval, and whether these replications can tell it from no change.";
  if (!run_window.empty()) html += " Every figure is measured over " + escape_html(run_window) + " only.";
  html += "</p>\n";
  for (const Json& variant : array_at(comparison, "variants")) {
    html += "<article class=\"card\">\n<h3>" + escape_html(string_at(variant, "name")) + "</h3>\n";
    const std::string description = string_at(variant, "description");
    if (!description.empty()) html += "<p>" + escape_html(description) + "</p>\n";
    const std::vector<std::string> changes = strings_at(variant, "changes");
    if (!changes.empty()) {
      html += "<p class=\"note\">Changes: ";
      for (std::size_t i = 0; i < changes.size(); ++i) html += (i ? "; " : "") + escape_html(changes[i]);
      html += "</p>\n";
    }
    html += "<table><thead><tr><th>Headline</th><th class=\"num\">Base \u2192 variant</th>"
            "<th class=\"num\">Difference</th><th>Verdict</th></tr></thead><tbody>\n";
    for (const Json& headline : array_at(variant, "headlines")) html += headline_row(headline, run_window);
    html += "</tbody></table>\n</article>\n";
  }
  return html;
}

}  // namespace carepath::report
