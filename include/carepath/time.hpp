// SPDX-License-Identifier: MIT
// Simulated time. One unit of SimTime is one day everywhere in carepath: scenario durations
// ("30min", "18w") and rates ("120/day") are converted to days once, at load time, so the engine
// never thinks about units. Read model/scenario.hpp next.
#pragma once

namespace carepath {

/// Simulated time, in days since the start of the run.
using SimTime = double;

/// Durations expressed in days, e.g. `hours(4) == 1.0 / 6`.
constexpr SimTime seconds(double n) noexcept { return n / 86400.0; }
constexpr SimTime minutes(double n) noexcept { return n / 1440.0; }
constexpr SimTime hours(double n) noexcept { return n / 24.0; }
constexpr SimTime days(double n) noexcept { return n; }
constexpr SimTime weeks(double n) noexcept { return n * 7.0; }

/// Rates expressed per day, e.g. `per_hour(5) == 120`.
constexpr double per_day(double n) noexcept { return n; }
constexpr double per_hour(double n) noexcept { return n * 24.0; }

}  // namespace carepath
