// SPDX-License-Identifier: MIT
#include "engine/recorder.hpp"

#include <cmath>
#include <limits>

namespace carepath::engine {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : kNaN; }
double as_double(std::uint64_t n) { return static_cast<double>(n); }
}  // namespace

Recorder::Recorder(const CompiledModel& model, model::TrajectoryPeriod trajectories, PhaseTicks* phase_ticks)
    : phase_ticks_(phase_ticks), services_(model.services.size()), pathways_(model.pathways.size()),
      resources_(model.resources.size()), clinics_(model.clinics.size()) {
  if (trajectories != model::TrajectoryPeriod::Off) start_trajectory(model, trajectories);
  for (std::size_t s = 0; s < services_.size(); ++s) {
    const CompiledService& spec = model.services[s];
    // A NaN target would make every comparison false; +inf counts nobody over it.
    services_[s].wait_target = std::isnan(spec.wait_target) ? std::numeric_limits<double>::infinity() : spec.wait_target;
    if (spec.initial_capacity != kUnlimited) services_[s].capacity.change(0, spec.initial_capacity);
  }
  for (std::size_t p = 0; p < pathways_.size(); ++p) pathways_[p].target = model.pathways[p].target;
  for (std::size_t r = 0; r < resources_.size(); ++r) resources_[r].capacity.change(0, model.resources[r].initial_capacity);
  visits_.resize(resources_.size());
  for (std::size_t r = 0; r < visits_.size(); ++r) visits_[r].rate = model.resources[r].milli_visits_per_staff / 1000.0;
  if (model.patient_types > 1) by_type_.resize(model.patient_types * model.services.size());
}

void Recorder::start_window(SimTime now) {
  window_start_ = now;
  if (trajectories_) {
    for (std::size_t s = 0; s < services_.size(); ++s) {
      const Cumulatives reset = cumulative(s, now);
      service_tracks_[s].base = reset;  // cumulative() adds base to the restarted (zero) statistics
    }
    for (std::size_t r = 0; r < resources_.size(); ++r) resource_tracks_[r].base = resource_cumulative(r, now);
  }
  // Levels carry over (patients already inside stay, capacity stays); counts and areas restart.
  for (ServiceStats& s : services_) {
    ServiceStats fresh;
    fresh.wait_target = s.wait_target;
    for (auto [from, to] : {std::pair{&s.queue, &fresh.queue}, {&s.in_service, &fresh.in_service},
                            {&s.held, &fresh.held}, {&s.capacity, &fresh.capacity}, {&s.between, &fresh.between},
                            {&s.held_for[0], &fresh.held_for[0]}, {&s.held_for[1], &fresh.held_for[1]}}) {
      *to = *from;
      to->restart(now);
    }
    fresh.present_at_start = s.queue.level() + s.in_service.level() + s.held.level() + s.between.level();
    s = std::move(fresh);
  }
  SystemStats fresh_system;
  fresh_system.present = system_.present;
  fresh_system.present.restart(now);
  fresh_system.present_at_start = system_.present.level();
  system_ = std::move(fresh_system);
  for (PathwayStats& p : pathways_) {
    PathwayStats fresh;
    fresh.target = p.target;
    fresh.in_pathway = p.in_pathway;
    p = std::move(fresh);
  }
  for (ResourceStats& r : resources_) {
    ResourceStats fresh;
    fresh.busy = r.busy;
    fresh.busy.restart(now);
    fresh.capacity = r.capacity;
    fresh.capacity.restart(now);
    r = std::move(fresh);
  }
  restart_visits(now);
  for (ClinicStats& c : clinics_) c = ClinicStats{};
  for (TypeStats& t : by_type_) t = TypeStats{};
}

