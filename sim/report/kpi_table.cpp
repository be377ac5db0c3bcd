// SPDX-License-Identifier: MIT
#include "report/kpi_table.hpp"

#include "report/html_escape.hpp"
#include "report/report_format.hpp"

#include <carepath/io/scenario_json.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace carepath::report {

namespace {

// A service's wait target as the scenario states it ("18w"), or "" without one.
std::string wait_target_of(const Json& scenario, const std::string& service) {
  for (const Json& entry : array_at(scenario, "services")) {
    if (string_at(entry, "name") != service) continue;
    const std::string text = string_at(entry, "wait_target");
    if (text.empty()) return "";
    const auto days = io::parse_duration(text);
    return days ? format_duration(*days) : text;
  }
  return "";
}

bool has_value(const Json& metrics, std::string_view metric) {
  const Json* estimate = member(metrics, metric);
  return estimate && std::isfinite(number_at(*estimate, "mean"));
}

std::string header(std::initializer_list<const char*> names, std::size_t text_columns) {
  std::string html = "<thead><tr>";
  std::size_t i = 0;
  for (const char* name : names) {
    html += i++ < text_columns ? "<th>" : "<th class=\"num\">";
    html += std::string(name) + "</th>";
  }
  return html + "</tr></thead>\n";
}

// Parts of a figure under it, means only ("exit block 12 · delayed discharge 30"): no column of
// their own, so the table stays narrow enough not to scroll; summary.json has their intervals.
std::string parts_line(const Json& metrics, std::initializer_list<std::pair<const char*, const char*>> parts) {
  std::string line;
  for (const auto& [label, metric] : parts) {
    const Json* estimate = member(metrics, metric);
    if (!estimate) continue;
    line += std::string(line.empty() ? "" : " \u00b7 ") + label + " " +
            format_value(number_at(*estimate, "mean"), string_at(*estimate, "unit"));
  }
  return line.empty() ? "" : "<span class=\"ci parts\">" + line + "</span>";
}

// Who left each pathway before its end, by how, for the pathways anyone left: a route out of the
// system (a planned exit such as triaged out) is not a failure, unlike being turned away.
std::string leavers_table(const Json& pathways) {
  std::string rows;
  for (const Json& pathway : pathways) {
    const Json* metrics = member(pathway, "metrics");
    const Json* abandoned = metrics ? member(*metrics, "abandoned") : nullptr;
    if (!abandoned || !(number_at(*abandoned, "mean") > 0)) continue;
    rows += "<tr><td>" + escape_html(string_at(pathway, "name")) + "</td>" + estimate_cell(*metrics, "abandoned") +
            estimate_cell(*metrics, "left_by_route") + estimate_cell(*metrics, "left_turned_away") +
            estimate_cell(*metrics, "left_gave_up") + "</tr>\n";
  }
  if (rows.empty()) return "";
  return "<h3>Who left a pathway before its end</h3>\n<div class=\"scroll\"><table class=\"kpi\">\n" +
         header({"Pathway", "Left before its end", "By a route out of the system", "Turned away (full)",
                 "Gave up waiting"}, 1) +
         "<tbody>\n" + rows + "</tbody></table></div>\n";
}

std::string pathways_table(const Json& summary) {
  const Json& pathways = array_at(summary, "pathways");
  if (pathways.empty()) return "";
  std::string html = "<h3>Pathways against their target times</h3>\n<div class=\"scroll\"><table class=\"kpi\">\n" +
                     header({"Pathway", "Target", "Within target", "Mean time", "90th percentile",
                             "Completions", "Breaches (completed over target)", "Still in pathway at end",
                             "Of them over target"}, 1) + "<tbody>\n";
  for (const Json& pathway : pathways) {
    const Json* metrics = member(pathway, "metrics");
    if (!metrics) continue;
    html += "<tr><td>" + escape_html(string_at(pathway, "name")) + "</td><td class=\"num\">" +
            format_duration(number_at(pathway, "target_days")) + "</td>" +
            estimate_cell(*metrics, "within_target") + estimate_cell(*metrics, "time_mean") +
            estimate_cell(*metrics, "time_p90") + estimate_cell(*metrics, "completions") +
            estimate_cell(*metrics, "breaches") + estimate_cell(*metrics, "in_pathway_at_end") +
            estimate_cell(*metrics, "over_target_at_end") + "</tr>\n";
  }
  return html + "</tbody></table></div>\n" + leavers_table(pathways);
}

// Whether any service has a setting, which names its blocked upstream bed-days exit block or
// delayed discharge: only then are those two columns worth their width.
bool any_setting(const Json& scenario) {
  const Json& services = array_at(scenario, "services");
  return std::any_of(services.begin(), services.end(),
                     [](const Json& service) { return !string_at(service, "setting").empty(); });
}

std::string services_table(const Json& summary, const Json& scenario) {
  const Json& services = array_at(summary, "services");
  if (services.empty()) return "";
  const bool split = any_setting(scenario);
  std::string html = "<h3>Services</h3>\n<div class=\"scroll\"><table class=\"kpi\">\n" +
                     header({"Service", "Utilisation", "Mean wait", "90th percentile wait", "Within wait target",
                             "Mean queue",
                             split ? "Bed-days blocked waiting to move on (of them exit block: waiting for a "
                                     "hospital bed; delayed discharge: for a community place)"
                                   : "Bed-days blocked waiting to move on",
                             "Turned away"}, 1) +
                     "<tbody>\n";
  for (const Json& service : services) {
    const Json* metrics = member(service, "metrics");
    if (!metrics) continue;
    const std::string name = string_at(service, "name");
    std::string target_cell = "<td class=\"num\">\u2013</td>";
    if (has_value(*metrics, "wait_within_target")) {
      target_cell = estimate_cell(*metrics, "wait_within_target");
      const std::string target = wait_target_of(scenario, name);
      if (!target.empty()) {
        target_cell.insert(target_cell.size() - 5, "<span class=\"ci\">target " + escape_html(target) + "</span>");
      }
    }
    std::string blocked_cell = estimate_cell(*metrics, "blocked_bed_days");
    if (split) {
      blocked_cell.insert(blocked_cell.size() - 5, parts_line(*metrics, {{"exit block", "exit_block_bed_days"},
                                                                         {"delayed discharge",
                                                                          "delayed_discharge_bed_days"}}));
    }
    html += "<tr><td>" + escape_html(name) + "</td>" + estimate_cell(*metrics, "utilisation") +
            estimate_cell(*metrics, "wait_mean") + estimate_cell(*metrics, "wait_p90") + target_cell +
            estimate_cell(*metrics, "mean_queue") + blocked_cell +
            estimate_cell(*metrics, "losses") + "</tr>\n";
  }
  return html + "</tbody></table></div>\n";
}

std::string system_table(const Json& summary) {
  const Json* system = member(summary, "system");
  if (!system) return "";
  return "<h3>Whole system</h3>\n<div class=\"scroll\"><table class=\"kpi\">\n" +
         header({"Arrivals", "Departures", "Turned away", "Gave up waiting",
                 "Mean time in system (every pathway together)",
                 "90th percentile time in system", "Mean patients present"}, 0) +
         "<tbody><tr>" + estimate_cell(*system, "arrivals") + estimate_cell(*system, "departures") +
         estimate_cell(*system, "losses") + estimate_cell(*system, "reneges") +
         estimate_cell(*system, "time_in_system_mean") + estimate_cell(*system, "time_in_system_p90") +
         estimate_cell(*system, "mean_present") + "</tr></tbody></table></div>\n";
}

}  // namespace

std::string estimate_cell(const Json& metrics, std::string_view metric) {
  const Json* estimate = member(metrics, metric);
  if (!estimate) return "<td class=\"num\">\u2013</td>";
  const std::string unit = string_at(*estimate, "unit");
  const double mean = number_at(*estimate, "mean");
  std::string html = "<td class=\"num\">" + format_value(mean, unit);
  const std::string interval =
      format_interval(mean, number_at(*estimate, "ci95", 0), number_at(*estimate, "ci95", 1), unit);
  if (!interval.empty()) html += "<span class=\"ci\">" + interval + "</span>";
  return html + "</td>";
}

std::string render_kpi_tables(const Json& summary, const Json& scenario) {
  return pathways_table(summary) + services_table(summary, scenario) + system_table(summary);
}

}  // namespace carepath::report
