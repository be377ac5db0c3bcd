// SPDX-License-Identifier: MIT
#include "stats/welford.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace carepath::stats {
namespace {

TEST(Welford, MatchesTwoPassFormulas) {
  Welford w;
  for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) w.add(x);
  EXPECT_EQ(w.count(), 8U);
  EXPECT_DOUBLE_EQ(w.mean(), 5.0);
  EXPECT_DOUBLE_EQ(w.variance(), 32.0 / 7.0);
  EXPECT_EQ(w.max(), 9.0);
}

TEST(Welford, StaysAccurateFarFromZero) {
  Welford w;
  for (int i = 0; i < 1000; ++i) w.add(1e9 + (i % 2));  // naive sum-of-squares loses this variance
  EXPECT_NEAR(w.variance(), 0.25 * 1000 / 999, 1e-9);
}

TEST(Welford, EmptyIsNaN) {
  Welford w;
  EXPECT_TRUE(std::isnan(w.mean()));
  EXPECT_TRUE(std::isnan(w.max()));
  w.add(1);
  EXPECT_TRUE(std::isnan(w.variance()));
}

}  // namespace
}  // namespace carepath::stats
