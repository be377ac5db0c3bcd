// SPDX-License-Identifier: MIT
#include <carepath/io/number_format.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace carepath::io {
namespace {

TEST(NumberFormatTest, ShortestIsTheShortestTextThatReadsBackExactly) {
  EXPECT_EQ(format_shortest(0.1), "0.1");
  EXPECT_EQ(format_shortest(2.0), "2");
  EXPECT_EQ(format_shortest(-0.25), "-0.25");
  EXPECT_EQ(format_shortest(1e-7), "1e-07");
  EXPECT_EQ(format_shortest(123456789.0), "123456789");
  for (const double value : {1.0 / 3, 2.0 / 3 * 1e-300, 0.1 + 0.2, 6.02214076e23}) {
    EXPECT_EQ(std::strtod(format_shortest(value).c_str(), nullptr), value) << value;
  }
}

TEST(NumberFormatTest, ShortestWritesNanAsAnEmptyField) {
  EXPECT_EQ(format_shortest(std::numeric_limits<double>::quiet_NaN()), "");
}

TEST(NumberFormatTest, FixedRoundsToTheGivenDecimals) {
  EXPECT_EQ(format_fixed(2.449, 1), "2.4");
  EXPECT_EQ(format_fixed(2.45001, 1), "2.5");
  EXPECT_EQ(format_fixed(985.0, 0), "985");
  EXPECT_EQ(format_fixed(0.0, 2), "0.00");
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::quiet_NaN(), 1), "-");
}

}  // namespace
}  // namespace carepath::io