stats::ReplicationResult Recorder::finish(SimTime now, const CompiledModel& model, const EndOfRunCounts& end) const {
  const double window = now - window_start_;
  stats::ReplicationResult result;
  result.window = window;
  result.services.reserve(services_.size());
  for (std::size_t i = 0; i < services_.size(); ++i) {
    const ServiceStats& s = services_[i];
    const bool unlimited = model.services[i].initial_capacity == kUnlimited;
    const bool has_target = !std::isnan(model.services[i].wait_target);
    stats::ServiceResult& r = result.services.emplace_back();
    r.arrivals = as_double(s.arrivals);
    r.completions = as_double(s.completions);
    r.losses = as_double(s.losses);
    r.diverted = as_double(s.diverted);
    r.reneges = as_double(s.reneges);
    r.escalations = as_double(s.escalations);
    r.loss_probability = ratio(r.losses, r.arrivals);
    r.wait_mean = s.wait.mean();
    r.wait_p50 = s.wait_histogram.quantile(0.50);
    r.wait_p90 = s.wait_histogram.quantile(0.90);
    r.wait_p95 = s.wait_histogram.quantile(0.95);
    r.wait_max = s.wait.max();
    r.waited_share = ratio(as_double(s.waited), as_double(s.wait.count()));
    r.wait_within_target = has_target ? ratio(as_double(s.within_target), as_double(s.wait.count())) : kNaN;
    r.sojourn_mean = s.sojourn.mean();
    r.mean_queue = s.queue.average(now);
    r.mean_occupancy = s.in_service.average(now) + s.held.average(now);
    r.mean_capacity = unlimited ? kNaN : s.capacity.average(now);
    r.utilisation = unlimited ? kNaN : ratio(r.mean_occupancy, r.mean_capacity);
    r.blocked_bed_days = s.held.average(now) * window;
    r.exit_block_bed_days = s.held_for[0].average(now) * window;
    r.delayed_discharge_bed_days = s.held_for[1].average(now) * window;
    r.mean_present = r.mean_queue + r.mean_occupancy + s.between.average(now);
    r.present_at_start = s.present_at_start;
    r.present_at_end = s.queue.level() + s.in_service.level() + s.held.level() + s.between.level();
    r.over_target_at_end = has_target ? end.over_target_waiting[i] : kNaN;
    r.starts = as_double(s.starts);
    r.throughput_per_day = ratio(r.completions, window);
    r.renege_share = ratio(r.reneges, r.arrivals);
    r.blocked_days_mean = ratio(r.blocked_bed_days, r.completions);
  }

  stats::SystemResult& sys = result.system;
  sys.arrivals = as_double(system_.arrivals);
  sys.departures = as_double(system_.departures);
  sys.losses = as_double(system_.losses);
  sys.reneges = as_double(system_.reneges);
  sys.time_in_system_mean = system_.time_in_system.mean();
  sys.time_in_system_p50 = system_.time_in_system_histogram.quantile(0.50);
  sys.time_in_system_p90 = system_.time_in_system_histogram.quantile(0.90);
  sys.time_in_system_p95 = system_.time_in_system_histogram.quantile(0.95);
  sys.time_in_system_max = system_.time_in_system.max();
  sys.mean_present = system_.present.average(now);
  sys.present_at_start = system_.present_at_start;
  sys.present_at_end = system_.present.level();

  for (std::size_t i = 0; i < pathways_.size(); ++i) {
    const PathwayStats& p = pathways_[i];
    const auto measured = as_double(p.time.count());
    stats::PathwayResult& r = result.pathways.emplace_back();
    r.entered = as_double(p.entered);
    r.completions = as_double(p.completions);
    r.abandoned = as_double(p.abandoned);
    r.left_by_route = as_double(p.left[static_cast<std::size_t>(Leaving::Departed)]);
    r.left_turned_away = as_double(p.left[static_cast<std::size_t>(Leaving::Lost)]);
    r.left_gave_up = as_double(p.left[static_cast<std::size_t>(Leaving::Reneged)]);
    r.time_mean = p.time.mean();
    r.time_p50 = p.histogram.quantile(0.50);
    r.time_p90 = p.histogram.quantile(0.90);
    r.time_p95 = p.histogram.quantile(0.95);
    r.time_max = p.time.max();
    r.within_target = ratio(as_double(p.within_target), measured);
    r.breaches = measured - as_double(p.within_target);
    r.in_pathway_at_end = end.in_pathway[i];
    r.over_target_at_end = end.over_target_in_pathway[i];
  }

  for (const ResourceStats& pool : resources_) {
    stats::ResourceResult& r = result.resources.emplace_back();
    r.mean_capacity = pool.capacity.average(now);
    r.mean_busy = pool.busy.average(now);
    r.utilisation = ratio(r.mean_busy, r.mean_capacity);
    r.busy_at_end = pool.busy.level();
    r.delayed_starts = as_double(pool.delayed_wait.count());
    r.delayed_wait_mean = pool.delayed_wait.mean();
  }
  finish_visits(result.resources, now);

  for (const ClinicStats& clinic : clinics_) {
    stats::ClinicResult& r = result.clinics.emplace_back();
    r.sessions = as_double(clinic.sessions);
    r.slots_offered = as_double(clinic.offered);
    r.slots_used = as_double(clinic.used);
    r.follow_ups = as_double(clinic.follow_ups);
    r.not_attended = as_double(clinic.not_attended);
    r.unused_slots = as_double(clinic.offered - clinic.used - clinic.not_attended);
    r.slots_wasted = r.not_attended + r.unused_slots;
    r.slot_use = ratio(r.slots_used, r.slots_offered);
    r.booked_horizon_mean = clinic.booked_horizon.mean();
  }

  result.by_type.reserve(by_type_.size());
  for (const TypeStats& t : by_type_) {
    result.by_type.push_back({.arrivals = as_double(t.arrivals),
                              .completions = as_double(t.completions),
                              .wait_mean = t.wait.mean(),
                              .sojourn_mean = t.sojourn.mean(),
                              .escalations = as_double(t.escalations)});
  }
  return result;
}

}  // namespace carepath::engine
