// SPDX-License-Identifier: MIT
// Blocking after service (format v2, when_full "block"): a patient who finishes at one service
// while the next is full stays in their bed (blocked) until room frees downstream, and blocked
// patients are admitted first blocked, first admitted.
//
// 1. Two-node tandem without buffers, Poisson arrivals lambda = 1 at node 1, exponential service
//    mu1 = 1.5 and mu2 = 1, one bed each, queue_limit 0; node 1 turns outside arrivals away
//    (when_full lose), node 2 blocks node 1 (the default). States (node 1, node 2), node 1 being
//    0 idle, 1 busy or b blocked:
//      (0,0) -lambda-> (1,0)                 (1,0) -mu1-> (0,1)
//      (0,1) -lambda-> (1,1), -mu2-> (0,0)   (1,1) -mu1-> (b,1), -mu2-> (1,0)
//      (b,1) -mu2-> (0,1)   (node 2 frees, the blocked patient moves in, node 1 frees)
//    Balance gives pi = (15, 15, 14, 6, 9) / 59 for (0,0), (0,1), (1,0), (1,1), (b,1), so
//      loss probability at node 1 (PASTA) = pi(1,0) + pi(1,1) + pi(b,1) = 29/59 = 0.491525
//      mean_occupancy node 1 (busy or blocked) = 29/59 = 0.491525
//      mean_occupancy node 2 = 30/59 = 0.508475 (= throughput 30/59 x 1/mu2)
//      P(node 1 blocked) = 9/59 = 0.152542, so blocked_bed_days(node 1) = window x 9/59
//    Exactly: node 2 loses nobody, and every patient leaving node 1 arrives at node 2 at once.
//    Why the tolerance holds: each replication runs 20000 days after a 100-day warm-up (the
//    chain mixes in days), about 20000 arrivals, so each replication mean is close to normal;
//    replications are iid, fixed seed, one attempt, a 99% Bonferroni family of four
//    (ci_check.hpp). Under sanitizers the runs are shorter and the interval wider.
//
// 2. Upstream propagation, exactly (deterministic times, patients placed at time 0 by
//    initial_in_service with elapsed 0, no outside arrivals at the line: a decoy service takes
//    the scenario's arrival source). Line A -> B -> C, one bed each, queue_limit 0, block;
//    service 1, 1 and 10 days. A and B finish at 1 and both block (C full, then B full). At 10 C
//    frees: B's patient moves into C (10..20) and A's into B (10..11, blocked again until 20); at
//    20 it moves into C (20..30). Over [0, 40]:
//      blocked_bed_days A = 9, B = 9 + 9 = 18, C = 0; completions A 1, B 2, C 3;
//      mean_occupancy A = 10/40, B = 20/40, C = 30/40; every sojourn 10 days; throughput
//      completions / 40 a day; blocked_days_mean A 9, B 9, C 0.
//
// 3. First blocked, first admitted, exactly: U1, U2, U3 (service 5, 2 and 3 days) all feed W
//    (one bed, queue_limit 0, service 10 days), each holding one patient at time 0. They block
//    at 2 (U2), 3 (U3) and 5 (U1); W frees at 10, 20 and 30 and admits U2, U3, U1 in that order:
//      blocked_bed_days U1 = 25, U2 = 8, U3 = 17; sojourn U1 = 30, U2 = 10, U3 = 20.
//    (Admission in scenario order would give U1 5, U2 18, U3 27; last blocked first, U1 5,
//    U3 17, U2 28.) The scenario lists U1 first so that a wrong order shows.
//
// 4. Exit block and delayed discharge, exactly: the line of 2 with B's setting "hospital" and
//    C's "community". A's 9 blocked bed-days wait for a hospital bed (exit block 9, delayed
//    discharge 0); B's 18 wait for a community place (exit block 0, delayed discharge 18); C
//    blocks nobody. The days of the trajectory add up to the same. A keeps_bed transfer is
//    named by its destination too: U finishes at 1 and holds its bed through a 2-day transfer to
//    W (community), then blocked until W frees at 10: 9 bed-days, all delayed discharge. Without
//    a setting, blocked bed-days are neither.
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

struct TandemTheory {
  double loss;
  double occupancy1;
  double occupancy2;
  double blocked;
};

