// SPDX-License-Identifier: MIT
#include "engine/alias_table.hpp"

#include <numeric>
#include <stdexcept>

namespace carepath::engine {

// Vose's stable variant: columns are split into "small" (below the average) and "large", and each
// small column is topped up from a large one, which becomes its alias.
AliasTable::AliasTable(const std::vector<double>& weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.empty() || !(total > 0)) throw std::invalid_argument("AliasTable: weights must have a positive sum");
  const std::size_t n = weights.size();
  threshold_.assign(n, 1.0);
  alias_.resize(n);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / total;
    alias_[i] = static_cast<std::uint32_t>(i);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    threshold_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] -= 1.0 - scaled[s];
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Whatever remains is 1 up to rounding: those columns always pick themselves.
  for (std::uint32_t i : small) threshold_[i] = 1.0;
  for (std::uint32_t i : large) threshold_[i] = 1.0;
}

}  // namespace carepath::engine
