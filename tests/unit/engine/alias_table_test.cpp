// SPDX-License-Identifier: MIT
#include "engine/alias_table.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <stdexcept>

namespace carepath::engine {
namespace {

TEST(AliasTable, SingleOutcomeIsCertain) {
  const AliasTable t({3.0});
  EXPECT_TRUE(t.is_certain());
  EXPECT_EQ(t.pick(0.0), 0U);
  EXPECT_EQ(t.pick(0.999999), 0U);
}

TEST(AliasTable, ZeroWeightIsNeverPicked) {
  const AliasTable t({0.5, 0.0, 0.5});
  for (int i = 0; i < 1000; ++i) EXPECT_NE(t.pick(i / 1000.0), 1U);
}

TEST(AliasTable, RejectsWeightsWithoutMass) {
  EXPECT_THROW(AliasTable(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(AliasTable({0.0, 0.0}), std::invalid_argument);
}

// Pearson's chi-square goodness of fit, 4 degrees of freedom. With a fixed seed and a single
// attempt, the test fails wrongly with probability 0.001 at most (critical value of the 99.9%
// quantile) and almost surely catches a table off by one percentage point at this sample size.
TEST(AliasTable, FrequenciesMatchWeights) {
  const std::vector<double> p{0.05, 0.15, 0.2, 0.25, 0.35};
  const AliasTable t(p);
  boost::random::mt19937_64 rng(42);
  constexpr int kDraws = 200000;
  std::vector<double> counts(p.size(), 0);
  for (int i = 0; i < kDraws; ++i) counts[t.pick(boost::random::uniform_01<double>()(rng))] += 1;
  double chi2 = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double expected = p[i] * kDraws;
    chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
  }
  const double critical = boost::math::quantile(boost::math::chi_squared(4.0), 0.999);
  EXPECT_LT(chi2, critical);
}

}  // namespace
}  // namespace carepath::engine
