// SPDX-License-Identifier: MIT
// The event sets, one typed suite over every implementation (as ns-3 runs one suite per
// scheduler): the plain 4-ary heap (event_queue.hpp) and the engine's calendar in front of a heap
// (calendar_event_queue.hpp). Each must pop in exactly (time, insertion sequence) order under any
// interleaving the engine can make: pushes never earlier than the last pop. The calendar's own
// paths — far events beyond its ring (in its coarse ring, the farthest in its far heap), a jump
// over an empty ring, re-bucketing when the event rate changes, times too large to scale, ties on
// a bucket edge — are driven by the schedules of the later tests, which the heap must pass too.
#include "engine/calendar_event_queue.hpp"
#include "engine/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <vector>

namespace carepath::engine {
namespace {

TEST(Event, PacksKindTargetAndSequence) {
  const Event e = Event::make(2.5, 123456789, EventKind::ServiceEnd, Event::kMaxTarget);
  EXPECT_EQ(e.kind(), EventKind::ServiceEnd);
  EXPECT_EQ(e.target(), Event::kMaxTarget);
  EXPECT_EQ(e.sequence(), 123456789U);
  EXPECT_EQ(e.time, 2.5);
}

template <class Queue>
class EventQueueTest : public ::testing::Test {};

using QueueImpls = ::testing::Types<EventQueue, CalendarEventQueue>;
TYPED_TEST_SUITE(EventQueueTest, QueueImpls);

/// Pushes and pops against a reference list, popping the reference's earliest by a full scan.
template <class Queue>
class Checker {
 public:
  void push(double time) {
    const Event e = Event::make(time, sequence_++, EventKind::Arrival, 0);
    queue_.push(e);
    reference_.push_back(e);
  }
  /// Pops one event from both and says whether they agree; `now` becomes its time.
  [[nodiscard]] ::testing::AssertionResult pop() {
    const auto it = std::min_element(reference_.begin(), reference_.end(), earlier);
    const Event got = queue_.pop();
    if (got.key != it->key || got.time != it->time) {
      return ::testing::AssertionFailure() << "popped sequence " << got.sequence() << " at " << got.time
                                           << ", expected sequence " << it->sequence() << " at " << it->time;
    }
    now_ = got.time;
    reference_.erase(it);
    if (queue_.size() != reference_.size()) return ::testing::AssertionFailure() << "size differs";
    return ::testing::AssertionSuccess();
  }
  [[nodiscard]] double now() const { return now_; }
  [[nodiscard]] bool empty() const { return reference_.empty() && queue_.empty(); }
  [[nodiscard]] std::size_t size() const { return reference_.size(); }

