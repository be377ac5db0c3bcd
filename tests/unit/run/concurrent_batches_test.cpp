// SPDX-License-Identifier: MIT
// Two batches in one process, as a notebook or a server runs them: each owns a tbb::task_arena
// (sim/run/batch.cpp), so neither caps the other's threads the way a process-wide
// tbb::global_control would, and each gives exactly the result it gives alone on one thread
// (streams belong to replications, never to threads).
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

namespace carepath::run {
namespace {

model::Scenario ward(std::uint64_t seed) {
  model::Scenario s;
  s.name = "ward";
  s.run.horizon = 2000;
  s.run.replications = 8;
  s.run.seed = seed;
  model::ArrivalSource a;
  a.name = "admissions";
  a.to = "ward";
  a.rate_per_day = 9;
  s.arrivals = {a};
  model::Service w;
  w.name = "ward";
  w.capacity = 10;
  w.service_time = model::Exponential{1};
  s.services = {w};
  return s;
}

// Every replication's every service metric, bit for bit, and the folded wait.
void expect_same(const BatchResult& a, const BatchResult& b) {
  ASSERT_EQ(a.replications.size(), b.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    for (const auto& info : stats::kServiceMetrics) {
      const double x = a.replications[r].services[0].*info.field;
      const double y = b.replications[r].services[0].*info.field;
      if (!(std::isnan(x) && std::isnan(y))) {
        EXPECT_EQ(x, y) << "replication " << r << ' ' << info.name;
      }
    }
  }
  EXPECT_EQ(a.summary.service("ward").metric("wait_mean").mean, b.summary.service("ward").metric("wait_mean").mean);
}

TEST(ConcurrentBatches, TwoBatchesInOneProcessEachGiveTheirSerialResult) {
  const model::Scenario first = ward(1);
  const model::Scenario second = ward(2);
  const BatchResult first_serial = run_batch(first, {.threads = 1});
  const BatchResult second_serial = run_batch(second, {.threads = 1});

  BatchResult first_parallel;
  BatchResult second_parallel;
  std::thread other([&] { first_parallel = run_batch(first, {.threads = 2}); });
  second_parallel = run_batch(second, {.threads = 2});
  other.join();

  EXPECT_EQ(first_parallel.threads, 2u);
  EXPECT_EQ(second_parallel.threads, 2u);
  expect_same(first_parallel, first_serial);
  expect_same(second_parallel, second_serial);
  // Different seeds: the two batches really were two runs, not one result seen twice.
  EXPECT_NE(first_parallel.summary.service("ward").metric("wait_mean").mean,
            second_parallel.summary.service("ward").metric("wait_mean").mean);
}

}  // namespace
}  // namespace carepath::run
