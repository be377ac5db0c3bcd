// SPDX-License-Identifier: MIT
#include "engine/fifo_queue.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace carepath::engine {
namespace {

TEST(FifoQueue, KeepsOrderAcrossWrapAroundAndGrowth) {
  FifoQueue q;
  std::deque<PatientId> reference;
  PatientId next = 0;
  // Alternate bursts of pushes and pops so the ring wraps before and after each doubling.
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 7 + round; ++i) {
      q.push(next);
      reference.push_back(next++);
    }
    for (int i = 0; i < 5 + round / 2 && !reference.empty(); ++i) {
      ASSERT_EQ(q.pop(), reference.front());
      reference.pop_front();
    }
    ASSERT_EQ(q.size(), reference.size());
  }
  while (!reference.empty()) {
    ASSERT_EQ(q.pop(), reference.front());
    reference.pop_front();
  }
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace carepath::engine