TandemTheory blocking_tandem(double lambda, double mu1, double mu2) {
  enum : std::size_t { Idle_Idle, Idle_Busy, Busy_Idle, Busy_Busy, Blocked_Busy };
  Generator q(5);
  q.add(Idle_Idle, Busy_Idle, lambda);
  q.add(Idle_Busy, Busy_Busy, lambda);
  q.add(Idle_Busy, Idle_Idle, mu2);
  q.add(Busy_Idle, Idle_Busy, mu1);
  q.add(Busy_Busy, Blocked_Busy, mu1);
  q.add(Busy_Busy, Busy_Idle, mu2);
  q.add(Blocked_Busy, Idle_Busy, mu2);
  const std::vector<double> pi = q.stationary();
  const double node1 = pi[Busy_Idle] + pi[Busy_Busy] + pi[Blocked_Busy];
  return {node1, node1, pi[Idle_Busy] + pi[Busy_Busy] + pi[Blocked_Busy], pi[Blocked_Busy]};
}

TEST(Blocking, ChainGivesTheValuesInTheHeader) {
  const TandemTheory t = blocking_tandem(1.0, 1.5, 1.0);
  EXPECT_NEAR(t.loss, 29.0 / 59, 1e-12);
  EXPECT_NEAR(t.occupancy2, 30.0 / 59, 1e-12);
  EXPECT_NEAR(t.blocked, 9.0 / 59, 1e-12);
  EXPECT_NEAR(t.loss, 0.491525, 5e-7);
  EXPECT_NEAR(t.occupancy2, 0.508475, 5e-7);
  EXPECT_NEAR(t.blocked, 0.152542, 5e-7);
}

TEST(Blocking, TandemWithoutBuffersMatchesItsMarkovChain) {
  constexpr double kWarmUp = 100;
  constexpr double kWindow = sized(20000.0, 5000.0);
  model::Scenario s = build::scenario("blocking_tandem", kWarmUp + kWindow, kWarmUp, sized(30u, 10u), 51);
  s.arrivals = {build::source("referrals", "node1", 1.0)};
  model::Service node1 = build::service("node1", 1, model::Exponential{1 / 1.5}, 0);
  node1.when_full = model::WhenFull::Lose;
  node1.routes = {build::route("node2")};
  model::Service node2 = build::service("node2", 1, model::Exponential{1.0}, 0);
  ASSERT_EQ(node2.when_full, model::WhenFull::Block) << "block is the default";
  s.services = {node1, node2};
  const TandemTheory t = blocking_tandem(1.0, 1.5, 1.0);

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), s.run.replications);
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    EXPECT_EQ(rep.services[1].losses, 0.0);
    EXPECT_EQ(rep.services[1].arrivals, rep.services[0].completions);
    EXPECT_EQ(rep.services[1].blocked_bed_days, 0.0);
    EXPECT_FALSE(rep.deadlock.has_value());
  }

  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("node1 loss_probability", per_replication(batch, 0, &stats::ServiceResult::loss_probability),
                          t.loss));
  EXPECT_TRUE(ci.contains("node1 mean_occupancy", per_replication(batch, 0, &stats::ServiceResult::mean_occupancy),
                          t.occupancy1));
  EXPECT_TRUE(ci.contains("node2 mean_occupancy", per_replication(batch, 1, &stats::ServiceResult::mean_occupancy),
                          t.occupancy2));
  EXPECT_TRUE(ci.contains("node1 blocked_bed_days",
                          per_replication(batch, 0, &stats::ServiceResult::blocked_bed_days), kWindow * t.blocked));
}

/// One bed, no waiting room, deterministic service, one patient in service at time 0.
model::Service full_bed(const std::string& name, double service_days, const std::string& next) {
  model::Service s = build::service(name, 1, model::Deterministic{service_days}, 0);
  s.initial_in_service = {build::cohort(0, 1)};
  if (!next.empty()) s.routes = {build::route(next)};
  return s;
}

/// Arrivals go to a service apart from those under test, so the test's services see none.
void add_decoy(model::Scenario& s) {
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  s.services.push_back(build::service("elsewhere", std::nullopt, model::Exponential{1.0}));
}

