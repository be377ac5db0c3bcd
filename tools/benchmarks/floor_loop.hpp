// SPDX-License-Identifier: MIT
// The floor an event loop is measured against: an M/M/c queue simulated with nothing but the
// work every discrete-event simulator must do per event. One std::priority_queue of 16-byte
// events ordered by (time, insertion number), one Boost.Random exponential draw per event on
// average from one mt19937_64, a FIFO of waiting patient ids and a busy-server count. No
// statistics, no routing, no patient records. bench_mmc.cpp runs it for as many events as the
// engine processed and reports engine speed as a fraction of this loop's.
#pragma once

#include <cstdint>

namespace carepath::bench {

struct FloorResult {
  std::uint64_t events = 0;     ///< Events popped and handled.
  std::uint64_t arrivals = 0;
  std::uint64_t completions = 0;
  double end_time = 0;          ///< Clock at the last event, days.
};

/// Simulates an M/M/`servers` queue until `events` events have been handled, e.g.
///   auto r = run_floor_loop(2.7, 1.0, 3, 20'000'000, 1);   // M/M/3 at rho = 0.9
[[nodiscard]] FloorResult run_floor_loop(double arrival_rate, double mean_service, unsigned servers,
                                         std::uint64_t events, std::uint64_t seed);

}  // namespace carepath::bench
