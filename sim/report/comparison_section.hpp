// SPDX-License-Identifier: MIT
// The "variants compared" section: what each variant changes (its description and notes), and for
// each headline metric a forest plot of the paired differences (variant minus base, same random
// numbers) per service or pathway, each on its own axis with variants sorted by effect, the rows
// that show as zero named in one line, and (on screen) a table of the differences that moved with
// their 95% confidence intervals, all from comparison.json.
#pragma once

#include "report/json_values.hpp"

#include "report/report_inputs.hpp"

#include <string>
#include <vector>

namespace carepath::report {

/// The section's HTML body; a sentence saying why there is no comparison when `comparison` is
/// null.
[[nodiscard]] std::string render_comparison_section(const Json& comparison,
                                                    const std::vector<io::ReportVariant>& variants);

}  // namespace carepath::report
