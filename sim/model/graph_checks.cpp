// SPDX-License-Identifier: MIT
#include "model/graph_checks.hpp"

#include "model/capacity_timetable.hpp"
#include "model/caseload_checks.hpp"
#include "model/engine_limits.hpp"
#include "model/escalation_checks.hpp"
#include <carepath/model/suggest.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>

namespace carepath::model {
namespace {

// The tolerance of the format: hand-written probabilities such as 1/3 cannot sum to exactly 1.
constexpr double kProbabilityTolerance = 1e-9;

// The shortest mean time, in days, a patient may take to give up all the way round a renege cycle.
constexpr double kMinRenegeRound = 1.0 / (24 * 60);

// Services are vertices 0..n-1; two more stand for the world outside, where arrivals come from,
// and for the exit. Bidirectional, so that reverse_graph can walk routes backwards from the exit.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = Graph::vertex_descriptor;

using NameIndex = std::map<std::string, std::size_t, std::less<>>;

// ---- Pointers and numbers in messages -------------------------------------------------------------

std::string service_pointer(std::size_t service) { return "/services/" + std::to_string(service); }

// A by_type key is a patient type name as the planner wrote it, so '/' and '~' need escaping.
std::string type_pointer(std::size_t service, const std::string& type) {
  std::string token;
  for (const char c : type) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return service_pointer(service) + "/by_type/" + token;
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

// ---- Every set of routes, wherever it is written ----------------------------------------------------

/// One `next` list: the service's own, or a patient type's at that service.
struct RouteList {
  std::size_t service;
  const std::vector<Route>* routes;
  std::string pointer;  ///< Of the `next` key.
};

std::vector<RouteList> route_lists(const Scenario& scenario) {
  std::vector<RouteList> lists;
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& service = scenario.services[i];
    lists.push_back({i, &service.routes, service_pointer(i) + "/next"});
    for (const TypeOverride& type : service.by_type) {
      if (type.routes) lists.push_back({i, &*type.routes, type_pointer(i, type.patient_type) + "/next"});
    }
  }
  return lists;
}

/// Whether any patient can give up waiting at `service`.
bool has_patience(const Service& service) {
  return service.patience.has_value() || std::any_of(service.by_type.begin(), service.by_type.end(),
                                                     [](const TypeOverride& t) { return t.patience.has_value(); });
}

// ---- Names ----------------------------------------------------------------------------------------

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
    const std::string& name = scenario.services[i].name;
    if (name == kExit) {
      out.push_back({Severity::Error, service_pointer(i) + "/name",
                     "'exit' is reserved for leaving the system, so it cannot name a service"});
    } else if (name == kSystemRow) {
      out.push_back({Severity::Error, service_pointer(i) + "/name",
                     "'system' is reserved for the whole-system rows of the results, so it cannot name a service"});
    }
  }
}

/// Where each service name is first defined.
NameIndex index_services(const Scenario& scenario) {
  NameIndex first_use;
  for (std::size_t i = 0; i < scenario.services.size(); ++i) first_use.emplace(scenario.services[i].name, i);
  return first_use;
}

class NameChecker {
 public:
  NameChecker(const Scenario& scenario, std::vector<Diagnostic>& out)
      : scenario_(scenario), services_(index_services(scenario)), out_(out) {
    // A duplicated name is reported on its own; the lists of known names show it once.
    for (const auto& service : scenario.services) add_once(service_names_, service.name);
    for (const auto& pool : scenario.resources) add_once(resource_names_, pool.name);
    types_ = patient_type_names(scenario);
  }

  void check_all() {
    for (std::size_t i = 0; i < scenario_.arrivals.size(); ++i) check_arrival(i);
    for (const RouteList& list : route_lists(scenario_)) {
      for (std::size_t j = 0; j < list.routes->size(); ++j) {
        const std::string& to = (*list.routes)[j].to;
        if (to != kExit) service(to, list.pointer + "/" + std::to_string(j) + "/to");
      }
    }
    for (std::size_t i = 0; i < scenario_.services.size(); ++i) check_service(i);
    for (std::size_t i = 0; i < scenario_.pathways.size(); ++i) {
      const std::string pointer = "/pathways/" + std::to_string(i);
      service(scenario_.pathways[i].start, pointer + "/start");
      service(scenario_.pathways[i].end, pointer + "/end");
    }
  }

