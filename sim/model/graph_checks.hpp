// SPDX-License-Identifier: MIT
// Whole-scenario checks that need more than one field: names that must exist or be unique,
// routing probabilities, and the service graph (built with Boost.Graph) — every service must
// lead out of the system, and every service should be reachable from an arrival source.
// Diagnostics use JSON pointers that match the scenario file (/services/2/next/1/to).
#pragma once

#include <carepath/error.hpp>
#include <carepath/model/scenario.hpp>

#include <vector>

namespace carepath::model {

/// Every problem with names, probabilities and graph shape; warnings for unreachable services.
[[nodiscard]] std::vector<Diagnostic> check_scenario(const Scenario& scenario);

/// Throws ScenarioError(source, errors) if check_scenario finds any error.
void require_valid(const Scenario& scenario, const std::string& source);

}  // namespace carepath::model
