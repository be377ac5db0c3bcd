// SPDX-License-Identifier: MIT
#include "engine/sampler.hpp"

#include <type_traits>

namespace carepath::engine {

Sampler::Sampler(const model::DistributionSpec& spec) {
  std::visit(
      [this](const auto& d) {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, model::Exponential>) {
          kind_ = Kind::Exponential;
          a_ = 1.0 / d.mean;
        } else if constexpr (std::is_same_v<D, model::Deterministic>) {
          kind_ = Kind::Deterministic;
          a_ = d.value;
        } else if constexpr (std::is_same_v<D, model::Uniform>) {
          kind_ = Kind::Uniform;
          a_ = d.min;
          b_ = d.max;
        } else if constexpr (std::is_same_v<D, model::Triangular>) {
          kind_ = Kind::Triangular;
          a_ = d.min;
          b_ = d.mode;
          c_ = d.max;
        } else if constexpr (std::is_same_v<D, model::Gamma>) {
          kind_ = Kind::Gamma;
          a_ = (d.mean * d.mean) / (d.sd * d.sd);  // shape k = mean^2 / var
          b_ = (d.sd * d.sd) / d.mean;             // scale theta = var / mean
        } else if constexpr (std::is_same_v<D, model::Lognormal>) {
          kind_ = Kind::Lognormal;
          const double sigma2 = std::log1p((d.sd * d.sd) / (d.mean * d.mean));
          a_ = std::log(d.mean) - sigma2 / 2;  // mu of the underlying normal
          b_ = std::sqrt(sigma2);
        } else if constexpr (std::is_same_v<D, model::Weibull>) {
          kind_ = Kind::Weibull;
          a_ = d.shape;
          b_ = d.scale;
        } else if constexpr (std::is_same_v<D, model::Normal>) {
          kind_ = Kind::TruncatedNormal;
          a_ = d.mean;
          b_ = d.sd;
        } else {
          static_assert(std::is_same_v<D, model::Empirical>);
          kind_ = Kind::Empirical;
          values_ = d.values;
        }
      },
      spec);
}

}  // namespace carepath::engine
