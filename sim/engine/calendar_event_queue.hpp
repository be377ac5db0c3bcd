// SPDX-License-Identifier: MIT
// The future-event list: a small 4-ary heap for the near future in front of a calendar of
// unsorted buckets (Brown's calendar queue, as the rungs of the ladder queue of Tang, Goh and
// Thng, ACM TOMACS 2005). A whole-system model holds about a thousand future events — the end of
// every long stay, a patience timer for every patient with one — of which a few dozen are due in
// the next hour or so; in one heap every pop paid for all of them (five levels of sift-down with
// unpredictable branches; a third of the run time of the Bromley model). Here:
//   - time is cut into buckets of width 2^-shift days; an event's bucket index is
//     floor(time * 2^shift), exact and monotone in time;
//   - the heap holds exactly the events of the buckets up to the current one, so its minimum is
//     the global minimum and the order is the heap's own (time, then insertion sequence): results
//     are bit-identical to a single heap's;
//   - the next buckets, up to kBuckets ahead, are a ring of unsorted vectors (push: an append);
//     when the heap runs dry the next non-empty bucket becomes the heap in O(m) (EventQueue::adopt);
//   - events further out go to a coarse ring: kBuckets coarse buckets of kPerCoarse buckets each
//     (about 500 turns of the fine ring), also unsorted vectors; every kPerCoarse buckets the
//     next coarse bucket is spread into the fine ring, before the fine ring reaches it;
//   - events beyond even that wait in a far heap of their own (a 4-ary heap like the hot one),
//     popped into the coarse ring as it moves on. So each event is moved at most three times
//     however far ahead it is, O(1) for all but the farthest (O(log f) for those). The unsorted
//     overflow list that the coarse ring replaces was scanned every half turn of the fine ring
//     and paid for every far event again at every scan: on a waiting list of a million patients
//     with patience (tools/benchmarks/patience_backlog.json) the event set was two thirds of the
//     engine's time;
//   - the width follows the event rate: every kAdaptEvery pops the rate of that stretch sets the
//     width aiming at kTargetPerBucket events a bucket, and when it is off by 4x or more every
//     event is re-bucketed (O(n), rare). A set that held fewer than kSmallSet events on average
//     is kept whole in the heap instead (current_ = kFar: every bucket is "current"): a heap of
//     a handful of events is cheaper than changing buckets every few pops, which mispredicts
//     branches and misses the cache (an M/M/c queue holds c + 2 events). The width and the mode
//     change only the cost, never the order.
// Cost per event: O(1) amortised for the calendar plus O(log m) in the heap, m the events of one
// bucket. event_queue_test.cpp runs the same typed tests on this and on the plain heap.
#pragma once

#include "engine/event_queue.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace carepath::engine {

class CalendarEventQueue {
 public:
  CalendarEventQueue() : buckets_(kBuckets), coarse_(kBuckets) {}

  void reserve(std::size_t n) { hot_.reserve(n); }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  void clear() noexcept {
    hot_.clear();
    for (std::vector<Event>& bucket : buckets_) bucket.clear();
    for (std::vector<Event>& bucket : coarse_) bucket.clear();
    far_.clear();
    size_ = 0;
    in_buckets_ = 0;
    in_coarse_ = 0;
    whole_in_heap_ = false;
    start_at(0);
    pops_since_adapt_ = 0;
    size_sum_ = 0;
    adapt_start_ = 0;
  }

  void push(Event event) {
    ++size_;
    if (whole_in_heap_) {
      hot_.push(event);
    } else {
      place(event);
    }
  }

  /// Removes and returns the earliest event.
  Event pop() {
    assert(size_ > 0);
    if (hot_.empty()) [[unlikely]] refill_hot();
    size_sum_ += size_;
    --size_;
    const Event earliest = hot_.pop();
    if (++pops_since_adapt_ == kAdaptEvery) [[unlikely]] adapt(earliest.time);
    return earliest;
  }

