// SPDX-License-Identifier: MIT
#include "model/engine_limits.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <type_traits>
#include <variant>

namespace carepath::model {
namespace {

constexpr std::string_view kDurationCapRule = R"(a duration of at most 1000 years ("365250d"))";
constexpr std::string_view kScaleRule = R"(a duration from "0.001s" to 1000 years ("365250d"))";

std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Three significant digits, for counts that only need their size: 6.1e+273.
std::string format_size(double value) {
  if (!std::isfinite(value)) return "more than 1.7e+308";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 3);
  return std::string(buffer, result.ptr);
}

std::optional<SamplerBreach> capped(std::string key, double days) {
  if (days <= kMaxDistributionDays) return std::nullopt;
  return SamplerBreach{std::move(key), std::nullopt, days, std::string(kDurationCapRule)};
}

std::optional<SamplerBreach> scale_breach(std::string key, double days) {
  if (days >= kMinScaleDays && days <= kMaxDistributionDays) return std::nullopt;
  return SamplerBreach{std::move(key), std::nullopt, days, std::string(kScaleRule)};
}

// Gamma, lognormal and normal are written as a mean and a standard deviation. For the normal the
// upper bound also keeps rejection cheap: at sd = 10 x mean, 54% of draws are at or above zero.
std::optional<SamplerBreach> mean_and_sd_breach(double mean, double sd) {
  if (auto breach = scale_breach("mean", mean)) return breach;
  const double cv = sd / mean;
  if (cv >= kMinCoefficientOfVariation && cv <= kMaxCoefficientOfVariation) return std::nullopt;
  return SamplerBreach{"sd", std::nullopt, sd, "a standard deviation from mean / 10000 to 10 × mean"};
}

// The first of `candidates` that is a breach.
std::optional<SamplerBreach> first_of(std::initializer_list<std::optional<SamplerBreach>> candidates) {
  for (const auto& candidate : candidates) {
    if (candidate) return candidate;
  }
  return std::nullopt;
}

std::string service_pointer(std::size_t service) { return "/services/" + std::to_string(service); }

std::string escape_token(const std::string& key) {
  std::string token;
  for (const char c : key) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return token;
}

void check_distribution(const DistributionSpec& spec, const std::string& pointer, std::vector<Diagnostic>& out) {
  const auto breach = sampler_breach(spec);
  if (!breach) return;
  std::string at = pointer + "/" + breach->key;
  if (breach->index) at += "/" + std::to_string(*breach->index);
  const std::string value =
      breach->key == "shape" ? format_number(breach->value) : format_number(breach->value) + " days";
  out.push_back({Severity::Error, at, "is " + value + ", but must be " + breach->rule});
}

void check_routes(const std::vector<Route>& routes, const std::string& pointer, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (routes[i].transfer_delay) {
      check_distribution(*routes[i].transfer_delay, pointer + "/" + std::to_string(i) + "/transfer_delay", out);
    }
  }
}

void check_distributions(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& s = scenario.services[i];
    const std::string pointer = service_pointer(i);
    check_distribution(s.service_time, pointer + "/service_time", out);
    if (s.patience) check_distribution(*s.patience, pointer + "/patience", out);
    check_routes(s.routes, pointer + "/next", out);
    for (const TypeOverride& t : s.by_type) {
      const std::string type_pointer = pointer + "/by_type/" + escape_token(t.patient_type);
      if (t.service_time) check_distribution(*t.service_time, type_pointer + "/service_time", out);
      if (t.patience) check_distribution(*t.patience, type_pointer + "/patience", out);
      if (t.routes) check_routes(*t.routes, type_pointer + "/next", out);
    }
  }
}

// The largest of `shape` over its mean: the engine scales hour and weekday shapes to mean 1.
template <class Shape>
double peak_over_mean(const Shape& shape) {
  if (shape.empty()) return 1.0;  // an hour_of_week not given
  const double mean = std::accumulate(shape.begin(), shape.end(), 0.0) / static_cast<double>(shape.size());
  return mean > 0 ? *std::max_element(shape.begin(), shape.end()) / mean : 0.0;
}

