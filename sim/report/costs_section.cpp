// SPDX-License-Identifier: MIT
#include "report/costs_section.hpp"

#include "report/html_escape.hpp"
#include "report/kpi_table.hpp"
#include "report/report_format.hpp"

#include <array>
#include <cmath>
#include <utility>

namespace carepath::report {
namespace {

// summary.json's cost metrics, in the order of the table's columns, with their headings.
constexpr std::array<std::pair<const char*, const char*>, 6> kColumns{{
    {"open_beds", "Open bed-days"},
    {"occupied_beds", "Occupied bed-days"},
    {"blocked_beds", "Blocked bed-days"},
    {"patients", "Patients"},
    {"appointments", "Appointments"},
    {"total", "Total"},
}};

std::string cost_row(const std::string& name, const Json& metrics, bool total) {
  std::string html = total ? "<tr class=\"total\"><th>" : "<tr><td>";
  html += escape_html(name) + (total ? "</th>" : "</td>");
  for (const auto& [metric, heading] : kColumns) html += estimate_cell(metrics, metric);
  return html + "</tr>\n";
}

std::string costs_table(const Json& costs) {
  std::string html = "<div class=\"scroll\"><table class=\"kpi\">\n<thead><tr><th>Service</th>";
  for (const auto& [metric, heading] : kColumns) html += std::string("<th class=\"num\">") + heading + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const Json& service : array_at(costs, "services")) {
    if (const Json* metrics = member(service, "metrics")) html += cost_row(string_at(service, "name"), *metrics, false);
  }
  if (const Json* total = member(costs, "total"); total && total->is_object()) html += cost_row("Total", *total, true);
  return html + "</tbody></table></div>\n";
}

std::string estimate_text(const Json& estimate, std::string_view unit) {
  const double mean = number_at(estimate, "mean");
  const std::string interval = format_interval(mean, number_at(estimate, "ci95", 0), number_at(estimate, "ci95", 1), unit);
  return format_value(mean, unit) + (interval.empty() ? "" : " <span class=\"ci\">" + interval + "</span>");
}

std::string effects_table(const Json& comparison, const std::string& currency) {
  std::string rows;
  for (const Json& variant : array_at(comparison, "variants")) {
    for (const Json& effect : array_at(variant, "cost_effects")) {
      const Json* cost = member(effect, "cost_difference");
      const Json* saved = member(effect, "saved");
      if (!cost || !saved) continue;
      const std::string saved_unit = string_at(effect, "saved_unit") == "bed-days" ? " bed-days" : " breaches";
      rows += "<tr><td>" + escape_html(string_at(variant, "name")) + "</td><td>" +
              escape_html(string_at(effect, "measure")) + "</td><td class=\"num\">" +
              format_difference(number_at(*cost, "mean"), currency) + "</td><td class=\"num\">" +
              estimate_text(*saved, "") + saved_unit + "</td><td class=\"num\">" +
              format_value(number_at(effect, "ratio"), currency) + "</td><td>" +
              escape_html(string_at(effect, "note")) + "</td></tr>\n";
    }
  }
  if (rows.empty()) return "";
  return "<h3>What each variant's cost buys</h3>\n<p>The ratio of the paired mean differences: the change in total "
         "cost over the reduction in blocked bed-days (or breaches). A negative ratio saves money as well.</p>\n"
         "<div class=\"scroll\"><table class=\"kpi\">\n<thead><tr><th>Variant</th><th>Measure</th>"
         "<th class=\"num\">Cost difference</th><th class=\"num\">Saved</th><th class=\"num\">Cost per unit saved</th>"
         "<th>Note</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody></table></div>\n";
}

}  // namespace

std::string render_costs_section(const Json& summary, const Json& comparison) {
  const Json* costs = member(summary, "costs");
  if (!costs || !costs->is_object()) return "";
  const std::string currency = string_at(*costs, "currency");
  std::string html = "<section id=\"costs\">\n<h2>Costs</h2>\n<p>In " + escape_html(currency) +
                     ", over the measured period (after any warm-up), mean per replication with its 95% CI. "
                     "Occupied bed-days exclude blocked ones, which have their own cost.</p>\n" +
                     costs_table(*costs);
  if (comparison.is_object()) html += effects_table(comparison, currency);
  return html + "</section>\n";
}

}  // namespace carepath::report
