// SPDX-License-Identifier: MIT
#include "engine/fifo_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <random>
#include <unordered_map>
#include <vector>

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

// Reneging leaves from anywhere in the line: erase by ticket must keep the others in order, keep
// size() exact, and give every patient still waiting a ticket that erases them (tickets change
// when the line compacts). Checked against a std::deque with the same moves, from a fixed seed;
// the mix erases more than it pops, so long runs of gone slots build up behind a live front.
TEST(FifoQueue, EraseByTicketKeepsOrderAndSizeThroughCompaction) {
  FifoQueue q;
  std::deque<PatientId> reference;
  std::unordered_map<PatientId, std::uint64_t> tickets;
  const auto moved = [&](PatientId id, std::uint64_t ticket) { tickets[id] = ticket; };
  std::mt19937 random(7);
  PatientId next = 0;
  for (int step = 0; step < 20000; ++step) {
    const auto move = random() % 10;
    if (move < 5 || reference.empty()) {
      tickets[next] = q.push(next);
      reference.push_back(next++);
    } else if (move < 9) {
      // The front stays (it never gives up) unless it is the only one: gone slots pile up behind it.
      const std::size_t at = reference.size() == 1 ? 0 : 1 + random() % (reference.size() - 1);
      const PatientId leaver = reference[at];
      q.erase(tickets.at(leaver), moved);
      tickets.erase(leaver);
      reference.erase(reference.begin() + static_cast<std::ptrdiff_t>(at));
    } else {
      ASSERT_EQ(q.pop(), reference.front());
      tickets.erase(reference.front());
      reference.pop_front();
    }
    ASSERT_EQ(q.size(), reference.size());
    if (!reference.empty()) {
      ASSERT_EQ(q.front(), reference.front());
    }
  }
  std::vector<PatientId> seen;
  q.for_each([&](PatientId id) { seen.push_back(id); });
  EXPECT_TRUE(std::equal(seen.begin(), seen.end(), reference.begin(), reference.end()));
  while (!reference.empty()) {
    ASSERT_EQ(q.pop(), reference.front());
    reference.pop_front();
  }
  EXPECT_TRUE(q.empty());
}

TEST(FifoQueue, ErasingTheEndsLeavesALiveFrontAndReusesNothingStale) {
  FifoQueue q;
  const auto unused = [](PatientId, std::uint64_t) {};
  const std::uint64_t a = q.push(1);
  q.push(2);
  const std::uint64_t c = q.push(3);
  q.erase(a, unused);
  EXPECT_EQ(q.front(), 2U);
  q.erase(c, unused);
  EXPECT_EQ(q.size(), 1U);
  const std::uint64_t d = q.push(4);  // may take the ticket of 3, whose holder has gone
  q.erase(d, unused);
  EXPECT_EQ(q.pop(), 2U);
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace carepath::engine