 private:
  Queue queue_;
  std::vector<Event> reference_;
  std::uint64_t sequence_ = 0;
  double now_ = 0;
};

TYPED_TEST(EventQueueTest, EqualTimesPopInSchedulingOrder) {
  TypeParam q;
  for (std::uint32_t i = 0; i < 100; ++i) q.push(Event::make(1.0, i, EventKind::Arrival, 99 - i));
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(q.pop().sequence(), i);
  EXPECT_TRUE(q.empty());
}

// Times drawn from a small set so that ties are frequent.
TYPED_TEST(EventQueueTest, MatchesSortedOrderUnderRandomInterleaving) {
  boost::random::mt19937_64 rng(7);
  boost::random::uniform_int_distribution<int> coin(0, 2), time(0, 50);
  Checker<TypeParam> c;
  for (int step = 0; step < 20000; ++step) {
    if (coin(rng) > 0 || c.size() == 0) {
      c.push(c.now() + 1 + time(rng));
    } else {
      ASSERT_TRUE(c.pop());
    }
  }
}

// A whole-system mix: many events minutes ahead, some days ahead, a few months or years ahead
// (beyond the calendar's ring), and ties at exactly the current time (zero delays). Near events
// come ten thousand times closer halfway, so the calendar re-buckets to wider and then to
// narrower buckets.
TYPED_TEST(EventQueueTest, MatchesSortedOrderForNearAndFarEventsAsTheRateChanges) {
  boost::random::mt19937_64 rng(11);
  boost::random::uniform_int_distribution<int> kind(0, 99);
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  Checker<TypeParam> c;
  for (int i = 0; i < 200; ++i) c.push(unit(rng) * 400);  // stays already running at the start
  for (int step = 0; step < 60000; ++step) {
    const bool first_half = step < 30000;
    const double scale = first_half ? 10.0 : 0.001;
    const int near = first_half ? 80 : 99;
    const int k = kind(rng);
    const double ahead = k < 2 ? 0.0 : k < near ? unit(rng) * scale : k < 99 ? unit(rng) * 30 : unit(rng) * 2000;
    c.push(c.now() + ahead);
    if (c.size() > 500) {
      ASSERT_TRUE(c.pop()) << "step " << step;
    }
  }
  while (c.size() > 0) ASSERT_TRUE(c.pop());
  EXPECT_TRUE(c.empty());
}

// A set that stays small (an M/M/c queue) is kept whole in the calendar's heap; when it grows,
// it is bucketed again, and when it shrinks, put back in the heap: three stretches of 20,000
// pops each, holding about 8, 600 and 8 events.
TYPED_TEST(EventQueueTest, MatchesSortedOrderAsTheSetShrinksAndGrows) {
  boost::random::mt19937_64 rng(13);
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  Checker<TypeParam> c;
  for (const std::size_t held : {8U, 600U, 8U}) {
    for (int pops = 0; pops < 20000;) {
      c.push(c.now() + (unit(rng) < 0.1 ? unit(rng) * 50 : unit(rng)));
      while (c.size() > held) {
        ASSERT_TRUE(c.pop());
        ++pops;
      }
    }
  }
  while (c.size() > 0) ASSERT_TRUE(c.pop());
}

// A long waiting list: thousands of patience timers weeks to a year ahead (some tied), far
// beyond the calendar's ring, while near events churn minutes apart and new timers keep joining
// the list; then the list drains with nothing near. The calendar keeps them in its coarse ring
// and spreads them into its fine ring as it reaches them, in order among themselves and the near
// ones.
TYPED_TEST(EventQueueTest, MatchesSortedOrderWithALongListOfFarTimers) {
  boost::random::mt19937_64 rng(17);
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  Checker<TypeParam> c;
  for (int i = 0; i < 3000; ++i) c.push(i % 10 == 0 ? 30.0 * (1 + i % 7) : 7 + unit(rng) * 358);
  for (int step = 0; step < 40000; ++step) {
    c.push(c.now() + (step % 50 == 0 ? 7 + unit(rng) * 358 : unit(rng) * 0.01));
    while (c.size() > 3100) ASSERT_TRUE(c.pop()) << "step " << step;
  }
  while (c.size() > 0) ASSERT_TRUE(c.pop());
}

// Events on bucket edges (multiples of every power of two), ties among them, a long empty gap
// that leaves only far events, and times too large for any bucket index.
TYPED_TEST(EventQueueTest, HandlesBucketEdgesEmptyStretchesAndHugeTimes) {
  Checker<TypeParam> c;
  for (int i = 0; i < 64; ++i) c.push(std::ldexp(1.0, -i / 8) * (i % 8));
  c.push(1e6);
  c.push(1e6);
  c.push(1e300);
  c.push(1e300);
  c.push(5e18);
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(c.pop());
  c.push(c.now());  // a zero delay
  c.push(c.now() + 0.5);
  while (c.size() > 3) ASSERT_TRUE(c.pop());
  c.push(c.now() + 1);  // after a huge time: still in order
  while (c.size() > 0) ASSERT_TRUE(c.pop());
}

}  // namespace
}  // namespace carepath::engine
