// SPDX-License-Identifier: MIT
// How patients move between services. A patient arriving at a service starts at once if a bed is
// free, else waits in the queue of their priority level if it has room, else meets the service's
// when_full rule: diverted elsewhere, turned away, or — when coming from another service under
// "block" — kept in their bed there, in the target's blocked_upstream line. Whenever room frees at
// a service, refill() gives free beds to the queue (priority, then arrival order) and then admits
// blocked patients (first blocked, first admitted); each admission frees a bed upstream, so refill
// walks a worklist and blocking unwinds upstream without recursion.
#include "engine/admission.hpp"
#include "engine/replication.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <cmath>
#include <limits>

namespace carepath::engine {

void Replication::grow_pathway_starts() {
  pathway_starts_.resize(patients_.capacity() * n_pathways_, std::numeric_limits<double>::quiet_NaN());
}

// Where a patient goes when service ends: the route is drawn, then a transfer delay (keeping the
// bed through it, or not), the exit, or the next service. Here rather than in handlers.cpp, beside
// the moves it makes, so that the compiler can inline them (one translation unit).
void Replication::route_after_service(PatientId patient, std::uint32_t service) {
  const TypeRules& r = rules(patient, service);
  const CompiledRoute& route = timed(Phase::Sampling, [&]() -> const CompiledRoute& {
    return r.routes[r.routing.is_certain() ? 0
                                           : r.routing.pick(boost::random::uniform_01<double>()(routing_streams_[service]))];
  });
  Patient& p = patients_[patient];
  p.destination = route.target;

  if (route.transfer_delay) {
    const SimTime arrival =
        timed(Phase::Sampling, [&] { return now_ + (*route.transfer_delay)(transfer_streams_[service]); });
    if (route.keeps_bed) {
      --services_[service].in_service;
      ++services_[service].holding_in_transfer;
      recorder_.began_holding_bed(service, now_, holding_for(model_, route.target));
      p.state = PatientState::HoldingBedInTransfer;
    } else {
      leave_bed(patient);
      refill(service);
    }
    schedule(arrival, EventKind::TransferEnd, patient);
    return;
  }
  if (route.target == kExitTarget) {
    leave_bed(patient);
    leave_system(patient, Leaving::Departed);
    refill(service);
    return;
  }
  move_on(patient, route.target);
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
      recorder_.began_holding_bed(p.service, now_, holding_for(model_, target));
    } else {
      --holder.holding_in_transfer;
      recorder_.holding_changed(p.service, now_, holding_for(model_, p.destination), holding_for(model_, target));
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
  if (can_start(service)) {
    start_service(patient, service);
    return;
  }
  if (services_[service].has_free_bed()) {
    p.waiting_for_pool = static_cast<std::uint16_t>(short_pool(service));
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
  // Escalation steps already due ("after": "0h", or a patient present at the start who has waited
  // past them) are taken now; only those due in the run are counted.
  const std::vector<CompiledEscalation>& steps = rules(patient, service).escalation;
  p.escalations = 0;
  while (p.escalations < steps.size() && p.service_arrival + steps[p.escalations].after <= now_) {
    if (p.service_arrival + steps[p.escalations].after >= 0) recorder_.escalated_at(service, p.type);
    ++p.escalations;
  }
  p.queue_ticket = state.queues[queue_of(p)].push(patient);
  ++state.waiting;
  recorder_.joined_queue(service, now_);
  if (std::isfinite(patience) && now_ + patience < model_.horizon) {
    p.renege_timer = schedule(now_ + patience, EventKind::Renege, patient);
    ++state.waiting_with_patience;
  }
  if (!steps.empty()) schedule_escalation(patient);
}

// The pending Renege and Escalate events become stale and will be skipped.
void Replication::cancel_queue_timers(PatientId patient) {
  Patient& p = patients_[patient];
  p.escalation_timer = 0;
  if (p.renege_timer == 0) return;
  p.renege_timer = 0;
  --services_[p.service].waiting_with_patience;
}

void Replication::schedule_escalation(PatientId patient) {
  Patient& p = patients_[patient];
  const std::vector<CompiledEscalation>& steps = rules(patient, p.service).escalation;
  if (p.escalations == steps.size()) return;
  const SimTime due = p.service_arrival + steps[p.escalations].after;
  if (due < model_.horizon) p.escalation_timer = schedule(due, EventKind::Escalate, patient);
}

std::uint32_t Replication::queue_of(const Patient& p) const {
  const TypeRules& r = model_.services[p.service].by_type[p.type];
  return p.escalations == 0 ? r.priority_level : r.escalation[p.escalations - 1U].queue;
}

std::uint32_t Replication::queue_level(std::uint32_t service, std::uint32_t queue) const {
  return queue < model_.priority_levels ? queue : model_.services[service].lane_levels[queue - model_.priority_levels];
}

void Replication::erase_from_queue(Patient& p) {
  services_[p.service].queues[queue_of(p)].erase(
      p.queue_ticket, [this](PatientId moved, std::uint64_t ticket) { patients_[moved].queue_ticket = ticket; });
}

// Without escalation lanes, the first non-empty level: small enough to inline where a patient
// is taken from the queue, at every start of service from the queue.
std::uint32_t Replication::next_queue(std::uint32_t service) const {
  const std::vector<FifoQueue>& queues = services_[service].queues;
  const std::uint32_t levels = model_.priority_levels;
  std::uint32_t best = 0;
  while (best < levels && queues[best].empty()) ++best;
  if (model_.services[service].lane_levels.empty()) return best;
  return next_queue_with_lanes(service, best);
}

// At equal levels and equal times of joining, the level's own queue goes first, then the lanes in
// the order compile() made them.
std::uint32_t Replication::next_queue_with_lanes(std::uint32_t service, std::uint32_t best) const {
  const std::vector<FifoQueue>& queues = services_[service].queues;
  const std::uint32_t levels = model_.priority_levels;
  const std::vector<std::uint32_t>& lanes = model_.services[service].lane_levels;
  std::uint32_t best_level = best;  // `levels` (below every level) while no queue is found
  for (std::uint32_t i = 0; i < lanes.size(); ++i) {
    const FifoQueue& lane = queues[levels + i];
    if (lane.empty() || lanes[i] > best_level) continue;
    if (lanes[i] == best_level &&
        patients_[lane.front()].service_arrival >= patients_[queues[best].front()].service_arrival) {
      continue;
    }
    best = levels + i;
    best_level = lanes[i];
  }
  return best;
}

void Replication::start_service(PatientId patient, std::uint32_t service) {
  Patient& p = patients_[patient];
  p.state = PatientState::InService;
  take_room(p, service);
  recorder_.service_started(service, p.type, now_, p.service_arrival);
  if (p.waiting_for_pool != 0) {
    recorder_.pool_delay_ended(p.waiting_for_pool - 1U, now_, p.service_arrival);
    p.waiting_for_pool = 0;
  }
  const double stay =
      timed(Phase::Sampling, [&] { return rules(patient, service).service_time(service_streams_[service]); });
  schedule(now_ + stay, EventKind::ServiceEnd, patient);
}

// The patient leaves the bed they hold at their current service, service and any holding over.
void Replication::leave_bed(PatientId patient) {
  Patient& p = patients_[patient];
  const bool was_holding = p.state != PatientState::InService;
  free_bed(p);
  recorder_.left_bed(p.service, p.type, now_, p.service_arrival, was_holding,
                    was_holding ? holding_for(model_, p.destination) : Holding::Other);
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
      recorder_.pathway_abandoned(k, start, how);
      start = std::numeric_limits<double>::quiet_NaN();
      --p.open_pathways;
    }
  }
  patients_.release(patient);
}

