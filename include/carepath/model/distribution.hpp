// SPDX-License-Identifier: MIT
// Service-time and delay distributions as plain data. All times are in days (time.hpp). Each
// alternative stores the parameters the planner wrote, so output and DOT export can show them;
// the engine converts them once into ready-to-sample form (sim/engine/sampler.hpp).
#pragma once

#include <variant>
#include <vector>

namespace carepath::model {

struct Exponential { double mean; };
struct Deterministic { double value; };
struct Uniform { double min; double max; };
struct Triangular { double min; double mode; double max; };
struct Gamma { double mean; double sd; };
struct Lognormal { double mean; double sd; };  ///< Mean and sd of the times themselves, not of their log.
struct Weibull { double shape; double scale; };
/// A normal of this mean and sd, truncated at zero by redrawing negative draws (rejection), so the
/// times drawn have the truncated normal's mean, above `mean` (mean_of gives it).
struct Normal { double mean; double sd; };
struct Empirical { std::vector<double> values; };  ///< Each observed value equally likely.

using DistributionSpec =
    std::variant<Exponential, Deterministic, Uniform, Triangular, Gamma, Lognormal, Weibull, Empirical, Normal>;

/// Theoretical mean and variance, used by tests and by the report's assumptions table.
[[nodiscard]] double mean_of(const DistributionSpec& d);
[[nodiscard]] double variance_of(const DistributionSpec& d);

/// The distribution of `factor` times a draw from `d`: every time parameter (means, sds, scales,
/// bounds, values) multiplied, shapes kept; a what-if's "LOS -10%" is scaled(d, 0.9).
[[nodiscard]] DistributionSpec scaled(const DistributionSpec& d, double factor);

}  // namespace carepath::model
