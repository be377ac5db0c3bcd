// SPDX-License-Identifier: MIT
#include "engine/residual.hpp"

#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

namespace carepath::engine {

namespace {

constexpr double kNegligibleSurvival = 1e-12;

template <class Distribution>
double conditional_draw(const Distribution& d, double elapsed, RandomEngine& engine) {
  const double survival = boost::math::cdf(boost::math::complement(d, elapsed));
  if (survival < kNegligibleSurvival) return 0.0;
  // Draw the survival probability of the total stay uniformly in (0, survival]: inverting the
  // complement keeps precision in the far tail, where 1 - F would round to 0.
  const double u = 1.0 - boost::random::uniform_01<double>()(engine);  // (0, 1]
  const double total = boost::math::quantile(boost::math::complement(d, u * survival));
  return std::max(0.0, total - elapsed);
}

}  // namespace

double sample_residual(const model::DistributionSpec& spec, double elapsed, RandomEngine& engine) {
  return std::visit(
      [&](const auto& d) -> double {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, model::Exponential>) {
          return conditional_draw(boost::math::exponential_distribution<double>(1.0 / d.mean), elapsed, engine);
        } else if constexpr (std::is_same_v<D, model::Deterministic>) {
          return std::max(0.0, d.value - elapsed);
        } else if constexpr (std::is_same_v<D, model::Uniform>) {
          if (elapsed >= d.max) return 0.0;
          return conditional_draw(boost::math::uniform_distribution<double>(d.min, d.max), std::max(elapsed, d.min),
                                  engine) + std::max(0.0, d.min - elapsed);
        } else if constexpr (std::is_same_v<D, model::Triangular>) {
          if (elapsed >= d.max) return 0.0;
          return conditional_draw(boost::math::triangular_distribution<double>(d.min, d.mode, d.max),
                                  std::max(elapsed, d.min), engine) + std::max(0.0, d.min - elapsed);
        } else if constexpr (std::is_same_v<D, model::Gamma>) {
          const double shape = (d.mean * d.mean) / (d.sd * d.sd);
          const double scale = (d.sd * d.sd) / d.mean;
          return conditional_draw(boost::math::gamma_distribution<double>(shape, scale), elapsed, engine);
        } else if constexpr (std::is_same_v<D, model::Lognormal>) {
          const double sigma2 = std::log1p((d.sd * d.sd) / (d.mean * d.mean));
          return conditional_draw(boost::math::lognormal_distribution<double>(std::log(d.mean) - sigma2 / 2,
                                                                              std::sqrt(sigma2)),
                                  elapsed, engine);
        } else if constexpr (std::is_same_v<D, model::Weibull>) {
          return conditional_draw(boost::math::weibull_distribution<double>(d.shape, d.scale), elapsed, engine);
        } else if constexpr (std::is_same_v<D, model::Normal>) {
          // The normal truncated at zero, conditioned on exceeding elapsed (never negative), is the
          // normal conditioned on exceeding elapsed: the truncation is inside the condition.
          return conditional_draw(boost::math::normal_distribution<double>(d.mean, d.sd), elapsed, engine);
        } else {
          std::vector<double> longer;
          for (double v : d.values) {
            if (v > elapsed) longer.push_back(v);
          }
          if (longer.empty()) return 0.0;
          return longer[boost::random::uniform_int_distribution<std::size_t>(0, longer.size() - 1)(engine)] - elapsed;
        }
      },
      spec);
}

}  // namespace carepath::engine
