// SPDX-License-Identifier: MIT
// Deadlock in a blocking cycle (format v2, "Engine semantics": the replication stops, its result
// carries Deadlock{time, services}, and the summary counts deadlocked replications).
//
// Cycle a -> b -> a: one bed each, queue_limit 0, when_full block; Poisson arrivals lambda = 2 at
// a (turned away while a is full); exponential service mu_a = mu_b = 1; from a every patient goes
// to b; from b half go back to a and half to c (unlimited beds, then exit). States (a, b), each
// 0 idle, 1 busy or x blocked (finished, waiting for the other):
//   (0,0) -lambda-> (1,0)
//   (1,0) -mu_a-> (0,1)
//   (0,1) -lambda-> (1,1), -mu_b/2-> (1,0) (back to a), -mu_b/2-> (0,0) (to c)
//   (1,1) -mu_a-> (x,1), -mu_b/2-> (1,x), -mu_b/2-> (1,0)
//   (x,1) -mu_b/2-> DEADLOCK (b's patient wants a, a's wants b), -mu_b/2-> (0,1)
//   (1,x) -mu_a-> DEADLOCK (a's patient wants b, held by b's patient who wants a)
// DEADLOCK is absorbing and reached from every state, so every replication must deadlock. The
// mean time to it from the empty start solves -Q_T m = 1 on the six transient states:
//   E[T] = 6.75 days (sd 4.776 days, from the second moment).
// Exactly, in every replication: a Deadlock is reported, at a time in (0, horizon), naming
// services {0, 1} (a and b, never c); conservation still holds at the stopping time; and
// Summary::deadlocked_replications counts them all. The batch returns: a hang is a failure.
//
// Why the tolerance holds: each replication contributes one iid draw of the absorption time
// (its own streams, fixed seed, one attempt); the time is a phase-type variable with skewness
// near 2, and the Student-t interval on 1000 of them (200 under sanitizers) has close to its
// stated 99% coverage. P(T > horizon = 10000 days) is below e^-1000.
//
// Control cases, which must never report a deadlock:
//   - a has an unlimited queue, so b's patients can always go back to a and b always empties:
//     blocking at a happens (checked: blocked_bed_days > 0) but always resolves;
//   - the same finite cycle with an exit route and spare capacity (five beds each, lambda = 0.2,
//     0.4 erlangs per node): a deadlock needs all ten beds blocked at once, which has probability
//     far below 1e-12 over the run.
#include "ci_check.hpp"
#include "markov_chain.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

// Whole-run results only: 1000 replications of 10,000 days would otherwise keep about a
// gigabyte of daily trajectories (trajectory_test covers trajectories after a deadlock).
const run::BatchOptions kNoTrajectories{.trajectories = false};

struct AbsorptionTime {
  double mean;
  double sd;
};

AbsorptionTime time_to_deadlock(double lambda, double mu_a, double mu_b, double back_to_a) {
  enum : std::size_t { Idle_Idle, Busy_Idle, Idle_Busy, Busy_Busy, Blocked_Busy, Busy_Blocked };
  Generator q(6);
  q.add(Idle_Idle, Busy_Idle, lambda);
  q.add(Busy_Idle, Idle_Busy, mu_a);
  q.add(Idle_Busy, Busy_Busy, lambda);
  q.add(Idle_Busy, Busy_Idle, mu_b * back_to_a);
  q.add(Idle_Busy, Idle_Idle, mu_b * (1 - back_to_a));
  q.add(Busy_Busy, Blocked_Busy, mu_a);
  q.add(Busy_Busy, Busy_Blocked, mu_b * back_to_a);
  q.add(Busy_Busy, Busy_Idle, mu_b * (1 - back_to_a));
  q.absorb(Blocked_Busy, mu_b * back_to_a);
  q.add(Blocked_Busy, Idle_Busy, mu_b * (1 - back_to_a));
  q.absorb(Busy_Blocked, mu_a);
  const double m = q.mean_absorption_times()[Idle_Idle];
  const double s = q.second_moment_absorption_times()[Idle_Idle];
  return {m, std::sqrt(s - m * m)};
}

