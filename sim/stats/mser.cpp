// SPDX-License-Identifier: MIT
#include <carepath/stats/mser.hpp>

#include <cmath>
#include <limits>

namespace carepath::stats {

MserResult mser(const std::vector<double>& series, std::size_t batch) {
  // Batch means, each over the finite points of its batch; a batch with none is skipped.
  std::vector<double> batches;
  for (std::size_t start = 0; start + batch <= series.size(); start += batch) {
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t i = start; i < start + batch; ++i) {
      if (std::isfinite(series[i])) {
        sum += series[i];
        ++n;
      }
    }
    if (n > 0) batches.push_back(sum / static_cast<double>(n));
  }
  MserResult result;
  const std::size_t m = batches.size();
  if (m < 2) return result;
  // Suffix sums give every truncation's mean and sum of squares in one pass from the end.
  std::vector<double> suffix_sum(m + 1, 0), suffix_squares(m + 1, 0);
  for (std::size_t i = m; i-- > 0;) {
    suffix_sum[i] = suffix_sum[i + 1] + batches[i];
    suffix_squares[i] = suffix_squares[i + 1] + batches[i] * batches[i];
  }
  const std::size_t last = (m - 1) / 2;  // d <= (m - 1) / 2 keeps at least half the batches
  double best = std::numeric_limits<double>::infinity();
  std::size_t best_d = 0;
  for (std::size_t d = 0; d <= last; ++d) {
    const auto kept = static_cast<double>(m - d);
    const double mean = suffix_sum[d] / kept;
    const double squares = std::max(0.0, suffix_squares[d] - kept * mean * mean);
    const double statistic = squares / (kept * kept);
    if (statistic < best) {
      best = statistic;
      best_d = d;
    }
  }
  result.truncation = best_d * batch;
  result.statistic = best;
  result.in_first_half = best_d < last || last == 0;
  return result;
}

std::vector<double> welch_moving_average(const std::vector<double>& series, std::size_t w) {
  std::vector<double> smoothed;
  if (series.size() <= w) return smoothed;
  const std::size_t n = series.size() - w;
  smoothed.reserve(n);
  const auto mean_of = [&](std::size_t from, std::size_t to) {  // [from, to]
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t i = from; i <= to; ++i) {
      if (std::isfinite(series[i])) {
        sum += series[i];
        ++count;
      }
    }
    return count > 0 ? sum / static_cast<double>(count) : std::numeric_limits<double>::quiet_NaN();
  };
  for (std::size_t i = 0; i < n; ++i) {
    smoothed.push_back(i < w ? mean_of(0, 2 * i) : mean_of(i - w, i + w));
  }
  return smoothed;
}

}  // namespace carepath::stats
