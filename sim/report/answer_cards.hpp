// SPDX-License-Identifier: MIT
// The answer to "what does this variant buy us?", first on the page: one card per variant, in
// the order of the scenario, with what the variant changes in words and each headline KPI from
// base to variant with the paired difference and its 95% CI, in the metric's own unit, or "no
// detectable change" where the interval covers 0. Built from comparison.json's "headlines" and
// "changes" (io/comparison_files.cpp); the full comparison stays in comparison_section.cpp.
#pragma once

#include "report/json_values.hpp"

#include <string>

namespace carepath::report {

/// The cards' HTML, or "" when the run compared no variants.
[[nodiscard]] std::string render_answer_cards(const Json& comparison);

}  // namespace carepath::report
