// SPDX-License-Identifier: MIT
// Escalation (model::EscalationStep): a waiting patient's priority rises after a stated wait.
// It is checked where it reduces to a queue with a known answer, and exactly where the times are
// known.
//
// The queue is Cobham's two-class M/M/1 of priority_test.cpp, case A: urgent lambda = 0.3 at
// priority 0, routine lambda = 0.5 at priority 1, exponential service of mean 1 (rho = 0.8):
//   Wq_urgent = 1.142857, Wq_routine = 5.714286; FIFO M/M/1 Wq = rho / (mu - lambda) = 4.
// - Routine escalated after 0 to priority 0: everyone is one class, served in order of arrival:
//   the FIFO M/M/1, and the very same bits as a run where routine simply has priority 0.
// - Routine escalated after longer than the run: nobody is escalated: Cobham's waits, and the
//   same bits as a run without escalation.
// - Routine escalated after 3 days: no closed form, but Kleinrock's conservation law holds for any
//   non-preemptive, work-conserving order that does not look at service times; with equal service
//   time distributions the mean wait of all patients is the FIFO one, 4. Escalation moves wait
//   from routine to urgent patients: routine below 5.714286, urgent above 1.142857.
//
// Why the tolerance holds: as in priority_test.cpp, 40 replications of 40000 days after a 500-day
// warm-up, replication means close to normal and independent; fixed seeds, one attempt; each
// test's interval checks are one 99% Bonferroni family (ci_check.hpp).
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <vector>

namespace carepath::validation {
namespace {

constexpr double kHorizon = sized(40500.0, 8500.0);
constexpr double kWarmUp = 500;
constexpr std::uint32_t kReplications = sized(40u, 10u);
constexpr double kUrgentWait = 0.8 / 0.7;          // Cobham, priority_test.cpp
constexpr double kRoutineWait = 0.8 / (0.7 * 0.2);
constexpr double kFifoWait = 4.0;

model::EscalationStep step(double after, std::uint32_t to_priority) {
  model::EscalationStep s;
  s.after = after;
  s.to_priority = to_priority;
  return s;
}

/// Cobham's case A; `routine_priority` for the routine type, `escalate` for routine at the clinic.
model::Scenario two_classes(std::uint32_t routine_priority, std::vector<model::EscalationStep> escalate) {
  model::Scenario s = build::scenario("escalation", kHorizon, kWarmUp, kReplications, 41);
  s.patient_types = {build::patient_type("urgent", 0), build::patient_type("routine", routine_priority)};
  s.arrivals = {build::source("urgent_referrals", "clinic", 0.3, "urgent"),
                build::source("routine_referrals", "clinic", 0.5, "routine")};
  model::Service clinic = build::service("clinic", 1, model::Exponential{1.0});
  if (!escalate.empty()) {
    model::TypeOverride routine;
    routine.patient_type = "routine";
    routine.escalate = std::move(escalate);
    clinic.by_type = {routine};
  }
  s.services = {clinic};
  return s;
}

std::vector<double> by_type(const run::BatchResult& batch, std::size_t type, double stats::TypeServiceResult::*field) {
  return per_replication_of(batch, [&](const stats::ReplicationResult& rep) { return rep.by_type.at(type).*field; });
}

double mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

/// Every service and per-type metric but the escalation counts, and the event counts, bit for bit.
void expect_same_run(const run::BatchResult& a, const run::BatchResult& b) {
  ASSERT_EQ(a.replications.size(), b.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    const auto& x = a.replications[r];
    const auto& y = b.replications[r];
    EXPECT_EQ(x.events, y.events) << "replication " << r;
    for (const auto& metric : stats::kServiceMetrics) {
      if (std::string_view(metric.name) == "escalations") continue;
      EXPECT_TRUE(same_bits(x.services[0].*metric.field, y.services[0].*metric.field))
          << "replication " << r << " " << metric.name;
    }
    for (std::size_t t = 0; t < x.by_type.size(); ++t) {
      EXPECT_TRUE(same_bits(x.by_type[t].wait_mean, y.by_type[t].wait_mean)) << "replication " << r << " type " << t;
    }
  }
}

/// The per-type escalation counts add up to the service's, and urgent patients are never escalated.
void expect_counts_partition(const run::BatchResult& batch) {
  for (const auto& rep : batch.replications) {
    EXPECT_EQ(rep.by_type[0].escalations, 0.0);
    EXPECT_EQ(rep.by_type[1].escalations, rep.services[0].escalations);
  }
}

TEST(Escalation, AfterZeroMakesOneFifoClass) {
  const run::BatchResult escalated = run::run_batch(two_classes(1, {step(0.0, 0)}));
  const run::BatchResult one_class = run::run_batch(two_classes(0, {}));
  expect_same_run(escalated, one_class);
  expect_counts_partition(escalated);
  // Every routine patient who waited was escalated on joining the queue, so at least half of
  // the routine arrivals (rho = 0.8: most patients wait).
  for (const auto& rep : escalated.replications) EXPECT_GT(rep.services[0].escalations, 0.5 * rep.by_type[1].arrivals);

  CiFamily ci(3);
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(escalated, 0, &stats::ServiceResult::wait_mean), kFifoWait));
  EXPECT_TRUE(ci.contains("urgent wait_mean", by_type(escalated, 0, &stats::TypeServiceResult::wait_mean), kFifoWait));
  EXPECT_TRUE(ci.contains("routine wait_mean", by_type(escalated, 1, &stats::TypeServiceResult::wait_mean), kFifoWait));
}

