// SPDX-License-Identifier: MIT
// The report's table of shared staff pools (summary.json "resources"): how busy each pool is over
// its rostered time, the units on duty and taken, and the waits it caused — patients who found a
// bed free at their service but too few of the pool's units. Empty without pools.
#pragma once

#include "report/json_values.hpp"

#include <string>

namespace carepath::report {

[[nodiscard]] std::string render_resource_table(const Json& summary);

}  // namespace carepath::report
