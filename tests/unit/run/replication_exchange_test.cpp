// SPDX-License-Identifier: MIT
// Replications shared among ranks (sim/run/replication_exchange.hpp) without MPI: shares that
// tile a block, bytes that bring back every bit (NaNs, a deadlock, trajectories, costs), and three
// ranks played by three threads of this process, exchanging through a hub in memory, each of
// which must end with exactly the batch one process gives: every replication, bit for bit, with
// a fixed number of replications and with blocks chosen by precision. A part of another batch, or
// cut short, is refused with a message naming its rank.
#include "run/replication_exchange.hpp"

#include <carepath/run/batch.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace carepath::run {
namespace {

using ::testing::HasSubstr;

model::Scenario clinic() {
  model::Scenario s;
  s.name = "clinic";
  s.run.horizon = 120;
  s.run.warm_up = 10;
  s.run.replications = 11;
  s.run.seed = 17;
  model::ArrivalSource a;
  a.name = "referrals";
  a.to = "clinic";
  a.rate_per_day = 5;
  s.arrivals = {a};
  model::Service c;
  c.name = "clinic";
  c.capacity = 6;
  c.service_time = model::Exponential{1};
  s.services = {c};
  return s;
}

// Every replication as bytes: equal strings mean equal bits.
std::string all_bytes(const BatchResult& result) {
  const auto n = static_cast<std::uint32_t>(result.replications.size());
  return encode_replications({"any", 0, {0, n}}, {0, n}, result.replications);
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Passes parts among ranks that are threads of one process.
class Hub {
 public:
  explicit Hub(unsigned ranks) : parts_(ranks) {}

  std::vector<std::string> exchange(unsigned rank, std::string part) {
    std::unique_lock lock(mutex_);
    const std::uint64_t round = round_;
    parts_[rank] = std::move(part);
    if (++arrived_ == parts_.size()) {
      everyone_ = parts_;
      arrived_ = 0;
      ++round_;
      changed_.notify_all();
    } else {
      changed_.wait(lock, [&] { return round_ != round; });
    }
    return everyone_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> parts_;
  std::vector<std::string> everyone_;
  std::size_t arrived_ = 0;
  std::uint64_t round_ = 0;
};

class ThreadRanks final : public Ranks {
 public:
  ThreadRanks(Hub& hub, unsigned rank, unsigned size) : hub_(hub), rank_(rank), size_(size) {}
  [[nodiscard]] unsigned rank() const noexcept override { return rank_; }
  [[nodiscard]] unsigned size() const noexcept override { return size_; }
  [[nodiscard]] std::vector<std::string> exchange(std::string part) const override {
    return hub_.exchange(rank_, std::move(part));
  }

 private:
  Hub& hub_;
  unsigned rank_;
  unsigned size_;
};

// The batch as each of `size` ranks ends with it.
std::vector<BatchResult> on_ranks(const model::Scenario& scenario, BatchOptions options, unsigned size) {
  Hub hub(size);
  std::vector<ThreadRanks> ranks;
  for (unsigned r = 0; r < size; ++r) ranks.emplace_back(hub, r, size);
  std::vector<BatchResult> results(size);
  std::vector<std::thread> threads;
  for (unsigned r = 0; r < size; ++r) {
    threads.emplace_back([&, r, options]() mutable {
      options.ranks = &ranks[r];
      results[r] = run_batch(scenario, options);
    });
  }
  for (std::thread& t : threads) t.join();
  return results;
}

TEST(ReplicationExchangeTest, SharesTileTheBlockInRankOrder) {
  for (unsigned size = 1; size <= 5; ++size) {
    std::uint32_t next = 3;
    for (unsigned rank = 0; rank < size; ++rank) {
      const ReplicationRange share = rank_share({3, 13}, rank, size);
      EXPECT_EQ(share.begin, next);
      EXPECT_GE(share.end - share.begin, 10 / size);
      EXPECT_LE(share.end - share.begin, 10 / size + 1);
      next = share.end;
    }
    EXPECT_EQ(next, 13U);
  }
}

TEST(ReplicationExchangeTest, BytesBringBackEveryBit) {
  BatchResult one = run_batch(clinic(), {.threads = 1});
  one.replications[4].deadlock = stats::Deadlock{3.5, {0}};
  ASSERT_FALSE(one.replications[0].trajectory.days.values.empty());
  ASSERT_TRUE(std::isnan(one.replications[0].services[0].wait_within_target));  // no target: NaN travels too
  const BatchKey key{"clinic", 17, {0, 11}};
  std::vector<stats::ReplicationResult> back(11);
  decode_replications(encode_replications(key, rank_share(key.range, 1, 2), one.replications), key, {1, 0, 2}, back);
  decode_replications(encode_replications(key, rank_share(key.range, 0, 2), one.replications), key, {0, 1, 2}, back);
  BatchResult copy = one;
  copy.replications = back;
  EXPECT_EQ(all_bytes(copy), all_bytes(one));
  ASSERT_TRUE(back[4].deadlock);
  EXPECT_EQ(back[4].deadlock->time, 3.5);
}

TEST(ReplicationExchangeTest, ThreeRanksEndWithTheBatchOfOneProcess) {
  const model::Scenario scenario = clinic();
  BatchOptions options;
  options.threads = 1;
  const BatchResult one = run_batch(scenario, options);
  for (const BatchResult& shared : on_ranks(scenario, options, 3)) {
    EXPECT_EQ(shared.ranks, 3U);
    EXPECT_EQ(all_bytes(shared), all_bytes(one));
    EXPECT_EQ(std::bit_cast<std::uint64_t>(shared.summary.service("clinic").metric("wait_mean").ci_high),
              std::bit_cast<std::uint64_t>(one.summary.service("clinic").metric("wait_mean").ci_high));
    EXPECT_TRUE(same_bits(shared.trajectories.days.p95, one.trajectories.days.p95));
  }
}

TEST(ReplicationExchangeTest, BlocksChosenByPrecisionStopAtTheSameReplication) {
  const model::Scenario scenario = clinic();
  BatchOptions options;
  options.threads = 2;
  options.precision = model::Precision{true, 0.02};
  options.max_replications = 40;
  const BatchResult one = run_batch(scenario, options);
  ASSERT_GT(one.replications.size(), 10U);  // more than one block, so ranks exchanged more than once
  for (const BatchResult& shared : on_ranks(scenario, options, 3)) EXPECT_EQ(all_bytes(shared), all_bytes(one));
}

TEST(ReplicationExchangeTest, APartOfAnotherBatchOrCutShortIsRefused) {
  const BatchResult one = run_batch(clinic(), {.threads = 1});
  const BatchKey ours{"clinic", 17, {0, 11}};
  const BatchKey theirs{"clinic", 18, {0, 11}};
  std::vector<stats::ReplicationResult> into(11);
  const std::string part = encode_replications(theirs, rank_share(theirs.range, 2, 3), one.replications);
  try {
    decode_replications(part, ours, {2, 0, 3}, into);
    FAIL() << "a part of another batch was taken";
  } catch (const RankFailed& e) {
    EXPECT_EQ(e.rank(), 2U);
    EXPECT_EQ(std::string(e.what()),
              "it ran scenario 'clinic', seed 18, replications 0 to 11 where rank 0 ran scenario 'clinic', seed 17, "
              "replications 0 to 11: were the ranks started with different commands or inputs?");
  }
  const std::string whole = encode_replications(ours, rank_share(ours.range, 2, 3), one.replications);
  try {
    decode_replications(whole.substr(0, whole.size() - 3), ours, {2, 0, 3}, into);
    FAIL() << "a part cut short was taken";
  } catch (const RankFailed& e) {
    EXPECT_THAT(e.what(), HasSubstr("the replications from rank 2 arrived incomplete"));
  }
}

}  // namespace
}  // namespace carepath::run
