// SPDX-License-Identifier: MIT
// The report's costs, from summary.json's "costs" and comparison.json's "cost_effects": a table
// of each costed service and pool and the total, by cost driver, each value with its 95% CI; and
// per variant what its change in cost buys (cost per blocked bed-day saved, per breach avoided,
// per missed visit avoided), with a warning in words when the saving's interval covers 0.
#pragma once

#include "report/json_values.hpp"

#include <string>

namespace carepath::report {

/// A <section id="costs">, or "" when the run has no costs; `comparison` may be null.
[[nodiscard]] std::string render_costs_section(const Json& summary, const Json& comparison);

}  // namespace carepath::report
