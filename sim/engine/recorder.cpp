// SPDX-License-Identifier: MIT
#include "engine/recorder.hpp"

#include <limits>

namespace carepath::engine {

void Recorder::start_window(SimTime now) {
  window_start_ = now;
  for (ServiceStats& s : services_) {
    // Levels carry over (patients already inside stay); everything counted so far is discarded.
    stats::TimeAverage queue = s.queue;
    stats::TimeAverage busy = s.busy;
    s = ServiceStats{};
    s.queue = queue;
    s.busy = busy;
    s.queue.restart(now);
    s.busy.restart(now);
    s.present_at_start = s.queue.level() + s.busy.level();
  }
  stats::TimeAverage present = system_.present;
  system_ = SystemStats{};
  system_.present = present;
  system_.present.restart(now);
  system_.present_at_start = present.level();
}

namespace {
double ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : std::numeric_limits<double>::quiet_NaN();
}
}  // namespace

stats::ReplicationResult Recorder::finish(SimTime now, const CompiledModel& model) const {
  stats::ReplicationResult result;
  result.services.reserve(services_.size());
  for (std::size_t i = 0; i < services_.size(); ++i) {
    const ServiceStats& s = services_[i];
    const std::uint32_t capacity = model.services[i].capacity;
    const auto started = static_cast<double>(s.wait.count());
    stats::ServiceResult& r = result.services.emplace_back();
    r.arrivals = static_cast<double>(s.arrivals);
    r.completions = static_cast<double>(s.completions);
    r.losses = static_cast<double>(s.losses);
    r.loss_probability = ratio(r.losses, r.arrivals);
    r.wait_mean = s.wait.mean();
    r.wait_p50 = s.wait_histogram.quantile(0.50);
    r.wait_p90 = s.wait_histogram.quantile(0.90);
    r.wait_p95 = s.wait_histogram.quantile(0.95);
    r.wait_max = s.wait.max();
    r.waited_share = ratio(static_cast<double>(s.waited), started);
    r.sojourn_mean = s.sojourn.mean();
    r.mean_queue = s.queue.average(now);
    r.mean_occupancy = s.busy.average(now);
    r.utilisation = capacity == kUnlimited ? std::numeric_limits<double>::quiet_NaN()
                                           : r.mean_occupancy / static_cast<double>(capacity);
    r.mean_present = r.mean_queue + r.mean_occupancy;
    r.present_at_start = s.present_at_start;
    r.present_at_end = s.queue.level() + s.busy.level();
  }
  stats::SystemResult& sys = result.system;
  sys.arrivals = static_cast<double>(system_.arrivals);
  sys.departures = static_cast<double>(system_.departures);
  sys.losses = static_cast<double>(system_.losses);
  sys.time_in_system_mean = system_.time_in_system.mean();
  sys.time_in_system_p50 = system_.time_in_system_histogram.quantile(0.50);
  sys.time_in_system_p90 = system_.time_in_system_histogram.quantile(0.90);
  sys.time_in_system_p95 = system_.time_in_system_histogram.quantile(0.95);
  sys.time_in_system_max = system_.time_in_system.max();
  sys.mean_present = system_.present.average(now);
  sys.present_at_start = system_.present_at_start;
  sys.present_at_end = system_.present.level();
  return result;
}

}  // namespace carepath::engine
