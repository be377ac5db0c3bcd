// SPDX-License-Identifier: MIT
#include "report/costs_section.hpp"

#include "report/html_escape.hpp"
#include "report/kpi_table.hpp"
#include "report/report_format.hpp"

#include <array>
#include <cmath>
#include <vector>

namespace carepath::report {
namespace {

// summary.json's cost metrics, in the order of the table's columns, with their headings: a
// service's drivers, then a pool's, then the total.
struct Column {
  const char* metric;
  const char* heading;
  bool pool;  ///< A pool's driver: a column only when some pool has costs.
};
constexpr std::array<Column, 8> kDriverColumns{{
    {"open_beds", "Open bed-days", false},
    {"occupied_beds", "Occupied bed-days", false},
    {"blocked_beds", "Blocked bed-days", false},
    {"patients", "Patients", false},
    {"appointments", "Appointments", false},
    {"staff_hours", "Staff-hours", true},
    {"staff_days", "Staff-days", true},
    {"visits", "Visits", true},
}};

std::string cost_row(const std::string& name, const Json& metrics, const std::vector<const Column*>& columns,
                     bool total) {
  std::string html = total ? "<tr class=\"total\"><th>" : "<tr><td>";
  html += escape_html(name) + (total ? "</th>" : "</td>");
  for (const Column* column : columns) html += estimate_cell(metrics, column->metric);
  return html + estimate_cell(metrics, "total") + "</tr>\n";
}

std::string costs_table(const Json& costs) {
  const bool services = !array_at(costs, "services").empty();
  const bool pools = !array_at(costs, "resources").empty();
  std::vector<const Column*> columns;
  for (const Column& column : kDriverColumns) {
    if (column.pool ? pools : services) columns.push_back(&column);
  }
  std::string html = std::string("<div class=\"scroll\"><table class=\"kpi\">\n<thead><tr><th>") +
                     (services && pools ? "Service or pool" : pools ? "Pool" : "Service") + "</th>";
  for (const Column* column : columns) html += std::string("<th class=\"num\">") + column->heading + "</th>";
  html += "<th class=\"num\">Total</th></tr></thead>\n<tbody>\n";
  for (const Json& service : array_at(costs, "services")) {
    if (const Json* metrics = member(service, "metrics")) {
      html += cost_row(string_at(service, "name"), *metrics, columns, false);
    }
  }
  for (const Json& pool : array_at(costs, "resources")) {
    if (const Json* metrics = member(pool, "metrics")) {
      html += cost_row(string_at(pool, "name") + " (pool)", *metrics, columns, false);
    }
  }
  if (const Json* total = member(costs, "total"); total && total->is_object()) {
    html += cost_row("Total", *total, columns, true);
  }
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
      const std::string unit = string_at(effect, "saved_unit");
      const std::string saved_unit = unit == "bed-days" ? " bed-days"
                                     : unit == "visits" ? " missed visits"
                                                        : " breaches";
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
         "cost over the reduction in blocked bed-days (or breaches, or missed visits). A negative ratio saves money "
         "as well.</p>\n"
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
                     "Occupied bed-days exclude blocked ones, which have their own cost; a pool's staff are paid "
                     "while on duty, its visits only when delivered.</p>\n" +
                     costs_table(*costs);
  if (comparison.is_object()) html += effects_table(comparison, currency);
  return html + "</section>\n";
}

}  // namespace carepath::report
