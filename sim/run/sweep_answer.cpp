// SPDX-License-Identifier: MIT
// The answer of a sweep (include/carepath/run/sweep.hpp): each point's evidence and verdict, then
// the cheapest point meeting the goals.
#include <carepath/run/sweep.hpp>

#include <carepath/stats/kpi_kinds.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace carepath::run {
namespace {

bool wants_at_most(const Goal& goal) { return goal.op == GoalOperator::AtMost || goal.op == GoalOperator::Below; }

// The one-sided bound of the mean that must meet the goal: the upper for <= and <, the lower for
// >= and >; NaN with fewer than two measured replications, which cannot show anything.
double bound(const Goal& goal, const stats::Estimate& e, double alpha) {
  if (e.n < 2) return std::numeric_limits<double>::quiet_NaN();
  const boost::math::students_t t(static_cast<double>(e.n - 1));
  const double half = boost::math::quantile(boost::math::complement(t, alpha)) * e.sd / std::sqrt(static_cast<double>(e.n));
  return wants_at_most(goal) ? e.mean + half : e.mean - half;
}

// How far `x` falls short of the goal, relative to the goal's size; a missing figure counts as
// a gap of the goal's own size.
double gap(const Goal& goal, double x) {
  if (!std::isfinite(x)) return 1;
  if (goal.met_by(x)) return 0;
  return std::abs(x - goal.value) / std::max(std::abs(goal.value), 1e-9);
}

std::vector<double> paired(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(std::min(a.size(), b.size()));
  for (std::size_t r = 0; r < d.size(); ++r) {
    d[r] = std::isfinite(a[r]) && std::isfinite(b[r]) ? a[r] - b[r] : std::numeric_limits<double>::quiet_NaN();
  }
  return d;
}

}  // namespace

bool Goal::met_by(double x) const {
  switch (op) {
    case GoalOperator::AtLeast: return x >= value;
    case GoalOperator::AtMost: return x <= value;
    case GoalOperator::Above: return x > value;
    case GoalOperator::Below: return x < value;
  }
  return false;
}

PointEvidence point_evidence(const std::vector<Goal>& goals, const std::vector<KeyPrice>& prices,
                             const std::vector<double>& values, const BatchResult& batch) {
  PointEvidence evidence;
  for (const Goal& goal : goals) {
    const stats::KpiKindInfo& kind = stats::kpi_kind(goal.table);
    const std::vector<stats::KpiItem> items = kind.items(batch.labels);
    const stats::KpiItem* item = stats::find_item(items, goal.name);
    std::vector<double>& per_replication = evidence.goals.emplace_back();
    for (const stats::ReplicationResult& r : batch.replications) {
      per_replication.push_back(item != nullptr ? kind.value(r, item->index, goal.metric_index) : std::nan(""));
    }
  }
  if (!prices.empty()) {
    double price = 0;
    for (const KeyPrice& p : prices) price += p.price * values[p.key];
    evidence.cost.assign(batch.replications.size(), price);
  } else if (!batch.labels.currency.empty()) {
    for (const stats::ReplicationResult& r : batch.replications) evidence.cost.push_back(r.cost.total);
  }
  return evidence;
}

PointVerdict judge_point(const std::vector<Goal>& goals, const SweepRule& rule, const PointEvidence& evidence) {
  PointVerdict verdict;
  if (!evidence.cost.empty()) verdict.cost = stats::estimate(evidence.cost);
  const std::size_t n = goals.empty() ? 0 : evidence.goals.front().size();
  std::size_t met = 0;
  for (std::size_t r = 0; r < n; ++r) {
    // NaN meets no goal: a replication with nothing to measure cannot show the goal is met.
    bool all = true;
    for (std::size_t g = 0; g < goals.size() && all; ++g) all = goals[g].met_by(evidence.goals[g][r]);
    if (all) ++met;
  }
  verdict.share = n == 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(met) / static_cast<double>(n);
  const double alpha = (1 - rule.level) / static_cast<double>(std::max<std::size_t>(goals.size(), 1));
  for (std::size_t g = 0; g < goals.size(); ++g) {
    const stats::Estimate e = stats::estimate(evidence.goals[g]);
    verdict.shortfall += gap(goals[g], rule.confidence ? bound(goals[g], e, alpha) : e.mean);
  }
  verdict.meets = !goals.empty() && (rule.confidence ? verdict.shortfall == 0 : verdict.share >= rule.level);
  return verdict;
}

