// SPDX-License-Identifier: MIT
// A normal service time truncated at zero, through the whole engine: scenarios/examples/
// normal_service.json is an M/G/infinity ward (nobody waits), so each replication's mean sojourn
// estimates the mean stay and its mean occupancy lambda x mean stay (Gross and Harris 6.2, for any
// stay distribution). Truncation is by rejection, so the mean stay is the truncated normal's,
//   m + s phi(m/s) / Phi(m/s)   (Johnson, Kotz and Balakrishnan 13.10.1),
// computed here from Boost.Math's normal, independently of model::mean_of. With m = 2, s = 1.5 it
// is 2.271 days, so the test tells truncation by rejection from a clamp at zero (negative draws
// set to 0: mean 2.064) and from no truncation (mean 2), both far outside the intervals.
// Tolerance: ci_check.hpp, a 99% family of two Student-t intervals over 20 replications of 2000
// days (about 20,000 stays each), fixed seed, one attempt.
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/run/batch.hpp>

#include <boost/math/distributions/normal.hpp>
#include <gtest/gtest.h>

#include <variant>

namespace carepath::validation {
namespace {

TEST(TruncatedNormal, MeanStayIsTheTruncatedNormalsMean) {
  const model::Scenario scenario =
      io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/normal_service.json").scenario;
  const auto& stay = std::get<model::Normal>(scenario.services.at(0).service_time);
  const boost::math::normal unit;
  const double truncated_mean =
      stay.mean + stay.sd * boost::math::pdf(unit, stay.mean / stay.sd) / boost::math::cdf(unit, stay.mean / stay.sd);
  ASSERT_NEAR(truncated_mean, 2.2707, 1e-4);
  EXPECT_NEAR(model::mean_of(scenario.services[0].service_time), truncated_mean, 1e-12);

  const run::BatchResult batch = run::run_batch(scenario);
  const double lambda = scenario.arrivals.at(0).rate_per_day;
  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("sojourn_mean", per_replication(batch, 0, &stats::ServiceResult::sojourn_mean),
                          truncated_mean));
  EXPECT_TRUE(ci.contains("mean_occupancy", per_replication(batch, 0, &stats::ServiceResult::mean_occupancy),
                          lambda * truncated_mean));
}

}  // namespace
}  // namespace carepath::validation
