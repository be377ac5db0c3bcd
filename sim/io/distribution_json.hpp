// SPDX-License-Identifier: MIT
// Distributions as scenario files write them, {"distribution": "lognormal", "mean": "6d", "sd":
// "5d"}: the "distribution" key picks the family, which decides the other keys, and every time is
// a duration. Service times, patience, transfer delays and per-type overrides all use it.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/distribution.hpp>

#include <optional>

namespace carepath::io {

std::optional<model::DistributionSpec> expect_distribution(JsonReader& r, const Json& value);

}  // namespace carepath::io