TEST(Blocking, PropagatesUpstreamAlongALine) {
  model::Scenario s = build::scenario("blocking_line", 40, 0, 2, 52);
  s.services = {full_bed("a", 1, "b"), full_bed("b", 1, "c"), full_bed("c", 10, "")};
  add_decoy(s);

  const run::BatchResult batch = run::run_batch(s);
  struct Expected {
    double arrivals, completions, blocked_bed_days, mean_occupancy, sojourn_mean;
  };
  const Expected expected[] = {{0, 1, 9, 0.25, 10}, {1, 2, 18, 0.5, 10}, {2, 3, 0, 0.75, 10}};
  for (const auto& rep : batch.replications) {
    ASSERT_FALSE(rep.deadlock.has_value());
    for (std::size_t i = 0; i < 3; ++i) {
      SCOPED_TRACE("service " + s.services[i].name);
      const stats::ServiceResult& r = rep.services[i];
      EXPECT_EQ(r.present_at_start, 1.0);
      EXPECT_EQ(r.arrivals, expected[i].arrivals);
      EXPECT_EQ(r.completions, expected[i].completions);
      EXPECT_EQ(r.losses, 0.0);
      EXPECT_EQ(r.present_at_end, 0.0);
      EXPECT_NEAR(r.blocked_bed_days, expected[i].blocked_bed_days, 1e-9);
      EXPECT_NEAR(r.mean_occupancy, expected[i].mean_occupancy, 1e-12);
      EXPECT_NEAR(r.sojourn_mean, expected[i].sojourn_mean, 1e-9);
      // Per-service rates: throughput over the 40 days, days held per patient who left
      // (A 9/1, B 18/2, C 0/3), and nobody gave up (A had no arrivals: nothing to divide).
      EXPECT_NEAR(r.throughput_per_day, expected[i].completions / 40, 1e-12);
      EXPECT_NEAR(r.blocked_days_mean, expected[i].blocked_bed_days / expected[i].completions, 1e-9);
      if (expected[i].arrivals > 0) {
        EXPECT_EQ(r.renege_share, 0.0);
      } else {
        EXPECT_TRUE(std::isnan(r.renege_share));
      }
    }
  }
}

TEST(Blocking, BedDaysAreExitBlockOrDelayedDischargeByTheNextServicesSetting) {
  model::Scenario s = build::scenario("exit_block_and_delayed_discharge", 40, 0, 2, 55);
  s.services = {full_bed("a", 1, "b"), full_bed("b", 1, "c"), full_bed("c", 10, "")};
  s.services[1].setting = model::Setting::Hospital;
  s.services[2].setting = model::Setting::Community;
  add_decoy(s);

  const run::BatchResult batch = run::run_batch(s);
  const double exit_block[] = {9, 0, 0};
  const double delayed[] = {0, 18, 0};
  constexpr std::size_t kMetrics = stats::kServiceTrajectoryMetrics.size();
  constexpr std::size_t kExitBlock = 13;
  constexpr std::size_t kDelayed = 14;
  ASSERT_STREQ(stats::kServiceTrajectoryMetrics[kExitBlock].name, "exit_block_bed_days");
  ASSERT_STREQ(stats::kServiceTrajectoryMetrics[kDelayed].name, "delayed_discharge_bed_days");
  for (const auto& rep : batch.replications) {
    ASSERT_FALSE(rep.deadlock.has_value());
    const stats::TrajectoryBlock& days = rep.trajectory.days;
    ASSERT_EQ(days.periods, 40U);
    for (std::size_t i = 0; i < 3; ++i) {
      SCOPED_TRACE("service " + s.services[i].name);
      const stats::ServiceResult& r = rep.services[i];
      EXPECT_NEAR(r.exit_block_bed_days, exit_block[i], 1e-9);
      EXPECT_NEAR(r.delayed_discharge_bed_days, delayed[i], 1e-9);
      double exit_block_days = 0;
      double delayed_days = 0;
      for (std::size_t d = 0; d < days.periods; ++d) {
        exit_block_days += days.at(d, i * kMetrics + kExitBlock);
        delayed_days += days.at(d, i * kMetrics + kDelayed);
      }
      EXPECT_NEAR(exit_block_days, exit_block[i], 1e-5);
      EXPECT_NEAR(delayed_days, delayed[i], 1e-5);
    }
  }
}

