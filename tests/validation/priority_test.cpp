// SPDX-License-Identifier: MIT
// Non-preemptive priority M/G/1 (Cobham 1954; Kleinrock, Queueing Systems vol. 2, section 3.6).
// Class k arrives as a Poisson stream of rate lambda_k with service time S_k; lower priority
// numbers are served first, FIFO within a class, and nobody is interrupted. With
//   W0 = sum_i lambda_i E[S_i^2] / 2   (mean residual work found in service)
//   sigma_k = sum_{i <= k} lambda_i E[S_i]
// the mean wait of class k is Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), sojourn Wq_k + E[S_k].
//
// Case A, priorities from the patient types, both exponential of mean 1 (E[S^2] = 2):
//   urgent  lambda = 0.3, priority 0;  routine lambda = 0.5, priority 1;  rho = 0.8
//   W0 = (0.3 + 0.5) x 2 / 2 = 0.8
//   Wq_urgent  = 0.8 / 0.7             = 1.142857   sojourn 2.142857
//   Wq_routine = 0.8 / (0.7 x 0.2)     = 5.714286   sojourn 6.714286
//   all patients: (0.3 x 1.142857 + 0.5 x 5.714286) / 0.8 = 4 = the FIFO M/M/1 wait (Kleinrock's
//   conservation law: equal service times, so the order does not change the mean wait).
// Case B, both types priority 1 in the type table, but the clinic overrides (TypeOverride):
//   urgent  lambda = 0.4, priority 0 at the clinic, deterministic 0.5 days (E[S^2] = 0.25)
//   routine lambda = 0.5, exponential of mean 1
//   W0 = 0.4 x 0.25 / 2 + 0.5 x 2 / 2 = 0.55;  sigma = 0.2, 0.7
//   Wq_urgent  = 0.55 / 0.8            = 0.6875     sojourn 1.1875
//   Wq_routine = 0.55 / (0.8 x 0.3)    = 2.291667   sojourn 3.291667
// The per-type values are read from ReplicationResult::by_type[type * services + service].
//
// Why the tolerance holds: each replication runs 40000 days after a 500-day warm-up (the
// relaxation time of the low-priority class at rho = 0.8 is a few hundred days), so each
// replication mean averages about 32000 patients and is close to normal; replications use
// disjoint streams, so the Student-t interval has its coverage. Fixed seeds, one attempt; every
// test states its checks as one 99% Bonferroni family (ci_check.hpp). Under sanitizers the run
// is shorter and the interval, computed from the run actually made, wider.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace carepath::validation {
namespace {

/// Mean wait of each class of a non-preemptive priority M/G/1; classes in priority order.
struct PriorityClass {
  double lambda;
  double mean;          ///< E[S]
  double second_moment; ///< E[S^2]
};

std::vector<double> cobham_waits(const std::vector<PriorityClass>& classes) {
  double w0 = 0;
  for (const auto& c : classes) w0 += c.lambda * c.second_moment / 2;
  std::vector<double> waits;
  double sigma_before = 0;
  for (const auto& c : classes) {
    const double sigma = sigma_before + c.lambda * c.mean;
    waits.push_back(w0 / ((1 - sigma_before) * (1 - sigma)));
    sigma_before = sigma;
  }
  return waits;
}

constexpr double kHorizon = sized(40500.0, 8500.0);
constexpr double kWarmUp = 500;
constexpr std::uint32_t kReplications = sized(40u, 10u);

/// by_type wait or sojourn of `type` at the only service.
std::vector<double> by_type(const run::BatchResult& batch, std::size_t type, double stats::TypeServiceResult::*field) {
  return per_replication_of(batch, [&](const stats::ReplicationResult& rep) {
    return rep.by_type.at(type * rep.services.size() + 0).*field;
  });
}

TEST(Priority, FormulasGiveTheValuesInTheHeader) {
  const auto a = cobham_waits({{0.3, 1.0, 2.0}, {0.5, 1.0, 2.0}});
  EXPECT_NEAR(a[0], 1.142857, 5e-7);
  EXPECT_NEAR(a[1], 5.714286, 5e-7);
  EXPECT_NEAR((0.3 * a[0] + 0.5 * a[1]) / 0.8, 4.0, 1e-12);
  const auto b = cobham_waits({{0.4, 0.5, 0.25}, {0.5, 1.0, 2.0}});
  EXPECT_NEAR(b[0], 0.6875, 1e-12);
  EXPECT_NEAR(b[1], 2.291667, 5e-7);
}

TEST(Priority, TypePrioritiesFollowCobham) {
  model::Scenario s = build::scenario("priority_types", kHorizon, kWarmUp, kReplications, 31);
  s.patient_types = {build::patient_type("urgent", 0), build::patient_type("routine", 1)};
  s.arrivals = {build::source("urgent_referrals", "clinic", 0.3, "urgent"),
                build::source("routine_referrals", "clinic", 0.5, "routine")};
  s.services = {build::service("clinic", 1, model::Exponential{1.0})};
  const auto wq = cobham_waits({{0.3, 1.0, 2.0}, {0.5, 1.0, 2.0}});

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), kReplications);
  for (const auto& rep : batch.replications) ASSERT_EQ(rep.by_type.size(), 2u);

  CiFamily ci(5);
  EXPECT_TRUE(ci.contains("urgent wait_mean", by_type(batch, 0, &stats::TypeServiceResult::wait_mean), wq[0]));
  EXPECT_TRUE(ci.contains("routine wait_mean", by_type(batch, 1, &stats::TypeServiceResult::wait_mean), wq[1]));
  EXPECT_TRUE(
      ci.contains("urgent sojourn_mean", by_type(batch, 0, &stats::TypeServiceResult::sojourn_mean), wq[0] + 1.0));
  EXPECT_TRUE(
      ci.contains("routine sojourn_mean", by_type(batch, 1, &stats::TypeServiceResult::sojourn_mean), wq[1] + 1.0));
  EXPECT_TRUE(ci.contains("all patients wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean),
                          (0.3 * wq[0] + 0.5 * wq[1]) / 0.8));

  // The per-type counts partition the service's counts exactly.
  for (const auto& rep : batch.replications) {
    EXPECT_EQ(rep.by_type[0].arrivals + rep.by_type[1].arrivals, rep.services[0].arrivals);
    EXPECT_EQ(rep.by_type[0].completions + rep.by_type[1].completions, rep.services[0].completions);
  }
}

