// SPDX-License-Identifier: MIT
// The "over time" section: fan charts of each pathway's share within its target per period, and
// of each service's queue at the end of each period, its mean wait and its bed-days blocked, from
// trajectories.json (base bands, variants' medians on the same axes); a chart whose every value is
// zero is named in one line instead of drawn. Weekly by
// default, daily when the run is under eight weeks, monthly when only months were recorded; when
// days and weeks are both there a button switches. Long series are thinned to the chart's width
// (fan_chart.hpp) and the charts stop at a size budget, so report.html stays under kMaxReportBytes.
#pragma once

#include "report/json_values.hpp"

#include "report/report_inputs.hpp"

#include <string>
#include <vector>

namespace carepath::report {

/// What report.html is kept under: the charts get 4 MB of it (charts beyond are left out, with a
/// sentence saying so), the tables and graph grow only with services, pathways and variants.
inline constexpr std::size_t kMaxReportBytes = 5'000'000;

/// The section's HTML body (after its heading); a sentence saying why there are no charts when
/// `trajectories` is null or holds no values. A printout keeps only the charts of the pathways,
/// services and pools the scenario's `headlines` name (every chart when it has none).
[[nodiscard]] std::string render_trajectory_section(const Json& trajectories,
                                                    const std::vector<io::ReportVariant>& variants,
                                                    double warm_up_days, const Json& scenario = Json());

/// The pathways, services and pools the scenario's headlines name ("ae_4h.within_target",
/// "service.acute_beds.blocked_bed_days"), in order; empty when it has no headlines.
[[nodiscard]] std::vector<std::string> headline_names(const Json& scenario);

}  // namespace carepath::report
