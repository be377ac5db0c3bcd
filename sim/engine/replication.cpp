// SPDX-License-Identifier: MIT
// THE event loop. It pops the earliest event, advances the clock and dispatches on the event's
// kind with one switch — no virtual call, no callback, no allocation per event. Determinism rests
// on two rules: ties at equal times run in scheduling order (event.hpp), and each random stream is
// keyed by (seed, replication, purpose, name of the source or service) (rng_streams.hpp). WarmUpEnd and EndOfRun are
// scheduled before anything else, so they win ties: a patient arriving exactly at the horizon is
// not counted. A deadlock ends the loop early (deadlock.cpp). Before each event the recorder may
// close a trajectory day (one comparison), and every kStopCheckInterval events the loop looks at
// the batch's stop flag (Ctrl-C).
#include "engine/admission.hpp"
#include "engine/replication.hpp"

#include "engine/residual.hpp"
#include "engine/visits.hpp"

#include <boost/random/exponential_distribution.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace carepath::engine {

Replication::Replication(const CompiledModel& model, std::uint32_t index, std::uint64_t seed,
                         const ReplicationControls& controls)
    : model_(model),
      services_(model.services.size()),
      n_pathways_(model.pathways.size()),
      initial_stream_(make_stream(seed, index, StreamPurpose::InitialState, 0)),
      measure_from_(controls.measure_from),
      measure_to_(controls.measure_to),
      stop_(controls.stop),
      phase_ticks_(controls.phase_ticks),
      recorder_(model, controls.trajectories, controls.phase_ticks) {
  arrival_streams_.reserve(model.sources.size());
  for (std::uint32_t i = 0; i < model.sources.size(); ++i) {
    arrival_streams_.push_back(make_stream(seed, index, StreamPurpose::Arrivals, model.sources[i].stream_key));
  }
  for (std::uint32_t i = 0; i < model.services.size(); ++i) {
    const std::uint64_t key = model.services[i].stream_key;
    service_streams_.push_back(make_stream(seed, index, StreamPurpose::ServiceTime, key));
    routing_streams_.push_back(make_stream(seed, index, StreamPurpose::Routing, key));
    patience_streams_.push_back(make_stream(seed, index, StreamPurpose::Patience, key));
    transfer_streams_.push_back(make_stream(seed, index, StreamPurpose::Transfer, key));
    services_[i].capacity = model.services[i].initial_capacity;
    services_[i].queues.resize(model.priority_levels + model.services[i].lane_levels.size());
  }
  for (const CompiledService& service : model.services) {
    if (service.admission != AdmissionKind::Caseload) continue;
    caseloads_.push_back({make_stream(seed, index, StreamPurpose::Visits, service.stream_key), 0});
    caseloads_.back().next_milli = draw_visits(service.visits, caseloads_.back().stream);
  }
  resources_.resize(model.resources.size());
  for (std::uint32_t r = 0; r < model.resources.size(); ++r) resources_[r].capacity = model.resources[r].initial_capacity;
  clinics_.resize(model.clinics.size());
  for (const CompiledClinic& clinic : model.clinics) {
    attendance_streams_.push_back(
        make_stream(seed, index, StreamPurpose::Attendance, model.services[clinic.service].stream_key));
  }
  future_events_.reserve(1024);
}

void Replication::sequence_exhausted() {
  throw std::length_error("replication exceeded 68 billion events; shorten the horizon");
}

Event Replication::next_event() {
  return timed(Phase::EventSet, [&] { return future_events_.pop(); });
}

stats::ReplicationResult Replication::run() {
  if (phase_ticks_ != nullptr) run_started_ = phase_clock_now();
  schedule(model_.horizon, EventKind::EndOfRun, 0);
  if (!model_.capacity_timetable.empty()) {
    schedule(model_.capacity_timetable.front().time, EventKind::CapacityChange, 0);
  }
  if (!model_.session_timetable.empty()) schedule(model_.session_timetable.front().time, EventKind::SessionStart, 0);
  for (std::uint32_t source = 0; source < model_.sources.size(); ++source) {
    const SimTime first = timed(Phase::Sampling, [&] {
      return model_.sources[source].rate.next_arrival_after(
          0.0, boost::random::exponential_distribution<double>(1.0)(arrival_streams_[source]));
    });
    if (first < model_.horizon) schedule(first, EventKind::Arrival, source);
  }
  // With no warm-up the window opens before the patients already there are placed, so that those
  // who start at time 0 after an earlier wait, and their pathways, are measured. A comparison
  // window opens at the later of its start and the warm-up's end; both its ends are scheduled
  // before any patient event, so they win ties as the horizon does.
  if (measure_to_ < model_.horizon) schedule(measure_to_, EventKind::WindowEnd, 0);
  if (const SimTime opens = std::max(model_.warm_up, measure_from_); opens > 0) {
    schedule(opens, EventKind::WarmUpEnd, 0);
  } else {
    recorder_.start_window(0.0);
  }
  place_initial_patients();
  recorder_.mark_time_zero();
  // Shared pools are offered first, across services, so that the longest waits start first.
  for (std::uint32_t r = 0; r < resources_.size(); ++r) offer_later(r);
  for (std::uint32_t s = 0; s < model_.services.size(); ++s) refill(s);

  while (!deadlock_) {
    const Event event = next_event();
    assert(event.time >= now_);
    now_ = event.time;
    ++events_processed_;
    if ((events_processed_ & (kStopCheckInterval - 1)) == 0 && stop_ != nullptr &&
        stop_->load(std::memory_order_relaxed)) {
      throw Stopped();
    }
    if (recorder_.day_ends_by(now_)) [[unlikely]] close_days_until(now_);
    switch (event.kind()) {
      case EventKind::Arrival: on_arrival(event.target()); break;
      case EventKind::ServiceEnd: on_service_end(event.target()); break;
      case EventKind::TransferEnd: on_transfer_end(event.target()); break;
      case EventKind::Renege: on_renege(event.target(), event.sequence()); break;
      case EventKind::CapacityChange: on_capacity_change(event.target()); break;
      case EventKind::SessionStart: on_session_start(event.target()); break;
      case EventKind::WarmUpEnd: on_warm_up_end(); break;
      case EventKind::EndOfRun: return finish();
      case EventKind::Escalate: on_escalate(event.target(), event.sequence()); break;
      case EventKind::WindowEnd: on_window_end(); break;
    }
  }
  return finish();
}

