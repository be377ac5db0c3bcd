// SPDX-License-Identifier: MIT
// What-if comparisons (run/compare.hpp) and the common random numbers they rest on.
//
// Common random numbers: streams are keyed by the NAME of their source or service
// (engine/rng_streams.hpp), so a variant that adds a service and changes a downstream capacity
// sees exactly the same arrivals, replication by replication, and listing the services in
// another order changes nothing at all. A variant identical to the base differs by exactly 0.
//
// M/M/1 vs M/M/2 (lambda = 0.8/day, mu = 1/day; scenarios/examples/mm1.json and its capacity 2):
//   M/M/1: Wq = rho / (mu - lambda) = 0.8 / 0.2 = 4 days.
//   M/M/2: a = 0.8, Erlang B(2, 0.8) = 0.150943, C(2, 0.8) = 2B / (2 - a (1 - B)) = 0.228571,
//          Wq = C / (2 mu - lambda) = 0.190476 days.
//   The paired difference of wait_mean, variant - base, is 0.190476 - 4 = -3.809524 days.
// Why the tolerance holds: the pairs (base_r, variant_r) are independent across replications
// (each replication has its own streams) and identically distributed, and each replication's
// wait_mean averages about 7600 patients over 9500 days, so d_r is close to normal and the
// Student-t interval of mean(d) has its stated coverage whatever the correlation within a pair;
// the 500-day warm-up is 5 relaxation times of the M/M/1 (90 days) and far more for the M/M/2, so
// the start-up bias is far below the half-width. The check is a 99% interval from a fixed seed,
// one attempt (ci_check.hpp).
#include "analytic.hpp"
#include "ci_check.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/run/compare.hpp>

#include <boost/math/distributions/students_t.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

const run::KpiDifference& find_difference(const run::VariantDifferences& d, const std::string& kind,
                                          const std::string& name, const std::string& metric) {
  const auto it = std::find_if(d.differences.begin(), d.differences.end(), [&](const run::KpiDifference& k) {
    return k.kind == kind && k.name == name && k.metric == metric;
  });
  if (it == d.differences.end()) throw std::logic_error("no difference for " + name + " " + metric);
  return *it;
}

constexpr const char* kTwoSourcesAndAWard = R"({
  "name": "crn",
  "run": { "horizon": "200d", "warm_up": "20d", "replications": 8, "seed": 5 },
  "arrivals": [ { "name": "a", "to": "triage_a", "rate": "3/day" },
                { "name": "b", "to": "triage_b", "rate": "2/day" } ],
  "services": [
    { "name": "triage_a", "capacity": 1, "service_time": { "distribution": "exponential", "mean": "4h" },
      "next": [ { "to": "ward" } ] },
    { "name": "triage_b", "capacity": 1, "service_time": { "distribution": "exponential", "mean": "6h" },
      "next": [ { "to": "ward" } ] },
    { "name": "ward", "capacity": 6, "service_time": { "distribution": "lognormal", "mean": "1d", "sd": "1d" } }
  ],
  "variants": [
    { "name": "step_down",
      "services": { "ward": { "capacity": 7, "next": [ { "to": "step_down", "probability": 0.5 },
                                                          { "to": "exit", "probability": 0.5 } ] },
                    "step_down": { "capacity": 2, "service_time": { "distribution": "exponential", "mean": "1d" } } } },
    { "name": "same" }
  ]
})";

TEST(CommonRandomNumbers, AVariantAddingAServiceSeesTheSameArrivals) {
  const io::LoadedScenarioSet set = io::parse_scenario_set(kTwoSourcesAndAWard, "crn.json");
  ASSERT_EQ(set.variants.size(), 2u);
  const run::ComparisonResult cmp = run::run_comparison(set.base, set.variants, {.threads = 2});
  const run::BatchResult& base = cmp.base;
  const run::BatchResult& variant = cmp.variants[0].result;
  ASSERT_EQ(variant.labels.services.size(), 4u);
  for (std::size_t r = 0; r < base.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    // Each triage service is fed by exactly one source, so its arrivals are that source's.
    for (std::size_t s : {0U, 1U}) {
      EXPECT_GT(base.replications[r].services[s].arrivals, 0);
      EXPECT_EQ(base.replications[r].services[s].arrivals, variant.replications[r].services[s].arrivals);
      // Upstream of the change, with the same service-time streams: the very same waits.
      EXPECT_EQ(base.replications[r].services[s].wait_mean, variant.replications[r].services[s].wait_mean);
    }
    EXPECT_EQ(base.replications[r].system.arrivals, variant.replications[r].system.arrivals);
  }
  const auto& arrivals = find_difference(cmp.differences[0], "system", "system", "arrivals");
  EXPECT_EQ(arrivals.difference.mean, 0.0);
  EXPECT_EQ(arrivals.difference.ci_low, 0.0);
  EXPECT_EQ(arrivals.difference.ci_high, 0.0);
}

TEST(CommonRandomNumbers, TheOrderOfServicesDoesNotMatter) {
  const io::LoadedScenarioSet set = io::parse_scenario_set(kTwoSourcesAndAWard, "crn.json");
  model::Scenario reordered = set.base;
  std::reverse(reordered.services.begin(), reordered.services.end());
  const run::BatchResult a = run::run_batch(set.base, {.threads = 1});
  const run::BatchResult b = run::run_batch(reordered, {.threads = 1});
  const std::size_t n = a.labels.services.size();
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    for (std::size_t s = 0; s < n; ++s) {
      for (const auto& metric : stats::kServiceMetrics) {
        const double x = a.replications[r].services[s].*metric.field;
        const double y = b.replications[r].services[n - 1 - s].*metric.field;
        EXPECT_TRUE(x == y || (std::isnan(x) && std::isnan(y)))
            << a.labels.services[s] << " " << metric.name << " replication " << r << ": " << x << " vs " << y;
      }
    }
  }
}

