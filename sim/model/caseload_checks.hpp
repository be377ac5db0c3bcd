// SPDX-License-Identifier: MIT
// Checks of community caseloads limited by visits (README "Community caseloads limited by
// visits"): a need in visits_per_day must name a visit pool (one with visits_per_staff_day), a
// visit pool is needed only in visits, a service needs visits of one pool at most; a patient
// needing more visits than the pool ever makes is warned about. graph_checks.cpp calls it once the
// names resolve.
#pragma once

#include <carepath/error.hpp>
#include <carepath/model/scenario.hpp>

#include <vector>

namespace carepath::model {

void check_caseload_visits(const Scenario& scenario, std::vector<Diagnostic>& out);

}  // namespace carepath::model
