// SPDX-License-Identifier: MIT
// See floor_loop.hpp. Kept deliberately naive (std::priority_queue, std::deque): it is the loop a
// competent programmer writes in ten minutes, which is what "a large fraction of the floor" in
// the engine's performance goal (STYLE.md section 3) is measured against.
#include "floor_loop.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <deque>
#include <queue>
#include <type_traits>
#include <utility>
#include <vector>

namespace carepath::bench {
namespace {

// 16 bytes like the engine's events. The low bit of `seq` is the kind (0 arrival, 1 service
// end); the rest is the insertion number, so (time, seq) orders ties first-scheduled-first.
struct FloorEvent {
  double time;
  std::uint64_t seq;
};
static_assert(sizeof(FloorEvent) == 16 && std::is_trivially_copyable_v<FloorEvent>);

struct Later {
  bool operator()(const FloorEvent& a, const FloorEvent& b) const noexcept {
    return a.time > b.time || (a.time == b.time && a.seq > b.seq);
  }
};

constexpr std::uint64_t kArrival = 0;
constexpr std::uint64_t kServiceEnd = 1;

}  // namespace

FloorResult run_floor_loop(double arrival_rate, double mean_service, unsigned servers,
                           std::uint64_t events, std::uint64_t seed) {
  boost::random::mt19937_64 rng(seed);
  boost::random::exponential_distribution<double> interarrival(arrival_rate);
  boost::random::exponential_distribution<double> service(1.0 / mean_service);

  std::vector<FloorEvent> storage;
  storage.reserve(1024);
  std::priority_queue<FloorEvent, std::vector<FloorEvent>, Later> heap(Later{}, std::move(storage));
  std::deque<std::uint64_t> waiting;
  std::uint64_t next_seq = 0;
  auto schedule = [&](double time, std::uint64_t kind) { heap.push({time, (next_seq++ << 1) | kind}); };

  FloorResult result;
  unsigned busy = 0;
  double now = 0;
  schedule(interarrival(rng), kArrival);
  while (result.events < events && !heap.empty()) {
    const FloorEvent ev = heap.top();
    heap.pop();
    now = ev.time;
    ++result.events;
    if ((ev.seq & 1U) == kArrival) {
      const std::uint64_t id = result.arrivals++;
      schedule(now + interarrival(rng), kArrival);
      if (busy < servers) {
        ++busy;
        schedule(now + service(rng), kServiceEnd);
      } else {
        waiting.push_back(id);
      }
    } else {
      ++result.completions;
      if (!waiting.empty()) {
        waiting.pop_front();  // the next patient takes the freed server
        schedule(now + service(rng), kServiceEnd);
      } else {
        --busy;
      }
    }
  }
  result.end_time = now;
  return result;
}

}  // namespace carepath::bench
