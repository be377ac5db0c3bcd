// SPDX-License-Identifier: MIT
// Kim and Nelson's selection: its constant by hand, and a case with a known best.
#include <carepath/stats/kn_selection.hpp>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace carepath::stats {
namespace {

TEST(KnSelection, TheConstantIsKimAndNelsons) {
  // k = 2, n0 = 10, alpha = 0.05: eta = (0.1^(-2/9) - 1) / 2 = (1.66810 - 1) / 2 = 0.334050,
  // h2 = 2 x 0.334050 x 9 = 6.01290.
  EXPECT_NEAR(kn_h2(2, 10, 0.05), 6.01290, 1e-4);
  EXPECT_THROW((void)kn_h2(1, 10, 0.05), std::invalid_argument);
}

TEST(KnSelection, KeepsOnlyTheBestOfFiveWithCommonRandomNumbers) {
  // Five systems with means 0, 1, 1, 1.5, 2 (the smallest is best) and a shared noise term of sd
  // 2 plus a system's own of sd 0.5, as common random numbers give: the differences have sd
  // 0.71 while each system's sd is 2.06. With delta = 0.5 (below the gap of 1) the guarantee is
  // P(select 0) >= 0.95; the seed is fixed and the selection checked once, with replications
  // doubling from 10 to 320 as carepath optimise takes them.
  const std::vector<double> means{0, 1, 1, 1.5, 2};
  boost::random::mt19937 engine(20261129);
  boost::random::normal_distribution<double> shared(0, 2), own(0, 0.5);
  std::vector<std::vector<double>> values(means.size());
  for (int j = 0; j < 320; ++j) {
    const double common = shared(engine);
    for (std::size_t i = 0; i < means.size(); ++i) values[i].push_back(means[i] + common + own(engine));
  }
  std::vector<std::size_t> survivors{0, 1, 2, 3, 4};
  for (std::uint32_t r = 10; r <= 320 && survivors.size() > 1; r *= 2) {
    survivors = kn_survivors(values, survivors, means.size(), 10, r, 0.5, 0.05);
  }
  EXPECT_EQ(survivors, std::vector<std::size_t>{0});

  // Identical systems are never told apart: both stay.
  const std::vector<std::vector<double>> same{values[0], values[0]};
  EXPECT_EQ(kn_survivors(same, {0, 1}, 2, 10, 320, 0.5, 0.05), (std::vector<std::size_t>{0, 1}));
}

}  // namespace
}  // namespace carepath::stats
