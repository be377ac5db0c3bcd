// SPDX-License-Identifier: MIT
// A sweep: one what-if variant per point, every point run with the same seed and replications
// (common random numbers), then the answer: which points meet the goals, the cheapest of them,
// its runner-up and what separates the two. Replication r of two points saw the same arrivals
// and service times wherever the points agree, so their difference is taken replication by
// replication, with a Student-t interval valid whatever that correlation (as compare.hpp does).
// The points and goals come from text through io/sweep_options.hpp; `carepath sweep` and
// `carepath optimise` are its clients.
//
//   auto grid = carepath::io::full_grid({carepath::io::parse_sweep_range("services.ward.capacity=20:24:1", base)});
//   auto set = carepath::io::load_scenario_set("ward.json", carepath::io::grid_variants_text(grid));
//   std::vector<carepath::run::SweepPoint> points;
//   for (std::size_t p = 0; p < grid.at.size(); ++p)
//     points.push_back(carepath::run::sweep_point(grid, p, goals, {}, rule,
//                                                 carepath::run::run_batch(set.variants[p].scenario, batch)));
//   auto choice = carepath::run::choose_point(rule, points);
//
// Two rules say when a point meets the goals, and the answer names the one used:
// - share (the default, S = 0.9): at least S of its replications meet every goal;
// - confidence (C): for every goal, the one-sided Student-t confidence bound of the goal
//   metric's mean lies on the goal's side of it (the upper bound for <=, the lower for >=),
//   each bound at level 1 - (1 - C) / k over k goals (Bonferroni), so that, on the model's own
//   terms, every goal's mean is met at once with confidence at least C.
// Points are ranked by cost (the mean per replication), ties and a sweep without costs in grid
// order, so a one-key sweep without costs answers with its smallest value. When no point meets
// the goals, the answer is the one closest to meeting them: under the share rule the largest
// share, then the smallest shortfall of the means; under the confidence rule the smallest
// shortfall of the bounds; each shortfall the sum over goals of the gap relative to the goal.
#pragma once

#include <carepath/run/batch.hpp>
#include <carepath/stats/kpi_kind.hpp>
#include <carepath/stats/results.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace carepath::run {

/// One key of a sweep and the values it takes: services.<name>.<key>, arrivals.<name>.<key>,
/// resources.<name>.<key> or services.<name>.capacity_from.<date>.
struct SweepRange {
  std::string path;        ///< As written: services.clinic.capacity.
  std::string part;        ///< "services", "arrivals" or "resources".
  std::string name;        ///< The service, source or pool.
  std::string key;         ///< capacity, capacity_delta, service_time_scale, scale, …
  /// For services.<name>.capacity_from.<date>: the date; each value is then the capacity from that
  /// date, as the variant {"capacity_change": {"from": date, "capacity": value}}, keeping the
  /// service's other dated changes and roster.
  std::string from_date;
  bool integers = false;   ///< Every value was written as an integer.
  std::vector<double> values;
  std::vector<std::string> texts;  ///< Each value as written to files: "14", "1.2".
};

/// The points a sweep runs: one column per key, point p giving key k the value keys[k].values[at[p][k]].
struct SweepGrid {
  std::vector<SweepRange> keys;
  std::vector<std::vector<std::size_t>> at;
  std::string source;  ///< Where the points came from, for messages: "--set PATH" or "--points FILE".
};

enum class GoalOperator { AtLeast, AtMost, Above, Below };

/// What a replication must achieve: 'KIND.NAME.METRIC>=VALUE'.
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

/// The price of one unit of a key of the grid.
struct KeyPrice {
  std::size_t key = 0;  ///< Into SweepGrid::keys.
  double price = 0;
};

struct SweepRule {
  bool confidence = false;  ///< The confidence rule; otherwise the share rule.
  double level = 0.9;       ///< S or C.
};

/// What one point measured for the answer.
struct PointEvidence {
  std::vector<std::vector<double>> goals;  ///< Per goal, its metric in each replication (NaN: nothing measured).
  std::vector<double> cost;                ///< Per replication; empty without costs.
};

struct PointVerdict {
  double share = 0;         ///< Of replications meeting every goal; NaN without goals.
  bool meets = false;       ///< Under the rule.
  double shortfall = 0;     ///< 0 when the rule's figures (means or bounds) meet every goal.
  stats::Estimate cost;     ///< n = 0 without costs.
};

/// One metric of one item of a point's summary, under the name its KPI has (kpi_kinds.hpp):
/// service.NAME.wait_mean, cost.total, service.NAME.cost_total.
struct SweepMetric {
  std::string kind;
  std::string name;
  const char* metric;
  const char* unit;
  stats::Estimate estimate;
};

/// One point, run and judged.
struct SweepPoint {
  std::vector<std::string> texts;    ///< Per key, its value as written to files.
  std::vector<double> values;        ///< Per key.
  std::vector<SweepMetric> metrics;  ///< Every metric of every item the run's summary has, kind by kind.
  PointEvidence evidence;
  PointVerdict verdict;
};

/// Each goal's metric in each replication of `batch` (NaN where there is nothing to measure), and
/// the point's cost in each: the `prices` of its `values`, or else the scenario's total cost
/// (none when the scenario has no costs).
[[nodiscard]] PointEvidence point_evidence(const std::vector<Goal>& goals, const std::vector<KeyPrice>& prices,
                                           const std::vector<double>& values, const BatchResult& batch);

[[nodiscard]] PointVerdict judge_point(const std::vector<Goal>& goals, const SweepRule& rule,
                                       const PointEvidence& evidence);

/// Point p of `grid`, from its batch: its values, metrics, evidence and verdict.
[[nodiscard]] SweepPoint sweep_point(const SweepGrid& grid, std::size_t p, const std::vector<Goal>& goals,
                                     const std::vector<KeyPrice>& prices, const SweepRule& rule,
                                     const BatchResult& batch);

struct SweepChoice {
  std::optional<std::size_t> chosen;     ///< The cheapest point meeting the goals.
  std::optional<std::size_t> runner_up;  ///< The next cheapest meeting them.
  std::size_t closest = 0;               ///< Without a chosen point: the closest to meeting them.
  /// Runner-up - chosen, paired by replication: each goal's metric, then the cost (n = 0 without).
  std::vector<stats::Estimate> goal_differences;
  stats::Estimate cost_difference;
};

[[nodiscard]] SweepChoice choose_point(const SweepRule& rule, const std::vector<SweepPoint>& points);

}  // namespace carepath::run
