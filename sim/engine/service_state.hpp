// SPDX-License-Identifier: MIT
// The live state of one service during a replication: how many servers are busy and who is
// waiting, in arrival order. This is where a patient waits.
#pragma once

#include "engine/fifo_queue.hpp"

#include <cstdint>

namespace carepath::engine {

struct ServiceState {
  std::uint32_t busy = 0;
  FifoQueue queue;
};

}  // namespace carepath::engine
