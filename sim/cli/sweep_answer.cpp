// SPDX-License-Identifier: MIT
#include "cli/sweep_answer.hpp"

#include <carepath/io/number_format.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace carepath::cli {
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

std::string SweepRule::text(std::size_t goals) const {
  const std::string percent = io::format_shortest(level * 100) + "%";
  if (!confidence) return "in >= " + io::format_fixed(level * 100, 0) + "% of replications";
  std::string text = "with " + percent + " confidence (one-sided bound of each goal's mean beyond the goal";
  if (goals > 1) text += ", Bonferroni over " + std::to_string(goals) + " goals";
  return text + ")";
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

SweepChoice choose_point(const SweepRule& rule, const std::vector<PointVerdict>& verdicts,
                         const std::vector<PointEvidence>& evidence) {
  SweepChoice choice;
  std::vector<std::size_t> order(verdicts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Cheapest first; a sweep without costs keeps the grid's order (stable sort, equal costs).
  const auto cost_of = [&](std::size_t p) { return verdicts[p].cost.n > 0 ? verdicts[p].cost.mean : 0.0; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost_of(a) < cost_of(b); });
  for (const std::size_t p : order) {
    if (!verdicts[p].meets) continue;
    if (!choice.chosen) {
      choice.chosen = p;
    } else {
      choice.runner_up = p;
      break;
    }
  }
  if (!choice.chosen) {
    const auto closer = [&](std::size_t a, std::size_t b) {
      if (!rule.confidence && verdicts[a].share != verdicts[b].share) return verdicts[a].share > verdicts[b].share;
      return verdicts[a].shortfall < verdicts[b].shortfall;
    };
    // The cheapest among equally close points: `order` is by cost.
    choice.closest = *std::min_element(order.begin(), order.end(), closer);
    return choice;
  }
  if (!choice.runner_up) return choice;
  const PointEvidence& chosen = evidence[*choice.chosen];
  const PointEvidence& runner_up = evidence[*choice.runner_up];
  for (std::size_t g = 0; g < chosen.goals.size(); ++g) {
    choice.goal_differences.push_back(stats::estimate(paired(runner_up.goals[g], chosen.goals[g])));
  }
  if (!chosen.cost.empty()) choice.cost_difference = stats::estimate(paired(runner_up.cost, chosen.cost));
  return choice;
}

}  // namespace carepath::cli
