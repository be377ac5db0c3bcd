// SPDX-License-Identifier: MIT
#include <carepath/stats/kn_selection.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace carepath::stats {
namespace {

double mean_of(const std::vector<double>& x, std::uint32_t r) {
  double sum = 0;
  for (std::uint32_t j = 0; j < r; ++j) sum += x[j];
  return sum / r;
}

// Sample variance of x_j - y_j over the first n values.
double difference_variance(const std::vector<double>& x, const std::vector<double>& y, std::uint32_t n) {
  double mean = 0;
  for (std::uint32_t j = 0; j < n; ++j) mean += x[j] - y[j];
  mean /= n;
  double sum = 0;
  for (std::uint32_t j = 0; j < n; ++j) sum += (x[j] - y[j] - mean) * (x[j] - y[j] - mean);
  return sum / (n - 1);
}

}  // namespace

double kn_h2(std::size_t systems, std::uint32_t first_stage, double alpha) {
  if (systems < 2 || first_stage < 2 || !(alpha > 0 && alpha < 1)) {
    throw std::invalid_argument("kn_h2: needs two systems or more, two first-stage replications or more, 0 < alpha < 1");
  }
  const double n0 = first_stage;
  const double eta = 0.5 * (std::pow(2 * alpha / static_cast<double>(systems - 1), -2 / (n0 - 1)) - 1);
  return 2 * eta * (n0 - 1);
}

std::vector<std::size_t> kn_survivors(const std::vector<std::vector<double>>& values,
                                      const std::vector<std::size_t>& survivors, std::size_t systems,
                                      std::uint32_t first_stage, std::uint32_t r, double delta, double alpha) {
  if (survivors.size() < 2) return survivors;
  const double h2 = kn_h2(systems, first_stage, alpha);
  std::vector<double> means;
  for (const std::size_t i : survivors) means.push_back(mean_of(values.at(i), r));
  std::vector<std::size_t> kept;
  for (std::size_t a = 0; a < survivors.size(); ++a) {
    bool eliminated = false;
    for (std::size_t b = 0; b < survivors.size() && !eliminated; ++b) {
      if (a == b) continue;
      const double s2 = difference_variance(values[survivors[a]], values[survivors[b]], first_stage);
      const double w = std::max(0.0, delta / (2.0 * r) * (h2 * s2 / (delta * delta) - r));
      eliminated = means[a] > means[b] + w;
    }
    if (!eliminated) kept.push_back(survivors[a]);
  }
  return kept;
}

}  // namespace carepath::stats