 private:
  static constexpr std::int64_t kBuckets = 1024;                       // each ring; a power of two
  static constexpr int kCoarseShift = 9;                               // kPerCoarse = 512 buckets
  static constexpr std::int64_t kPerCoarse = std::int64_t{1} << kCoarseShift;
  static constexpr std::int64_t kFar = std::int64_t{1} << 62;          // index of times too far to scale
  static constexpr std::uint64_t kAdaptEvery = 8192;                   // pops between width checks
  static constexpr double kTargetPerBucket = 4;                       // events a bucket, aimed at
  static constexpr std::size_t kSmallSet = 64;                         // mean size below which: one heap
  static constexpr int kMinShift = -16, kMaxShift = 24;                // widths 65,536 days .. 5 ms
  static constexpr int kInitialShift = 6;                              // 22.5 minutes

  [[nodiscard]] std::int64_t bucket_of(SimTime time) const noexcept {
    const double scaled = time * scale_;  // scale_ is a power of two: exact unless it overflows
    if (!(scaled < static_cast<double>(kFar))) return kFar;
    return scaled > 0 ? static_cast<std::int64_t>(scaled) : 0;  // truncation is floor here
  }
  [[nodiscard]] static std::size_t slot(std::int64_t index) noexcept {
    return static_cast<std::size_t>(index & (kBuckets - 1));
  }

  // Like EventQueue::push, a new slot filled afterwards, so that the event's address never
  // reaches the vector's growth path and the event stays in registers.
  static void append(std::vector<Event>& to, Event event) {
    to.emplace_back();
    to.back() = event;
  }

  // Bucket `current` is the heap's; the fine ring holds the coarse bucket it lies in.
  void start_at(std::int64_t current) noexcept {
    current_ = current;
    coarse_done_ = current >> kCoarseShift;
    fine_end_ = (coarse_done_ + 1) << kCoarseShift;
    far_min_ = kFar;
  }

  // Inlined into push by force: out of line (it has three callers) a push paid a second call.
  // Where an event goes: the heap (its bucket is the current one or earlier), the fine ring
  // (buckets current_ + 1 .. fine_end_ - 1, never more than kBuckets ahead), the coarse ring
  // (coarse buckets coarse_done_ + 1 .. coarse_done_ + kBuckets - 1), or the far heap.
  [[gnu::always_inline]] void place(Event event) {
    const std::int64_t index = bucket_of(event.time);
    if (index <= current_) {
      hot_.push(event);
    } else if (index < fine_end_) {
      append(buckets_[slot(index)], event);
      ++in_buckets_;
    } else {
      place_beyond_fine_ring(event, index >> kCoarseShift);
    }
  }

  void place_beyond_fine_ring(Event event, std::int64_t coarse) {
    if (coarse < coarse_done_ + kBuckets) {
      append(coarse_[slot(coarse)], event);
      ++in_coarse_;
    } else {
      far_.push(event);
      far_min_ = std::min(far_min_, coarse);
    }
  }

  // The heap is empty and events remain: make the next non-empty bucket the heap. Out of line,
  // like adapt(), so that push and pop stay small enough to inline into the event loop.
  [[gnu::noinline]] void refill_hot() {
    for (;;) {
      if (in_buckets_ == 0) {
        // Nothing in the fine ring: skip to its end, and when the coarse ring is empty too, to
        // the coarse bucket of the earliest far event.
        current_ = std::max(current_, fine_end_ - 1);
        if (in_coarse_ == 0) {
          assert(!far_.empty());
          if (far_min_ - 1 > coarse_done_) {
            coarse_done_ = far_min_ - 1;
            fine_end_ = (coarse_done_ + 1) << kCoarseShift;
            current_ = std::max(current_, fine_end_ - 1);
          }
          bring_in_far_events();
        }
      }
      ++current_;
      while (fine_end_ + kPerCoarse <= current_ + kBuckets) spread_next_coarse_bucket();
      std::vector<Event>& bucket = buckets_[slot(current_)];
      if (!bucket.empty()) {
        in_buckets_ -= bucket.size();
        hot_.adopt(bucket);
        return;
      }
    }
  }