TEST(Escalation, NeverDueIsTheTwoClassPriorityQueue) {
  const run::BatchResult escalated = run::run_batch(two_classes(1, {step(kHorizon + 1, 0)}));
  const run::BatchResult plain = run::run_batch(two_classes(1, {}));
  expect_same_run(escalated, plain);
  for (const auto& rep : escalated.replications) EXPECT_EQ(rep.services[0].escalations, 0.0);

  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("urgent wait_mean", by_type(escalated, 0, &stats::TypeServiceResult::wait_mean), kUrgentWait));
  EXPECT_TRUE(
      ci.contains("routine wait_mean", by_type(escalated, 1, &stats::TypeServiceResult::wait_mean), kRoutineWait));
}

TEST(Escalation, AfterThreeDaysKeepsTheFifoMeanWait) {
  const run::BatchResult batch = run::run_batch(two_classes(1, {step(3.0, 0)}));
  expect_counts_partition(batch);
  for (const auto& rep : batch.replications) {
    EXPECT_GT(rep.services[0].escalations, 0.0);
    EXPECT_LT(rep.services[0].escalations, rep.by_type[1].arrivals);
    EXPECT_EQ(rep.by_type[0].arrivals + rep.by_type[1].arrivals, rep.services[0].arrivals);
  }
  CiFamily ci(1);
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), kFifoWait));
  EXPECT_LT(mean(by_type(batch, 1, &stats::TypeServiceResult::wait_mean)), kRoutineWait - 0.5);
  EXPECT_GT(mean(by_type(batch, 0, &stats::TypeServiceResult::wait_mean)), kUrgentWait + 0.1);
}

// One bed, visits of exactly 1 day, nobody arriving; at time 0 there wait two urgent patients
// (priority 0, 1 day into their wait) and four routine ones (priority 1), escalated to priority 0
// after 3 days, who have waited A 3.5, B 2.5, C 0.5 and D 0 days:
//   A was escalated before the run (not counted) and, the longest wait at priority 0, starts at 0;
//   B escalates at 0.5 and, having joined before the urgent patients, starts at 1;
//   urgent U1 starts at 2; C escalates at 2.5, after U2 joined, so U2 starts at 3, C at 4;
//   D escalates at 3 and starts at 5.
// Waits: A 3.5, B 3.5, U1 3, U2 4, C 4.5, D 5; three escalations in the run.
TEST(Escalation, EscalatedPatientsTakeTheirPlaceByTimeOfJoining) {
  model::Scenario s = build::scenario("order", 10, 0, 1, 1);
  s.patient_types = {build::patient_type("urgent", 0), build::patient_type("routine", 1)};
  s.arrivals = {build::source("none", "bed", 0.0)};
  model::Service bed = build::service("bed", 1, model::Deterministic{1.0});
  bed.escalate = {step(3.0, 0)};
  bed.initial_waiting = {build::cohort(1.0, 2, "urgent"), build::cohort(3.5, 1, "routine"),
                         build::cohort(2.5, 1, "routine"), build::cohort(0.5, 1, "routine"),
                         build::cohort(0.0, 1, "routine")};
  s.services = {bed};
  const run::BatchResult batch = run::run_batch(s);
  const auto& rep = batch.replications.at(0);
  EXPECT_DOUBLE_EQ(rep.by_type[0].wait_mean, 3.5);                        // (3 + 4) / 2
  EXPECT_DOUBLE_EQ(rep.by_type[1].wait_mean, (3.5 + 3.5 + 4.5 + 5) / 4);  // A, B, C, D
  EXPECT_DOUBLE_EQ(rep.services[0].wait_max, 5.0);
  EXPECT_EQ(rep.services[0].escalations, 3.0);
  EXPECT_EQ(rep.by_type[1].escalations, 3.0);
  EXPECT_EQ(rep.by_type[0].escalations, 0.0);
  EXPECT_EQ(rep.services[0].completions, 6.0);
}

// A shared nurse (one unit) between services a and b: at a two urgent patients 1 day into their
// wait, at b one routine patient 1.5 days in, escalated to priority 0 after 2 days. The nurse goes
// to U1 at 0 (b's patient is still routine); b's escalates at 0.5 and, waiting longer than U2,
// gets the nurse at 1; U2 at 2. Waits: a (1 + 3) / 2 = 2, b 2.5.
TEST(Escalation, SharedPoolUnitsGoToTheEscalatedLongerWait) {
  model::Scenario s = build::scenario("pool_order", 10, 0, 1, 1);
  s.patient_types = {build::patient_type("urgent", 0), build::patient_type("routine", 1)};
  model::Resource nurse;
  nurse.name = "nurse";
  nurse.capacity = 1;
  nurse.unit = "nurses";
  s.resources = {nurse};
  s.arrivals = {build::source("none", "a", 0.0)};
  model::Service a = build::service("a", std::nullopt, model::Deterministic{1.0});
  model::Service b = build::service("b", std::nullopt, model::Deterministic{1.0});
  a.requires_resources.push_back({"nurse", 1});
  b.requires_resources.push_back({"nurse", 1});
  b.escalate = {step(2.0, 0)};
  a.initial_waiting = {build::cohort(1.0, 2, "urgent")};
  b.initial_waiting = {build::cohort(1.5, 1, "routine")};
  s.services = {a, b};
  const run::BatchResult batch = run::run_batch(s);
  const auto& rep = batch.replications.at(0);
  EXPECT_DOUBLE_EQ(rep.services[0].wait_mean, 2.0);
  EXPECT_DOUBLE_EQ(rep.services[1].wait_mean, 2.5);
  EXPECT_EQ(rep.services[1].escalations, 1.0);
  EXPECT_EQ(rep.services[0].escalations, 0.0);
}

}  // namespace
}  // namespace carepath::validation
