// SPDX-License-Identifier: MIT
// Residual times for patients already part-way through at the start of a run: a bed occupied for
// `elapsed` days has a remaining stay drawn from the service-time distribution conditioned on
// exceeding `elapsed` (and a patient who has waited `elapsed` days a remaining patience likewise).
// Drawn by inverting the conditional CDF with Boost.Math, u ~ U(F(elapsed), 1), x = F^-1(u):
// exact, and one uniform per patient, however unlikely the elapsed time. Used only at set-up.
#pragma once

#include "engine/rng_streams.hpp"

#include <carepath/model/distribution.hpp>

namespace carepath::engine {

/// Remaining time (days) given `elapsed` days already spent. When the distribution cannot reach
/// beyond `elapsed` (a deterministic stay already over, an empirical list with no longer value,
/// or a survival probability below 1e-12) the remaining time is 0.
[[nodiscard]] double sample_residual(const model::DistributionSpec& spec, double elapsed, RandomEngine& engine);

}  // namespace carepath::engine
