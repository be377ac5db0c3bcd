// SPDX-License-Identifier: MIT
#include <carepath/stats/results.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace carepath::stats {
namespace {

// For 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5); t(0.975, 4 df) = 2.776445105 (standard tables), so
// the half-width is 2.776445105 * sqrt(2.5) / sqrt(5) = 1.963243.
TEST(Estimate, StudentTIntervalMatchesTables) {
  const Estimate e = estimate({1, 2, 3, 4, 5});
  EXPECT_EQ(e.n, 5U);
  EXPECT_DOUBLE_EQ(e.mean, 3.0);
  EXPECT_NEAR(e.sd, std::sqrt(2.5), 1e-12);
  EXPECT_NEAR(e.ci_high - e.mean, 1.963243, 1e-6);
  EXPECT_NEAR(e.mean - e.ci_low, 1.963243, 1e-6);
  EXPECT_EQ(e.min, 1.0);
  EXPECT_EQ(e.max, 5.0);
}

TEST(Estimate, IgnoresNaNReplications) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Estimate e = estimate({nan, 2, nan, 4});
  EXPECT_EQ(e.n, 2U);
  EXPECT_DOUBLE_EQ(e.mean, 3.0);
}

TEST(Estimate, SingleValueHasPointInterval) {
  const Estimate e = estimate({7});
  EXPECT_EQ(e.ci_low, 7.0);
  EXPECT_EQ(e.ci_high, 7.0);
  EXPECT_TRUE(std::isnan(e.sd));
}

TEST(Summarise, FoldsEachServiceAndMetric) {
  std::vector<ReplicationResult> reps(3);
  for (std::size_t r = 0; r < reps.size(); ++r) {
    reps[r].services.resize(2);
    reps[r].services[1].wait_mean = static_cast<double>(r);
    reps[r].system.arrivals = 10.0 * static_cast<double>(r);
  }
  const Summary s = summarise({.services = {"a", "b"}, .pathways = {}, .pathway_targets = {}, .patient_types = {}}, reps);
  ASSERT_EQ(s.services.size(), 2U);
  EXPECT_EQ(s.services[1].name, "b");
  std::size_t wait_mean = 0;
  while (kServiceMetrics[wait_mean].field != &ServiceResult::wait_mean) ++wait_mean;
  EXPECT_STREQ(kServiceMetrics[wait_mean].name, "wait_mean");
  EXPECT_DOUBLE_EQ(s.services[1].metrics[wait_mean].mean, 1.0);
  EXPECT_DOUBLE_EQ(s.system[0].mean, 10.0);
}

}  // namespace
}  // namespace carepath::stats
