// SPDX-License-Identifier: MIT
// Builds and inverts the piecewise-constant arrival rate declared in arrival_rate.hpp. Building
// works day by day (base, weekday, month, growth and surges are all per date) and then spreads
// each day over its hours; inverting walks the cumulative table from the current segment.
#include "engine/arrival_rate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace carepath::engine {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kDaysPerYear = 365.25;

std::string quoted(const std::string& name) { return "arrival source '" + name + "'"; }

/// `shape` scaled to mean 1, so that applying it keeps the mean rate.
template <std::size_t N>
std::array<double, N> normalised(const std::array<double, N>& shape, const std::string& source, const char* what) {
  const double mean = std::accumulate(shape.begin(), shape.end(), 0.0) / static_cast<double>(N);
  if (!(mean > 0)) {
    throw std::logic_error(quoted(source) + ": the " + what +
                           " shape is all zero, so it cannot be scaled to mean 1 (the loader must reject it)");
  }
  std::array<double, N> scaled{};
  std::transform(shape.begin(), shape.end(), scaled.begin(), [mean](double v) { return v / mean; });
  return scaled;
}

/// The 168 hour-of-week values scaled to mean 1.
std::vector<double> normalised_week(const std::vector<double>& shape, const std::string& source) {
  if (shape.size() != 168) {
    throw std::logic_error(quoted(source) + ": hour_of_week has " + std::to_string(shape.size()) +
                           " values, not 168 (the loader must reject it)");
  }
  std::array<double, 168> week{};
  std::copy(shape.begin(), shape.end(), week.begin());
  const std::array<double, 168> scaled = normalised(week, source, "hour_of_week");
  return {scaled.begin(), scaled.end()};
}

template <class Shape>
bool is_flat(const Shape& shape) {
  return std::all_of(shape.begin(), shape.end(), [&](double v) { return v == shape.front(); });
}

/// base(d) for each day of the run: the source's rate, or the daily series' value for that date.
std::vector<double> daily_base(const model::ArrivalSource& source, const model::Date& start_date,
                               std::size_t day_count) {
  const std::vector<model::DailyArrivals>& series = source.profile->daily_series;
  if (series.empty()) return std::vector<double>(day_count, source.rate_per_day);

  std::vector<double> base(day_count, std::numeric_limits<double>::quiet_NaN());
  for (const model::DailyArrivals& entry : series) {
    const double day = model::days_between(start_date, entry.date);
    if (day >= 0 && day < static_cast<double>(day_count)) base[static_cast<std::size_t>(day)] = entry.arrivals;
  }
  for (std::size_t d = 0; d < day_count; ++d) {
    if (std::isnan(base[d])) {
      throw std::logic_error(quoted(source.name) + ": daily_series has no value for " +
                             model::format_date(model::date_after(start_date, static_cast<long>(d))) +
                             ", a day of the run (the loader must reject a series that does not cover the run)");
    }
  }
  return base;
}

/// The rate of each whole day of the run, before the hour-of-day shape.
std::vector<double> daily_rates(const model::ArrivalSource& source, const model::Date& start_date,
                                std::size_t day_count) {
  const model::ArrivalProfile& profile = *source.profile;
  const std::array<double, 7> weekday = normalised(profile.day_of_week, source.name, "day_of_week");

  std::vector<double> rates = daily_base(source, start_date, day_count);
  for (std::size_t d = 0; d < day_count; ++d) {
    const model::Date date = model::date_after(start_date, static_cast<long>(d));
    const auto month = static_cast<unsigned>(date.month());
    rates[d] *= weekday[model::iso_weekday_index(date)] * profile.month_of_year[month - 1] *
                std::pow(1 + profile.yearly_growth, static_cast<double>(d) / kDaysPerYear);
  }
  // Each window touches only its own days, so surges cost their length, not the run's.
  const double last_day = static_cast<double>(day_count) - 1;
  for (const model::SurgeWindow& surge : profile.surges) {
    const double from = std::max(0.0, model::days_between(start_date, surge.from));
    const double to = std::min(last_day, model::days_between(start_date, surge.to));
    for (double d = from; d <= to; ++d) rates[static_cast<std::size_t>(d)] *= surge.multiplier;
  }
  return rates;
}

}  // namespace