 private:
  void check_arrival(std::size_t i) {
    const ArrivalSource& arrival = scenario_.arrivals[i];
    const std::string pointer = "/arrivals/" + std::to_string(i);
    if (arrival.to == kExit) {
      out_.push_back({Severity::Error, pointer + "/to", "arrivals must go to a service, not straight to 'exit'"});
    } else {
      service(arrival.to, pointer + "/to");
    }
    if (!arrival.patient_type.empty()) type(arrival.patient_type, pointer + "/patient_type");
  }

  void check_service(std::size_t i) {
    const Service& s = scenario_.services[i];
    const std::string pointer = service_pointer(i);
    if (s.when_full == WhenFull::Divert) {
      if (s.divert_to == kExit) {
        out_.push_back({Severity::Error, pointer + "/when_full/divert",
                        "a full service cannot divert to 'exit'; use \"lose\" to turn patients away"});
      } else {
        service(s.divert_to, pointer + "/when_full/divert");
      }
    }
    if (s.renege_to != kExit && s.renege_to == s.name) {
      // Rejoining the same queue is no way out of it, and with a patience that can be zero the
      // patient would give up and rejoin for ever at one instant of simulated time.
      out_.push_back({Severity::Error, pointer + "/renege_to",
                      "a service cannot renege to itself: name the service (or 'exit') that patients who give up "
                      "waiting go to"});
    } else if (s.renege_to != kExit) {
      service(s.renege_to, pointer + "/renege_to");
    }
    for (const TypeOverride& override_for_type : s.by_type) {
      type(override_for_type.patient_type, type_pointer(i, override_for_type.patient_type));
    }
    for (std::size_t j = 0; j < s.requires_resources.size(); ++j) {
      const std::string& name = s.requires_resources[j].resource;
      if (std::find(resource_names_.begin(), resource_names_.end(), name) == resource_names_.end()) {
        out_.push_back({Severity::Error, pointer + "/requires/" + std::to_string(j) + "/resource",
                        unknown_name_message("resource", name, resource_names_)});
      }
    }
    // The loader reports these with the CSV line or list index; here the list is as precise as it gets.
    for (const auto& [cohorts, key] :
         {std::pair{&s.initial_waiting, "waiting"}, std::pair{&s.initial_in_service, "in_service"}}) {
      for (const InitialCohort& cohort : *cohorts) {
        if (!cohort.patient_type.empty() && type(cohort.patient_type, pointer + "/initial/" + key)) break;
      }
    }
  }

  static void add_once(std::vector<std::string>& names, const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }

  // Each returns true after reporting an unknown name.
  bool service(const std::string& name, const std::string& pointer) {
    if (services_.contains(name)) return false;
    out_.push_back({Severity::Error, pointer, unknown_name_message("service", name, service_names_)});
    return true;
  }

  bool type(const std::string& name, const std::string& pointer) {
    if (std::find(types_.begin(), types_.end(), name) != types_.end()) return false;
    out_.push_back({Severity::Error, pointer, unknown_name_message("patient type", name, types_)});
    return true;
  }

  const Scenario& scenario_;
  NameIndex services_;
  std::vector<std::string> service_names_;
  std::vector<std::string> resource_names_;
  std::vector<std::string> types_;
  std::vector<Diagnostic>& out_;
};

// ---- Probabilities and the patients present at the start --------------------------------------------

void check_probabilities(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (const RouteList& list : route_lists(scenario)) {
    const auto& routes = *list.routes;
    if (routes.empty()) continue;
    double sum = 0;
    for (std::size_t j = 0; j < routes.size(); ++j) {
      const double p = routes[j].probability;
      if (!(p >= 0 && p <= 1)) {
        out.push_back({Severity::Error, list.pointer + "/" + std::to_string(j) + "/probability",
                       "expected a probability from 0 to 1, got " + format_number(p)});
      }
      sum += p;
    }
    // Written so that a NaN sum fails too.
    if (!(std::abs(sum - 1) <= kProbabilityTolerance)) {
      out.push_back({Severity::Error, list.pointer, "probabilities sum to " + format_sum(sum) + ", but must sum to 1"});
    }
  }
}

std::uint64_t total_count(const std::vector<InitialCohort>& cohorts) {
  return std::accumulate(cohorts.begin(), cohorts.end(), std::uint64_t{0},
                         [](std::uint64_t sum, const InitialCohort& c) { return sum + c.count; });
}