TEST(Blocking, ATransferThatKeepsTheBedIsNamedByItsDestination) {
  model::Scenario s = build::scenario("transfer_keeps_bed", 40, 0, 2, 56);
  s.services = {full_bed("u", 1, ""), full_bed("w", 10, ""), full_bed("x", 1, "y"), full_bed("y", 10, "")};
  s.services[0].routes = {build::delayed_route("w", 1.0, model::Deterministic{2}, true)};
  s.services[1].setting = model::Setting::Community;
  add_decoy(s);

  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    ASSERT_FALSE(rep.deadlock.has_value());
    EXPECT_NEAR(rep.services[0].blocked_bed_days, 9.0, 1e-9);
    EXPECT_NEAR(rep.services[0].delayed_discharge_bed_days, 9.0, 1e-9);
    EXPECT_EQ(rep.services[0].exit_block_bed_days, 0.0);
    // y has no setting: x's 9 blocked bed-days are neither.
    EXPECT_NEAR(rep.services[2].blocked_bed_days, 9.0, 1e-9);
    EXPECT_EQ(rep.services[2].exit_block_bed_days, 0.0);
    EXPECT_EQ(rep.services[2].delayed_discharge_bed_days, 0.0);
  }
}

TEST(Blocking, FirstBlockedIsFirstAdmitted) {
  model::Scenario s = build::scenario("first_blocked_first_admitted", 50, 0, 2, 53);
  s.services = {full_bed("u1", 5, "w"), full_bed("u2", 2, "w"), full_bed("u3", 3, "w"), full_bed("w", 10, "")};
  add_decoy(s);

  const run::BatchResult batch = run::run_batch(s);
  const double blocked[] = {25, 8, 17};
  const double sojourn[] = {30, 10, 20};
  for (const auto& rep : batch.replications) {
    ASSERT_FALSE(rep.deadlock.has_value());
    for (std::size_t i = 0; i < 3; ++i) {
      SCOPED_TRACE("service " + s.services[i].name);
      EXPECT_EQ(rep.services[i].completions, 1.0);
      EXPECT_NEAR(rep.services[i].blocked_bed_days, blocked[i], 1e-9);
      EXPECT_NEAR(rep.services[i].sojourn_mean, sojourn[i], 1e-9);
    }
    const stats::ServiceResult& w = rep.services[3];
    EXPECT_EQ(w.present_at_start, 1.0);
    EXPECT_EQ(w.arrivals, 3.0);
    EXPECT_EQ(w.completions, 4.0);
    EXPECT_EQ(w.blocked_bed_days, 0.0);
    EXPECT_NEAR(w.mean_occupancy, 40.0 / 50, 1e-12);
  }
}

// Patients who have already left their bed (a transfer that releases it) and find "block" at
// their destination wait without a bed, first come first admitted; nobody is lost. Here u1 and
// u2 finish at 1 and 2, travel half a day, and find w's only bed taken until 10: they are
// admitted at 10 and 20 and finish at 20 and 30. Nobody holds a bed while waiting, so no
// blocked bed-days anywhere.
TEST(Blocking, PatientsWithoutABedWaitForRoomInsteadOfBeingLost) {
  model::Scenario s = build::scenario("blocking_without_a_bed", 40, 0, 2, 54);
  s.services = {full_bed("u1", 1, ""), full_bed("u2", 2, ""), full_bed("w", 10, "")};
  for (std::size_t i = 0; i < 2; ++i) {
    s.services[i].routes = {build::delayed_route("w", 1.0, model::Deterministic{0.5}, false)};
  }
  add_decoy(s);

  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    ASSERT_FALSE(rep.deadlock.has_value());
    EXPECT_EQ(rep.system.losses, 0.0);
    for (std::size_t i = 0; i < 3; ++i) {
      SCOPED_TRACE("service " + s.services[i].name);
      EXPECT_EQ(rep.services[i].losses, 0.0);
      EXPECT_EQ(rep.services[i].blocked_bed_days, 0.0);
    }
    const stats::ServiceResult& w = rep.services[2];
    EXPECT_EQ(w.arrivals, 2.0);
    EXPECT_EQ(w.completions, 3.0);
    EXPECT_EQ(w.present_at_end, 0.0);
    EXPECT_NEAR(w.mean_occupancy, 30.0 / 40, 1e-12);
    EXPECT_NEAR(w.sojourn_mean, 10.0, 1e-9);
  }
}

}  // namespace
}  // namespace carepath::validation
