// SPDX-License-Identifier: MIT
#include "report/nice_ticks.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace carepath::report {
namespace {

using ::testing::ElementsAre;

// Every step is 1, 2 or 5 times a power of ten, and the ticks cover the data.
void expect_nice(const NiceScale& scale, double low, double high) {
  const double mantissa = scale.step / std::pow(10.0, std::floor(std::log10(scale.step)));
  EXPECT_TRUE(std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 5) < 1e-9)
      << "step " << scale.step;
  EXPECT_LE(scale.low, low);
  EXPECT_GE(scale.high, high);
  EXPECT_DOUBLE_EQ(scale.ticks.front(), scale.low);
  EXPECT_DOUBLE_EQ(scale.ticks.back(), scale.high);
}

TEST(NiceTicks, RoundRangeGivesRoundTicks) {
  const NiceScale scale = nice_scale(0, 100, 5);
  EXPECT_THAT(scale.ticks, ElementsAre(0, 20, 40, 60, 80, 100));
}

TEST(NiceTicks, AwkwardRangeIsWidenedToNiceEnds) {
  const NiceScale scale = nice_scale(3.7, 94.6, 5);
  EXPECT_THAT(scale.ticks, ElementsAre(0, 20, 40, 60, 80, 100));
  expect_nice(scale, 3.7, 94.6);
}

TEST(NiceTicks, SmallAndNegativeRanges) {
  expect_nice(nice_scale(0.013, 0.087, 5), 0.013, 0.087);
  expect_nice(nice_scale(-0.262, 0.069, 4), -0.262, 0.069);
  const NiceScale scale = nice_scale(-0.26, 0.07, 4);
  EXPECT_THAT(scale.ticks, ::testing::Contains(0.0));  // Zero is a tick, exactly.
}

TEST(NiceTicks, NoDriftFromRepeatedAddition) {
  const NiceScale scale = nice_scale(0, 0.3, 3);
  for (std::size_t i = 0; i < scale.ticks.size(); ++i) {
    EXPECT_DOUBLE_EQ(scale.ticks[i], scale.low + static_cast<double>(i) * scale.step);
  }
}

TEST(NiceTicks, FlatOrMissingDataStillGetsAnAxis) {
  EXPECT_THAT(nice_scale(0, 0).ticks.size(), ::testing::Ge(2u));
  expect_nice(nice_scale(5, 5), 5, 5);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(nice_scale(nan, nan).ticks.size(), ::testing::Ge(2u));
}

TEST(NiceTicks, LabelsHaveTheDecimalsTheStepNeeds) {
  EXPECT_EQ(format_tick(20, 5), "20");
  EXPECT_EQ(format_tick(0.4, 0.2), "0.4");
  EXPECT_EQ(format_tick(0.15, 0.05), "0.15");
  EXPECT_EQ(format_tick(12000, 2000), "12,000");
}

}  // namespace
}  // namespace carepath::report
