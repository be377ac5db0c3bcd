// SPDX-License-Identifier: MIT
// Clinics and panels: services that see patients only at booked sessions. The session timetable
// (session_timetable.cpp) is walked with one pending SessionStart event. At each session up to its
// slots of waiting patients are booked in queue order: first those rebooked after not attending
// (the head of the queue, keeping their referral time), then by priority and referral time. A
// booked patient does not attend with the clinic's share: the slot is lost and the patient is
// rebooked for a later session or discharged. Those who attend start their appointment at once
// (service_time, no bed); the wait measured is referral to appointment. Slots nobody could take
// are left unused. Afterwards the queue is shorter, so patients blocked upstream may join it.
#include "engine/replication.hpp"

#include <boost/random/uniform_01.hpp>

#include <algorithm>

namespace carepath::engine {

void Replication::on_session_start(std::uint32_t timetable_index) {
  const ScheduledSession& session = model_.session_timetable[timetable_index];
  const CompiledClinic& rules = model_.clinics[session.clinic];
  ClinicState& clinic = clinics_[session.clinic];
  const std::uint32_t service = rules.service;
  ServiceState& state = services_[service];
  clinic.slots_open = session.slots;
  std::uint32_t used = 0;
  std::uint32_t not_attended = 0;
  std::uint32_t rebooked_now = 0;  // this session's non-attenders, who wait for a later one
  std::size_t rebooked_before = clinic.rebooked.size();
  while (clinic.slots_open > 0 && state.waiting > rebooked_now && pools_have_units(service)) {
    const PatientId patient = next_for_slot(service, clinic, rebooked_before);
    if (attends(session.clinic)) {
      start_service(patient, service);  // takes the slot (take_room)
      ++used;
      continue;
    }
    --clinic.slots_open;
    ++not_attended;
    if (rules.rebook) {
      patients_[patient].state = PatientState::Waiting;
      clinic.rebooked.push(patient);
      ++state.waiting;
      ++rebooked_now;
      recorder_.joined_queue(service, now_);
    } else {
      recorder_.reneged_at(service);
      leave_system(patient, Leaving::Reneged);
    }
  }
  clinic.slots_open = 0;
  recorder_.session_held(session.clinic, now_, session.slots, used, not_attended,
                         booked_horizon(session, state.waiting));
  refill(service);
  const std::uint32_t next = timetable_index + 1;
  if (next < model_.session_timetable.size()) {
    schedule(model_.session_timetable[next].time, EventKind::SessionStart, next);
  }
}

// The patient the next slot is booked for, taken off the queue: a patient rebooked before this
// session first, else the head of the highest-priority queue.
PatientId Replication::next_for_slot(std::uint32_t service, ClinicState& clinic, std::size_t& rebooked_before) {
  if (rebooked_before == 0) return pop_next_waiting(service);
  --rebooked_before;
  --services_[service].waiting;
  recorder_.left_queue(service, now_);
  return clinic.rebooked.pop();
}

bool Replication::attends(std::uint32_t clinic) {
  const double share = model_.clinics[clinic].did_not_attend;
  if (share <= 0) return true;
  const PhaseScope timing = timed(Phase::Sampling);
  return boost::random::uniform_01<double>()(attendance_streams_[clinic]) >= share;
}

// Days from this session to the one that would see the last of `waiting` patients, booking the
// sessions to come in order (everyone attending). Past the run's last session the timetable is
// taken to go on at its mean number of slots a day.
double Replication::booked_horizon(const ScheduledSession& session, std::uint32_t waiting) const {
  if (waiting == 0) return 0;
  const CompiledClinic& clinic = model_.clinics[session.clinic];
  const std::uint64_t needed = clinic.slots_through[session.position] + waiting;
  const auto first_later = clinic.slots_through.begin() + session.position + 1;
  const auto found = std::lower_bound(first_later, clinic.slots_through.end(), needed);
  if (found != clinic.slots_through.end()) {
    return clinic.session_times[static_cast<std::size_t>(found - clinic.slots_through.begin())] - now_;
  }
  const auto beyond = static_cast<double>(needed - clinic.slots_through.back());
  return model_.horizon - now_ + beyond / clinic.slots_per_day;
}

}  // namespace carepath::engine