PatientId Replication::pop_next_waiting(std::uint32_t service) {
  ServiceState& state = services_[service];
  --state.waiting;
  recorder_.left_queue(service, now_);
  const PatientId next = state.queues[next_queue(service)].pop();
  cancel_queue_timers(next);
  return next;
}

void Replication::refill(std::uint32_t service) {
  refill_worklist_.push_back(service);
  drain_refills();
}

void Replication::drain_refills() {
  for (;;) {
    if (pools_to_offer_) offer_pool_units();
    if (refill_worklist_.empty()) return;
    const std::uint32_t s = refill_worklist_.back();
    refill_worklist_.pop_back();
    ServiceState& state = services_[s];
    while (state.waiting > 0 && can_start(s)) start_service(pop_next_waiting(s), s);
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

// Units of a shared pool, given back or added, go to the longest-waiting patient who can start
// with them, across every service that shares the pool: the lowest priority level first, then
// the earliest to join their queue (then the service listed first). Each start shortens a queue,
// so that service is refilled after, for patients blocked upstream of it.
void Replication::offer_pool_units() {
  pools_to_offer_ = false;
  for (std::uint32_t r = 0; r < resources_.size(); ++r) {
    if (!resources_[r].offer_pending) continue;
    resources_[r].offer_pending = false;
    for (;;) {
      std::uint32_t best = kExitTarget;
      std::uint32_t best_level = 0;
      SimTime best_joined = 0;
      for (std::uint32_t s : model_.resources[r].services) {
        if (services_[s].waiting == 0 || !can_start(s)) continue;
        const std::uint32_t queue = next_queue(s);
        const std::uint32_t level = queue_level(s, queue);
        const SimTime joined = patients_[services_[s].queues[queue].front()].service_arrival;
        if (best == kExitTarget || level < best_level || (level == best_level && joined < best_joined)) {
          best = s;
          best_level = level;
          best_joined = joined;
        }
      }
      if (best == kExitTarget) break;
      start_service(pop_next_waiting(best), best);
      refill_worklist_.push_back(best);
    }
  }
}

}  // namespace carepath::engine
