// SPDX-License-Identifier: MIT
#include "cli/json_figures.hpp"

#include <cmath>

namespace carepath::cli {

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json estimate_json(const stats::Estimate& e) {
  return {{"mean", number_or_null(e.mean)}, {"ci95", {number_or_null(e.ci_low), number_or_null(e.ci_high)}}, {"n", e.n}};
}

}  // namespace carepath::cli
