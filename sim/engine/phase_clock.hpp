// SPDX-License-Identifier: MIT
// Where a replication's time goes, for tools/bench: CPU timestamp ticks spent in the event set,
// in drawing random numbers and in closing trajectory periods, and the whole run. Off unless a
// caller hands the replication a PhaseTicks to fill (ReplicationControls::phase_ticks): then each
// measured stretch costs two timestamp reads (rdtsc, a few nanoseconds) — enough to skew an
// event of ~100 ns a little, which is why the benchmark times speed without it and takes only
// the shares from an instrumented run. Off, a stretch costs one well-predicted null test before
// it (in_phase): a scope object that tested again at its end kept the sink and the start time
// alive across the measured code, which cost the M/M/3 event loop about 7% with timing off.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#else
#include <chrono>
#endif

namespace carepath::engine {

enum class Phase : std::uint8_t { EventSet, Sampling, Trajectories };
inline constexpr std::size_t kPhases = 3;

/// Ticks per phase and for whole runs (Replication::run), summed over the replications that
/// were given this sink.
struct PhaseTicks {
  std::array<std::uint64_t, kPhases> in{};
  std::uint64_t total = 0;
};

[[nodiscard]] inline std::uint64_t phase_clock_now() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  return __rdtsc();
#else
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}

namespace detail {

// Adds the ticks from its construction to its destruction to sink.in[phase].
class Stopwatch {
 public:
  Stopwatch(PhaseTicks& sink, Phase phase) noexcept : sink_(sink), phase_(phase), start_(phase_clock_now()) {}
  ~Stopwatch() { sink_.in[static_cast<std::size_t>(phase_)] += phase_clock_now() - start_; }
  Stopwatch(const Stopwatch&) = delete;
  Stopwatch& operator=(const Stopwatch&) = delete;

 private:
  PhaseTicks& sink_;
  Phase phase_;
  std::uint64_t start_;
};

// The measured path, out of line so that the unmeasured one is f's own code and nothing more.
template <class F>
[[gnu::noinline]] decltype(auto) measured(PhaseTicks& sink, Phase phase, F& f) {
  const Stopwatch watch(sink, phase);
  return f();
}

}  // namespace detail

/// Calls f() and returns what it returns; when `sink` is set, adds the ticks f() took to
/// `sink->in[phase]`. Unmeasured (sink null), the cost is one well-predicted test before f():
/// no timing state lives across it, so the event loop's registers are its own.
template <class F>
decltype(auto) in_phase(PhaseTicks* sink, Phase phase, F&& f) {
  if (sink == nullptr) [[likely]] return f();
  return detail::measured(*sink, phase, f);
}

}  // namespace carepath::engine
