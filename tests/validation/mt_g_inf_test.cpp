// SPDX-License-Identifier: MIT
// M_t/G/∞: an unlimited service fed by a time-varying Poisson source, started empty at time 0.
// Every patient is served at once, so the number in service at time t is Poisson with mean
//   m(t) = ∫_0^t λ(u) P(S > t − u) du                      (Eick, Massey and Whitt 1993)
// and its time average over the window [W, H] (the warm-up and the horizon) is, swapping the
// order of integration,
//   M = 1/(H − W) ∫_0^H λ(u) [G(H − u) − G(max(W − u, 0))] du,   G(x) = ∫_0^x P(S > s) ds,
// with G(x) = min(x, d) for stays of exactly d; μ(1 − e^(−x/μ)) for exponential stays of mean μ;
// and x P(S > x) + m Φ((ln x − ν − σ²)/σ) for lognormal stays of mean m (log-mean ν, log-sd σ).
// λ is the source's compiled rate (engine/arrival_rate.hpp), piecewise constant by the hour, and
// the outer integral is summed hour by hour with 15-point Gauss-Legendre; the window and the
// deterministic stay are whole hours, so every kink of the integrand is on an hour boundary.
// Scenario: three unlimited services, each fed by its own source at 200/day with the same profile
// (quiet night, steep morning ramp, busy afternoon; Wednesday x 1.3), starting Monday 2024-01-01;
// stays lognormal (mean 6 h, sd 6 h), deterministic (5 h) and exponential (mean 4 h). Window:
// Wednesday 2024-01-10, 08:00-14:00, i.e. W = 9 + 8/24 and H = 9 + 14/24. Theory:
//   lognormal M = 70.9092, deterministic M = 73.5609, exponential M = 51.6667 patients
// (the last two also from exact closed forms: Λ(t) − Λ(t − d), and the ODE m' = λ − m/μ solved
// hour by hour), while the quasi-static guess (mean rate in the window x mean stay) would be
// 130.3, 108.6 and 86.9: in the morning ramp the beds lag the arrivals by about a stay, so the
// engine cannot pass by getting only the time-varying rate's level right.
// 300 replications; the three simulated means must lie in their intervals of a 99% family
// (ci_check.hpp). Each replication's value is the time average of a Poisson count of mean 50-75
// over six hours, close to normal, so the Student-t interval has its stated coverage.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include "engine/arrival_rate.hpp"

#include <carepath/model/distribution.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/time.hpp>

#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/gauss.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <variant>

