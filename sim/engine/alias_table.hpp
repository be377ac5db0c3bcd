// SPDX-License-Identifier: MIT
// Walker's alias method: after O(n) set-up, a draw from a discrete distribution costs one uniform
// number and one comparison, whatever the number of outcomes. Routing uses it so that choosing
// the next service is O(1) per hop. A single-outcome table needs no random number at all, which
// keeps plain tandem routes from consuming the routing stream.
#pragma once

#include <cstdint>
#include <vector>

namespace carepath::engine {

class AliasTable {
 public:
  AliasTable() = default;
  /// `weights` need not be normalised; each must be >= 0 and their sum > 0.
  explicit AliasTable(const std::vector<double>& weights);

  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(threshold_.size()); }
  [[nodiscard]] bool is_certain() const noexcept { return threshold_.size() == 1; }

  /// The outcome for a uniform draw `u` in [0, 1).
  [[nodiscard]] std::uint32_t pick(double u) const noexcept {
    const double scaled = u * static_cast<double>(threshold_.size());
    auto column = static_cast<std::uint32_t>(scaled);
    if (column >= threshold_.size()) column = size() - 1;  // guards u rounding up to 1.0
    return (scaled - column) < threshold_[column] ? column : alias_[column];
  }

 private:
  std::vector<double> threshold_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace carepath::engine
