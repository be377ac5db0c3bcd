// SPDX-License-Identifier: MIT
// Escalation steps that can never do anything, warned about: a step that raises no patient
// type's priority at its service (every type it applies to is already at that priority or
// higher), and a step due only after the run's horizon. graph_checks.cpp calls it.
#pragma once

#include <carepath/error.hpp>
#include <carepath/model/scenario.hpp>

#include <vector>

namespace carepath::model {

void check_escalation(const Scenario& scenario, std::vector<Diagnostic>& out);

}  // namespace carepath::model
