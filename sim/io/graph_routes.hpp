// SPDX-License-Identifier: MIT
// The routes of a scenario's service graph, as one list: what `carepath graph` (graph_dot.cpp)
// writes as DOT edges and what report.html draws (report/report_inputs.cpp), so that the two can
// never disagree on which routes exist. Nodes are numbered sources, services in file order, then
// the exit.
#pragma once

#include <carepath/model/scenario.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace carepath::io {

struct GraphRoute {
  enum class Kind {
    Always,   ///< A source's arrivals, or a service with no routes to the exit.
    Share,    ///< One of a service's routes, taken by `probability` of its patients.
    PerType,  ///< One patient type's own route (`patient_type`), in place of the service's.
    Divert,   ///< Where patients go when the service is full (when_full "divert").
    Renege,   ///< Where patients who give up waiting go.
  };
  std::size_t from = 0;
  std::size_t to = 0;
  Kind kind = Kind::Always;
  double probability = 1;
  std::string patient_type;  ///< For Kind::PerType.
};

/// Every route of the scenario, in file order. Targets that name no service are left out: they
/// are the loader's to report.
[[nodiscard]] std::vector<GraphRoute> graph_routes(const model::Scenario& scenario);

}  // namespace carepath::io