TEST(Priority, ServiceOverridesGivePriorityAndServiceTime) {
  model::Scenario s = build::scenario("priority_overrides", kHorizon, kWarmUp, kReplications, 32);
  s.patient_types = {build::patient_type("urgent", 1), build::patient_type("routine", 1)};
  s.arrivals = {build::source("urgent_referrals", "clinic", 0.4, "urgent"),
                build::source("routine_referrals", "clinic", 0.5, "routine")};
  model::Service clinic = build::service("clinic", 1, model::Exponential{1.0});
  model::TypeOverride urgent;
  urgent.patient_type = "urgent";
  urgent.priority = 0;
  urgent.service_time = model::Deterministic{0.5};
  clinic.by_type = {urgent};
  s.services = {clinic};
  const auto wq = cobham_waits({{0.4, 0.5, 0.25}, {0.5, 1.0, 2.0}});

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), kReplications);
  for (const auto& rep : batch.replications) ASSERT_EQ(rep.by_type.size(), 2u);

  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("urgent wait_mean", by_type(batch, 0, &stats::TypeServiceResult::wait_mean), wq[0]));
  EXPECT_TRUE(ci.contains("routine wait_mean", by_type(batch, 1, &stats::TypeServiceResult::wait_mean), wq[1]));
  EXPECT_TRUE(
      ci.contains("urgent sojourn_mean", by_type(batch, 0, &stats::TypeServiceResult::sojourn_mean), wq[0] + 0.5));
  EXPECT_TRUE(
      ci.contains("routine sojourn_mean", by_type(batch, 1, &stats::TypeServiceResult::sojourn_mean), wq[1] + 1.0));
}

}  // namespace
}  // namespace carepath::validation
