// SPDX-License-Identifier: MIT
// The report's account of how the number of replications was chosen, when it was chosen by
// precision (summary.json's run.precision): the rule, where it stopped and why, and a chart of
// the KPIs' half-widths against replications with the target. Empty when replications were fixed.
#pragma once

#include "report/json_values.hpp"

#include <string>

namespace carepath::report {

/// HTML for the results section, or "" when summary.json has no run.precision.
[[nodiscard]] std::string render_precision_section(const Json& summary);

}  // namespace carepath::report
