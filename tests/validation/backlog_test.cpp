// SPDX-License-Identifier: MIT
// Starting from today (format v2, "initial"): patients already waiting or in service at time 0.
// A waiting patient who has waited w arrived at -w, and that earlier wait counts in the wait
// statistics; a patient in service for e days finishes after a residual drawn from the service
// time conditioned on exceeding e. In every case the clinic under test has no arrivals (the
// scenario's source feeds a separate decoy service), and there is no warm-up, so the initial
// patients are the clinic's present_at_start and never its arrivals.
//
// 1. Deterministic backlog, exactly. One server, 1 day per patient; 6 patients have waited 5 days
//    and 4 have waited 10 days (listed in that order). FIFO by arrival, so the four older ones
//    start at 0, 1, 2, 3 (waits 10, 11, 12, 13) and the others at 4..9 (waits 9..14).
//    Horizon 20: completions 10, wait_mean = (46 + 69) / 10 = 11.5 (whatever the order),
//      wait_max = 14 (FIFO; 19 if served in listing order), wait_within_target (11.5 days) = 5/10,
//      mean_occupancy = 10/20.
//    Horizon 7.5: completions 7, present_at_end 3, the 8 started waited 10..13 and 9..12, so
//      wait_mean = 11 and within target 5/8; mean_queue = (9+8+7+6+5+4+3 + 0.5 x 2) / 7.5 =
//      43/7.5; over_target_at_end = 2 (the two still waiting are 12.5 days into their wait).
//
// 2. Exponential backlog: N = 40 patients who have waited 7 days, service rate mu = 1, horizon
//    T = 40. The server is busy until the backlog is gone, so completions by T are
//    min(K, N) with K ~ Poisson(mu T) (equivalently the N-th completion is Erlang(N, mu)):
//      E[completions] = sum_{k<N} k P(K = k) + N P(K >= N) = 37.482118
//    and present_at_end = N - completions. Since completions - mu x busy time is a martingale,
//    E[mean_occupancy] x T = E[completions] / mu as well. Exactly in every replication: no
//    arrivals, completions + present_at_end = 40, and wait_mean >= 7 (every wait includes the
//    7 days already waited; the first patient's wait is exactly 7).
//
// 3. Residual stays of patients in service, conditioned on elapsed time e:
//    - deterministic 10 days, e = 4: finishes at exactly 6 (mean_occupancy over [0, 10] = 0.6);
//    - exponential of mean 2, e = 4: memoryless, residual mean 2; 30 beds each with such a patient,
//      horizon 100: E[mean_occupancy] = 30 x 2 / 100 = 0.6 (the tail beyond 100 is e^-50);
//    - uniform(0, 10), e = 4: residual uniform(0, 6), mean 3, and always done by 6; horizon
//      6.000001: every one of 30 completes, E[mean_occupancy] = 30 x 3 / 6.000001 = 14.999998;
//    - Weibull shape 2, scale 10, e = 10: E[S - e | S > e] = integral_e^inf exp(-(s/10)^2) ds /
//      exp(-1) = 10 (sqrt(pi)/2) erfc(1) e = 3.789361; 30 beds, horizon 50:
//      E[mean_occupancy] = 30 x 3.789361 / 50 = 2.273616.
//    Drawing a fresh stay instead would give 5 for the uniform and 8.862 for the Weibull.
//
// 4. A long waiting list with patience (reneging from the middle of the line): N = 10^6 patients
//    waiting at time 0 (elapsed 0), patience exponential of mean 10 days, 10 servers of exactly
//    1 day, horizon 5. The line never empties, so the servers start 10 patients at each of
//    0, 1, 2, 3, 4, FIFO among those still there: exactly 40 completions (the ends at 5 fall on
//    the horizon, which wins the tie), 10 in service at the end, waits 0..4 so wait_mean = 2,
//    and reneges + completions + present_at_end = N. A patient reneges by 5 unless started
//    first, so E[reneges] = N (1 - e^-0.5) = 393,469.3 less at most the 50 started
//    (sd sqrt(N p (1 - p)) = 488.7); the test allows 5 sd plus those 50. Before lazy deletion
//    from the line this took minutes (each renege shifted the line); its speed is measured by
//    tools/bench, and here its results.
//
// Why the tolerance holds: each replication gives one iid value (own streams, fixed seeds, one
// attempt): a sum of 30 independent residuals, or the backlog's count capped at 40 (a point mass
// of 0.52 at 40 and a Poisson-shaped left tail, so moderately skewed); a Student-t interval over
// 1000 or 400 replications (200 or 100 under sanitizers) has close to its stated coverage for
// such values. Each test is a 99% Bonferroni family (ci_check.hpp); the interval always comes
// from the run actually made.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <boost/math/distributions/poisson.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

