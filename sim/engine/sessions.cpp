// SPDX-License-Identifier: MIT
// Clinics and panels: services that see patients only at booked sessions. The session timetable
// (session_timetable.cpp) is walked with one pending SessionStart event. At each session up to its
// slots of waiting patients are booked in queue order: first those rebooked after not attending
// (the head of the queue, keeping their referral time), then by priority and referral time. A
// booked patient does not attend with the clinic's share: the slot is lost and the patient is
// rebooked for a later session or discharged. Those who attend start their appointment at once
// (service_time, no bed); the wait measured is referral to appointment. Slots nobody could take
// are left unused. Afterwards the queue is shorter, so patients blocked upstream may join it.
//
// Follow-ups: a clinic's patient needing further appointments stays at the clinic between them
// (neither waiting nor seen), due on the day `follow_up_interval` after each appointment ends.
// A session books the follow-ups due first, by due day, into its follow-up slots when it keeps
// some apart, else into its slots ahead of new patients; a missed follow-up is rebooked (still
// first in line) or discharged like a missed first appointment. After the last the patient moves
// on by the clinic's routes.
#include "engine/admission.hpp"
#include "engine/replication.hpp"

#include <boost/random/uniform_01.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace carepath::engine {

void Replication::on_session_start(std::uint32_t timetable_index) {
  const ScheduledSession& session = model_.session_timetable[timetable_index];
  const CompiledClinic& clinic_rules = model_.clinics[session.clinic];
  ClinicState& clinic = clinics_[session.clinic];
  const std::uint32_t service = clinic_rules.service;
  ServiceState& state = services_[service];
  std::uint32_t not_attended = 0;
  clinic.slots_open = session.split ? session.follow_up_slots : session.slots;
  const std::uint32_t follow_ups = book_follow_ups(session.clinic, not_attended);
  std::uint32_t used = follow_ups;
  if (session.split) clinic.slots_open = session.slots;
  std::uint32_t rebooked_now = 0;  // this session's non-attenders, who wait for a later one
  std::size_t rebooked_before = clinic.rebooked.size();
  while (clinic.slots_open > 0 && state.waiting > rebooked_now && pools_have_units(service)) {
    const PatientId patient = next_for_slot(service, clinic, rebooked_before);
    if (attends(session.clinic)) {
      patients_[patient].follow_ups_left = clinic_rules.follow_ups;
      start_service(patient, service);  // takes the slot (take_room)
      ++used;
      continue;
    }
    --clinic.slots_open;
    ++not_attended;
    if (clinic_rules.rebook) {
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
  recorder_.session_held(session.clinic, now_, session.slots + session.follow_up_slots, used, follow_ups, not_attended,
                         booked_horizon(session, state.waiting));
  refill(service);
  const std::uint32_t next = timetable_index + 1;
  if (next < model_.session_timetable.size()) {
    schedule(model_.session_timetable[next].time, EventKind::SessionStart, next);
  }
}

// Books the open slots to follow-ups due by now, in due order; returns how many were seen and
// adds the slots lost to those who did not attend to `not_attended`.
std::uint32_t Replication::book_follow_ups(std::uint32_t clinic_index, std::uint32_t& not_attended) {
  const CompiledClinic& clinic_rules = model_.clinics[clinic_index];
  ClinicState& clinic = clinics_[clinic_index];
  const std::uint32_t service = clinic_rules.service;
  std::uint32_t seen = 0;
  while (clinic.slots_open > 0 && !clinic.follow_ups.empty() && clinic.follow_ups.front().due <= now_ &&
         pools_have_units(service)) {
    const FollowUpDue next = clinic.follow_ups.front();
    clinic.follow_ups.pop_front();
    if (attends(clinic_index)) {
      Patient& p = patients_[next.patient];
      --p.follow_ups_left;
      p.state = PatientState::InService;
      take_room(p, service);
      recorder_.follow_up_started(service, now_);
      const double stay = timed(Phase::Sampling, [&] {
        return rules(next.patient, service).service_time(service_streams_[service]);
      });
      schedule(now_ + stay, EventKind::ServiceEnd, next.patient);
      ++seen;
      continue;
    }
    --clinic.slots_open;
    ++not_attended;
    if (clinic_rules.rebook) {
      missed_follow_ups_.push_back(next);
    } else {
      recorder_.discharged_between_appointments(service, now_);
      recorder_.reneged_at(service);
      leave_system(next.patient, Leaving::Reneged);
    }
  }
  // Those who missed stay first in line, in their order, for the next session.
  for (auto missed = missed_follow_ups_.rbegin(); missed != missed_follow_ups_.rend(); ++missed) {
    clinic.follow_ups.push_front(*missed);
  }
  missed_follow_ups_.clear();
  return seen;
}

// A clinic's patient whose appointment has ended with follow-ups to come: they stay, due on the
// day follow_up_interval after now, kept in due order (appointments of unequal length may end out
// of order, so the line is searched from its back).
bool Replication::awaits_follow_up(PatientId patient, std::uint32_t service) {
  const CompiledService& spec = model_.services[service];
  if (spec.admission != AdmissionKind::Sessions) return false;
  const CompiledClinic& clinic_rules = model_.clinics[spec.clinic];
  --services_[service].in_service;
  recorder_.follow_up_pending(service, now_);
  Patient& p = patients_[patient];
  p.state = PatientState::Waiting;
  const FollowUpDue due{std::floor(now_ + clinic_rules.follow_up_interval), patient};
  std::deque<FollowUpDue>& line = clinics_[spec.clinic].follow_ups;
  auto at = line.end();
  while (at != line.begin() && std::prev(at)->due > due.due) --at;
  line.insert(at, due);
  return true;
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
  return timed(Phase::Sampling,
               [&] { return boost::random::uniform_01<double>()(attendance_streams_[clinic]) >= share; });
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
