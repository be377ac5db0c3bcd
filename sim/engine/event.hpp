// SPDX-License-Identifier: MIT
// The event: 16 bytes, trivially copyable, ordered by (time, insertion sequence). Ties at equal
// times are resolved first-scheduled-first (as in ns-3 and OMNeT++), never randomly (unlike Ciw),
// so a run is a pure function of its seed. The sequence number, kind and target share one 64-bit
// key with the sequence in the high bits, so comparing keys compares sequences.
#pragma once

#include <carepath/time.hpp>

#include <cstdint>
#include <type_traits>

namespace carepath::engine {

enum class EventKind : std::uint8_t {
  Arrival,         ///< target: arrival source
  ServiceEnd,      ///< target: patient
  TransferEnd,     ///< target: patient, at the end of a transfer delay
  Renege,          ///< target: patient; stale unless the patient's live timer has this sequence
  CapacityChange,  ///< target: index into the capacity timetable
  SessionStart,    ///< target: index into the session timetable (a clinic's or panel's session)
  WarmUpEnd,       ///< statistics start counting
  EndOfRun,        ///< the horizon
  Escalate,        ///< target: patient; stale unless the patient's live escalation timer has this sequence
  WindowEnd,       ///< a comparison window (--window) ends: the statistics are taken, the run goes on
};

struct Event {
  SimTime time;
  std::uint64_t key;  // sequence (36 bits) | kind (4 bits) | target (24 bits)

  static constexpr unsigned kTargetBits = 24;
  static constexpr unsigned kKindBits = 4;
  static constexpr std::uint32_t kMaxTarget = (1U << kTargetBits) - 1;
  static constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << (64 - kTargetBits - kKindBits)) - 1;

  [[nodiscard]] static constexpr Event make(SimTime time, std::uint64_t sequence, EventKind kind,
                                            std::uint32_t target) noexcept {
    return {time, (sequence << (kTargetBits + kKindBits)) |
                      (std::uint64_t{static_cast<std::uint8_t>(kind)} << kTargetBits) | target};
  }
  [[nodiscard]] constexpr EventKind kind() const noexcept {
    return static_cast<EventKind>((key >> kTargetBits) & ((1U << kKindBits) - 1));
  }
  [[nodiscard]] constexpr std::uint32_t target() const noexcept {
    return static_cast<std::uint32_t>(key & kMaxTarget);
  }
  [[nodiscard]] constexpr std::uint64_t sequence() const noexcept { return key >> (kTargetBits + kKindBits); }
};

static_assert(sizeof(Event) == 16 && std::is_trivially_copyable_v<Event>);

/// True when `a` happens before `b`.
[[nodiscard]] constexpr bool earlier(const Event& a, const Event& b) noexcept {
  return a.time < b.time || (a.time == b.time && a.key < b.key);
}

}  // namespace carepath::engine