/// E[min(K, n)], K ~ Poisson(mean).
double expected_capped_poisson(double mean, unsigned n) {
  const boost::math::poisson_distribution<double> k(mean);
  double sum = 0;
  for (unsigned j = 0; j < n; ++j) sum += j * boost::math::pdf(k, j);
  return sum + n * boost::math::cdf(boost::math::complement(k, n - 1.0));
}

/// E[S - e | S > e] for S ~ Weibull(shape 2, scale).
double weibull2_mean_residual(double scale, double elapsed) {
  const double z = elapsed / scale;
  return scale * std::sqrt(std::numbers::pi) / 2 * std::erfc(z) / std::exp(-z * z);
}

/// The clinic (service 0) and a decoy (service 1) that takes the arrivals.
model::Scenario clinic_scenario(const std::string& name, double horizon, std::uint32_t replications, std::uint64_t seed,
                                model::Service clinic) {
  model::Scenario s = build::scenario(name, horizon, 0, replications, seed);
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  s.services = {std::move(clinic), build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  return s;
}

model::Service deterministic_backlog_clinic() {
  model::Service clinic = build::service("clinic", 1, model::Deterministic{1.0});
  clinic.initial_waiting = {build::cohort(5, 6), build::cohort(10, 4)};
  clinic.wait_target = 11.5;
  return clinic;
}

TEST(Backlog, FormulasGiveTheValuesInTheHeader) {
  EXPECT_NEAR(expected_capped_poisson(40, 40), 37.482118, 5e-7);
  EXPECT_NEAR(weibull2_mean_residual(10, 10), 3.789361, 5e-7);
  EXPECT_NEAR(weibull2_mean_residual(10, 0), 10 * std::sqrt(std::numbers::pi) / 2, 1e-12);  // the plain mean
}

TEST(Backlog, DeterministicBacklogIsServedOldestFirstAndKeepsItsEarlierWait) {
  const run::BatchResult full = run::run_batch(clinic_scenario("backlog_20", 20, 2, 71, deterministic_backlog_clinic()));
  for (const auto& rep : full.replications) {
    const stats::ServiceResult& c = rep.services[0];
    EXPECT_EQ(c.present_at_start, 10.0);
    EXPECT_EQ(c.arrivals, 0.0);
    EXPECT_EQ(c.completions, 10.0);
    EXPECT_EQ(c.present_at_end, 0.0);
    EXPECT_NEAR(c.wait_mean, 11.5, 1e-9);
    EXPECT_NEAR(c.wait_max, 14.0, 1e-9);
    EXPECT_NEAR(c.wait_within_target, 0.5, 1e-12);
    EXPECT_EQ(c.waited_share, 1.0);
    EXPECT_NEAR(c.mean_occupancy, 0.5, 1e-12);
    EXPECT_EQ(c.over_target_at_end, 0.0);
    EXPECT_EQ(rep.system.present_at_start, 10.0);
  }

  const run::BatchResult part = run::run_batch(clinic_scenario("backlog_7_5", 7.5, 2, 72, deterministic_backlog_clinic()));
  for (const auto& rep : part.replications) {
    const stats::ServiceResult& c = rep.services[0];
    EXPECT_EQ(c.completions, 7.0);
    EXPECT_EQ(c.present_at_end, 3.0);
    EXPECT_NEAR(c.wait_mean, 11.0, 1e-9);
    EXPECT_NEAR(c.wait_within_target, 5.0 / 8, 1e-12);
    EXPECT_NEAR(c.mean_queue, 43.0 / 7.5, 1e-9);
    EXPECT_EQ(c.over_target_at_end, 2.0);
  }
}

TEST(Backlog, ExponentialBacklogDrainsAtTheServiceRate) {
  constexpr unsigned kBacklog = 40;
  constexpr double kHorizon = 40;
  const std::uint32_t replications = sized(1000u, 200u);
  model::Service clinic = build::service("clinic", 1, model::Exponential{1.0});
  clinic.initial_waiting = {build::cohort(7, kBacklog)};
  const run::BatchResult batch = run::run_batch(clinic_scenario("backlog_exp", kHorizon, replications, 73, clinic));
  ASSERT_EQ(batch.replications.size(), replications);
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ServiceResult& c = batch.replications[r].services[0];
    EXPECT_EQ(c.arrivals, 0.0);
    EXPECT_EQ(c.present_at_start, kBacklog);
    EXPECT_EQ(c.completions + c.present_at_end, kBacklog);
    EXPECT_GE(c.wait_mean, 7.0);
  }

  const double expected = expected_capped_poisson(kHorizon, kBacklog);
  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("completions", per_replication(batch, 0, &stats::ServiceResult::completions), expected));
  EXPECT_TRUE(ci.contains("busy days", per_replication_of(batch, [&](const stats::ReplicationResult& rep) {
                            return rep.services[0].mean_occupancy * kHorizon;
                          }),
                          expected));
}

