// SPDX-License-Identifier: MIT
// The one table of KPI kinds (include/carepath/stats/kpi_kind.hpp): for each, the word a KPI is
// written with, its metric table (names and units), the names a scenario gives it, the items a
// run has, and where one item's metric lives in a replication and in the summary. resolve_kpi
// (stats/kpi_ref.cpp), headline values (run/headlines.cpp), paired differences (run/compare.cpp),
// sweeps (run/sweep_answer.cpp) and the precision rule (stats/precision.cpp) all go through it,
// so none of them names a kind or a metric table.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/stats/kpi_kind.hpp>
#include <carepath/stats/results.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::stats {

/// One item of a kind in a run: a service, a pathway, a pool, the system, the total.
struct KpiItem {
  std::string name;
  std::size_t index = 0;               ///< Into the replication's vector of the kind (0 for the system, the total).
  std::optional<std::size_t> summary;  ///< Into the summary's vector; none for a service without costs.
};

struct KpiKindInfo {
  KpiKind kind;
  std::string_view word;   ///< As a KPI is written: "service", "system", "cost".
  /// The name of the kind's one item when it has no names ("system", "total"); empty otherwise.
  std::string_view whole;
  bool cost = false;       ///< Money: there only when the scenario has costs; shown in its currency.
  std::size_t metric_count = 0;
  const char* (*metric_name)(std::size_t metric);
  const char* (*metric_unit)(std::size_t metric);
  /// The names a KPI of this kind may give in `scenario` (empty for a kind without names).
  std::vector<std::string> (*scenario_names)(const model::Scenario& scenario);
  /// What a run with these labels has, in scenario order.
  std::vector<KpiItem> (*items)(const SummaryLabels& labels);
  double (*value)(const ReplicationResult& replication, std::size_t index, std::size_t metric);
  const Estimate& (*estimate)(const Summary& summary, std::size_t summary_index, std::size_t metric);

  [[nodiscard]] bool named() const { return whole.empty(); }
  /// The metric called `name` in the kind's table.
  [[nodiscard]] std::optional<std::size_t> metric_index(std::string_view name) const;
};

inline constexpr std::size_t kKpiKindCount = 8;

/// Every kind, in KpiKind order.
[[nodiscard]] const std::array<KpiKindInfo, kKpiKindCount>& kpi_kinds();
[[nodiscard]] const KpiKindInfo& kpi_kind(KpiKind kind);

/// The item called `name` among `items`; nullptr when there is none.
[[nodiscard]] const KpiItem* find_item(const std::vector<KpiItem>& items, std::string_view name);

}  // namespace carepath::stats
