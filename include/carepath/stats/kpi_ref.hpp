// SPDX-License-Identifier: MIT
// A KPI named in words, as planners write it in a goal (`--goal`) or a scenario's "headlines":
// "pathway.ae_4h.within_target", "service.acute_beds.blocked_bed_days", "resource.nurses.utilisation",
// "clinic.camhs_clinic.slots_wasted" (a service with sessions), "system.losses", or
// "ae_4h.within_target" when the name is one pathway's or one service's. Costs, in a scenario that
// has any: "cost.total" (or cost.open_beds, ...: kCostMetrics) and "service.acute_beds.cost" (or
// service.acute_beds.cost_blocked_beds, ...: kServiceCostMetrics) and "resource.nurses.cost" (or
// resource.nurses.cost_staff_hours, ...: kResourceCostMetrics). resolve_kpi checks the
// name against the scenario and the metric against the tables of stats/results.hpp, and says
// what is wrong in words (with "did you mean") when it cannot. default_headlines is the set a
// scenario without "headlines" reports first.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/stats/kpi_kind.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace carepath::stats {

struct KpiRef {
  std::string kind;    ///< "service", "pathway", "resource" (a shared pool), "clinic" (sessions), "system" or "cost".
  std::string name;    ///< The service, pathway or pool; "system" for the system, "total" for cost.
  std::string metric;  ///< A metric of the kind's table.
  std::string unit;    ///< The metric's unit: "share", "days", "patients", "bed-days", …
  KpiKind table = KpiKind::Service;  ///< The kind's entry in kpi_kinds() (stats/kpi_kinds.hpp).
  std::size_t metric_index = 0;  ///< In that kind's metric table.
  bool cost = false;   ///< A cost: kind "cost", or a service's or pool's cost metric.
};

/// `text` resolved against `scenario`, or the reason it cannot be (a sentence without the text's
/// location, which the caller adds).
[[nodiscard]] std::variant<KpiRef, std::string> resolve_kpi(std::string_view text, const model::Scenario& scenario);

/// "pathway.ae_4h.within_target" (the long form, whatever form it was written in).
[[nodiscard]] std::string kpi_text(const KpiRef& kpi);

/// The headlines of a scenario that names none: every pathway's share within target, then the
/// blocked bed-days of every service that can hold patients it cannot pass on (it routes to a
/// service whose queue is limited and which blocks when full); without either, every service's
/// mean wait; and the total cost when the scenario has costs.
[[nodiscard]] std::vector<model::Headline> default_headlines(const model::Scenario& scenario);

}  // namespace carepath::stats