namespace carepath::validation {
namespace {

constexpr double kWindowStart = 9 + 8.0 / 24;
constexpr double kWindowEnd = 9 + 14.0 / 24;
constexpr double kRatePerDay = 200;

model::ArrivalProfile morning_ramp_profile() {
  model::ArrivalProfile profile;
  profile.hour_of_day = {0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.5, 2.2, 2.6, 2.6,
                         2.2, 1.8, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.6, 0.4};
  profile.day_of_week = {1.0, 1.0, 1.3, 1.0, 1.0, 0.8, 0.7};
  return profile;
}

const model::DistributionSpec kStays[] = {
    model::Lognormal{hours(6), hours(6)},
    model::Deterministic{hours(5)},
    model::Exponential{hours(4)},
};
const char* const kStayNames[] = {"lognormal", "deterministic", "exponential"};

model::Scenario infinite_server_scenario() {
  model::Scenario s = build::scenario("mt_g_inf", kWindowEnd, kWindowStart, sized(300u, 60u), 20240110);
  s.start_date = model::Date(std::chrono::year(2024), std::chrono::January, std::chrono::day(1));
  for (std::size_t k = 0; k < std::size(kStays); ++k) {
    s.services.push_back(build::service(kStayNames[k], std::nullopt, kStays[k]));
    model::ArrivalSource source = build::source(std::string(kStayNames[k]) + "_arrivals", kStayNames[k], kRatePerDay);
    source.profile = morning_ramp_profile();
    s.arrivals.push_back(source);
  }
  return s;
}

/// G(x) = ∫_0^x P(S > s) ds, the expected part of a stay that falls within x days of its start.
double integrated_survival(const model::DistributionSpec& stay, double x) {
  if (x <= 0) return 0;
  if (const auto* d = std::get_if<model::Deterministic>(&stay)) return std::min(x, d->value);
  if (const auto* e = std::get_if<model::Exponential>(&stay)) return -e->mean * std::expm1(-x / e->mean);
  if (const auto* l = std::get_if<model::Lognormal>(&stay)) {
    const double sigma2 = std::log1p((l->sd * l->sd) / (l->mean * l->mean));
    const double sigma = std::sqrt(sigma2);
    const double nu = std::log(l->mean) - sigma2 / 2;
    const boost::math::lognormal_distribution<double> lognormal(nu, sigma);
    const double partial_mean = l->mean * boost::math::cdf(boost::math::normal_distribution<double>(),
                                                           (std::log(x) - nu - sigma2) / sigma);
    return x * boost::math::cdf(boost::math::complement(lognormal, x)) + partial_mean;
  }
  throw std::invalid_argument("integrated_survival: this test only knows deterministic, exponential and lognormal");
}

/// M, the theoretical time-average number in service over [window_start, window_end].
double mean_in_service(const engine::ArrivalRate& rate, const model::DistributionSpec& stay, double window_start,
                       double window_end) {
  const auto integrand = [&](double u) {
    return integrated_survival(stay, window_end - u) - integrated_survival(stay, std::max(window_start - u, 0.0));
  };
  const auto hours_to_end = static_cast<std::size_t>(std::lround(window_end * 24));
  double total = 0;
  for (std::size_t h = 0; h < hours_to_end; ++h) {
    const double from = static_cast<double>(h) / 24;
    const double to = static_cast<double>(h + 1) / 24;
    total += rate.rate_at((from + to) / 2) * boost::math::quadrature::gauss<double, 15>::integrate(integrand, from, to);
  }
  return total / (window_end - window_start);
}

engine::ArrivalRate compiled_rate(const model::Scenario& s) {
  return engine::compile_arrival_rate(s.arrivals[0], s.start_date, s.run.horizon);
}

TEST(MtGInfinity, FormulaGivesTheValuesInTheHeader) {
  const model::Scenario s = infinite_server_scenario();
  const engine::ArrivalRate rate = compiled_rate(s);
  const double expected[] = {70.9092, 73.5609, 51.6667};
  const double quasi_static[] = {130.3, 108.6, 86.9};
  const double mean_rate = rate.expected_arrivals(kWindowStart, kWindowEnd) / (kWindowEnd - kWindowStart);
  for (std::size_t k = 0; k < std::size(kStays); ++k) {
    SCOPED_TRACE(kStayNames[k]);
    // G reaches the mean stay once the stay is surely over.
    EXPECT_NEAR(integrated_survival(kStays[k], 1000), model::mean_of(kStays[k]), 1e-9);
    EXPECT_NEAR(mean_in_service(rate, kStays[k], kWindowStart, kWindowEnd), expected[k], 1e-4);
    EXPECT_NEAR(mean_rate * model::mean_of(kStays[k]), quasi_static[k], 0.05);
  }
}

TEST(MtGInfinity, MeanNumberInServiceFollowsTheTimeVaryingRate) {
  const model::Scenario s = infinite_server_scenario();
  const engine::ArrivalRate rate = compiled_rate(s);
  const run::BatchResult batch = run::run_batch(s);
  CiFamily ci(std::size(kStays));
  for (std::size_t k = 0; k < std::size(kStays); ++k) {
    EXPECT_TRUE(ci.contains(std::string("mean_occupancy, ") + kStayNames[k] + " stays",
                            per_replication(batch, k, &stats::ServiceResult::mean_occupancy),
                            mean_in_service(rate, kStays[k], kWindowStart, kWindowEnd)));
  }
}

}  // namespace
}  // namespace carepath::validation
