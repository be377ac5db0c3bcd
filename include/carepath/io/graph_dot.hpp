// SPDX-License-Identifier: MIT
// The service graph as Graphviz DOT: sources, services (with capacity and mean service time),
// routes labelled with their probability, and the exit.
#pragma once

#include <carepath/model/scenario.hpp>

#include <iosfwd>

namespace carepath::io {

void write_graph_dot(const model::Scenario& scenario, std::ostream& out);

}  // namespace carepath::io
