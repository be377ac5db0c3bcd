// SPDX-License-Identifier: MIT
// Streaming mean and variance (Welford's update): numerically stable over millions of
// observations, constant memory, and the maximum alongside since waits report it. The count is
// kept as a double: it is the divisor of every update, and a 64-bit unsigned integer converts to
// double in about eight instructions without AVX-512 (a third of an update), while a double
// count below 2^53 holds the same integer exactly, so every result is bit for bit the same.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>

namespace carepath::stats {

class Welford {
 public:
  void add(double x) noexcept {
    n_ += 1;
    const double delta = x - mean_;
    mean_ += delta / n_;
    m2_ += delta * (x - mean_);
    max_ = std::max(max_, x);
  }

  [[nodiscard]] std::uint64_t count() const noexcept { return static_cast<std::uint64_t>(n_); }
  /// NaN when nothing was observed.
  [[nodiscard]] double mean() const noexcept { return n_ > 0 ? mean_ : std::numeric_limits<double>::quiet_NaN(); }
  /// Sample variance (n - 1); NaN with fewer than two observations.
  [[nodiscard]] double variance() const noexcept {
    return n_ > 1 ? m2_ / (n_ - 1) : std::numeric_limits<double>::quiet_NaN();
  }
  [[nodiscard]] double max() const noexcept { return n_ > 0 ? max_ : std::numeric_limits<double>::quiet_NaN(); }

 private:
  double n_ = 0;  // an integer, exact below 2^53 observations
  double mean_ = 0;
  double m2_ = 0;
  double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace carepath::stats
