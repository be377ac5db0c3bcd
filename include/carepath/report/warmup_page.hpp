// SPDX-License-Identifier: MIT
// warmup.html, the page `carepath warmup` writes: MSER-5's proposed warm-up, then per measured
// headline KPI a line chart of its daily mean across replications from the start of the run,
// Welch's moving average of it and MSER-5's truncation marked. Self-contained in the style of
// report.html.
//
//   auto proposal = carepath::stats::propose_warm_up(result.trajectories, result.labels, kpis);
//   std::vector<std::vector<double>> smoothed;  // per KPI: stats::welch_moving_average(daily_mean, w)
//   file << carepath::report::warmup_page_html({scenario.name, proposal, smoothed, w, scenario.run.warm_up});
#pragma once

#include <carepath/stats/warm_up_proposal.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace carepath::report {

struct WarmupPage {
  std::string scenario;                       ///< The scenario's name.
  stats::WarmUpProposal proposal;
  std::vector<std::vector<double>> smoothed;  ///< Per KPI of the proposal, Welch's moving average.
  std::size_t window = 1;                     ///< Its half-window, in days.
  double stated_days = 0;                     ///< The warm-up the scenario states.
};

/// The whole page, from <!DOCTYPE html> on.
[[nodiscard]] std::string warmup_page_html(const WarmupPage& page);

}  // namespace carepath::report
