// SPDX-License-Identifier: MIT
// The live state of one service (and of one shared pool) during a replication. This is where a patient waits: in one
// FIFO per priority level (lower level served first, first come first served within a level);
// escalated patients in escalation lanes after them, served with their level (flow.cpp next_queue()).
// Patients finished elsewhere and blocked from entering wait in `blocked_upstream`, in the order
// they were blocked, still holding their bed where they are.
#pragma once

#include "engine/fifo_queue.hpp"

#include <cstdint>
#include <vector>

namespace carepath::engine {

struct ServiceState {
  std::uint32_t capacity = 0;      ///< Current servers (kUnlimited for infinite-server).
  std::uint32_t in_service = 0;
  std::uint32_t blocked = 0;       ///< Beds held by patients blocked from moving on.
  std::uint32_t holding_in_transfer = 0;  ///< Beds held through a transfer delay.
  std::uint32_t waiting = 0;       ///< Patients in all queues.
  std::uint32_t waiting_with_patience = 0;  ///< Of those, how many have a live renege timer.
  std::vector<FifoQueue> queues;   ///< One per priority level, then one per escalation lane.
  FifoQueue blocked_upstream;      ///< Patients elsewhere waiting for room here.

  [[nodiscard]] std::uint32_t beds_occupied() const noexcept { return in_service + blocked + holding_in_transfer; }
  [[nodiscard]] bool has_free_bed() const noexcept { return beds_occupied() < capacity; }
};

/// The live state of one shared resource pool: units on duty and units taken.
struct ResourceState {
  std::uint32_t capacity = 0;
  std::uint32_t busy = 0;
  std::uint64_t committed_milli = 0;  ///< A visit pool's visits a day committed to its caseloads, in thousandths.
  bool offer_pending = false;  ///< Units were given back or added: offer them before anything else starts.
};

}  // namespace carepath::engine
