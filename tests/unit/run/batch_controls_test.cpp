// SPDX-License-Identifier: MIT
// What run_batch offers a program beyond the scenario (include/carepath/run/batch.hpp): a progress
// callback called once per replication with a rising count, and a stop flag that ends the batch
// with Interrupted, whether set before it starts or while replications run (the engine looks at
// it every kStopCheckInterval events, engine/replication.hpp).
#include <carepath/run/batch.hpp>

#include "engine/replication.hpp"
#include "engine/compile.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace carepath::run {
namespace {

model::Scenario clinic(double horizon, std::uint32_t replications) {
  model::Scenario s;
  s.name = "clinic";
  s.run.horizon = horizon;
  s.run.replications = replications;
  model::ArrivalSource a;
  a.name = "referrals";
  a.to = "clinic";
  a.rate_per_day = 100;
  s.arrivals = {a};
  model::Service c;
  c.name = "clinic";
  c.capacity = 1;
  c.service_time = model::Exponential{0.005};
  s.services = {c};
  return s;
}

TEST(BatchControls, ProgressCountsEveryReplicationInOrder) {
  BatchOptions options;
  options.threads = 2;
  std::vector<std::uint32_t> seen;
  options.progress = [&seen](std::uint32_t done, std::uint32_t total) {
    EXPECT_EQ(total, 12u);
    seen.push_back(done);
  };
  (void)run_batch(clinic(20, 12), options);
  std::vector<std::uint32_t> expected(12);
  for (std::uint32_t i = 0; i < 12; ++i) expected[i] = i + 1;
  EXPECT_EQ(seen, expected);
}

TEST(BatchControls, StopSetBeforehandRunsNothing) {
  const std::atomic<bool> stop{true};
  BatchOptions options;
  options.stop = &stop;
  int calls = 0;
  options.progress = [&calls](std::uint32_t, std::uint32_t) { ++calls; };
  EXPECT_THROW((void)run_batch(clinic(20, 4), options), Interrupted);
  EXPECT_EQ(calls, 0);
}

TEST(BatchControls, StopDuringALongReplicationEndsItEarly) {
  std::atomic<bool> stop{false};
  BatchOptions options;
  options.threads = 1;
  options.stop = &stop;
  std::thread stopper([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop.store(true);
  });
  const auto started = std::chrono::steady_clock::now();
  EXPECT_THROW((void)run_batch(clinic(1e6, 1), options), Interrupted);  // 2e8 events if left alone
  stopper.join();
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 10.0);
}

TEST(BatchControls, EngineLooksAtTheFlagEvery4096Events) {
  const engine::CompiledModel model = engine::compile(clinic(1000, 1));
  const std::atomic<bool> stop{true};
  engine::ReplicationControls controls;
  controls.stop = &stop;
  EXPECT_THROW((void)engine::run_replication(model, 0, 1, controls), engine::Stopped);
  const stats::ReplicationResult free = engine::run_replication(model, 0, 1);
  EXPECT_GT(free.events, engine::kStopCheckInterval);
}

}  // namespace
}  // namespace carepath::run
