// SPDX-License-Identifier: MIT
// `carepath sweep`: the pieces of its command line, parsed and checked against the scenario.
// --set PATH=FROM:TO:STEP names one key of one service or source (services.<name>.<key> or
// arrivals.<name>.<key>, or services.<name>.capacity_from.<date>) and the values to give it; each
// value becomes a what-if variant of the base, {"services": {name: {key: value}}}, loaded by the
// normal loader (so capacity_delta and capacity_scale keep rosters) and run with the same
// seed (common random numbers). --goal 'KIND.NAME.METRIC>=VALUE' states what a replication must
// achieve. sweep_command (commands.hpp) runs the points; this file only parses.
#pragma once

#include <carepath/model/scenario.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace carepath::cli {

struct SweepRange {
  std::string path;        ///< As written: services.clinic.capacity.
  std::string part;        ///< "services" or "arrivals".
  std::string name;        ///< The service or source.
  std::string key;         ///< capacity, capacity_delta, service_time_scale, scale, …
  /// For services.<name>.capacity_from.<date>: the date; each value is then the capacity from that
  /// date, as the variant {"capacity_change": {"from": date, "capacity": value}}, keeping the
  /// service's other dated changes and roster.
  std::string from_date;
  bool integers = false;   ///< FROM, TO and STEP were all written as integers.
  std::vector<double> values;
  std::vector<std::string> texts;  ///< Each value as written to files: "14", "1.2".
};

enum class GoalOperator { AtLeast, AtMost, Above, Below };

struct Goal {
  std::string text;        ///< As written.
  std::string kind;        ///< service, pathway, system or cost.
  std::string name;        ///< The service or pathway; "system" for the system, "total" for cost.
  std::string metric;
  std::size_t metric_index = 0;  ///< In the kind's metric table (kCostMetrics when `cost`).
  bool cost = false;       ///< A cost: kind "cost", or a service's or pool's cost metric.
  GoalOperator op = GoalOperator::AtLeast;
  double value = 0;

  [[nodiscard]] bool met_by(double x) const;
};

/// Parses --set; throws UsageError (naming --set) for a bad form or an unknown service or source.
[[nodiscard]] SweepRange parse_sweep_range(const std::string& text, const model::Scenario& base);

/// Parses --goal; the value may carry the metric's unit: a percentage for a share ("76%"), a
/// duration for a time ("4h", "18w"). KIND may be left out when NAME is one pathway's or one
/// service's. Throws UsageError for a bad form, an unknown kind, name or metric.
[[nodiscard]] Goal parse_goal(const std::string& text, const model::Scenario& base);

}  // namespace carepath::cli
