// SPDX-License-Identifier: MIT
#include "model/graph_checks.hpp"

#include "model/suggest.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

#include <charconv>
#include <cmath>
#include <map>

namespace carepath::model {
namespace {

// The tolerance of the format: hand-written probabilities such as 1/3 cannot sum to exactly 1.
constexpr double kProbabilityTolerance = 1e-9;

// Services are vertices 0..n-1; two more stand for the world outside, where arrivals come from,
// and for the exit. Bidirectional, so that reverse_graph can walk routes backwards from the exit.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = Graph::vertex_descriptor;

using NameIndex = std::map<std::string, std::size_t, std::less<>>;

std::string service_pointer(std::size_t service) { return "/services/" + std::to_string(service); }

std::string route_pointer(std::size_t service, std::size_t route) {
  return service_pointer(service) + "/next/" + std::to_string(route);
}

// Enough digits to show any sum that misses 1 by more than the tolerance, few enough that
// 0.2 + 0.77 shows as 0.97 rather than 0.9700000000000001.
std::string format_sum(double sum) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, sum, std::chars_format::general, 12);
  return std::string(buffer, result.ptr);
}

std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

template <class Named>
void check_unique_names(const std::vector<Named>& items, std::string_view what, std::string_view list,
                        std::vector<Diagnostic>& out) {
  NameIndex first_use;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto [it, inserted] = first_use.emplace(items[i].name, i);
    if (!inserted) {
      out.push_back({Severity::Error, std::string(list) + std::to_string(i) + "/name",
                     std::string(what) + " name '" + items[i].name + "' is already used by " + std::string(list) +
                         std::to_string(it->second)});
    }
  }
}

void check_reserved_names(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    if (scenario.services[i].name == kExit) {
      out.push_back({Severity::Error, service_pointer(i) + "/name",
                     "'exit' is reserved for leaving the system, so it cannot name a service"});
    }
  }
}

/// Where each service name is first defined.
NameIndex index_services(const Scenario& scenario) {
  NameIndex first_use;
  for (std::size_t i = 0; i < scenario.services.size(); ++i) first_use.emplace(scenario.services[i].name, i);
  return first_use;
}

void check_targets(const Scenario& scenario, const NameIndex& services, std::vector<Diagnostic>& out) {
  std::vector<std::string> service_names;
  for (const auto& service : scenario.services) service_names.push_back(service.name);
  for (std::size_t i = 0; i < scenario.arrivals.size(); ++i) {
    const std::string& to = scenario.arrivals[i].to;
    const std::string pointer = "/arrivals/" + std::to_string(i) + "/to";
    if (to == kExit) {
      out.push_back({Severity::Error, pointer, "arrivals must go to a service, not straight to 'exit'"});
    } else if (!services.contains(to)) {
      out.push_back({Severity::Error, pointer, unknown_name_message("service", to, service_names)});
    }
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const auto& routes = scenario.services[i].routes;
    for (std::size_t j = 0; j < routes.size(); ++j) {
      if (routes[j].to != kExit && !services.contains(routes[j].to)) {
        out.push_back({Severity::Error, route_pointer(i, j) + "/to",
                       unknown_name_message("service", routes[j].to, service_names)});
      }
    }
  }
}

void check_probabilities(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const auto& routes = scenario.services[i].routes;
    if (routes.empty()) continue;
    double sum = 0;
    for (std::size_t j = 0; j < routes.size(); ++j) {
      const double p = routes[j].probability;
      if (!(p >= 0 && p <= 1)) {
        out.push_back({Severity::Error, route_pointer(i, j) + "/probability",
                       "expected a probability from 0 to 1, got " + format_number(p)});
      }
      sum += p;
    }
    // Written so that a NaN sum fails too.
    if (!(std::abs(sum - 1) <= kProbabilityTolerance)) {
      out.push_back({Severity::Error, service_pointer(i) + "/next",
                     "probabilities sum to " + format_sum(sum) + ", but must sum to 1"});
    }
  }
}

/// A route taken with probability zero is never taken, so it is left out.
Graph build_graph(const Scenario& scenario, const NameIndex& services, Vertex outside, Vertex exit) {
  Graph graph(scenario.services.size() + 2);
  for (const auto& arrival : scenario.arrivals) add_edge(outside, services.find(arrival.to)->second, graph);
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const auto& routes = scenario.services[i].routes;
    if (routes.empty()) add_edge(i, exit, graph);
    for (const auto& route : routes) {
      if (!(route.probability > 0)) continue;
      add_edge(i, route.to == kExit ? exit : services.find(route.to)->second, graph);
    }
  }
  return graph;
}

template <class AnyGraph>
std::vector<bool> reachable_from(const AnyGraph& graph, Vertex start) {
  std::vector<boost::default_color_type> colours(num_vertices(graph), boost::white_color);
  const auto colour_map = boost::make_iterator_property_map(colours.begin(), get(boost::vertex_index, graph));
  boost::depth_first_visit(graph, start, boost::dfs_visitor<>(), colour_map);
  std::vector<bool> reached(colours.size());
  for (std::size_t v = 0; v < colours.size(); ++v) reached[v] = colours[v] != boost::white_color;
  return reached;
}

void check_shape(const Scenario& scenario, const NameIndex& services, std::vector<Diagnostic>& out) {
  const Vertex outside = scenario.services.size();
  const Vertex exit = outside + 1;
  const Graph graph = build_graph(scenario, services, outside, exit);
  const auto arrived = reachable_from(graph, outside);
  const auto leaves = reachable_from(boost::make_reverse_graph(graph), exit);
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    if (!leaves[i]) {
      const auto& name = scenario.services[i].name;
      out.push_back({Severity::Error, service_pointer(i),
                     "patients at '" + name + "' can never leave the system: no route from it reaches 'exit'"});
    }
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    if (!arrived[i]) {
      const auto& name = scenario.services[i].name;
      out.push_back({Severity::Warning, service_pointer(i),
                     "'" + name + "' is unreachable: no arrival leads to it, so it will see no patients"});
    }
  }
}

}  // namespace

std::vector<Diagnostic> check_scenario(const Scenario& scenario) {
  std::vector<Diagnostic> diagnostics;
  check_unique_names(scenario.services, "service", "/services/", diagnostics);
  check_unique_names(scenario.arrivals, "arrival", "/arrivals/", diagnostics);
  check_reserved_names(scenario, diagnostics);
  const NameIndex services = index_services(scenario);
  check_targets(scenario, services, diagnostics);
  // The shape needs every name to mean exactly one service: otherwise a typo in a route would be
  // reported twice, once as an unknown service and again as a dead end.
  const bool names_resolved = diagnostics.empty();
  check_probabilities(scenario, diagnostics);
  if (names_resolved) check_shape(scenario, services, diagnostics);
  return diagnostics;
}

void require_valid(const Scenario& scenario, const std::string& source) {
  std::vector<Diagnostic> errors;
  for (auto& d : check_scenario(scenario)) {
    if (d.severity == Severity::Error) errors.push_back(std::move(d));
  }
  if (!errors.empty()) throw ScenarioError(source, std::move(errors));
}

}  // namespace carepath::model
