// SPDX-License-Identifier: MIT
// The two report inputs that come from a loaded Scenario rather than from a results file: the
// service graph (the same vertices and edges as io/graph_dot.cpp: sources, services in file
// order, then the exit) and the scenario's words (description, notes, wait targets).
#include <carepath/io/report_html.hpp>

#include "io/number_format.hpp"
#include "report/report_format.hpp"

#include <map>
#include <optional>
#include <string_view>

namespace carepath::io {

namespace {

using nlohmann::ordered_json;

std::string rate_text(double per_day) {
  if (per_day >= 1) return report::format_count(per_day) + "/day";
  if (per_day * 7 >= 1) return report::format_count(per_day * 7) + "/week";
  return report::format_count(per_day * 365) + "/year";
}

std::vector<std::string> service_details(const model::Service& service) {
  std::vector<std::string> lines;
  if (!service.capacity) {
    lines.emplace_back("unlimited capacity");
  } else {
    lines.push_back(std::to_string(*service.capacity) + (*service.capacity == 1 ? " server" : " servers"));
  }
  lines.push_back("mean stay " + report::format_duration(model::mean_of(service.service_time)));
  return lines;
}

// "126d": exact and readable back by io::parse_duration, which is all the report needs.
std::string days_text(double days) { return format_shortest(days) + "d"; }

}  // namespace

ReportGraph report_graph(const model::Scenario& scenario) {
  ReportGraph graph;
  std::map<std::string, std::size_t, std::less<>> index;
  for (const auto& arrival : scenario.arrivals) {
    graph.nodes.push_back({arrival.name, ReportGraphNode::Kind::Source, {rate_text(arrival.rate_per_day)}});
  }
  for (const auto& service : scenario.services) {
    index.emplace(service.name, graph.nodes.size());
    graph.nodes.push_back({service.name, ReportGraphNode::Kind::Service, service_details(service)});
  }
  const std::size_t exit = graph.nodes.size();
  graph.nodes.push_back({model::kExit, ReportGraphNode::Kind::Exit, {}});
  index.emplace(model::kExit, exit);

  // Names that match nothing are the loader's to report; the drawing leaves them out.
  const auto node_of = [&](std::string_view name) -> std::optional<std::size_t> {
    const auto it = index.find(name);
    if (it == index.end()) return std::nullopt;
    return it->second;
  };
  for (std::size_t i = 0; i < scenario.arrivals.size(); ++i) {
    if (const auto to = node_of(scenario.arrivals[i].to)) graph.edges.push_back({i, *to, 1});
  }
  for (const auto& service : scenario.services) {
    const std::size_t from = index.at(service.name);
    if (service.routes.empty()) graph.edges.push_back({from, exit, 1});
    for (const auto& route : service.routes) {
      if (const auto to = node_of(route.to)) graph.edges.push_back({from, *to, route.probability});
    }
  }
  return graph;
}

ordered_json report_scenario_json(const model::Scenario& scenario) {
  ordered_json services = ordered_json::array();
  for (const auto& service : scenario.services) {
    ordered_json entry{{"name", service.name}, {"notes", service.notes}};
    if (service.wait_target) entry["wait_target"] = days_text(*service.wait_target);
    // What the STRESS-DES section describes: resources, queues and the state at the start.
    entry["capacity"] = service.capacity ? ordered_json(*service.capacity) : ordered_json("unlimited");
    entry["queue_limit"] = service.queue_limit ? ordered_json(*service.queue_limit) : ordered_json("unlimited");
    entry["reneging"] = service.patience.has_value();
    entry["initial_patients"] = !service.initial_waiting.empty() || !service.initial_in_service.empty();
    services.push_back(std::move(entry));
  }
  ordered_json arrivals = ordered_json::array();
  for (const auto& arrival : scenario.arrivals) {
    arrivals.push_back({{"name", arrival.name}, {"notes", arrival.notes}});
  }
  ordered_json pathways = ordered_json::array();
  for (const auto& pathway : scenario.pathways) {
    pathways.push_back({{"name", pathway.name}, {"target", days_text(pathway.target)}, {"notes", pathway.notes}});
  }
  ordered_json types = ordered_json::array();
  for (const auto& type : scenario.patient_types) {
    types.push_back({{"name", type.name}, {"priority", type.priority}, {"notes", type.notes}});
  }
  return ordered_json{{"name", scenario.name},
                      {"description", scenario.description},
                      {"notes", scenario.notes},
                      {"start_date", model::format_date(scenario.start_date)},
                      {"run", {{"steady_state", scenario.run.steady_state}}},
                      {"patient_types", std::move(types)},
                      {"arrivals", std::move(arrivals)},
                      {"services", std::move(services)},
                      {"pathways", std::move(pathways)}};
}

}  // namespace carepath::io
