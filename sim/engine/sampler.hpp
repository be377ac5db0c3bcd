// SPDX-License-Identifier: MIT
// A DistributionSpec made ready to sample: parameters converted once (gamma shape and scale,
// the lognormal's log-space mu and sigma), then one switch per draw with a Boost.Random
// distribution, whose algorithms are portable, so the same seed gives the same numbers on every
// platform (std:: distributions are implementation-defined).
#pragma once

#include <carepath/model/distribution.hpp>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

namespace carepath::engine {

class Sampler {
 public:
  explicit Sampler(const model::DistributionSpec& spec);

  /// One draw, in days. Never negative. The exponential, the commonest service time, is drawn
  /// inline where the engine samples; the whole switch, out of line, cost each draw a call, a
  /// prologue and the dispatch (a tenth of an M/M/3 service start).
  template <class Engine>
  [[nodiscard]] double operator()(Engine& engine) const {
    if (kind_ == Kind::Exponential) return boost::random::exponential_distribution<double>(a_)(engine);
    return draw(engine);
  }

 private:
  template <class Engine>
  [[gnu::noinline]] double draw(Engine& engine) const {
    switch (kind_) {
      case Kind::Exponential:
        return boost::random::exponential_distribution<double>(a_)(engine);
      case Kind::Deterministic:
        return a_;
      case Kind::Uniform:
        return boost::random::uniform_real_distribution<double>(a_, b_)(engine);
      case Kind::Triangular:
        return boost::random::triangle_distribution<double>(a_, b_, c_)(engine);
      case Kind::Gamma:
        return boost::random::gamma_distribution<double>(a_, b_)(engine);
      case Kind::Lognormal:
        return boost::random::lognormal_distribution<double>(a_, b_)(engine);
      case Kind::Weibull:
        return boost::random::weibull_distribution<double>(a_, b_)(engine);
      case Kind::Empirical:
        return values_[boost::random::uniform_int_distribution<std::size_t>(0, values_.size() - 1)(engine)];
      case Kind::TruncatedNormal: {
        // Rejection: the loader keeps sd <= 10 x mean, so at least 54% of draws are kept and the
        // loop runs under two times on average.
        double x = 0;
        do {
          x = boost::random::normal_distribution<double>(a_, b_)(engine);
        } while (x < 0);
        return x;
      }
    }
    return a_;
  }

  enum class Kind : std::uint8_t {
    Exponential, Deterministic, Uniform, Triangular, Gamma, Lognormal, Weibull, Empirical, TruncatedNormal
  };
  Kind kind_ = Kind::Deterministic;
  double a_ = 0;  // exponential: rate; deterministic: value; uniform/triangular: min; gamma: shape;
  double b_ = 0;  // lognormal: mu, sigma; weibull: shape, scale; uniform: max; triangular: mode;
                  // truncated normal: mean, sd
  double c_ = 0;  // triangular: max
  std::vector<double> values_;  // empirical only
};

}  // namespace carepath::engine
