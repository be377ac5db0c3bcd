// SPDX-License-Identifier: MIT
// Every distribution kind, sampled through engine::Sampler from an engine::make_stream stream,
// against its theoretical moments (model::mean_of and model::variance_of), which are first pinned
// to textbook formulas written here independently:
//   exponential(m): m, m^2            uniform(a, b): (a+b)/2, (b-a)^2/12
//   triangular(a, c, b): (a+b+c)/3, (a^2+b^2+c^2-ab-ac-bc)/18
//   gamma and lognormal (given by mean and sd): mean, sd^2
//   weibull(k, s): s G(1+1/k), s^2 (G(1+2/k) - G(1+1/k)^2) with G the gamma function
//   empirical(v_1..v_n): mean and population variance of the values (each equally likely)
//   deterministic(v): v, 0
//   normal(m, s) truncated at zero by rejection, a = -m/s, r = phi(a)/(1 - Phi(a)):
//                    m + s r, s^2 (1 + a r - r^2)   (Johnson, Kotz and Balakrishnan 13.10.1)
// Tolerances come from the central limit theorem over n = 200000 iid draws, at z = 3.09 (the
// 0.999 normal quantile):
//   sample mean:     |mean - mu| <= z s / sqrt(n);
//   sample variance: |s^2 - sigma^2| <= z sqrt((m4 - s^4) / n), m4 the sample fourth central
//                    moment (the delta-method standard error, valid for any finite kurtosis);
//   empirical draws: Pearson's chi-square of the value frequencies below its 0.999 quantile.
// Draws must never be negative, must stay within [min, max] for bounded kinds, and an empirical
// distribution must only return values it was given. Fixed seed, single attempt.
#include "engine/residual.hpp"
#include "engine/rng_streams.hpp"
#include "engine/sampler.hpp"

#include <carepath/model/distribution.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

constexpr std::uint64_t kSeed = 20240607;
constexpr std::size_t kDraws = 200000;

struct Case {
  std::string name;
  model::DistributionSpec spec;
  double mean;      // textbook value, written independently of model::mean_of
  double variance;  // textbook value, written independently of model::variance_of
  double low;       // every draw must lie in [low, high]
  double high;
};

double weibull_mean(double k, double s) { return s * std::tgamma(1 + 1 / k); }
double weibull_variance(double k, double s) {
  const double g1 = std::tgamma(1 + 1 / k);
  return s * s * (std::tgamma(1 + 2 / k) - g1 * g1);
}

// The moments of a normal(m, s) conditioned on exceeding `lower`, from Boost.Math's normal.
double truncated_normal_mean(double m, double s, double lower = 0) {
  const boost::math::normal unit;
  const double a = (lower - m) / s;
  return m + s * boost::math::pdf(unit, a) / boost::math::cdf(boost::math::complement(unit, a));
}
double truncated_normal_variance(double m, double s) {
  const boost::math::normal unit;
  const double a = -m / s;
  const double r = boost::math::pdf(unit, a) / boost::math::cdf(boost::math::complement(unit, a));
  return s * s * (1 + a * r - r * r);
}

std::vector<Case> cases() {
  const double inf = HUGE_VAL;
  return {
      {"exponential", model::Exponential{2.5}, 2.5, 6.25, 0, inf},
      {"uniform", model::Uniform{1.0, 4.0}, 2.5, 9.0 / 12, 1.0, 4.0},
      {"triangular", model::Triangular{0.5, 1.0, 4.0}, 5.5 / 3, (0.25 + 1 + 16 - 0.5 - 2 - 4) / 18, 0.5, 4.0},
      {"triangular_mode_at_min", model::Triangular{0.0, 0.0, 2.0}, 2.0 / 3, 4.0 / 18, 0.0, 2.0},
      {"gamma", model::Gamma{2.0, 1.0}, 2.0, 1.0, 0, inf},
      {"gamma_shape_below_one", model::Gamma{1.0, 2.0}, 1.0, 4.0, 0, inf},
      {"lognormal", model::Lognormal{2.0, 1.0}, 2.0, 1.0, 0, inf},
      {"weibull", model::Weibull{1.5, 2.0}, weibull_mean(1.5, 2.0), weibull_variance(1.5, 2.0), 0, inf},
      {"weibull_shape_below_one", model::Weibull{0.8, 1.0}, weibull_mean(0.8, 1.0), weibull_variance(0.8, 1.0), 0,
       inf},
      {"empirical", model::Empirical{{0.5, 1.0, 1.0, 3.0, 7.5}}, 2.6, (4.41 + 2.56 + 2.56 + 0.16 + 24.01) / 5, 0.5,
       7.5},
      // A third of the untruncated normal lies below zero here, so the mean shifts by 29%.
      {"normal_truncated", model::Normal{1.0, 1.0}, truncated_normal_mean(1, 1), truncated_normal_variance(1, 1), 0,
       inf},
      {"normal_barely_truncated", model::Normal{3.0, 1.0}, truncated_normal_mean(3, 1),
       truncated_normal_variance(3, 1), 0, inf},
  };
}

class Distribution : public ::testing::TestWithParam<std::size_t> {
 protected:
  const Case& param() const {
    static const std::vector<Case> all = cases();
    return all.at(GetParam());
  }

