// SPDX-License-Identifier: MIT
// The arrival rate of one source as a function of simulated time, compiled once per batch and
// shared read-only by every replication: a constant, or a piecewise-constant table of hourly (or
// daily, when the hour-of-day shape is flat) segments built from the source's ArrivalProfile
// (model/scenario.hpp) and the calendar (model/calendar.hpp). Alongside each segment's rate it
// keeps the cumulative rate Λ at the segment's start, so the next arrival of the non-homogeneous
// Poisson process is found exactly by inverting Λ (Çinlar's method) from one Exp(1) draw: no
// thinning, so one arrival costs one random number whatever the peak-to-mean ratio. The engine
// holds one per source in CompiledSource (compiled_model.hpp).
#pragma once

#include <carepath/model/calendar.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/time.hpp>

#include <cstddef>
#include <limits>
#include <vector>

namespace carepath::engine {

class ArrivalRate {
 public:
  /// More segments than this (about 2,300 years of hourly segments) is refused rather than
  /// allocated: such a horizon is a scenario mistake, not a run anyone wants.
  static constexpr std::size_t kMaxSegments = 20'000'000;

  /// No arrivals at all.
  ArrivalRate() = default;

  /// `rate_per_day` at every time from 0 on.
  [[nodiscard]] static ArrivalRate constant(double rate_per_day);

  /// `rates_per_day[i]` on origin + [i, i + 1) / segments_per_day, and 0 after the last segment
  /// and before time 0. `origin`, from one segment before 0 to 0, lets segments follow the clock
  /// when a run starts mid-segment. Throws std::length_error beyond kMaxSegments segments.
  [[nodiscard]] static ArrivalRate piecewise(std::vector<double> rates_per_day, double segments_per_day,
                                             SimTime origin = 0);

  /// The time of the first arrival after `now`, given `unit_exponential`, a draw from Exp(1):
  /// Λ⁻¹(Λ(now) + E). Infinity when the rate stays 0 for the rest of the table (no arrival
  /// before the horizon). With a constant rate it is exactly now + E / rate, computed here so
  /// that it inlines into the arrival handler.
  [[nodiscard]] SimTime next_arrival_after(SimTime now, double unit_exponential) const {
    if (is_constant()) {
      return constant_rate_ > 0 ? now + unit_exponential / constant_rate_ : std::numeric_limits<SimTime>::infinity();
    }
    return next_arrival_in_table(now, unit_exponential);
  }

  /// Arrivals per day at time `t`; 0 before time 0.
  [[nodiscard]] double rate_at(SimTime t) const;

  /// Λ(b) − Λ(a): the mean number of arrivals in [a, b].
  [[nodiscard]] double expected_arrivals(SimTime a, SimTime b) const;

  [[nodiscard]] bool is_constant() const noexcept { return rates_.empty(); }
  /// 1 for a constant rate.
  [[nodiscard]] std::size_t segment_count() const noexcept { return is_constant() ? 1 : rates_.size(); }
  /// Days per segment: 1/24 or 1 for a profile; infinity for a constant rate.
  [[nodiscard]] SimTime segment_length() const noexcept;

 private:
  /// next_arrival_after for a piecewise rate.
  [[nodiscard]] SimTime next_arrival_in_table(SimTime now, double unit_exponential) const;
  /// Λ(t), the integral of the rate from 0 to t.
  [[nodiscard]] double cumulative(SimTime t) const;
  /// The segment holding `t` (clamped to the table).
  [[nodiscard]] std::size_t segment_of(SimTime t) const;
  [[nodiscard]] SimTime segment_start(std::size_t segment) const {
    return origin_ + static_cast<double>(segment) / segments_per_day_;
  }

  double constant_rate_ = 0;           ///< Used when rates_ is empty.
  double segments_per_day_ = 1;
  SimTime origin_ = 0;                 ///< Start of segment 0: 0, or up to one segment before.
  std::vector<double> rates_;          ///< Per segment, arrivals per day.
  std::vector<double> cumulative_;     ///< Λ at each segment's start, and at the table's end.
};

/// Compiles `source`'s rate for a run that starts at `start_hour` (hours after midnight) on
/// `start_date` and lasts `horizon` days. Without a profile the rate is constant. With one, the
/// rate in clock hour h of day d (date D = start_date + d; time 0 is hour start_hour of day 0) is
///   base(D) x hour(h) x weekday(D) x month(D) x (1 + yearly_growth)^(d / 365.25) x surges(D)
/// with hour and weekday shapes scaled to mean 1 (or hour(h) x weekday(D) replaced by the
/// hour-of-week shape, scaled to mean 1 over the week), base(D) the source's rate or the daily
/// series' value for D, and surges(D) the product of the multipliers of every window holding D.
/// Throws std::logic_error when the series misses a day of the run or a shape is all zero (the
/// loader rejects both), std::length_error beyond ArrivalRate::kMaxSegments segments.
[[nodiscard]] ArrivalRate compile_arrival_rate(const model::ArrivalSource& source, const model::Date& start_date,
                                               SimTime horizon, double start_hour = 0);

}  // namespace carepath::engine
