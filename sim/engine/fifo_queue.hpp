// SPDX-License-Identifier: MIT
// The waiting line of one service: a ring buffer of PatientId with power-of-two capacity, which
// grows by doubling and never shrinks, so in steady state a push or pop is an index update and
// no allocation (std::deque allocates a block every few hundred pushes).
//
// A patient who gives up leaves from the middle. Shifting the others up would cost O(length) per
// renege — quadratic for a long waiting list with patience (10^6 waiting took minutes) — so the
// leaver's slot is only marked gone (lazy deletion, as ns-3 cancels events): O(1). Each push
// returns a ticket, the patient's position counted from the first push, from which erase() finds
// the slot directly. Gone slots are skipped when they reach either end, so front() is always a
// live patient and size() counts live patients only. When gone slots outnumber live ones (a
// patient who never gives up at the head, with many leaving behind them), the line is compacted
// and the live patients get new tickets through a callback: memory stays within twice the
// patients waiting, and the compaction costs O(1) amortised per erase.
#pragma once

#include "engine/patient_pool.hpp"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace carepath::engine {

class FifoQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// Patients in the line (gone slots not counted).
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  void clear() noexcept {
    head_ = 0;
    span_ = 0;
    size_ = 0;
  }

  /// Appends `id`; returns its ticket, which erase() takes.
  std::uint64_t push(PatientId id) {
    if (span_ == slots_.size()) grow();
    slots_[index(span_)] = id;
    const std::uint64_t ticket = first_ticket_ + span_;
    ++span_;
    ++size_;
    return ticket;
  }

  [[nodiscard]] PatientId front() const noexcept {
    assert(size_ > 0);
    return slots_[head_];
  }

  PatientId pop() noexcept {
    assert(size_ > 0);
    const PatientId id = slots_[head_];
    drop_front();
    --size_;
    trim_front();  // the back is live already: only an erase makes it gone
    return id;
  }

  /// Removes the patient pushed with `ticket`, keeping the others in order; O(1) amortised.
  /// When the line is compacted, `moved(id, new_ticket)` is called for each patient left in it.
  template <class OnMove>
  void erase(std::uint64_t ticket, OnMove&& moved) {
    assert(ticket - first_ticket_ < span_ && slots_[index(ticket - first_ticket_)] != kGone);
    slots_[index(ticket - first_ticket_)] = kGone;
    --size_;
    trim_front();
    trim_back();
    if (span_ > 2 * size_ + kCompactSlack) compact(moved);
  }

  /// Calls f(id) for each patient in the line, front first.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < span_; ++i) {
      const PatientId id = slots_[index(i)];
      if (id != kGone) f(id);
    }
  }

 private:
  static constexpr PatientId kGone = ~PatientId{0};  // never a patient: ids fit in 24 bits
  static constexpr std::size_t kCompactSlack = 32;   // no compaction of short lines

  [[nodiscard]] std::size_t index(std::uint64_t offset) const noexcept {
    return (head_ + static_cast<std::size_t>(offset)) & (slots_.size() - 1);
  }

  void drop_front() noexcept {
    head_ = (head_ + 1) & (slots_.size() - 1);
    ++first_ticket_;
    --span_;
  }

  // Gone slots at either end are dropped, so that the front is live and the span is short.
  void trim_front() noexcept {
    while (span_ > 0 && slots_[head_] == kGone) drop_front();
  }
  void trim_back() noexcept {
    while (span_ > 0 && slots_[index(span_ - 1)] == kGone) --span_;
  }

  template <class OnMove>
  void compact(OnMove& moved) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < span_; ++i) {
      const PatientId id = slots_[index(i)];
      if (id == kGone) continue;
      slots_[index(kept)] = id;
      moved(id, first_ticket_ + kept);
      ++kept;
    }
    span_ = kept;
  }

  void grow() {
    std::vector<PatientId> bigger(slots_.empty() ? 16 : slots_.size() * 2);
    for (std::size_t i = 0; i < span_; ++i) bigger[i] = slots_[index(i)];
    slots_.swap(bigger);
    head_ = 0;
  }

  std::vector<PatientId> slots_;
  std::size_t head_ = 0;            // slot of the front
  std::size_t span_ = 0;            // slots from the front to the back, gone ones included
  std::size_t size_ = 0;            // live patients
  std::uint64_t first_ticket_ = 0;  // ticket of the slot at head_
};

}  // namespace carepath::engine
