// SPDX-License-Identifier: MIT
// An event set as an implicit 4-ary min-heap on a std::vector<Event>. A 4-ary heap is shallower
// than a binary one (half the levels) and its four children share a cache line (4 x 16 bytes),
// which pays for the extra comparisons. Memory is reserved up front and reused; no per-event
// allocation. Its pop costs O(log n) in every event held, near or far; the engine's future-event
// list is calendar_event_queue.hpp, which keeps only the near future in one of these.
#pragma once

#include "engine/event.hpp"

#include <cassert>
#include <cstddef>
#include <vector>

namespace carepath::engine {

class EventQueue {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() noexcept { heap_.clear(); }
  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  [[nodiscard]] const Event& top() const noexcept {
    assert(!heap_.empty());
    return heap_.front();
  }

  void push(Event event) {
    // A new slot first, filled by sift_up: push_back(event) would hand the event's address to
    // the vector's growth path, so the compiler builds the event in memory with two 8-byte stores
    // and copies it with one 16-byte load, which stalls store-to-load forwarding (about 15 cycles
    // per event; most of the cost of a schedule on M/M/3).
    heap_.emplace_back();
    sift_up(heap_.size() - 1, event);
  }

  /// Takes every event of `events` (in any order) into an empty heap, in O(n); `events` gets the
  /// heap's old storage, empty, so that buffers circulate instead of being allocated.
  void adopt(std::vector<Event>& events) noexcept {
    assert(heap_.empty());
    heap_.swap(events);
    if (heap_.size() < 2) return;
    for (std::size_t i = (heap_.size() - 2) / kArity + 1; i-- > 0;) {
      const Event event = heap_[i];  // a copy: sift_down overwrites slot i first
      sift_down(i, event);
    }
  }

  /// Appends every event, in no particular order, to `out`, leaving the heap empty.
  void drain_into(std::vector<Event>& out) {
    out.insert(out.end(), heap_.begin(), heap_.end());
    heap_.clear();
  }

  /// Removes and returns the earliest event.
  Event pop() noexcept {
    assert(!heap_.empty());
    const Event earliest = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(0, last);
    return earliest;
  }

 private:
  static constexpr std::size_t kArity = 4;

  void sift_up(std::size_t hole, const Event& event) noexcept {
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!earlier(event, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = event;
  }

  // Moves `event` down from the hole at `hole`, pulling the earliest child up at each level.
  void sift_down(std::size_t hole, const Event& event) noexcept {
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first_child = hole * kArity + 1;
      if (first_child >= n) break;
      const std::size_t last_child = first_child + kArity < n ? first_child + kArity : n;
      std::size_t best = first_child;
      for (std::size_t c = first_child + 1; c < last_child; ++c) {
        if (earlier(heap_[c], heap_[best])) best = c;
      }
      if (!earlier(heap_[best], event)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = event;
  }

  std::vector<Event> heap_;
};

}  // namespace carepath::engine
