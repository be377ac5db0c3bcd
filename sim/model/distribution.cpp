// SPDX-License-Identifier: MIT
// Closed-form moments of each distribution, as the planner parameterised it, and scaling (a what-if
// variant's service_time_scale).
#include <carepath/model/distribution.hpp>

#include <cmath>
#include <numbers>
#include <numeric>
#include <type_traits>

namespace carepath::model {

namespace {
template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

double empirical_mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// phi(alpha) / (1 - Phi(alpha)) at alpha = -mean / sd, the truncated normal's inverse Mills ratio:
// its mean is mean + sd * ratio and its variance sd^2 (1 + alpha ratio - ratio^2) (Johnson, Kotz
// and Balakrishnan, Continuous Univariate Distributions 1, 13.10.1).
double inverse_mills_ratio(const Normal& e) {
  const double alpha = -e.mean / e.sd;
  const double density = std::exp(-alpha * alpha / 2) / std::sqrt(2 * std::numbers::pi);
  const double kept = std::erfc(alpha / std::numbers::sqrt2) / 2;  // 1 - Phi(alpha)
  return density / kept;
}
}  // namespace

double mean_of(const DistributionSpec& d) {
  return std::visit(Overloaded{
                        [](const Exponential& e) { return e.mean; },
                        [](const Deterministic& e) { return e.value; },
                        [](const Uniform& e) { return (e.min + e.max) / 2; },
                        [](const Triangular& e) { return (e.min + e.mode + e.max) / 3; },
                        [](const Gamma& e) { return e.mean; },
                        [](const Lognormal& e) { return e.mean; },
                        [](const Weibull& e) { return e.scale * std::tgamma(1 + 1 / e.shape); },
                        [](const Empirical& e) { return empirical_mean(e.values); },
                        [](const Normal& e) { return e.mean + e.sd * inverse_mills_ratio(e); },
                    },
                    d);
}

double variance_of(const DistributionSpec& d) {
  return std::visit(Overloaded{
                        [](const Exponential& e) { return e.mean * e.mean; },
                        [](const Deterministic&) { return 0.0; },
                        [](const Uniform& e) { return (e.max - e.min) * (e.max - e.min) / 12; },
                        [](const Triangular& e) {
                          const double a = e.min, c = e.mode, b = e.max;
                          return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
                        },
                        [](const Gamma& e) { return e.sd * e.sd; },
                        [](const Lognormal& e) { return e.sd * e.sd; },
                        [](const Weibull& e) {
                          const double g1 = std::tgamma(1 + 1 / e.shape);
                          const double g2 = std::tgamma(1 + 2 / e.shape);
                          return e.scale * e.scale * (g2 - g1 * g1);
                        },
                        [](const Empirical& e) {
                          const double m = empirical_mean(e.values);
                          double sum = 0;
                          for (double v : e.values) sum += (v - m) * (v - m);
                          return sum / static_cast<double>(e.values.size());
                        },
                        [](const Normal& e) {
                          const double ratio = inverse_mills_ratio(e);
                          return e.sd * e.sd * (1 - (e.mean / e.sd) * ratio - ratio * ratio);
                        },
                    },
                    d);
}

DistributionSpec scaled(const DistributionSpec& d, double factor) {
  // Every parameter with the unit of time is multiplied; shapes (Weibull's) are unitless and stay.
  return std::visit(Overloaded{
                        [&](const Exponential& e) -> DistributionSpec { return Exponential{e.mean * factor}; },
                        [&](const Deterministic& e) -> DistributionSpec { return Deterministic{e.value * factor}; },
                        [&](const Uniform& e) -> DistributionSpec { return Uniform{e.min * factor, e.max * factor}; },
                        [&](const Triangular& e) -> DistributionSpec {
                          return Triangular{e.min * factor, e.mode * factor, e.max * factor};
                        },
                        [&](const Gamma& e) -> DistributionSpec { return Gamma{e.mean * factor, e.sd * factor}; },
                        [&](const Lognormal& e) -> DistributionSpec { return Lognormal{e.mean * factor, e.sd * factor}; },
                        [&](const Weibull& e) -> DistributionSpec { return Weibull{e.shape, e.scale * factor}; },
                        [&](const Empirical& e) -> DistributionSpec {
                          Empirical out{e.values};
                          for (double& v : out.values) v *= factor;
                          return out;
                        },
                        [&](const Normal& e) -> DistributionSpec { return Normal{e.mean * factor, e.sd * factor}; },
                    },
                    d);
}

}  // namespace carepath::model
