// SPDX-License-Identifier: MIT
// How patients move between services. A patient arriving at a service starts at once if a bed is
// free, else waits in the queue of their priority level if it has room, else meets the service's
// when_full rule: diverted elsewhere, turned away, or — when coming from another service under
// "block" — kept in their bed there, in the target's blocked_upstream line. Whenever room frees at
// a service, refill() gives free beds to the queue (priority, then arrival order) and then admits
// blocked patients (first blocked, first admitted); each admission frees a bed upstream, so refill
// walks a worklist and blocking unwinds upstream without recursion.
#include "engine/replication.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <cmath>
#include <limits>

namespace carepath::engine {

const TypeRules& Replication::rules(PatientId patient, std::uint32_t service) const {
  return model_.services[service].by_type[patients_[patient].type];
}

bool Replication::has_room(std::uint32_t service) const {
  const ServiceState& state = services_[service];
  return state.has_free_bed() || state.waiting < model_.services[service].queue_limit;
}

void Replication::grow_pathway_starts() {
  pathway_starts_.resize(patients_.capacity() * n_pathways_, std::numeric_limits<double>::quiet_NaN());
}

void Replication::admit_from_outside(PatientId patient, std::uint32_t service) {
  for (;;) {
    recorder_.arrived_at_service(service, patients_[patient].type);
    if (has_room(service)) {
      enter_service(patient, service);
      return;
    }
    const CompiledService& spec = model_.services[service];
    if (spec.when_full != model::WhenFull::Divert) {
      recorder_.lost_at(service);
      leave_system(patient, Leaving::Lost);
      return;
    }
    recorder_.diverted_at(service);
    service = spec.divert_to;
  }
}

// A patient already in the system but holding no bed (after a transfer that released it, or
// after giving up elsewhere) meets "block" by waiting in the blocked line without a bed: the
// community equivalent of a delayed discharge. Their arrival is counted when they are admitted,
// as for a patient blocked in a bed.
void Replication::arrive_without_bed(PatientId patient, std::uint32_t service) {
  const CompiledService& spec = model_.services[service];
  if (has_room(service) || spec.when_full != model::WhenFull::Block) {
    admit_from_outside(patient, service);
    return;
  }
  Patient& p = patients_[patient];
  p.state = PatientState::AwaitingAdmission;
  p.destination = service;
  services_[service].blocked_upstream.push(patient);
}

// The patient has finished at patients_[patient].service and still holds a bed there.
void Replication::move_on(PatientId patient, std::uint32_t target) {
  const std::uint16_t type = patients_[patient].type;
  for (;;) {
    if (has_room(target)) {
      const std::uint32_t from = patients_[patient].service;
      leave_bed(patient);
      recorder_.arrived_at_service(target, type);
      enter_service(patient, target);
      refill(from);
      return;
    }
    const CompiledService& spec = model_.services[target];
    if (spec.when_full == model::WhenFull::Divert) {
      recorder_.arrived_at_service(target, type);
      recorder_.diverted_at(target);
      target = spec.divert_to;
      continue;
    }
    if (spec.when_full == model::WhenFull::Lose) {
      const std::uint32_t from = patients_[patient].service;
      leave_bed(patient);
      recorder_.arrived_at_service(target, type);
      recorder_.lost_at(target);
      leave_system(patient, Leaving::Lost);
      refill(from);
      return;
    }
    Patient& p = patients_[patient];
    ServiceState& holder = services_[p.service];
    if (p.state == PatientState::InService) {
      --holder.in_service;
      recorder_.began_holding_bed(p.service, now_);
    } else {
      --holder.holding_in_transfer;
    }
    ++holder.blocked;
    p.state = PatientState::Blocked;
    p.destination = target;
    services_[target].blocked_upstream.push(patient);
    check_deadlock(target);
    return;
  }
}

void Replication::enter_service(PatientId patient, std::uint32_t service) {
  Patient& p = patients_[patient];
  p.service = service;
  p.service_arrival = now_;
  for (std::uint32_t k : model_.services[service].pathways_starting) {
    double& start = pathway_start(patient, k);
    if (std::isnan(start)) {
      start = now_;
      ++p.open_pathways;
      recorder_.pathway_entered(k, start);
    }
  }
  if (services_[service].has_free_bed()) {
    start_service(patient, service);
    return;
  }
  const TypeRules& r = rules(patient, service);
  const double patience = timed(Phase::Sampling, [&] {
    return r.patience ? (*r.patience)(patience_streams_[service]) : std::numeric_limits<double>::infinity();
  });
  join_queue(patient, service, patience);
}

void Replication::join_queue(PatientId patient, std::uint32_t service, double patience) {
  Patient& p = patients_[patient];
  ServiceState& state = services_[service];
  p.state = PatientState::Waiting;
  p.queue_ticket = state.queues[rules(patient, service).priority_level].push(patient);
  ++state.waiting;
  recorder_.joined_queue(service, now_);
  if (std::isfinite(patience) && now_ + patience < model_.horizon) {
    p.renege_timer = schedule(now_ + patience, EventKind::Renege, patient);
    ++state.waiting_with_patience;
  }
}

void Replication::cancel_renege_timer(PatientId patient) {
  Patient& p = patients_[patient];
  if (p.renege_timer == 0) return;
  p.renege_timer = 0;  // the pending Renege event is now stale and will be skipped
  --services_[p.service].waiting_with_patience;
}

void Replication::start_service(PatientId patient, std::uint32_t service) {
  Patient& p = patients_[patient];
  p.state = PatientState::InService;
  ++services_[service].in_service;
  recorder_.service_started(service, p.type, now_, p.service_arrival);
  const double stay =
      timed(Phase::Sampling, [&] { return rules(patient, service).service_time(service_streams_[service]); });
  schedule(now_ + stay, EventKind::ServiceEnd, patient);
}

// The patient leaves the bed they hold at their current service, service and any holding over.
void Replication::leave_bed(PatientId patient) {
  Patient& p = patients_[patient];
  ServiceState& state = services_[p.service];
  const bool was_holding = p.state != PatientState::InService;
  switch (p.state) {
    case PatientState::InService: --state.in_service; break;
    case PatientState::Blocked: --state.blocked; break;
    case PatientState::HoldingBedInTransfer: --state.holding_in_transfer; break;
    case PatientState::Waiting:
    case PatientState::InTransit:
    case PatientState::AwaitingAdmission: break;
  }
  recorder_.left_bed(p.service, p.type, now_, p.service_arrival, was_holding);
  for (std::uint32_t k : model_.services[p.service].pathways_ending) {
    double& start = pathway_start(patient, k);
    if (!std::isnan(start)) {
      recorder_.pathway_completed(k, now_, start);
      start = std::numeric_limits<double>::quiet_NaN();
      --p.open_pathways;
    }
  }
  p.state = PatientState::InTransit;
}

void Replication::leave_system(PatientId patient, Leaving how) {
  Patient& p = patients_[patient];
  recorder_.left_system(now_, p.system_arrival, how);
  for (std::uint32_t k = 0; p.open_pathways > 0 && k < model_.pathways.size(); ++k) {
    double& start = pathway_start(patient, k);
    if (!std::isnan(start)) {
      recorder_.pathway_abandoned(k, start);
      start = std::numeric_limits<double>::quiet_NaN();
      --p.open_pathways;
    }
  }
  patients_.release(patient);
}

PatientId Replication::pop_next_waiting(std::uint32_t service) {
  ServiceState& state = services_[service];
  for (FifoQueue& queue : state.queues) {
    if (!queue.empty()) {
      --state.waiting;
      recorder_.left_queue(service, now_);
      const PatientId next = queue.pop();
      cancel_renege_timer(next);
      return next;
    }
  }
  return 0;  // unreachable while waiting > 0
}

void Replication::refill(std::uint32_t service) {
  refill_worklist_.push_back(service);
  while (!refill_worklist_.empty()) {
    const std::uint32_t s = refill_worklist_.back();
    refill_worklist_.pop_back();
    ServiceState& state = services_[s];
    while (state.waiting > 0 && state.has_free_bed()) start_service(pop_next_waiting(s), s);
    while (!state.blocked_upstream.empty() && has_room(s)) {
      const PatientId admitted = state.blocked_upstream.pop();
      const bool held_a_bed = patients_[admitted].state == PatientState::Blocked;
      const std::uint32_t from = patients_[admitted].service;
      if (held_a_bed) leave_bed(admitted);
      recorder_.arrived_at_service(s, patients_[admitted].type);
      enter_service(admitted, s);
      if (held_a_bed) refill_worklist_.push_back(from);
    }
  }
}

}  // namespace carepath::engine
