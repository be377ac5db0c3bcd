// SPDX-License-Identifier: MIT
// `carepath sweep`: the pieces of its command line, parsed and checked against the scenario.
// --set PATH=FROM:TO:STEP names one key of one service or source (services.<name>.<key> or
// arrivals.<name>.<key>, or services.<name>.capacity_from.<date>) and the values to give it; each
// value becomes a what-if variant of the base, {"services": {name: {key: value}}}, loaded by the
// normal loader (so capacity_delta and capacity_scale keep rosters) and run with the same
// seed (common random numbers). --goal 'KIND.NAME.METRIC>=VALUE' states what a replication must
// achieve. sweep_command (commands.hpp) runs the points; this file only parses.
#pragma once

#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/stats/kpi_kind.hpp>

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
  std::string kind;        ///< service, pathway, resource, clinic, system or cost.
  std::string name;        ///< The service or pathway; "system" for the system, "total" for cost.
  std::string metric;
  stats::KpiKind table = stats::KpiKind::Service;  ///< Its entry in stats/kpi_kinds.hpp.
  std::size_t metric_index = 0;  ///< In that kind's metric table.
  bool cost = false;       ///< A cost: kind "cost", or a service's or pool's cost metric.
  GoalOperator op = GoalOperator::AtLeast;
  double value = 0;

  [[nodiscard]] bool met_by(double x) const;
};

/// Parses the PATH of --set (no values) or a column of --points; throws UsageError (naming
/// `option`) for a bad form or an unknown service, source or pool.
[[nodiscard]] SweepRange parse_sweep_key(const std::string& path, const model::Scenario& base,
                                         const std::string& option);

/// Parses --set; throws UsageError (naming --set) for a bad form or an unknown service or source.
[[nodiscard]] SweepRange parse_sweep_range(const std::string& text, const model::Scenario& base);

/// The points a sweep runs: one column per key, point p giving key k the value keys[k].values[at[p][k]].
/// With --set repeated, the full grid, the first key changing slowest; with --points, the file's rows.
struct SweepGrid {
  std::vector<SweepRange> keys;
  std::vector<std::vector<std::size_t>> at;
  std::string source;  ///< Where the points came from, for messages: "--set PATH" or "--points FILE".
};

/// The full grid of the ranges of --set (at most 1,000 points); throws UsageError for a key given
/// twice or two capacity_from keys of one service.
[[nodiscard]] SweepGrid full_grid(std::vector<SweepRange> ranges);

/// The points of --points FILE.csv: a header of keys (as --set writes them, without values) and a
/// row of numbers per point. Throws UsageError for a bad key, a bad number or a file that cannot be read.
[[nodiscard]] SweepGrid read_sweep_points(const std::string& file, const model::Scenario& base);

/// The grid's points as the "variants" of the scenario, one per point in order, each setting
/// every key (capacity_from as that dated capacity_change), for io::load_scenario_set.
[[nodiscard]] std::string grid_variants_text(const SweepGrid& grid);

/// What the points' variants add to the base's warnings, once each, located at the grid's source
/// (--set or --points) rather than at made-up variants.
[[nodiscard]] std::vector<Diagnostic> grid_point_warnings(const io::LoadedScenarioSet& set,
                                                          const io::LoadedScenario& base, const SweepGrid& grid);

/// --cost PATH=PRICE: the price of one unit of a key of the grid ("£120", "120").
struct KeyPrice {
  std::size_t key = 0;  ///< Into SweepGrid::keys.
  double price = 0;
};

/// Parses --cost against the grid's keys; throws UsageError for an unknown key or a bad price.
[[nodiscard]] KeyPrice parse_key_price(const std::string& text, const SweepGrid& grid);

/// Parses --goal; the value may carry the metric's unit: a percentage for a share ("76%"), a
/// duration for a time ("4h", "18w"). KIND may be left out when NAME is one pathway's or one
/// service's. Throws UsageError for a bad form, an unknown kind, name or metric.
[[nodiscard]] Goal parse_goal(const std::string& text, const model::Scenario& base);

}  // namespace carepath::cli
