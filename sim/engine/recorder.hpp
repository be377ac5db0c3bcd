// SPDX-License-Identifier: MIT
// The only place the event handlers report to. Handlers say what happened (a patient arrived,
// started, finished, was turned away); the recorder keeps the streaming statistics and decides
// what counts: counters and time averages restart when the warm-up ends, and a wait or sojourn is
// measured only for a patient who arrived at the service after the warm-up ended. finish() turns
// it all into a ReplicationResult.
#pragma once

#include "engine/compiled_model.hpp"
#include "stats/log_histogram.hpp"
#include "stats/time_average.hpp"
#include "stats/welford.hpp"

#include <carepath/stats/results.hpp>

#include <cstdint>
#include <vector>

namespace carepath::engine {

class Recorder {
 public:
  explicit Recorder(std::size_t service_count) : services_(service_count) {}

  void start_window(SimTime now);

  void entered_system(SimTime now) {
    ++system_.arrivals;
    system_.present.change(now, +1);
  }
  void arrived_at_service(std::uint32_t service) { ++services_[service].arrivals; }
  void joined_queue(std::uint32_t service, SimTime now) { services_[service].queue.change(now, +1); }
  void left_queue(std::uint32_t service, SimTime now) { services_[service].queue.change(now, -1); }

  /// `service_arrival`: when the patient arrived at this service.
  void service_started(std::uint32_t service, SimTime now, SimTime service_arrival) {
    ServiceStats& s = services_[service];
    s.busy.change(now, +1);
    if (service_arrival < window_start_) return;
    const double wait = now - service_arrival;
    s.wait.add(wait);
    s.wait_histogram.add(wait);
    if (wait > 0) ++s.waited;
  }

  void service_ended(std::uint32_t service, SimTime now, SimTime service_arrival) {
    ServiceStats& s = services_[service];
    s.busy.change(now, -1);
    ++s.completions;
    if (service_arrival >= window_start_) s.sojourn.add(now - service_arrival);
  }

  /// Turned away at `service` because its queue was full; the patient leaves the system.
  void lost_at(std::uint32_t service, SimTime now) {
    ++services_[service].losses;
    ++system_.losses;
    system_.present.change(now, -1);
  }

  void left_system(SimTime now, SimTime system_arrival) {
    ++system_.departures;
    system_.present.change(now, -1);
    if (system_arrival < window_start_) return;
    system_.time_in_system.add(now - system_arrival);
    system_.time_in_system_histogram.add(now - system_arrival);
  }

  [[nodiscard]] stats::ReplicationResult finish(SimTime now, const CompiledModel& model) const;

  /// Patients waiting or in service anywhere, as the recorder has been told.
  [[nodiscard]] double present_in_system() const noexcept { return system_.present.level(); }

 private:
  struct ServiceStats {
    std::uint64_t arrivals = 0;
    std::uint64_t completions = 0;
    std::uint64_t losses = 0;
    std::uint64_t waited = 0;
    stats::Welford wait;
    stats::LogHistogram wait_histogram;
    stats::Welford sojourn;
    stats::TimeAverage queue;
    stats::TimeAverage busy;
    double present_at_start = 0;
  };
  struct SystemStats {
    std::uint64_t arrivals = 0;
    std::uint64_t departures = 0;
    std::uint64_t losses = 0;
    stats::Welford time_in_system;
    stats::LogHistogram time_in_system_histogram;
    stats::TimeAverage present;
    double present_at_start = 0;
  };

  SimTime window_start_ = 0;
  std::vector<ServiceStats> services_;
  SystemStats system_;
};

}  // namespace carepath::engine
