// SPDX-License-Identifier: MIT
#include "report/nice_ticks.hpp"

#include "report/report_format.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::report {

namespace {

// The nice number (1, 2 or 5 x 10^k) closest to `range` when rounding, else the smallest not
// below it.
double nice_number(double range, bool round) {
  const double exponent = std::floor(std::log10(range));
  const double power = std::pow(10.0, exponent);
  const double fraction = range / power;
  double nice = 10;
  if (round) {
    if (fraction < 1.5) nice = 1;
    else if (fraction < 3) nice = 2;
    else if (fraction < 7) nice = 5;
  } else {
    if (fraction <= 1) nice = 1;
    else if (fraction <= 2) nice = 2;
    else if (fraction <= 5) nice = 5;
  }
  return nice * power;
}

}  // namespace

NiceScale nice_scale(double low, double high, int target_ticks) {
  if (!std::isfinite(low) || !std::isfinite(high)) low = high = 0;
  if (low > high) std::swap(low, high);
  if (high - low < 1e-12 * std::max(1.0, std::fabs(high))) {
    // A flat series still needs an axis: centre it in a unit-wide range (or 0..1 at zero).
    if (low == 0) {
      high = 1;
    } else {
      const double half = std::max(std::fabs(low) * 0.1, 1e-9);
      low -= half;
      high += half;
    }
  }
  const int intervals = std::max(2, target_ticks);
  NiceScale scale;
  const double range = nice_number(high - low, false);
  scale.step = nice_number(range / intervals, true);
  scale.low = std::floor(low / scale.step) * scale.step;
  scale.high = std::ceil(high / scale.step) * scale.step;
  // Computing each tick from its index, not by repeated addition, keeps 0.1 x 3 from drifting.
  const auto count = static_cast<long>(std::lround((scale.high - scale.low) / scale.step));
  for (long i = 0; i <= count; ++i) {
    double tick = scale.low + static_cast<double>(i) * scale.step;
    if (std::fabs(tick) < scale.step * 1e-9) tick = 0;
    scale.ticks.push_back(tick);
  }
  return scale;
}

std::string format_tick(double value, double step) {
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return format_grouped(value, decimals);
}

}  // namespace carepath::report