  /// kDraws draws from the case's own stream, so cases do not share random numbers.
  std::vector<double> draws() const {
    engine::RandomEngine stream =
        engine::make_stream(kSeed, 0, engine::StreamPurpose::ServiceTime, static_cast<std::uint32_t>(GetParam()));
    const engine::Sampler sampler(param().spec);
    std::vector<double> x(kDraws);
    for (double& v : x) v = sampler(stream);
    return x;
  }
};

const double kZ = boost::math::quantile(boost::math::normal(), 0.999);

TEST_P(Distribution, TheoreticalMomentsMatchTextbookFormulas) {
  EXPECT_NEAR(model::mean_of(param().spec), param().mean, 1e-12 * param().mean);
  EXPECT_NEAR(model::variance_of(param().spec), param().variance, 1e-12 * param().variance);
}

TEST_P(Distribution, SampleMomentsMatchTheory) {
  const std::vector<double> x = draws();
  const auto n = static_cast<double>(x.size());
  double sum = 0;
  for (const double v : x) sum += v;
  const double mean = sum / n;
  double m2 = 0;
  double m4 = 0;
  for (const double v : x) {
    const double d2 = (v - mean) * (v - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  const double variance = m2 / (n - 1);
  m4 /= n;

  const double mu = model::mean_of(param().spec);
  const double sigma2 = model::variance_of(param().spec);
  EXPECT_LE(std::abs(mean - mu), kZ * std::sqrt(variance / n)) << "sample mean " << mean << ", theory " << mu;
  EXPECT_LE(std::abs(variance - sigma2), kZ * std::sqrt((m4 - variance * variance) / n))
      << "sample variance " << variance << ", theory " << sigma2;
}

TEST_P(Distribution, DrawsStayInTheSupport) {
  const std::vector<double> x = draws();
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  EXPECT_GE(*lo, 0.0);
  EXPECT_GE(*lo, param().low);
  EXPECT_LE(*hi, param().high);
}

INSTANTIATE_TEST_SUITE_P(Kinds, Distribution, ::testing::Range<std::size_t>(0, cases().size()),
                         [](const auto& test) { return cases().at(test.param).name; });

TEST(DistributionDeterministic, AlwaysReturnsItsValue) {
  for (const double value : {0.0, 3.25}) {
    const model::DistributionSpec spec = model::Deterministic{value};
    EXPECT_EQ(model::mean_of(spec), value);
    EXPECT_EQ(model::variance_of(spec), 0.0);
    engine::RandomEngine stream = engine::make_stream(kSeed, 0, engine::StreamPurpose::ServiceTime, 100);
    const engine::Sampler sampler(spec);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(sampler(stream), value);
  }
}

TEST(DistributionEmpirical, DrawsOnlyGivenValuesWithTheirFrequencies) {
  const std::vector<double> values{0.5, 1.0, 1.0, 3.0, 7.5};
  std::map<double, double> expected_share;
  for (const double v : values) expected_share[v] += 1.0 / static_cast<double>(values.size());

  engine::RandomEngine stream = engine::make_stream(kSeed, 0, engine::StreamPurpose::ServiceTime, 101);
  const engine::Sampler sampler(model::Empirical{values});
  std::map<double, double> count;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double v = sampler(stream);
    ASSERT_TRUE(expected_share.count(v)) << v << " is not one of the given values";
    count[v] += 1;
  }
  double chi2 = 0;
  for (const auto& [v, share] : expected_share) {
    const double expected = share * static_cast<double>(kDraws);
    chi2 += (count[v] - expected) * (count[v] - expected) / expected;
  }
  const boost::math::chi_squared dist(static_cast<double>(expected_share.size() - 1));
  EXPECT_LT(chi2, boost::math::quantile(dist, 0.999));
}

// Residual stays of patients present at the start: a stay already `elapsed` days long has the
// remaining time of a normal(m, s) conditioned on exceeding elapsed, whose mean is
// truncated_normal_mean(m, s, elapsed) - elapsed (elapsed 0 gives the truncated normal itself).
// Tolerance: z = 3.09 standard errors of the mean of kDraws iid draws, per elapsed time.
TEST(DistributionTruncatedNormal, ResidualTimesAreConditionedOnTheTimeElapsed) {
  const model::DistributionSpec spec = model::Normal{1.0, 1.0};
  for (const double elapsed : {0.0, 0.5, 2.0, 4.0}) {
    engine::RandomEngine stream = engine::make_stream(kSeed, 0, engine::StreamPurpose::ServiceTime, 102);
    std::vector<double> x(kDraws);
    for (double& v : x) v = engine::sample_residual(spec, elapsed, stream);
    const auto n = static_cast<double>(x.size());
    double sum = 0;
    for (const double v : x) sum += v;
    const double mean = sum / n;
    double m2 = 0;
    for (const double v : x) m2 += (v - mean) * (v - mean);
    const double expected = truncated_normal_mean(1, 1, elapsed) - elapsed;
    EXPECT_LE(std::abs(mean - expected), kZ * std::sqrt(m2 / (n - 1) / n))
        << "elapsed " << elapsed << ": mean residual " << mean << ", theory " << expected;
    EXPECT_GE(*std::min_element(x.begin(), x.end()), 0.0);
  }
}

}  // namespace
}  // namespace carepath::validation