TEST(Comparison, AVariantIdenticalToTheBaseDiffersByExactlyZero) {
  const io::LoadedScenarioSet set = io::parse_scenario_set(kTwoSourcesAndAWard, "crn.json");
  const run::ComparisonResult cmp = run::run_comparison(set.base, {set.variants[1]}, {.threads = 2});
  ASSERT_EQ(cmp.differences.size(), 1u);
  const auto& differences = cmp.differences[0].differences;
  EXPECT_EQ(differences.size(), 3 * stats::kServiceMetrics.size() + stats::kSystemMetrics.size());
  std::size_t compared = 0;
  for (const run::KpiDifference& d : differences) {
    if (d.difference.n < 2) continue;  // Nothing measured in either (e.g. no wait target).
    ++compared;
    EXPECT_EQ(d.difference.mean, 0.0) << d.name << " " << d.metric;
    EXPECT_EQ(d.difference.ci_low, 0.0) << d.name << " " << d.metric;
    EXPECT_EQ(d.difference.ci_high, 0.0) << d.name << " " << d.metric;
    EXPECT_EQ(d.base_mean, d.variant_mean) << d.name << " " << d.metric;
  }
  EXPECT_GT(compared, 40u);
}

model::ScenarioVariant variant_of(const model::Scenario& base, std::string name) {
  model::ScenarioVariant v{name, "", {}, {}, base};
  v.scenario.name = std::move(name);
  return v;
}

std::vector<double> paired_values(const run::ComparisonResult& cmp, double stats::ServiceResult::*field) {
  std::vector<double> d;
  for (std::size_t r = 0; r < cmp.base.replications.size(); ++r) {
    d.push_back(cmp.variants[0].result.replications[r].services[0].*field - cmp.base.replications[r].services[0].*field);
  }
  return d;
}

TEST(Comparison, Mm1ToMm2WaitDifferenceMatchesErlangC) {
  const model::Scenario base = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mm1.json").scenario;
  model::ScenarioVariant two = variant_of(base, "two_servers");
  two.scenario.services[0].capacity = 2;
  const double lambda = base.arrivals[0].rate_per_day;
  const double mu = 1.0 / model::mean_of(base.services[0].service_time);
  const double expected = Mmc{lambda, mu, 2}.wait_mean() - mm1(lambda, mu).wait_mean();
  ASSERT_NEAR(expected, 0.190476 - 4.0, 1e-6);

  const run::ComparisonResult cmp = run::run_comparison(base, {two});
  const run::KpiDifference& wait = find_difference(cmp.differences[0], "service", "clinic", "wait_mean");
  const std::vector<double> d = paired_values(cmp, &stats::ServiceResult::wait_mean);

  // The reported interval is the 95% Student-t interval of the per-replication differences.
  const Interval ci95 = t_interval(d, 0.95);
  EXPECT_NEAR(wait.difference.mean, ci95.mean, 1e-12);
  EXPECT_NEAR(wait.difference.ci_low, ci95.low(), 1e-12);
  EXPECT_NEAR(wait.difference.ci_high, ci95.high(), 1e-12);
  EXPECT_EQ(wait.difference.n, base.run.replications);
  EXPECT_NEAR(wait.variant_mean - wait.base_mean, wait.difference.mean, 1e-9);

  CiFamily family(1);
  EXPECT_TRUE(family.contains("wait_mean difference, M/M/2 - M/M/1", d, expected));
}

// Pairing pays when base and variant move together: a 5% faster server in the M/M/1 changes the
// waits of every replication in the same direction, so sd(d) is far below sd(base) and sd(variant),
// and the paired interval is much narrower than the unpaired (Welch) one built from the two
// summaries alone, which ignores the shared noise.
TEST(Comparison, PairedIntervalIsNarrowerThanUnpairedWithCommonRandomNumbers) {
  const model::Scenario base = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/mm1.json").scenario;
  model::ScenarioVariant faster = variant_of(base, "faster");
  faster.scenario.services[0].service_time = model::scaled(base.services[0].service_time, 0.95);

  const run::ComparisonResult cmp = run::run_comparison(base, {faster});
  const run::KpiDifference& wait = find_difference(cmp.differences[0], "service", "clinic", "wait_mean");
  const double paired_half_width = (wait.difference.ci_high - wait.difference.ci_low) / 2;

  const stats::Estimate& b = cmp.base.summary.services[0].metrics[6];
  const stats::Estimate& v = cmp.variants[0].result.summary.services[0].metrics[6];
  ASSERT_STREQ(stats::kServiceMetrics[6].name, "wait_mean");
  const double se_b = b.sd / std::sqrt(static_cast<double>(b.n));
  const double se_v = v.sd / std::sqrt(static_cast<double>(v.n));
  const double se = std::sqrt(se_b * se_b + se_v * se_v);
  const double df = std::pow(se, 4) / (std::pow(se_b, 4) / (b.n - 1) + std::pow(se_v, 4) / (v.n - 1));
  const boost::math::students_t t(df);
  const double unpaired_half_width = boost::math::quantile(boost::math::complement(t, 0.025)) * se;

  EXPECT_LT(wait.difference.mean, 0) << "a faster server must shorten the wait";
  EXPECT_LT(wait.difference.ci_high, 0) << "and the paired interval must show it";
  EXPECT_LT(paired_half_width, unpaired_half_width / 2)
      << "paired " << paired_half_width << " vs unpaired " << unpaired_half_width;
}

}  // namespace
}  // namespace carepath::validation