model::Service occupied_beds(std::uint32_t beds, model::DistributionSpec service_time, double elapsed) {
  model::Service clinic = build::service("clinic", beds, std::move(service_time));
  clinic.initial_in_service = {build::cohort(elapsed, beds)};
  return clinic;
}

TEST(Backlog, DeterministicStayFinishesAfterItsRemainder) {
  const model::Service clinic = occupied_beds(1, model::Deterministic{10.0}, 4.0);
  for (const auto& rep : run::run_batch(clinic_scenario("residual_det_10", 10, 2, 74, clinic)).replications) {
    EXPECT_EQ(rep.services[0].present_at_start, 1.0);
    EXPECT_EQ(rep.services[0].completions, 1.0);
    EXPECT_NEAR(rep.services[0].mean_occupancy, 0.6, 1e-12);
  }
  for (const auto& rep : run::run_batch(clinic_scenario("residual_det_5_9", 5.9, 2, 75, clinic)).replications) {
    EXPECT_EQ(rep.services[0].completions, 0.0);
    EXPECT_EQ(rep.services[0].present_at_end, 1.0);
  }
}

TEST(Backlog, ResidualStaysAreConditionedOnElapsedTime) {
  constexpr std::uint32_t kBeds = 30;
  const std::uint32_t replications = sized(400u, 100u);
  const run::BatchResult exponential = run::run_batch(
      clinic_scenario("residual_exp", 100, replications, 76, occupied_beds(kBeds, model::Exponential{2.0}, 4.0)));
  const double uniform_horizon = 6.000001;
  const run::BatchResult uniform = run::run_batch(clinic_scenario(
      "residual_uniform", uniform_horizon, replications, 77, occupied_beds(kBeds, model::Uniform{0.0, 10.0}, 4.0)));
  const run::BatchResult weibull = run::run_batch(
      clinic_scenario("residual_weibull", 50, replications, 78, occupied_beds(kBeds, model::Weibull{2.0, 10.0}, 10.0)));

  for (const auto& rep : uniform.replications) {
    EXPECT_EQ(rep.services[0].completions, kBeds) << "a uniform(0, 10) stay 4 days in must end within 6 days";
  }
  for (const auto* batch : {&exponential, &uniform, &weibull}) {
    for (const auto& rep : batch->replications) EXPECT_EQ(rep.services[0].present_at_start, kBeds);
  }

  CiFamily ci(3);
  EXPECT_TRUE(ci.contains("exponential mean_occupancy",
                          per_replication(exponential, 0, &stats::ServiceResult::mean_occupancy),
                          kBeds * 2.0 * (1 - std::exp(-50.0)) / 100));
  EXPECT_TRUE(ci.contains("uniform mean_occupancy", per_replication(uniform, 0, &stats::ServiceResult::mean_occupancy),
                          kBeds * 3.0 / uniform_horizon));
  EXPECT_TRUE(ci.contains("weibull mean_occupancy", per_replication(weibull, 0, &stats::ServiceResult::mean_occupancy),
                          kBeds * weibull2_mean_residual(10, 10) / 50));
}

TEST(Backlog, MillionWaitingWithPatienceRenegeFromTheMiddleInOrder) {
  const std::uint32_t waiting = sized(1'000'000u, 100'000u);
  const double n = waiting;
  model::Service clinic = build::service("clinic", 10, model::Deterministic{1.0});
  clinic.patience = model::Exponential{10.0};
  clinic.initial_waiting = {build::cohort(0, waiting)};
  const run::BatchResult batch = run::run_batch(clinic_scenario("backlog_patience", 5, 1, 91, clinic));
  const stats::ServiceResult& c = batch.replications.at(0).services[0];
  EXPECT_EQ(c.present_at_start, n);
  EXPECT_EQ(c.completions, 40.0);
  EXPECT_NEAR(c.wait_mean, 2.0, 1e-12);  // a running mean: rounding only
  EXPECT_EQ(c.wait_max, 4.0);
  EXPECT_EQ(c.reneges + c.completions + c.present_at_end, n);
  const double p = 1 - std::exp(-0.5);
  EXPECT_NEAR(c.reneges, n * p, 5 * std::sqrt(n * p * (1 - p)) + 50);
}

}  // namespace
}  // namespace carepath::validation
