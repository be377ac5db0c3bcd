// SPDX-License-Identifier: MIT
// The "over time" section: fan charts of each service's queue at the end of each period and its
// mean wait, from trajectories.json (base bands, variants' medians on the same axes). Weekly by
// default, daily when the run is under eight weeks; when both are there a button switches.
#pragma once

#include "report/json_values.hpp"

#include <carepath/io/report_html.hpp>

#include <string>
#include <vector>

namespace carepath::report {

/// The section's HTML body (after its heading); a sentence saying why there are no charts when
/// `trajectories` is null or holds no values.
[[nodiscard]] std::string render_trajectory_section(const Json& trajectories,
                                                    const std::vector<io::ReportVariant>& variants,
                                                    double warm_up_days);

}  // namespace carepath::report
