// SPDX-License-Identifier: MIT
// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten) that cover the data, after
// Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990): a reader should see 0, 50,
// 100, 150, not 0, 47.3, 94.6. Used by fan_chart.cpp and forest_plot.cpp.
#pragma once

#include <string>
#include <vector>

namespace carepath::report {

struct NiceScale {
  double low = 0;              ///< First tick, at or below the data's minimum.
  double high = 1;             ///< Last tick, at or above the data's maximum.
  double step = 1;             ///< Distance between ticks: 1, 2 or 5 x 10^k.
  std::vector<double> ticks;   ///< low, low + step, ..., high.
};

/// Ticks covering [low, high] with about `target_ticks` intervals (at least 2). An empty or
/// non-finite range is widened so that the axis still has ticks: [v, v] becomes a unit around v.
[[nodiscard]] NiceScale nice_scale(double low, double high, int target_ticks = 5);

/// A tick label with just the decimals the step needs: step 0.25 -> "0.25", step 5 -> "10".
[[nodiscard]] std::string format_tick(double value, double step);

}  // namespace carepath::report
