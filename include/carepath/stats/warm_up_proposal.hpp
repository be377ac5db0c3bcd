// SPDX-License-Identifier: MIT
// A warm-up proposed from a run's own daily results: for each headline KPI (precision.hpp), its
// per-day mean across replications (the trajectories, which cover the whole run, warm-up
// included) goes through MSER-5 (mser.hpp); the proposal is the longest truncation over the KPIs.
// `carepath warmup` draws the series; `carepath run` compares the proposal with run.warm_up for a
// scenario that declares run.steady_state.
#pragma once

#include <carepath/stats/precision.hpp>
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <string>
#include <vector>

namespace carepath::stats {

struct KpiWarmUp {
  std::string name;
  std::string unit;
  std::vector<double> daily_mean;  ///< Day 0 .. days - 1; NaN on days with nothing measured.
  std::size_t truncation = 0;      ///< MSER-5's, in days.
  bool measured = false;           ///< Some day has a value; unmeasured KPIs propose nothing.
  bool in_first_half = true;       ///< False: the minimum fell at the end of the search (run too short).
};

struct WarmUpProposal {
  std::vector<KpiWarmUp> kpis;  ///< In headline order.
  std::size_t days = 0;         ///< The longest truncation over the measured KPIs.
};

/// MSER-5 over each of `headlines` (default_headlines() until scenarios name their own). Empty
/// (no KPI, 0 days) when `trajectories` is empty.
[[nodiscard]] WarmUpProposal propose_warm_up(const TrajectorySummary& trajectories, const SummaryLabels& labels,
                                             const std::vector<HeadlineKpi>& headlines);

}  // namespace carepath::stats
