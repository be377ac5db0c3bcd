// SPDX-License-Identifier: MIT
// Time-weighted average of a piecewise-constant level (queue length, busy beds, patients present):
// the area under the level is advanced only when the level changes, so the cost is per state
// change, not per time step. restart() begins a new observation window, e.g. at the end of the
// warm-up, keeping the current level.
#pragma once

#include <carepath/time.hpp>

#include <limits>

namespace carepath::stats {

class TimeAverage {
 public:
  void restart(SimTime now) noexcept {
    area_ = 0;
    window_start_ = now;
    last_change_ = now;
  }

  void change(SimTime now, double delta) noexcept {
    area_ += level_ * (now - last_change_);
    last_change_ = now;
    level_ += delta;
  }

  [[nodiscard]] double level() const noexcept { return level_; }

  /// Area under the level from the window start to `now` (level x days).
  [[nodiscard]] double area(SimTime now) const noexcept { return area_ + level_ * (now - last_change_); }

  /// Average level over [window start, now]; NaN for an empty window.
  [[nodiscard]] double average(SimTime now) const noexcept {
    const double span = now - window_start_;
    if (!(span > 0)) return std::numeric_limits<double>::quiet_NaN();
    return (area_ + level_ * (now - last_change_)) / span;
  }

 private:
  double level_ = 0;
  double area_ = 0;
  SimTime window_start_ = 0;
  SimTime last_change_ = 0;
};

}  // namespace carepath::stats
