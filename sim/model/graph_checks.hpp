// SPDX-License-Identifier: MIT
// Whole-scenario checks that need more than one field: names that must exist or be unique, the
// patients present at the start against capacity, routing probabilities, and the service graph
// (built with Boost.Graph): every service must lead out of the system, divert chains must not loop,
// each pathway's end must be reachable from its start; services no arrival reaches and cycles of
// blocking services that can deadlock are warned about. Diagnostics use JSON pointers that match
// the scenario file (/services/2/next/1/to).
#pragma once

#include <carepath/error.hpp>
#include <carepath/model/scenario.hpp>

#include <string>
#include <vector>

namespace carepath::model {

/// The one patient type of a scenario that lists none.
inline constexpr const char* kDefaultPatientType = "patient";

/// The service name results use for whole-system rows, so no service may take it.
inline constexpr const char* kSystemRow = "system";

/// The scenario's patient type names in order (each once), or kDefaultPatientType alone when it
/// lists none.
[[nodiscard]] std::vector<std::string> patient_type_names(const Scenario& scenario);

/// Every problem with names, probabilities, initial patients and graph shape; warnings for
/// unreachable services and blocking cycles.
[[nodiscard]] std::vector<Diagnostic> check_scenario(const Scenario& scenario);

/// Throws ScenarioError(source, errors) if check_scenario finds any error.
void require_valid(const Scenario& scenario, const std::string& source);

}  // namespace carepath::model