// Patients already there at time 0: beds occupied with a residual stay conditioned on the time
// already spent, and waiting lists whose earlier wait counts (system and service arrival are set
// in the past). run() then fills free beds from the waiting lists, as at any other moment.
void Replication::place_initial_patients() {
  const std::size_t n_services = model_.services.size();
  for (const InitialPatient& initial : model_.initial_patients) {
    const PatientId patient = new_patient();
    Patient& p = patients_[patient];
    p.type = initial.patient_type;
    p.system_arrival = -initial.elapsed;
    p.service = initial.service;
    p.service_arrival = -initial.elapsed;
    recorder_.present_at_start(initial.service, now_);
    start_pathways_before_now(patient, initial.service);
    const std::size_t spec = static_cast<std::size_t>(initial.patient_type) * n_services + initial.service;
    if (initial.in_service) {
      p.state = PatientState::InService;
      take_room(p, initial.service);
      recorder_.already_in_service(initial.service, now_);
      schedule(sample_residual(model_.service_time_specs[spec], initial.elapsed, initial_stream_),
               EventKind::ServiceEnd, patient);
    } else {
      const auto& patience = model_.patience_specs[spec];
      const double remaining = patience ? sample_residual(*patience, initial.elapsed, initial_stream_)
                                        : std::numeric_limits<double>::infinity();
      join_queue(patient, initial.service, remaining);
    }
  }
}

// A patient already there at time 0 entered the pathways that start at their service when they
// arrived there, in the past.
void Replication::start_pathways_before_now(PatientId patient, std::uint32_t service) {
  const SimTime arrived = patients_[patient].service_arrival;
  for (std::uint32_t k : model_.services[service].pathways_starting) {
    pathway_start(patient, k) = arrived;
    ++patients_[patient].open_pathways;
    recorder_.pathway_entered(k, arrived);
  }
}

stats::ReplicationResult Replication::finish() {
  // Phase-boundary invariant (always on): every patient the pool holds is somewhere the recorder
  // knows about, and vice versa.
  if (static_cast<double>(patients_.in_use()) != recorder_.present_in_system()) {
    throw std::logic_error("engine invariant broken: " + std::to_string(patients_.in_use()) +
                           " patients in the pool, but the recorder counts " +
                           std::to_string(recorder_.present_in_system()));
  }
  stats::ReplicationResult result = measured_ ? std::move(*measured_) : measure();
  result.deadlock = deadlock_;
  result.events = events_processed_;
  close_days_until(now_);
  count_over_target(now_, recorder_.period_end_counts());
  result.trajectory = recorder_.finish_trajectory(now_);
  if (phase_ticks_ != nullptr) phase_ticks_->total += phase_clock_now() - run_started_;
  return result;
}

void Replication::on_window_end() { measured_ = measure(); }

stats::ReplicationResult Replication::measure() const {
  EndOfRunCounts end;
  count_over_target(now_, end);
  return recorder_.finish(now_, model_, end);
}

// The counts scan every waiting patient and every patient's pathways: once per trajectory day and
// at the end, never per event, so their cost grows with the days and the patients present.
void Replication::count_over_target(SimTime at, EndOfRunCounts& counts) const {
  counts.over_target_waiting.assign(services_.size(), 0);
  for (std::uint32_t s = 0; s < services_.size(); ++s) {
    const double target = model_.services[s].wait_target;
    for (const FifoQueue& queue : services_[s].queues) {
      queue.for_each([&](PatientId waiting) {
        if (at - patients_[waiting].service_arrival > target) ++counts.over_target_waiting[s];
      });
    }
  }
  for (std::size_t c = 0; c < clinics_.size(); ++c) {
    const std::uint32_t s = model_.clinics[c].service;
    clinics_[c].rebooked.for_each([&](PatientId waiting) {
      if (at - patients_[waiting].service_arrival > model_.services[s].wait_target) ++counts.over_target_waiting[s];
    });
  }
  const std::size_t n_pathways = model_.pathways.size();
  counts.in_pathway.assign(n_pathways, 0);
  counts.over_target_in_pathway.assign(n_pathways, 0);
  for (std::size_t i = 0; i < pathway_starts_.size(); ++i) {
    const double start = pathway_starts_[i];
    if (std::isnan(start)) continue;
    const std::size_t k = i % n_pathways;
    ++counts.in_pathway[k];
    if (at - start > model_.pathways[k].target) ++counts.over_target_in_pathway[k];
  }
}

// Each day that ended by `now` is closed; one that ends a week (or month) with who was over
// target at its end: nothing changed between that end and `now`, but the ages did.
void Replication::close_days_until(SimTime now) {
  while (recorder_.day_ends_by(now)) {
    if (recorder_.day_ends_coarse_period()) count_over_target(recorder_.next_boundary(), recorder_.period_end_counts());
    recorder_.close_next_day();
  }
}

stats::ReplicationResult run_replication(const CompiledModel& model, std::uint32_t index, std::uint64_t seed,
                                         const ReplicationControls& controls) {
  return Replication(model, index, seed, controls).run();
}

}  // namespace carepath::engine
