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

  [[nodiscard]] PatientId front() const noexcept {
    assert(size_ > 0);
    return slots_[head_];
  }

  /// The i-th patient from the front.
  [[nodiscard]] PatientId at(std::size_t i) const noexcept { return slots_[(head_ + i) & (slots_.size() - 1)]; }

  /// Removes `id` wherever it stands, keeping the others in order; O(size). Only a patient who
  /// gives up leaves from the middle, which is rare next to pushes and pops.
  void erase(PatientId id) noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = 0;
    while (i < size_ && slots_[(head_ + i) & mask] != id) ++i;
    assert(i < size_);
    for (; i + 1 < size_; ++i) slots_[(head_ + i) & mask] = slots_[(head_ + i + 1) & mask];
    --size_;
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