namespace {

// Every metric of every item the run's summary has, kind by kind (stats/kpi_kinds.hpp); costs
// under the names their KPIs have: cost.METRIC for the total, service.NAME.cost_METRIC.
std::vector<SweepMetric> sweep_metrics(const BatchResult& batch) {
  std::vector<SweepMetric> rows;
  for (const stats::KpiKindInfo& kind : stats::kpi_kinds()) {
    for (const stats::KpiItem& item : kind.items(batch.labels)) {
      if (!item.summary) continue;
      for (std::size_t m = 0; m < kind.metric_count; ++m) {
        rows.push_back({std::string(kind.word), item.name, kind.metric_name(m), kind.metric_unit(m),
                        kind.estimate(batch.summary, *item.summary, m)});
      }
    }
  }
  return rows;
}

}  // namespace

SweepPoint sweep_point(const SweepGrid& grid, std::size_t p, const std::vector<Goal>& goals,
                       const std::vector<KeyPrice>& prices, const SweepRule& rule, const BatchResult& batch) {
  SweepPoint point;
  for (std::size_t k = 0; k < grid.keys.size(); ++k) {
    point.texts.push_back(grid.keys[k].texts[grid.at[p][k]]);
    point.values.push_back(grid.keys[k].values[grid.at[p][k]]);
  }
  point.metrics = sweep_metrics(batch);
  point.evidence = point_evidence(goals, prices, point.values, batch);
  point.verdict = judge_point(goals, rule, point.evidence);
  if (goals.empty()) point.verdict.share = std::numeric_limits<double>::quiet_NaN();
  return point;
}

SweepChoice choose_point(const SweepRule& rule, const std::vector<SweepPoint>& points) {
  SweepChoice choice;
  const auto verdict = [&](std::size_t p) -> const PointVerdict& { return points[p].verdict; };
  std::vector<std::size_t> order(points.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Cheapest first; a sweep without costs keeps the grid's order (stable sort, equal costs).
  const auto cost_of = [&](std::size_t p) { return verdict(p).cost.n > 0 ? verdict(p).cost.mean : 0.0; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost_of(a) < cost_of(b); });
  for (const std::size_t p : order) {
    if (!verdict(p).meets) continue;
    if (!choice.chosen) {
      choice.chosen = p;
    } else {
      choice.runner_up = p;
      break;
    }
  }
  if (!choice.chosen) {
    const auto closer = [&](std::size_t a, std::size_t b) {
      if (!rule.confidence && verdict(a).share != verdict(b).share) return verdict(a).share > verdict(b).share;
      return verdict(a).shortfall < verdict(b).shortfall;
    };
    // The cheapest among equally close points: `order` is by cost.
    choice.closest = *std::min_element(order.begin(), order.end(), closer);
    return choice;
  }
  if (!choice.runner_up) return choice;
  const PointEvidence& chosen = points[*choice.chosen].evidence;
  const PointEvidence& runner_up = points[*choice.runner_up].evidence;
  for (std::size_t g = 0; g < chosen.goals.size(); ++g) {
    choice.goal_differences.push_back(stats::estimate(paired(runner_up.goals[g], chosen.goals[g])));
  }
  if (!chosen.cost.empty()) choice.cost_difference = stats::estimate(paired(runner_up.cost, chosen.cost));
  return choice;
}

}  // namespace carepath::run
