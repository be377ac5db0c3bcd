// SPDX-License-Identifier: MIT
// optimise.html, the page `carepath optimise` writes: the answer, how it was searched for, then
// per goal a chart of cost against the goal's metric over the plans evaluated, so a planner sees
// what each step towards the target costs. Self-contained in the style of report.html.
//
//   carepath::report::OptimisePage page{"two_queues", "Cheapest plan ...: a=6 (cost 600.00)", "9 plans ...", {}};
//   page.goals.push_back({"a.wait_mean<=0.3", "a", "wait_mean", 0.3, {{600, estimate, true, true}}});
//   file << carepath::report::optimise_page_html(page);
#pragma once

#include <carepath/stats/results.hpp>

#include <string>
#include <vector>

namespace carepath::report {

/// One plan evaluated, as a point of a goal's chart.
struct OptimisePlanPoint {
  double cost = 0;         ///< The plan's cost: its price, or its mean total cost.
  stats::Estimate goal;    ///< The goal's metric over the plan's replications (mean, 95% CI).
  bool feasible = false;   ///< Drawn filled; otherwise open (screened out or stopped).
  bool chosen = false;     ///< The plan chosen, ringed and labelled.
};

/// One goal's chart.
struct OptimiseGoalChart {
  std::string text;        ///< The goal as written: "a.wait_mean<=0.3".
  std::string name;        ///< The service, pathway or pool it reads.
  std::string metric;      ///< The metric it reads: "wait_mean".
  double value = 0;        ///< The goal's value, drawn as a dashed line.
  std::vector<OptimisePlanPoint> plans;
};

struct OptimisePage {
  std::string scenario;    ///< The scenario's name.
  std::string answer;      ///< The answer's sentence, under the title.
  std::string method;      ///< How it was found (plans, replications, the final choice), in a note.
  std::vector<OptimiseGoalChart> goals;
};

/// The whole page, from <!DOCTYPE html> on.
[[nodiscard]] std::string optimise_page_html(const OptimisePage& page);

}  // namespace carepath::report
