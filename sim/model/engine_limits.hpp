// SPDX-License-Identifier: MIT
// What the engine can honour, as numbers, and the checks that keep a scenario inside them: the
// horizon, the distribution parameters its samplers accept (Boost.Random draws and the
// Boost.Math quantiles used for the residual stays of patients present at the start), the
// arrivals one replication can hold, and the patients its pool can index (engine/event.hpp gives
// a patient 24 bits). Beyond these a run would fail part-way, loop, or write inf and NaN; the
// loader rejects them instead, naming the limit (README "Limits"). graph_checks.cpp calls
// check_engine_limits; io/distribution_json.cpp calls sampler_breach to report at the key written.
#pragma once

#include <carepath/error.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/model/scenario.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::model {

/// The longest run: 1000 years. Arrival rates are tabled hourly over the run
/// (engine/arrival_rate.hpp allows 20,000,000 segments, 2,283 years), and statistics kept per day
/// grow with it; a longer horizon is a slip (a unit, a zero too many), not a run anyone wants.
inline constexpr double kMaxHorizonDays = 365'250;
inline constexpr std::string_view kMaxHorizonText = R"(1000 years ("365250d"))";

/// Every time parameter of a distribution is at most this (the longest horizon), and a mean or
/// scale at least kMinScaleDays: the samplers square them, which must neither overflow nor
/// vanish.
inline constexpr double kMaxDistributionDays = kMaxHorizonDays;
inline constexpr double kMinScaleDays = 0.001 / 86'400;  // 1 ms

/// Gamma, lognormal and normal: the standard deviation from mean / 10^4 to 10 × mean. Beyond 10 a gamma's
/// shape is below 0.01 and Boost.Random returns mostly exact zeros (at 100, 93% of draws), so the
/// mean drawn is not the mean written; below 10^-4 the distribution is a deterministic one.
inline constexpr double kMinCoefficientOfVariation = 1e-4;
inline constexpr double kMaxCoefficientOfVariation = 10;

/// Weibull shapes: below 0.1 the mean (scale × Γ(1 + 1/shape)) exceeds 10^6 scales; above 100
/// the distribution is a deterministic one.
inline constexpr double kMinWeibullShape = 0.1;
inline constexpr double kMaxWeibullShape = 100;

/// Patients present at the start, in all services together: the engine's patient index has 24
/// bits (engine/event.hpp).
inline constexpr std::uint64_t kMaxPatientsPresent = (std::uint64_t{1} << 24) - 1;

/// Expected arrivals of one source in one replication: each arrival takes at least two of the
/// 2^36 event sequence numbers a replication has (engine/event.hpp), and 10^10 arrivals would
/// take hours of simulation.
inline constexpr double kMaxArrivalsPerReplication = 1e10;

/// A parameter of a distribution that the sampler cannot honour.
struct SamplerBreach {
  std::string key;                   ///< "mean", "sd", "shape", "values", …
  std::optional<std::size_t> index;  ///< Into "values", for an empirical distribution.
  double value = 0;                  ///< In days (a shape is unitless).
  std::string rule;                  ///< "a standard deviation from mean / 10000 to 10 × mean"
};

/// The first parameter of `spec` the samplers cannot honour, if any.
[[nodiscard]] std::optional<SamplerBreach> sampler_breach(const DistributionSpec& spec);

/// Appends an error for every distribution, arrival source and initial state of `scenario` beyond
/// the limits above.
void check_engine_limits(const Scenario& scenario, std::vector<Diagnostic>& out);

}  // namespace carepath::model
