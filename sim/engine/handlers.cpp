// SPDX-License-Identifier: MIT
// What happens at each event, one function per EventKind. The moves themselves (admission,
// queueing, blocking, release) are in flow.cpp. When service ends, the patient's route is drawn;
// a route with a transfer delay either keeps the bed through the delay (awaiting a package of
// care: delayed-discharge bed-days) or frees it at once (in transit).
#include "engine/admission.hpp"
#include "engine/replication.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace carepath::engine {

void Replication::on_arrival(std::uint32_t source) {
  const CompiledSource& from = model_.sources[source];
  const SimTime next = timed(Phase::Sampling, [&] {
    return from.rate.next_arrival_after(now_,
                                        boost::random::exponential_distribution<double>(1.0)(arrival_streams_[source]));
  });
  if (next < model_.horizon) schedule(next, EventKind::Arrival, source);
  const PatientId patient = new_patient();
  Patient& p = patients_[patient];
  p.system_arrival = now_;
  p.type = from.patient_type;
  recorder_.entered_system(now_);
  admit_from_outside(patient, from.target);
}

// Shared-pool units come back as service ends; they are offered (flow.cpp) once the patient has
// left or kept their bed, so that a patient waiting at this service competes for them with the
// others. A patient moving straight on to a service that needs the same pool keeps its staff
// (continuity of care): they take the units before the offer.
void Replication::on_service_end(PatientId patient) {
  const std::uint32_t service = patients_[patient].service;
  end_step(service);
  if (patients_[patient].follow_ups_left == 0 || !awaits_follow_up(patient, service)) {
    route_after_service(patient, service);
  }
  if (pools_to_offer_) drain_refills();
}

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

void Replication::on_transfer_end(PatientId patient) {
  const Patient& p = patients_[patient];
  const std::uint32_t destination = p.destination;
  if (p.state == PatientState::InTransit) {
    if (destination == kExitTarget) {
      leave_system(patient, Leaving::Departed);
    } else {
      arrive_without_bed(patient, destination);
    }
    return;
  }
  if (destination == kExitTarget) {
    const std::uint32_t from = p.service;
    leave_bed(patient);
    leave_system(patient, Leaving::Departed);
    refill(from);
    return;
  }
  move_on(patient, destination);
}

void Replication::on_renege(PatientId patient, std::uint64_t sequence) {
  Patient& p = patients_[patient];
  if (p.renege_timer != sequence) return;  // started service (or left) since: a stale timer
  const std::uint32_t service = p.service;
  ServiceState& state = services_[service];
  erase_from_queue(p);
  --state.waiting;
  cancel_queue_timers(patient);
  recorder_.left_queue(service, now_);
  recorder_.reneged_at(service);
  p.state = PatientState::InTransit;
  const std::uint32_t renege_to = model_.services[service].renege_to;
  if (renege_to == kExitTarget) {
    leave_system(patient, Leaving::Reneged);
  } else {
    arrive_without_bed(patient, renege_to);
  }
  refill(service);
}

// The patient has waited long enough to take their next escalation step: they move to that step's
// lane, behind those who joined the service's queue before them. Nobody starts: no room changed.
void Replication::on_escalate(PatientId patient, std::uint64_t sequence) {
  Patient& p = patients_[patient];
  if (p.escalation_timer != sequence) return;  // started service or gave up since: a stale timer
  p.escalation_timer = 0;
  erase_from_queue(p);
  ++p.escalations;
  p.queue_ticket = services_[p.service].queues[queue_of(p)].push(patient);
  recorder_.escalated_at(p.service, p.type);
  schedule_escalation(patient);
}

void Replication::on_capacity_change(std::uint32_t timetable_index) {
  const ScheduledCapacity& change = model_.capacity_timetable[timetable_index];
  // A rise starts waiting patients; a fall lets those in service finish.
  if (change.of_resource) {
    resources_[change.index].capacity = change.capacity;
    offer_later(change.index);
    recorder_.resource_capacity_changed(change.index, now_, change.capacity);
    drain_refills();
  } else {
    services_[change.index].capacity = change.capacity;
    recorder_.capacity_changed(change.index, now_, change.capacity);
    refill(change.index);
  }
  const std::uint32_t next = timetable_index + 1;
  if (next < model_.capacity_timetable.size() && model_.capacity_timetable[next].time < model_.horizon) {
    schedule(model_.capacity_timetable[next].time, EventKind::CapacityChange, next);
  }
}

void Replication::on_warm_up_end() { recorder_.start_window(now_); }

}  // namespace carepath::engine
