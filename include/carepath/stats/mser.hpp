// SPDX-License-Identifier: MIT
// Warm-up by MSER-5 (White 1997; White, Cobb and Spratt 2000; as in Robinson's "Simulation: The
// Practice of Model Development and Use"): average the series in batches of 5, then truncate the
// d first batches that minimise the marginal standard error
//   MSER(d) = sum_{i > d} (Y_i - mean_{i > d} Y)^2 / (m - d)^2
// over the m batches, searching d in the first half only (beyond it the statistic is unstable,
// and a truncation there means the run is too short). Welch's moving average, the graphical
// method beside it, smooths a series for the eye: the mean of the w points either side of each,
// and of the 2i - 1 first points for the first w. NaN points (a day with no patient) are left
// out of batches and windows.
#pragma once

#include <cstddef>
#include <vector>

namespace carepath::stats {

struct MserResult {
  std::size_t truncation = 0;  ///< Observations to discard: batches x 5.
  double statistic = 0;        ///< MSER at that truncation.
  bool in_first_half = true;   ///< False when the minimum was at the end of the search (run too short).
};

/// MSER with batches of `batch` (5 for MSER-5). A series of fewer than two full batches gives
/// truncation 0.
[[nodiscard]] MserResult mser(const std::vector<double>& series, std::size_t batch = 5);

/// Welch's moving average with half-window `w`, defined for points 0 .. n - w - 1; the vector
/// has n - w elements (empty when n <= w).
[[nodiscard]] std::vector<double> welch_moving_average(const std::vector<double>& series, std::size_t w);

}  // namespace carepath::stats
