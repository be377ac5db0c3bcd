// SPDX-License-Identifier: MIT
// The waiting line of one service: a ring buffer of PatientId with power-of-two capacity, which
// grows by doubling and never shrinks, so in steady state a push or pop is an index update and
// no allocation (std::deque allocates a block every few hundred pushes).
#pragma once

#include "engine/patient_pool.hpp"

#include <cassert>
#include <cstddef>
#include <vector>

namespace carepath::engine {

class FifoQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  void clear() noexcept {
    head_ = 0;
    size_ = 0;
  }

  void push(PatientId id) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = id;
    ++size_;
  }

  PatientId pop() noexcept {
    assert(size_ > 0);
    const PatientId id = slots_[head_];
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
    return id;
  }

 private:
  void grow() {
    std::vector<PatientId> bigger(slots_.empty() ? 16 : slots_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = slots_[(head_ + i) & (slots_.size() - 1)];
    slots_.swap(bigger);
    head_ = 0;
  }

  std::vector<PatientId> slots_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace carepath::engine
