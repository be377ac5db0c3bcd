// SPDX-License-Identifier: MIT
// A what-if variant of a scenario: the scenario file's "variants" entry applied to the base, as a
// complete Scenario of its own (io/scenario_json.hpp builds it; run/compare.hpp runs it against
// the base with common random numbers).
//
//   auto set = carepath::io::load_scenario_set("scenarios/examples/what_if.json");
//   for (const auto& v : set.variants) std::cout << v.name << ": " << v.scenario.services.size() << '\n';
#pragma once

#include <carepath/model/scenario.hpp>

#include <string>
#include <vector>

namespace carepath::model {

struct ScenarioVariant {
  std::string name;                ///< Unique among the variants; never the base scenario's name.
  std::string description;         ///< The variant's own ("" when it has none).
  std::vector<std::string> notes;  ///< The variant's own notes (the scenario's keep the base's too).
  /// What it changes, one line each in the planner's words ("service 'ward': capacity 20").
  std::vector<std::string> changes;
  Scenario scenario;               ///< The base with the variant applied, checked like any scenario.
};

}  // namespace carepath::model
