// SPDX-License-Identifier: MIT
#include "engine/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <vector>

namespace carepath::engine {
namespace {

TEST(EventQueue, EventPacksKindTargetAndSequence) {
  const Event e = Event::make(2.5, 123456789, EventKind::ServiceEnd, Event::kMaxTarget);
  EXPECT_EQ(e.kind(), EventKind::ServiceEnd);
  EXPECT_EQ(e.target(), Event::kMaxTarget);
  EXPECT_EQ(e.sequence(), 123456789U);
  EXPECT_EQ(e.time, 2.5);
}

TEST(EventQueue, EqualTimesPopInSchedulingOrder) {
  EventQueue q;
  for (std::uint32_t i = 0; i < 100; ++i) q.push(Event::make(1.0, i, EventKind::Arrival, 99 - i));
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(q.pop().sequence(), i);
  EXPECT_TRUE(q.empty());
}

// The heap must agree with a full sort by (time, sequence) under any interleaving of pushes and
// pops; times are drawn from a small set so that ties are frequent.
TEST(EventQueue, MatchesSortedOrderUnderRandomInterleaving) {
  boost::random::mt19937_64 rng(7);
  boost::random::uniform_int_distribution<int> coin(0, 2), time(0, 50);
  EventQueue q;
  std::vector<Event> reference;
  std::uint64_t sequence = 0;
  double last_popped = -1;
  for (int step = 0; step < 20000; ++step) {
    if (coin(rng) > 0 || reference.empty()) {
      const Event e = Event::make(last_popped + 1 + time(rng), sequence++, EventKind::Arrival, 0);
      q.push(e);
      reference.push_back(e);
    } else {
      const auto it = std::min_element(reference.begin(), reference.end(), earlier);
      const Event got = q.pop();
      ASSERT_EQ(got.key, it->key);
      ASSERT_EQ(got.time, it->time);
      last_popped = got.time;
      reference.erase(it);
    }
    ASSERT_EQ(q.size(), reference.size());
  }
}

}  // namespace
}  // namespace carepath::engine