// An upper bound on the source's arrivals per day at any time of the run: every multiplier of
// its profile at its largest at once, growth compounded to the end, and every surge overlapping.
double peak_daily_rate(const ArrivalSource& source, double horizon) {
  if (!source.profile) return source.rate_per_day;
  const ArrivalProfile& p = *source.profile;
  double peak = source.rate_per_day;
  if (!p.daily_series.empty()) {
    peak = std::max_element(p.daily_series.begin(), p.daily_series.end(), [](const auto& a, const auto& b) {
             return a.arrivals < b.arrivals;
           })->arrivals;
  }
  peak *= peak_over_mean(p.hour_of_day) * peak_over_mean(p.day_of_week) * peak_over_mean(p.hour_of_week) *
          *std::max_element(p.month_of_year.begin(), p.month_of_year.end());
  if (p.yearly_growth > 0) peak *= std::pow(1 + p.yearly_growth, horizon / 365.25);
  for (const SurgeWindow& surge : p.surges) peak *= std::max(1.0, surge.multiplier);
  return peak;
}

void check_arrival_volumes(const Scenario& scenario, std::vector<Diagnostic>& out) {
  const double horizon = scenario.run.horizon;
  for (std::size_t i = 0; i < scenario.arrivals.size(); ++i) {
    const double peak = peak_daily_rate(scenario.arrivals[i], horizon);
    const double volume = peak * horizon;
    if (volume <= kMaxArrivalsPerReplication) continue;
    out.push_back({Severity::Error, "/arrivals/" + std::to_string(i),
                   "arrivals could reach " + format_size(peak) +
                       " a day (the rate with every multiplier of its profile at its largest), so " +
                       format_size(volume) + " over the " + format_number(horizon) +
                       "-day horizon, but one replication holds at most 1e+10 arrivals per source"});
  }
}

void check_patients_present(const Scenario& scenario, std::vector<Diagnostic>& out) {
  std::uint64_t present = 0;
  for (const Service& s : scenario.services) {
    for (const auto* cohorts : {&s.initial_waiting, &s.initial_in_service}) {
      for (const InitialCohort& c : *cohorts) present += c.count;
    }
  }
  if (present <= kMaxPatientsPresent) return;
  out.push_back({Severity::Error, "/services",
                 std::to_string(present) + " patients are present at the start in all services together, but the "
                                           "engine holds at most 16777215 at once"});
}

}  // namespace

std::optional<SamplerBreach> sampler_breach(const DistributionSpec& spec) {
  return std::visit(
      [](const auto& d) -> std::optional<SamplerBreach> {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, Exponential>) {
          return scale_breach("mean", d.mean);
        } else if constexpr (std::is_same_v<D, Deterministic>) {
          return capped("value", d.value);
        } else if constexpr (std::is_same_v<D, Uniform>) {
          return first_of({capped("min", d.min), capped("max", d.max)});
        } else if constexpr (std::is_same_v<D, Triangular>) {
          return first_of({capped("min", d.min), capped("mode", d.mode), capped("max", d.max)});
        } else if constexpr (std::is_same_v<D, Gamma> || std::is_same_v<D, Lognormal> || std::is_same_v<D, Normal>) {
          return mean_and_sd_breach(d.mean, d.sd);
        } else if constexpr (std::is_same_v<D, Weibull>) {
          if (!(d.shape >= kMinWeibullShape && d.shape <= kMaxWeibullShape)) {
            return SamplerBreach{"shape", std::nullopt, d.shape, "a shape from 0.1 to 100"};
          }
          return scale_breach("scale", d.scale);
        } else {
          static_assert(std::is_same_v<D, Empirical>);
          for (std::size_t i = 0; i < d.values.size(); ++i) {
            if (auto breach = capped("values", d.values[i])) {
              breach->index = i;
              return breach;
            }
          }
          return std::nullopt;
        }
      },
      spec);
}

void check_engine_limits(const Scenario& scenario, std::vector<Diagnostic>& out) {
  check_distributions(scenario, out);
  check_arrival_volumes(scenario, out);
  check_patients_present(scenario, out);
}

}  // namespace carepath::model
