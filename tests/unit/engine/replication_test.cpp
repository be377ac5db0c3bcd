// SPDX-License-Identifier: MIT
// Exact properties of single replications: things that must hold in every run, not on average.
#include "engine/replication.hpp"
#include "engine/compile.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace carepath::engine {
namespace {

model::Scenario single_service(std::optional<std::uint32_t> capacity, std::optional<std::uint32_t> queue_limit) {
  model::Scenario s;
  s.name = "single";
  s.run.horizon = 200;
  s.run.warm_up = 20;
  model::ArrivalSource in;
  in.name = "in";
  in.to = "desk";
  in.rate_per_day = 3.0;
  s.arrivals.push_back(in);
  model::Service desk;
  desk.name = "desk";
  desk.capacity = capacity;
  desk.service_time = model::Exponential{0.5};
  desk.queue_limit = queue_limit;
  desk.when_full = model::WhenFull::Lose;
  s.services.push_back(desk);
  return s;
}

void expect_conservation(const stats::ReplicationResult& r) {
  for (const auto& s : r.services) {
    EXPECT_EQ(s.present_at_start + s.arrivals, s.completions + s.losses + s.present_at_end);
  }
  const auto& sys = r.system;
  EXPECT_EQ(sys.present_at_start + sys.arrivals, sys.departures + sys.losses + sys.present_at_end);
}

TEST(Replication, InfiniteServerNeverMakesAnyoneWait) {
  const CompiledModel model = engine::compile(single_service(std::nullopt, std::nullopt));
  const stats::ReplicationResult r = run_replication(model, 0, 1);
  ASSERT_EQ(r.services.size(), 1U);
  EXPECT_GT(r.services[0].arrivals, 0);
  EXPECT_EQ(r.services[0].wait_max, 0.0);
  EXPECT_EQ(r.services[0].waited_share, 0.0);
  EXPECT_EQ(r.services[0].mean_queue, 0.0);
  EXPECT_TRUE(std::isnan(r.services[0].utilisation));
  expect_conservation(r);
}

TEST(Replication, LossSystemTurnsAwayInsteadOfQueueing) {
  const CompiledModel model = engine::compile(single_service(1, 0));
  const stats::ReplicationResult r = run_replication(model, 0, 1);
  const auto& desk = r.services[0];
  EXPECT_GT(desk.losses, 0);  // offered load 1.5 erlangs on one server: losses are certain in 180 days
  EXPECT_EQ(desk.wait_max, 0.0);
  EXPECT_EQ(desk.mean_queue, 0.0);
  EXPECT_LE(desk.utilisation, 1.0);
  EXPECT_EQ(r.system.losses, desk.losses);
  expect_conservation(r);
}

TEST(Replication, FiniteQueueNeverExceedsItsLimit) {
  const CompiledModel model = engine::compile(single_service(1, 2));
  const stats::ReplicationResult r = run_replication(model, 3, 5);
  EXPECT_LE(r.services[0].mean_queue, 2.0);
  EXPECT_LE(r.services[0].present_at_end, 3.0);
  expect_conservation(r);
}

TEST(Replication, SameIndexAndSeedRepeatExactly) {
  const CompiledModel model = engine::compile(single_service(2, std::nullopt));
  const stats::ReplicationResult a = run_replication(model, 4, 11);
  const stats::ReplicationResult b = run_replication(model, 4, 11);
  const stats::ReplicationResult c = run_replication(model, 5, 11);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.services[0].wait_mean, b.services[0].wait_mean);
  EXPECT_NE(a.services[0].wait_mean, c.services[0].wait_mean);
}

// A patient routed back to the service it just left must not overtake those already waiting:
// with deterministic service and every patient looping, the loop count and the exit flow stay
// exactly consistent and the engine's end-of-run invariant (pool == recorder) holds.
TEST(Replication, FeedbackLoopsConservePatients) {
  model::Scenario s = single_service(2, std::nullopt);
  s.services[0].service_time = model::Deterministic{0.1};
  model::Route back, out;
  back.to = "desk";
  back.probability = 0.5;
  out.to = model::kExit;
  out.probability = 0.5;
  s.services[0].routes = {back, out};
  const stats::ReplicationResult r = run_replication(engine::compile(s), 0, 3);
  EXPECT_GT(r.services[0].arrivals, r.system.arrivals);  // loops bring patients back
  expect_conservation(r);
}

}  // namespace
}  // namespace carepath::engine
