// SPDX-License-Identifier: MIT
// A caseload patient's visits a day, drawn from their service's list (visits.cpp has the rules).
#pragma once

#include "engine/compiled_model.hpp"
#include "engine/rng_streams.hpp"

#include <cstdint>

namespace carepath::engine {

/// One patient's visits a day, in thousandths: the list's only value, or one of its values, each
/// equally likely.
[[nodiscard]] std::uint32_t draw_visits(const VisitNeed& need, RandomEngine& stream);

}  // namespace carepath::engine