/// a <-> b, both one bed (or `beds`) and no queue, blocking; b sends half back to a, half to c.
model::Scenario blocking_cycle(double lambda, std::uint32_t beds, std::optional<std::uint32_t> a_queue,
                               std::uint32_t replications, double horizon, std::uint64_t seed) {
  model::Scenario s = build::scenario("blocking_cycle", horizon, 0, replications, seed);
  s.arrivals = {build::source("referrals", "a", lambda)};
  model::Service a = build::service("a", beds, model::Exponential{1.0}, a_queue);
  a.routes = {build::route("b")};
  model::Service b = build::service("b", beds, model::Exponential{1.0}, 0);
  b.routes = {build::route("a", 0.5), build::route("c", 0.5)};
  model::Service c = build::service("c", std::nullopt, model::Exponential{1.0});
  s.services = {a, b, c};
  return s;
}

void expect_conserved_at_stop(const stats::ReplicationResult& rep) {
  for (const stats::ServiceResult& s : rep.services) {
    EXPECT_EQ(s.present_at_start + s.arrivals,
              s.completions + s.losses + s.diverted + s.reneges + s.present_at_end);
  }
  const stats::SystemResult& sys = rep.system;
  EXPECT_EQ(sys.present_at_start + sys.arrivals, sys.departures + sys.losses + sys.reneges + sys.present_at_end);
}

TEST(Deadlock, ChainGivesTheValuesInTheHeader) {
  const AbsorptionTime t = time_to_deadlock(2.0, 1.0, 1.0, 0.5);
  EXPECT_NEAR(t.mean, 6.75, 1e-12);
  EXPECT_NEAR(t.sd, 4.776, 5e-4);
}

TEST(Deadlock, EveryReplicationOfABlockingCycleDeadlocks) {
  constexpr double kHorizon = 10000;
  const std::uint32_t replications = sized(1000u, 200u);
  const model::Scenario s = blocking_cycle(2.0, 1, 0, replications, kHorizon, 61);

  const run::BatchResult batch = run::run_batch(s, kNoTrajectories);
  ASSERT_EQ(batch.replications.size(), replications);
  std::vector<double> times;
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    ASSERT_TRUE(rep.deadlock.has_value());
    EXPECT_GT(rep.deadlock->time, 0.0);
    EXPECT_LT(rep.deadlock->time, kHorizon);
    EXPECT_EQ(rep.deadlock->services, (std::vector<std::uint32_t>{0, 1}));
    // Both beds are held by the two patients waiting for each other.
    EXPECT_EQ(rep.services[0].present_at_end, 1.0);
    EXPECT_EQ(rep.services[1].present_at_end, 1.0);
    expect_conserved_at_stop(rep);
    times.push_back(rep.deadlock->time);
  }
  EXPECT_EQ(batch.summary.deadlocked_replications, replications);

  CiFamily ci(1);
  EXPECT_TRUE(ci.contains("deadlock time", times, time_to_deadlock(2.0, 1.0, 1.0, 0.5).mean));
}

TEST(Deadlock, UnlimitedQueueOnTheCycleNeverDeadlocks) {
  const std::uint32_t replications = sized(10u, 4u);
  const model::Scenario s = blocking_cycle(0.2, 1, std::nullopt, replications, sized(5000.0, 1500.0), 62);

  const run::BatchResult batch = run::run_batch(s, kNoTrajectories);
  ASSERT_EQ(batch.replications.size(), replications);
  double blocked = 0;
  for (const auto& rep : batch.replications) {
    EXPECT_FALSE(rep.deadlock.has_value()) << "at " << rep.deadlock->time;
    expect_conserved_at_stop(rep);
    blocked += rep.services[0].blocked_bed_days;
  }
  EXPECT_EQ(batch.summary.deadlocked_replications, 0u);
  EXPECT_GT(blocked, 0.0) << "a should block behind a full b, or the case tests nothing";
}

TEST(Deadlock, SpareCapacityWithAnExitDoesNotDeadlock) {
  const std::uint32_t replications = sized(10u, 4u);
  const model::Scenario s = blocking_cycle(0.2, 5, 0, replications, sized(5000.0, 1500.0), 63);

  const run::BatchResult batch = run::run_batch(s, kNoTrajectories);
  ASSERT_EQ(batch.replications.size(), replications);
  for (const auto& rep : batch.replications) {
    EXPECT_FALSE(rep.deadlock.has_value()) << "at " << rep.deadlock->time;
    EXPECT_GT(rep.system.departures, 0.0);
    expect_conserved_at_stop(rep);
  }
  EXPECT_EQ(batch.summary.deadlocked_replications, 0u);
}

}  // namespace
}  // namespace carepath::validation
