// SPDX-License-Identifier: MIT
#include "stats/time_average.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace carepath::stats {
namespace {

TEST(TimeAverage, WeighsEachLevelByHowLongItLasted) {
  TimeAverage a;
  a.change(0, +2);  // level 2 on [0, 1)
  a.change(1, +1);  // level 3 on [1, 4)
  a.change(4, -3);  // level 0 on [4, 5]
  EXPECT_DOUBLE_EQ(a.average(5), (2 * 1 + 3 * 3 + 0 * 1) / 5.0);
}

TEST(TimeAverage, RestartKeepsLevelButForgetsArea) {
  TimeAverage a;
  a.change(0, +4);
  a.restart(10);
  EXPECT_EQ(a.level(), 4);
  a.change(12, -4);
  EXPECT_DOUBLE_EQ(a.average(14), (4 * 2 + 0 * 2) / 4.0);
}

TEST(TimeAverage, EmptyWindowIsNaN) {
  TimeAverage a;
  a.restart(3);
  EXPECT_TRUE(std::isnan(a.average(3)));
}

}  // namespace
}  // namespace carepath::stats
