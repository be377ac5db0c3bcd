// SPDX-License-Identifier: MIT
// The kinds of KPI a run measures, one per table of stats/results.hpp: a service's metric, the
// system's, a pathway's, a costed service's money, the total money, a shared pool's, a clinic's,
// a costed pool's money.
// A KPI is a kind, the name of one of its items (a service, a pathway, a pool; the system and the
// total have one item each) and a metric of the kind's table. Everything that dispatches on the
// kind (reading a KPI's words, headlines, comparisons, sweeps, the precision rule) does it through
// one table in sim/stats/kpi_kinds.cpp, in this order, which is also the order in which
// comparisons and sweeps list their rows; a new kind is one value here and one entry there.
#pragma once

#include <cstdint>

namespace carepath::stats {

enum class KpiKind : std::uint8_t {
  Service,      ///< "service.NAME.METRIC", kServiceMetrics.
  System,       ///< "system.METRIC", kSystemMetrics.
  Pathway,      ///< "pathway.NAME.METRIC", kPathwayMetrics.
  ServiceCost,  ///< "service.NAME.cost_METRIC", kServiceCostMetrics: a costed service's money.
  Cost,         ///< "cost.METRIC", kCostMetrics: the total over services.
  Resource,     ///< "resource.NAME.METRIC", kResourceMetrics: a shared pool.
  Clinic,       ///< "clinic.NAME.METRIC", kClinicMetrics: a service with sessions.
  ResourceCost, ///< "resource.NAME.cost_METRIC", kResourceCostMetrics: a costed shared pool's money.
};

}  // namespace carepath::stats
