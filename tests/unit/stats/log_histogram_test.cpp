// SPDX-License-Identifier: MIT
#include "stats/log_histogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <cmath>
#include <vector>

namespace carepath::stats {
namespace {

// The histogram's quantile is the middle of the bucket holding the exact nearest-rank quantile,
// and buckets are at most 1/128 of their value wide, so the relative error is below 1/256.
TEST(LogHistogram, QuantilesWithinHalfABucketOfExact) {
  boost::random::mt19937_64 rng(3);
  boost::random::exponential_distribution<double> wait(0.5);
  LogHistogram h;
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) {
    const double v = wait(rng);
    h.add(v);
    values.push_back(v);
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.01, 0.25, 0.5, 0.9, 0.95, 0.99}) {
    const double exact = values[static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1];
    EXPECT_NEAR(h.quantile(q), exact, exact / 256) << "q=" << q;
  }
}

TEST(LogHistogram, ZerosReadAsZero) {
  LogHistogram h;
  for (int i = 0; i < 60; ++i) h.add(0.0);
  for (int i = 0; i < 40; ++i) h.add(2.0);
  EXPECT_EQ(h.quantile(0.5), 0.0);
  EXPECT_EQ(h.quantile(0.6), 0.0);
  EXPECT_NEAR(h.quantile(0.61), 2.0, 2.0 / 256);
  EXPECT_EQ(h.count(), 100U);
}

TEST(LogHistogram, SmallestBucketIsNotConfusedWithZero) {
  LogHistogram h;
  const double tiny = std::ldexp(1.0, LogHistogram::kMinExponent);
  h.add(tiny);
  EXPECT_NEAR(h.quantile(1.0), tiny, tiny / 256);
}

TEST(LogHistogram, EmptyIsNaN) { EXPECT_TRUE(std::isnan(LogHistogram().quantile(0.5))); }

}  // namespace
}  // namespace carepath::stats
