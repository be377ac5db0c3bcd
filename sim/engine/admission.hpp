// SPDX-License-Identifier: MIT
// Where a service's room is decided: whether a patient could start now, whether one could at
// least wait, what a patient takes when service starts, what frees room again, and whether room
// can never free (deadlock.cpp asks). Every rule that depends on how a service admits patients —
// its AdmissionKind and the shared-pool units it needs — is here, so a new service behaviour is a
// new case in these few functions; flow.cpp only moves patients, in the order it decides.
//
// Clinics and panels (AdmissionKind::Sessions): a patient can start only while a session is being
// held and has slots open (sessions.cpp opens them); the appointment needs no bed, so nothing
// else is taken, and a clinic can always free room at its next session.
//
// Shared pools: a patient takes every unit they need at once, together with their bed, or waits;
// nobody holds part of what they need, so pools add no hold-and-wait cycle and cannot deadlock.
// Units go back when service ends — a patient blocked in their bed afterwards holds no staff.
// A caseload's visits are held longer, until the patient leaves the place (visits.cpp).
//
// These rules run at every arrival, start and end of service, so they are defined here, inline in
// the event handlers that include this header (flow.cpp, handlers.cpp, sessions.cpp,
// replication.cpp); the rarer questions (which pool is short, can room never free) are in
// admission.cpp.
#pragma once

#include "engine/replication.hpp"

namespace carepath::engine {

inline std::uint32_t Replication::short_unit_pool(std::uint32_t service) const {
  for (const ResourceNeed& need : model_.services[service].needs) {
    const ResourceState& pool = resources_[need.resource];
    if (pool.busy + need.units > pool.capacity) return need.resource + 1;
  }
  return 0;
}

inline bool Replication::can_start(std::uint32_t service) const {
  switch (model_.services[service].admission) {
    case AdmissionKind::Beds: return services_[service].has_free_bed() && pools_have_units(service);
    case AdmissionKind::Caseload:
      return services_[service].has_free_bed() && pools_have_units(service) && visits_fit(service);
    case AdmissionKind::Sessions:
      return clinics_[model_.services[service].clinic].slots_open > 0 && pools_have_units(service);
  }
  return false;
}

inline bool Replication::has_room(std::uint32_t service) const {
  return can_start(service) || services_[service].waiting < model_.services[service].queue_limit;
}

inline void Replication::take_room(Patient& p, std::uint32_t service) {
  const CompiledService& spec = model_.services[service];
  ++services_[service].in_service;
  switch (spec.admission) {
    case AdmissionKind::Beds: break;
    case AdmissionKind::Caseload: commit_visits(p, service); break;
    case AdmissionKind::Sessions:
      // The appointment takes a slot of the session being held; one already under way at time 0
      // took a slot of an earlier session.
      if (clinics_[spec.clinic].slots_open > 0) --clinics_[spec.clinic].slots_open;
      break;
  }
  for (const ResourceNeed& need : spec.needs) {
    ResourceState& pool = resources_[need.resource];
    pool.busy += need.units;
    recorder_.resource_units_changed(need.resource, now_, static_cast<double>(need.units));
  }
}

inline void Replication::end_step(std::uint32_t service) {
  for (const ResourceNeed& need : model_.services[service].needs) {
    ResourceState& pool = resources_[need.resource];
    pool.busy -= need.units;
    recorder_.resource_units_changed(need.resource, now_, -static_cast<double>(need.units));
    offer_later(need.resource);
  }
}

inline void Replication::free_bed(const Patient& p) {
  ServiceState& state = services_[p.service];
  switch (p.state) {
    case PatientState::InService: --state.in_service; break;
    case PatientState::Blocked: --state.blocked; break;
    case PatientState::HoldingBedInTransfer: --state.holding_in_transfer; break;
    case PatientState::Waiting:
    case PatientState::InTransit:
    case PatientState::AwaitingAdmission: return;
  }
  if (model_.services[p.service].admission == AdmissionKind::Caseload) release_visits(p);
}

}  // namespace carepath::engine