void check_initial_patients(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& s = scenario.services[i];
    const std::uint64_t in_service = total_count(s.initial_in_service);
    if (s.capacity && in_service > 0) {
      // The first step of the timetable is the capacity at time 0, roster shifts included.
      const std::uint32_t at_start =
          capacity_timetable(s, scenario.start_date, 1.0, scenario.run.start_hour, scenario.bank_holidays).front().capacity;
      if (in_service > at_start) {
        out.push_back({Severity::Error, service_pointer(i) + "/initial/in_service",
                       std::to_string(in_service) + " patients are in service at the start, but the capacity then is " +
                           std::to_string(at_start)});
      }
    }
    const std::uint64_t waiting = total_count(s.initial_waiting);
    if (s.queue_limit && waiting > *s.queue_limit) {
      out.push_back({Severity::Error, service_pointer(i) + "/initial/waiting",
                     std::to_string(waiting) + " patients are waiting at the start, but the queue holds at most " +
                         std::to_string(*s.queue_limit)});
    }
  }
}

// ---- The service graph ----------------------------------------------------------------------------

/// Every way a patient can move: routes of every type, diverts and reneges. Patients enter from
/// outside by arrivals, or are there at the start. A route taken with probability zero is never
/// taken, so it is left out.
Graph build_graph(const Scenario& scenario, const NameIndex& services, Vertex outside, Vertex exit) {
  Graph graph(scenario.services.size() + 2);
  const auto vertex = [&](const std::string& name) { return name == kExit ? exit : services.find(name)->second; };
  for (const auto& arrival : scenario.arrivals) add_edge(outside, vertex(arrival.to), graph);
  for (const RouteList& list : route_lists(scenario)) {
    if (list.routes->empty()) add_edge(list.service, exit, graph);
    for (const Route& route : *list.routes) {
      if (route.probability > 0) add_edge(list.service, vertex(route.to), graph);
    }
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& s = scenario.services[i];
    if (!s.initial_waiting.empty() || !s.initial_in_service.empty()) add_edge(outside, i, graph);
    if (s.when_full == WhenFull::Divert) add_edge(i, vertex(s.divert_to), graph);
    if (has_patience(s)) add_edge(i, vertex(s.renege_to), graph);
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

/// "a -> b -> a": the names along `cycle`, back to its first.
std::string cycle_text(const Scenario& scenario, const std::vector<std::size_t>& cycle) {
  std::string text;
  for (const std::size_t v : cycle) text += scenario.services[v].name + " -> ";
  return text + scenario.services[cycle.front()].name;
}

void check_exits_and_arrivals(const Scenario& scenario, const Graph& graph, Vertex outside, Vertex exit,
                              std::vector<Diagnostic>& out) {
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

// Each service leads to at most one other by `next` (its divert, or its renege_to), so following
// the chain from every service finds every loop; each is returned once, starting at its first
// service in file order.
template <class Next>
std::vector<std::vector<std::size_t>> single_successor_cycles(std::size_t n, Next next) {
  enum class Mark { New, OnPath, Done };
  std::vector<Mark> mark(n, Mark::New);
  std::vector<std::vector<std::size_t>> cycles;
  for (std::size_t start = 0; start < n; ++start) {
    std::vector<std::size_t> path;
    std::optional<std::size_t> v = start;
    while (v && mark[*v] == Mark::New) {
      mark[*v] = Mark::OnPath;
      path.push_back(*v);
      v = next(*v);
    }
    if (v && mark[*v] == Mark::OnPath) {
      std::vector<std::size_t> cycle(std::find(path.begin(), path.end(), *v), path.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      cycles.push_back(std::move(cycle));
    }
    for (const std::size_t visited : path) mark[visited] = Mark::Done;
  }
  return cycles;
}

void check_divert_cycles(const Scenario& scenario, const NameIndex& services, std::vector<Diagnostic>& out) {
  const auto next = [&](std::size_t v) -> std::optional<std::size_t> {
    const Service& s = scenario.services[v];
    if (s.when_full != WhenFull::Divert) return std::nullopt;
    return services.find(s.divert_to)->second;
  };
  for (const auto& cycle : single_successor_cycles(scenario.services.size(), next)) {
    out.push_back({Severity::Error, service_pointer(cycle.front()) + "/when_full/divert",
                   cycle.size() == 1 ? "a full service cannot divert to itself"
                                     : "divert cycle " + cycle_text(scenario, cycle) +
                                           ": when all of them are full, a patient would be sent round it forever"});
  }
}

// The shortest mean patience at `s`, over its own and its patient types' (each type waits with
// its own if it has one).
double shortest_mean_patience(const Service& s) {
  double shortest = s.patience ? mean_of(*s.patience) : std::numeric_limits<double>::infinity();
  for (const TypeOverride& t : s.by_type) {
    if (t.patience) shortest = std::min(shortest, mean_of(*t.patience));
  }
  return shortest;
}

// Patients who give up at one service of a loop join the next, and so on round it for as long as
// all of them are full: each round takes the patiences on it. A round of seconds would be sent
// millions of times a day, a hang in all but name (a self-renege is refused outright by
// NameChecker). Reported at the loop's first service in file order.
void check_renege_cycles(const Scenario& scenario, const NameIndex& services, std::vector<Diagnostic>& out) {
  const auto next = [&](std::size_t v) -> std::optional<std::size_t> {
    const Service& s = scenario.services[v];
    if (!has_patience(s) || s.renege_to == kExit || s.renege_to == s.name) return std::nullopt;
    return services.find(s.renege_to)->second;
  };
  for (const auto& cycle : single_successor_cycles(scenario.services.size(), next)) {
    double round = 0;
    for (const std::size_t v : cycle) round += shortest_mean_patience(scenario.services[v]);
    if (round >= kMinRenegeRound) continue;
    out.push_back({Severity::Error, service_pointer(cycle.front()) + "/renege_to",
                   "renege cycle " + cycle_text(scenario, cycle) + ": its shortest mean patiences add up to " +
                       format_sum(round * 86'400) +
                       " seconds, but must add up to at least 60: when all of them are full, a patient who gives up "
                       "would be sent round it many times a minute"});
  }
}

/// A service that can hold a patient in its bed while their next service is full, and that can
/// itself be full: finite capacity and queue, and "block" when full.
bool can_block(const Service& s) { return s.capacity && s.queue_limit && s.when_full == WhenFull::Block; }

/// The shortest cycle through `first` using only vertices of `component`, by breadth-first search.
std::vector<std::size_t> shortest_cycle(const Graph& graph, std::size_t first, const std::vector<int>& component) {
  std::vector<std::optional<std::size_t>> parent(num_vertices(graph));
  std::vector<std::size_t> frontier{first};
  while (!frontier.empty()) {
    std::vector<std::size_t> next;
    for (const std::size_t v : frontier) {
      for (const auto edge : boost::make_iterator_range(out_edges(v, graph))) {
        const std::size_t w = target(edge, graph);
        if (component[w] != component[first]) continue;
        if (w == first) {
          std::vector<std::size_t> cycle{v};
          while (cycle.back() != first) cycle.push_back(*parent[cycle.back()]);
          std::reverse(cycle.begin(), cycle.end());
          return cycle;
        }
        if (!parent[w]) {
          parent[w] = v;
          next.push_back(w);
        }
      }
    }
    frontier = std::move(next);
  }
  return {first};
}

// Patients blocked in each other's beds around a loop can wait for ever: a warning, since with
// enough capacity the loop may never fill.
void check_blocking_cycles(const Scenario& scenario, const NameIndex& services, std::vector<Diagnostic>& out) {
  const std::size_t n = scenario.services.size();
  Graph blocking(n);
  for (const RouteList& list : route_lists(scenario)) {
    if (!can_block(scenario.services[list.service])) continue;
    for (const Route& route : *list.routes) {
      if (route.to == kExit || !(route.probability > 0)) continue;
      const std::size_t to = services.find(route.to)->second;
      if (can_block(scenario.services[to]) && !edge(list.service, to, blocking).second) {
        add_edge(list.service, to, blocking);
      }
    }
  }
  std::vector<int> component(n);
  const auto component_map = boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, blocking));
  boost::strong_components(blocking, component_map);
  std::vector<bool> reported(n);
  for (std::size_t v = 0; v < n; ++v) {
    const auto c = static_cast<std::size_t>(component[v]);
    if (reported[c]) continue;
    const bool in_cycle = edge(v, v, blocking).second ||
                          std::count(component.begin(), component.end(), component[v]) > 1;
    if (!in_cycle) continue;
    reported[c] = true;
    out.push_back({Severity::Warning, service_pointer(v),
                   "blocking cycle " + cycle_text(scenario, shortest_cycle(blocking, v, component)) +
                       " can deadlock: each service in it has finite capacity and queue, and blocks when full"});
  }
}

void check_pathways(const Scenario& scenario, const NameIndex& services, const Graph& graph,
                    std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < scenario.pathways.size(); ++i) {
    const Pathway& pathway = scenario.pathways[i];
    const std::size_t start = services.find(pathway.start)->second;
    const std::size_t end = services.find(pathway.end)->second;
    if (!reachable_from(graph, start)[end]) {
      out.push_back({Severity::Error, "/pathways/" + std::to_string(i) + "/end",
                     "'" + pathway.end + "' cannot be reached from '" + pathway.start +
                         "', the pathway's start, so no patient can complete it"});
    }
  }
}

// A pool no service requires limits nothing, and a need larger than the pool ever has stops that
// service for good: both are slips worth a word, not errors (a what-if may add the staff later).
void check_resource_use(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
    const Resource& pool = scenario.resources[r];
    std::uint32_t most = pool.capacity;
    for (const CapacityChange& change : pool.capacity_changes) most = std::max(most, change.capacity);
    std::uint32_t rostered = 0;
    for (const RosterShift& shift : pool.roster) rostered += shift.capacity;  // overlapping shifts add up
    most = std::max(most, rostered);
    bool used = false;
    for (std::size_t i = 0; i < scenario.services.size(); ++i) {
      const auto& needs = scenario.services[i].requires_resources;
      for (std::size_t j = 0; j < needs.size(); ++j) {
        if (needs[j].resource != pool.name) continue;
        used = true;
        if (needs[j].units > most) {
          out.push_back({Severity::Warning, service_pointer(i) + "/requires/" + std::to_string(j) + "/units",
                         "needs " + std::to_string(needs[j].units) + " " + pool.unit + " of '" + pool.name +
                             "', which never has more than " + std::to_string(most) + ", so no patient of '" +
                             scenario.services[i].name + "' can ever start"});
        }
      }
    }
    if (!used) {
      out.push_back({Severity::Warning, "/resources/" + std::to_string(r),
                     "no service requires '" + pool.name + "', so it limits nothing"});
    }
  }
}

void check_shape(const Scenario& scenario, const NameIndex& services, std::vector<Diagnostic>& out) {
  const Vertex outside = scenario.services.size();
  const Vertex exit = outside + 1;
  const Graph graph = build_graph(scenario, services, outside, exit);
  check_exits_and_arrivals(scenario, graph, outside, exit, out);
  check_divert_cycles(scenario, services, out);
  check_renege_cycles(scenario, services, out);
  check_blocking_cycles(scenario, services, out);
  check_pathways(scenario, services, graph, out);
}

}  // namespace

