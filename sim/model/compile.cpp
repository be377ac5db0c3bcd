// SPDX-License-Identifier: MIT
#include "model/compile.hpp"

#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace carepath::model {

engine::CompiledModel compile(const Scenario& scenario) {
  std::unordered_map<std::string_view, std::uint32_t> index_of;
  for (std::uint32_t i = 0; i < scenario.services.size(); ++i) index_of.emplace(scenario.services[i].name, i);
  const auto resolve = [&](const std::string& name) {
    if (name == kExit) return engine::kExitTarget;
    const auto found = index_of.find(name);
    if (found == index_of.end()) throw std::logic_error("compile: unchecked scenario names unknown service '" + name + "'");
    return found->second;
  };

  engine::CompiledModel model;
  model.horizon = scenario.run.horizon;
  model.warm_up = scenario.run.warm_up;
  for (const auto& service : scenario.services) {
    engine::CompiledService& compiled = model.services.emplace_back(engine::CompiledService{
        .capacity = service.capacity.value_or(engine::kUnlimited),
        .queue_limit = service.queue_limit.value_or(engine::kUnlimited),
        .service_time = engine::Sampler(service.service_time),
        .routing = {},
        .route_targets = {},
    });
    std::vector<double> weights;
    for (const auto& route : service.routes) {
      compiled.route_targets.push_back(resolve(route.to));
      weights.push_back(route.probability);
    }
    if (weights.empty()) {
      compiled.route_targets.push_back(engine::kExitTarget);
      weights.push_back(1.0);
    }
    compiled.routing = engine::AliasTable(weights);
  }
  for (const auto& source : scenario.arrivals) {
    model.sources.push_back({.rate = source.rate_per_day, .target = resolve(source.to)});
  }
  return model;
}

}  // namespace carepath::model
