// SPDX-License-Identifier: MIT
#include "report/resource_table.hpp"

#include "report/html_escape.hpp"
#include "report/kpi_table.hpp"

namespace carepath::report {

std::string render_resource_table(const Json& summary) {
  const Json& pools = array_at(summary, "resources");
  if (pools.empty()) return "";
  std::string html =
      "<h3>Shared staff pools</h3>\n<div class=\"scroll\"><table class=\"kpi\">\n<thead><tr><th>Pool</th>"
      "<th class=\"num\">Busy (share of time on duty)</th><th class=\"num\">Mean on duty</th>"
      "<th class=\"num\">Mean busy</th><th class=\"num\">Patients who waited for it</th>"
      "<th class=\"num\">Their mean wait</th></tr></thead>\n<tbody>\n";
  for (const Json& pool : pools) {
    const Json* metrics = member(pool, "metrics");
    if (!metrics) continue;
    const std::string unit = string_at(pool, "unit");
    html += "<tr><td>" + escape_html(string_at(pool, "name")) + (unit.empty() ? "" : " (" + escape_html(unit) + ")") +
            "</td>" + estimate_cell(*metrics, "utilisation") + estimate_cell(*metrics, "mean_capacity") +
            estimate_cell(*metrics, "mean_busy") + estimate_cell(*metrics, "delayed_starts") +
            estimate_cell(*metrics, "delayed_wait_mean") + "</tr>\n";
  }
  return html +
         "</tbody></table></div>\n<p class=\"note\">Patients who waited for it: per replication, those who found a "
         "bed free at their service but too few of the pool's units, and started later.</p>\n";
}

}  // namespace carepath::report
