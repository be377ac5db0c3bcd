// SPDX-License-Identifier: MIT
#include "io/graph_routes.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

namespace carepath::io {

std::vector<GraphRoute> graph_routes(const model::Scenario& scenario) {
  const std::size_t first_service = scenario.arrivals.size();
  const std::size_t exit = first_service + scenario.services.size();
  std::map<std::string, std::size_t, std::less<>> services;
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    services.emplace(scenario.services[i].name, first_service + i);
  }
  const auto node_of = [&](std::string_view name) -> std::optional<std::size_t> {
    if (name == model::kExit) return exit;
    const auto it = services.find(name);
    if (it == services.end()) return std::nullopt;
    return it->second;
  };

  std::vector<GraphRoute> routes;
  for (std::size_t i = 0; i < scenario.arrivals.size(); ++i) {
    if (const auto to = node_of(scenario.arrivals[i].to)) routes.push_back({i, *to, GraphRoute::Kind::Always, 1, {}});
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const model::Service& service = scenario.services[i];
    const std::size_t from = first_service + i;
    if (service.routes.empty()) routes.push_back({from, exit, GraphRoute::Kind::Always, 1, {}});
    for (const model::Route& route : service.routes) {
      if (const auto to = node_of(route.to)) {
        routes.push_back({from, *to, GraphRoute::Kind::Share, route.probability, {}});
      }
    }
    for (const model::TypeOverride& override_for_type : service.by_type) {
      if (!override_for_type.routes) continue;
      for (const model::Route& route : *override_for_type.routes) {
        if (const auto to = node_of(route.to)) {
          routes.push_back({from, *to, GraphRoute::Kind::PerType, route.probability, override_for_type.patient_type});
        }
      }
    }
    if (service.when_full == model::WhenFull::Divert) {
      if (const auto to = node_of(service.divert_to)) routes.push_back({from, *to, GraphRoute::Kind::Divert, 1, {}});
    }
    const bool anyone_gives_up =
        service.patience || std::any_of(service.by_type.begin(), service.by_type.end(),
                                        [](const model::TypeOverride& o) { return o.patience.has_value(); });
    if (anyone_gives_up) {
      if (const auto to = node_of(service.renege_to)) routes.push_back({from, *to, GraphRoute::Kind::Renege, 1, {}});
    }
  }
  return routes;
}

}  // namespace carepath::io