ArrivalRate ArrivalRate::constant(double rate_per_day) {
  ArrivalRate rate;
  rate.constant_rate_ = rate_per_day;
  return rate;
}

ArrivalRate ArrivalRate::piecewise(std::vector<double> rates_per_day, double segments_per_day, SimTime origin) {
  if (rates_per_day.size() > kMaxSegments) {
    throw std::length_error("arrival rate table of " + std::to_string(rates_per_day.size()) +
                            " segments exceeds the limit of " + std::to_string(kMaxSegments));
  }
  if (!(origin <= 0 && origin > -1 / segments_per_day)) {
    throw std::logic_error("arrival rate table origin " + std::to_string(origin) +
                           " is not within one segment before time 0");
  }
  ArrivalRate rate;
  rate.segments_per_day_ = segments_per_day;
  rate.origin_ = origin;
  rate.rates_ = std::move(rates_per_day);
  rate.cumulative_.resize(rate.rates_.size() + 1);
  rate.cumulative_[0] = 0;
  for (std::size_t i = 0; i < rate.rates_.size(); ++i) {
    const double r = rate.rates_[i];
    // The inversion relies on Λ never decreasing; a negative or NaN rate would silently break it.
    if (!(r >= 0) || std::isinf(r)) {
      throw std::logic_error("arrival rate of segment " + std::to_string(i) + " is " + std::to_string(r) +
                             ", but must be finite and >= 0");
    }
    // The first segment may begin before time 0 (a run starting at 06:30 has hourly segments from
    // 06:00); Λ counts from time 0, so only its part after 0 adds to it.
    const double added = i == 0 && origin < 0 ? r * (1 / segments_per_day + origin) : r / segments_per_day;
    rate.cumulative_[i + 1] = rate.cumulative_[i] + added;
  }
  return rate;
}

SimTime ArrivalRate::segment_length() const noexcept {
  return is_constant() ? kInfinity : 1.0 / segments_per_day_;
}

std::size_t ArrivalRate::segment_of(SimTime t) const {
  const double index = std::floor((t - origin_) * segments_per_day_);
  if (!(index > 0)) return 0;
  if (index >= static_cast<double>(rates_.size())) return rates_.size();
  return static_cast<std::size_t>(index);
}

double ArrivalRate::cumulative(SimTime t) const {
  if (!(t > 0)) return 0;
  if (is_constant()) return constant_rate_ * t;
  const std::size_t i = segment_of(t);
  if (i == rates_.size()) return cumulative_.back();
  return cumulative_[i] + rates_[i] * (t - std::max(segment_start(i), 0.0));
}

double ArrivalRate::rate_at(SimTime t) const {
  if (t < 0) return 0;
  if (is_constant()) return constant_rate_;
  const std::size_t i = segment_of(t);
  return i == rates_.size() ? 0.0 : rates_[i];
}

double ArrivalRate::expected_arrivals(SimTime a, SimTime b) const { return cumulative(b) - cumulative(a); }