  // The fine ring has room for one more coarse bucket (its buckets all less than kBuckets
  // ahead of current_): spread it into the fine ring, then let the coarse ring reach one
  // bucket further, taking in the far events that now fall inside it.
  void spread_next_coarse_bucket() {
    ++coarse_done_;
    std::vector<Event>& coarse = coarse_[slot(coarse_done_)];
    for (const Event& event : coarse) {
      const std::int64_t index = bucket_of(event.time);
      assert(index >= current_ && index < current_ + kBuckets);
      append(buckets_[slot(index)], event);
    }
    in_buckets_ += coarse.size();
    in_coarse_ -= coarse.size();
    coarse.clear();
    fine_end_ = (coarse_done_ + 1) << kCoarseShift;
    bring_in_far_events();
  }

  // Moves the far events whose coarse bucket is now inside the coarse ring into it, earliest first.
  void bring_in_far_events() {
    while (!far_.empty() && far_min_ < coarse_done_ + kBuckets) {
      append(coarse_[slot(far_min_)], far_.pop());
      ++in_coarse_;
      far_min_ = far_.empty() ? kFar : bucket_of(far_.top().time) >> kCoarseShift;
    }
  }

  // Sets the width from the event rate and the mean size of the last kAdaptEvery pops; `now` is
  // the latest pop.
  [[gnu::noinline]] void adapt(SimTime now) {
    const double span = now - adapt_start_;
    const bool whole = size_sum_ < kSmallSet * kAdaptEvery;
    adapt_start_ = now;
    pops_since_adapt_ = 0;
    size_sum_ = 0;
    if (!(span > 0)) return;
    const double width = kTargetPerBucket * span / static_cast<double>(kAdaptEvery);
    const int shift = std::clamp(static_cast<int>(std::lround(-std::log2(width))), kMinShift, kMaxShift);
    if (whole == whole_in_heap_ && (whole || std::abs(shift - shift_) < 2)) return;
    rebuild(shift, whole, now);
  }

  // Re-buckets every event at the new width, or puts them all in the heap when `whole`. Every
  // event is at or after `now`, the latest pop.
  void rebuild(int shift, bool whole, SimTime now) {
    std::vector<Event> all;
    all.reserve(size_);
    hot_.drain_into(all);
    for (auto* ring : {&buckets_, &coarse_}) {
      for (std::vector<Event>& bucket : *ring) {
        all.insert(all.end(), bucket.begin(), bucket.end());
        bucket.clear();
      }
    }
    far_.drain_into(all);
    shift_ = shift;
    scale_ = std::ldexp(1.0, shift);
    whole_in_heap_ = whole;
    in_buckets_ = 0;
    in_coarse_ = 0;
    start_at(whole ? kFar : bucket_of(now));
    for (const Event& event : all) place(event);
  }

  EventQueue hot_;                           // every event of buckets <= current_
  std::vector<std::vector<Event>> buckets_;  // fine ring: bucket i at slot(i), current_ < i < fine_end_
  // Coarse ring: coarse bucket c (buckets c * kPerCoarse ..) at slot(c), coarse_done_ < c < coarse_done_ + kBuckets.
  std::vector<std::vector<Event>> coarse_;
  EventQueue far_;                           // coarse bucket >= coarse_done_ + kBuckets when placed
  std::size_t size_ = 0;
  std::size_t in_buckets_ = 0;
  std::size_t in_coarse_ = 0;
  std::int64_t current_ = 0;
  std::int64_t coarse_done_ = 0;               // the last coarse bucket spread into the fine ring
  std::int64_t fine_end_ = kPerCoarse;         // (coarse_done_ + 1) * kPerCoarse, at most current_ + kBuckets
  std::int64_t far_min_ = kFar;                // coarse bucket of far_'s earliest event; kFar when empty
  int shift_ = kInitialShift;
  bool whole_in_heap_ = false;  // every event in hot_: current_ is kFar
  double scale_ = std::ldexp(1.0, kInitialShift);
  std::uint64_t pops_since_adapt_ = 0;
  std::uint64_t size_sum_ = 0;  // of size() at each pop since the last adapt
  SimTime adapt_start_ = 0;
};

}  // namespace carepath::engine