std::vector<std::string> patient_type_names(const Scenario& scenario) {
  if (scenario.patient_types.empty()) return {kDefaultPatientType};
  std::vector<std::string> names;
  for (const auto& type : scenario.patient_types) {
    if (std::find(names.begin(), names.end(), type.name) == names.end()) names.push_back(type.name);
  }
  return names;
}

std::vector<Diagnostic> check_scenario(const Scenario& scenario) {
  std::vector<Diagnostic> diagnostics;
  check_unique_names(scenario.services, "service", "/services/", diagnostics);
  check_unique_names(scenario.arrivals, "arrival", "/arrivals/", diagnostics);
  check_unique_names(scenario.patient_types, "patient type", "/patient_types/", diagnostics);
  check_unique_names(scenario.pathways, "pathway", "/pathways/", diagnostics);
  check_unique_names(scenario.resources, "resource", "/resources/", diagnostics);
  check_reserved_names(scenario, diagnostics);
  NameChecker(scenario, diagnostics).check_all();
  // The shape needs every name to mean exactly one service: otherwise a typo in a route would be
  // reported twice, once as an unknown service and again as a dead end.
  const bool names_resolved = diagnostics.empty();
  check_probabilities(scenario, diagnostics);
  check_initial_patients(scenario, diagnostics);
  check_engine_limits(scenario, diagnostics);
  check_escalation(scenario, diagnostics);
  if (names_resolved) check_resource_use(scenario, diagnostics);
  if (names_resolved) check_caseload_visits(scenario, diagnostics);
  if (names_resolved) check_shape(scenario, index_services(scenario), diagnostics);
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