SimTime ArrivalRate::next_arrival_in_table(SimTime now, double unit_exponential) const {
  const std::size_t n = rates_.size();
  const std::size_t i = segment_of(now);
  if (i == n) return kInfinity;

  // Inside the current segment the rate is constant, so the answer is now + E / rate, computed
  // directly: going through Λ(now), which grows large over a long run, would lose precision.
  const double left_after_segment = unit_exponential - rates_[i] * (segment_start(i + 1) - now);
  if (left_after_segment < 0) return now + unit_exponential / rates_[i];
  const double target = cumulative_[i + 1] + left_after_segment;

  // The arrival lies in segment j, the last with Λ(start of j) <= target; it has a positive rate
  // because Λ grows past the target across it, so zero-rate stretches are skipped by the search
  // itself. (Where Λ is flat at exactly the target, an event of probability zero, this takes the
  // end of the flat stretch rather than its start; both are inverses of Λ.) The search gallops forward from the current segment (1, 2, 4, ... segments ahead) and
  // then bisects the last stride, costing O(log k) for k segments crossed: O(1) when arrivals are
  // hours apart, O(log n) at worst. A forward cursor would be O(1) too, but it is mutable state,
  // and this table is shared read-only by every replication and thread.
  std::size_t known_at_or_below = i + 1;  // cumulative_[known_at_or_below] <= target
  std::size_t stride = 1;
  while (known_at_or_below + stride <= n && cumulative_[known_at_or_below + stride] <= target) {
    known_at_or_below += stride;
    stride *= 2;
  }
  const std::size_t search_end = std::min(known_at_or_below + stride, n) + 1;
  const auto first_above = std::upper_bound(cumulative_.begin() + static_cast<std::ptrdiff_t>(known_at_or_below) + 1,
                                            cumulative_.begin() + static_cast<std::ptrdiff_t>(search_end), target);
  if (first_above == cumulative_.end()) return kInfinity;  // Λ never reaches the target: no more arrivals
  const auto j = static_cast<std::size_t>(first_above - cumulative_.begin()) - 1;
  return segment_start(j) + (target - cumulative_[j]) / rates_[j];
}

ArrivalRate compile_arrival_rate(const model::ArrivalSource& source, const model::Date& start_date,
                                 SimTime horizon, double start_hour) {
  if (!source.profile) return ArrivalRate::constant(source.rate_per_day);
  const model::ArrivalProfile& profile = *source.profile;

  // Hourly segments only when an hour shape varies: a flat one would multiply the table by 24.
  const bool by_week_hour = !profile.hour_of_week.empty();
  const bool hourly = by_week_hour ? !is_flat(profile.hour_of_week) : !is_flat(profile.hour_of_day);
  const std::size_t per_day = hourly ? 24 : 1;
  const auto segments_per_day = static_cast<double>(per_day);
  // Segments follow the clock: the table starts at the clock segment holding time 0 (hour
  // floor(start_hour), or the start date itself), up to one segment before time 0.
  const double skipped = std::floor(start_hour * segments_per_day / 24);
  const double origin = (skipped * 24 / segments_per_day - start_hour) / 24;
  const double wanted = std::ceil((std::max(horizon, 0.0) - origin) * segments_per_day);
  if (!(wanted <= static_cast<double>(ArrivalRate::kMaxSegments))) {
    throw std::length_error(quoted(source.name) + ": a horizon of " + std::to_string(horizon) + " days needs " +
                            std::to_string(wanted) + (hourly ? " hourly" : " daily") +
                            " rate segments, more than the limit of " + std::to_string(ArrivalRate::kMaxSegments));
  }
  const auto segment_count = static_cast<std::size_t>(wanted);
  const auto first = static_cast<std::size_t>(skipped);  // clock segment of table segment 0
  const std::size_t day_count = (first + segment_count + per_day - 1) / per_day;

  const std::vector<double> day_rates = daily_rates(source, start_date, day_count);
  std::vector<double> hour_factor(per_day, 1.0);  // the flat shape, for daily segments
  if (hourly && !by_week_hour) {
    const std::array<double, 24> hour = normalised(profile.hour_of_day, source.name, "hour_of_day");
    hour_factor.assign(hour.begin(), hour.end());
  }
  std::vector<double> week_factor;
  if (by_week_hour) week_factor = normalised_week(profile.hour_of_week, source.name);
  const std::size_t first_weekday = model::iso_weekday_index(start_date);
  std::vector<double> rates(segment_count);
  for (std::size_t s = 0; s < segment_count; ++s) {
    const std::size_t day = (first + s) / per_day;
    const std::size_t clock_segment = (first + s) % per_day;
    const double factor =
        by_week_hour && hourly ? week_factor[(first_weekday + day) % 7 * 24 + clock_segment] : hour_factor[clock_segment];
    rates[s] = day_rates[day] * factor;
  }
  return ArrivalRate::piecewise(std::move(rates), segments_per_day, origin);
}

}  // namespace carepath::engine
