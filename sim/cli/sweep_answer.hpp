// SPDX-License-Identifier: MIT
// The answer of `carepath sweep`: which points meet the goals, the cheapest of them, its
// runner-up and what separates the two. Every point ran the same replications with the same seed
// (common random numbers), so replication r of two points saw the same arrivals and service
// times wherever the points agree, and their difference is taken replication by replication,
// with a Student-t interval valid whatever that correlation (as run/compare.cpp does).
//
// Two rules say when a point meets the goals, and the answer names the one used:
// - share (--share S, the default with S = 0.9): at least S of its replications meet every goal;
// - confidence (--confidence C): for every goal, the one-sided Student-t confidence bound of the
//   goal metric's mean lies on the goal's side of it (the upper bound for <=, the lower for >=),
//   each bound at level 1 - (1 - C) / k over k goals (Bonferroni), so that, on the model's own
//   terms, every goal's mean is met at once with confidence at least C.
// Points are ranked by cost (the mean per replication), ties and a sweep without costs in grid
// order, so a one-key sweep without costs answers with its smallest value. When no point meets
// the goals, the answer is the one closest to meeting them: under the share rule the largest
// share, then the smallest shortfall of the means; under the confidence rule the smallest
// shortfall of the bounds; each shortfall the sum over goals of the gap relative to the goal.
#pragma once

#include "cli/sweep.hpp"

#include <carepath/stats/results.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace carepath::cli {

struct SweepRule {
  bool confidence = false;  ///< The confidence rule; otherwise the share rule.
  double level = 0.9;       ///< S or C.

  /// "in >= 90% of replications", "with 95% confidence (one-sided bound of each goal's mean
  /// beyond the goal, Bonferroni over 2 goals)".
  [[nodiscard]] std::string text(std::size_t goals) const;
};

/// What one point measured for the answer.
struct PointEvidence {
  std::vector<std::vector<double>> goals;  ///< Per goal, its metric in each replication (NaN: nothing measured).
  std::vector<double> cost;                ///< Per replication; empty without costs.
};

struct PointVerdict {
  double share = 0;         ///< Of replications meeting every goal.
  bool meets = false;       ///< Under the rule.
  double shortfall = 0;     ///< 0 when the rule's figures (means or bounds) meet every goal.
  stats::Estimate cost;     ///< n = 0 without costs.
};

[[nodiscard]] PointVerdict judge_point(const std::vector<Goal>& goals, const SweepRule& rule,
                                       const PointEvidence& evidence);

struct SweepChoice {
  std::optional<std::size_t> chosen;     ///< The cheapest point meeting the goals.
  std::optional<std::size_t> runner_up;  ///< The next cheapest meeting them.
  std::size_t closest = 0;               ///< Without a chosen point: the closest to meeting them.
  /// Runner-up - chosen, paired by replication: each goal's metric, then the cost (n = 0 without).
  std::vector<stats::Estimate> goal_differences;
  stats::Estimate cost_difference;
};

[[nodiscard]] SweepChoice choose_point(const SweepRule& rule, const std::vector<PointVerdict>& verdicts,
                                       const std::vector<PointEvidence>& evidence);

}  // namespace carepath::cli
