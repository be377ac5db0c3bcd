// SPDX-License-Identifier: MIT
#include "engine/session_timetable.hpp"

#include "model/bank_holidays.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::engine {
namespace {

// The timetable in force on `day`: the last dated change on or before it, else the base one.
const std::vector<model::Session>& timetable_on(const model::ClinicSessions& sessions, const model::Date& start_date,
                                                long day) {
  const std::vector<model::Session>* in_force = &sessions.timetable;
  for (const model::SessionChange& change : sessions.changes) {
    if (model::days_between(start_date, change.from) <= static_cast<double>(day)) in_force = &change.timetable;
  }
  return *in_force;
}

}  // namespace

void compile_sessions(const model::Scenario& scenario, CompiledModel& model) {
  const SimTime horizon = scenario.run.horizon;
  for (std::uint32_t s = 0; s < scenario.services.size(); ++s) {
    const auto& sessions = scenario.services[s].sessions;
    if (!sessions) continue;
    const auto clinic_index = static_cast<std::uint32_t>(model.clinics.size());
    model.services[s].admission = AdmissionKind::Sessions;
    model.services[s].clinic = clinic_index;
    CompiledClinic& clinic = model.clinics.emplace_back();
    clinic.service = s;
    clinic.did_not_attend = sessions->did_not_attend;
    clinic.rebook = sessions->not_attended == model::NotAttended::Rebook;
    clinic.follow_ups = static_cast<std::uint8_t>(sessions->follow_ups);
    clinic.follow_up_interval = sessions->follow_up_interval;

    std::vector<ScheduledSession> own;
    for (long day = 0; static_cast<double>(day) < horizon; ++day) {
      const unsigned weekday = model::rule_weekday(scenario.bank_holidays, model::date_after(scenario.start_date, day));
      for (const model::Session& session : timetable_on(*sessions, scenario.start_date, day)) {
        const SimTime time = static_cast<double>(day) + session.at_hour / 24.0;
        if (session.weekdays[weekday] && time < horizon) {
          own.push_back({time, clinic_index, 0, session.slots, session.follow_up_slots.value_or(0),
                         session.follow_up_slots.has_value()});
        }
      }
    }
    std::stable_sort(own.begin(), own.end(),
                     [](const ScheduledSession& a, const ScheduledSession& b) { return a.time < b.time; });
    std::uint64_t slots = 0;
    for (std::size_t i = 0; i < own.size(); ++i) {
      own[i].position = static_cast<std::uint32_t>(i);
      slots += own[i].slots;
      clinic.session_times.push_back(own[i].time);
      clinic.slots_through.push_back(slots);
    }
    clinic.slots_per_day = horizon > 0 ? static_cast<double>(slots) / horizon : 0;
    model.session_timetable.insert(model.session_timetable.end(), own.begin(), own.end());
  }
  // Clinics were appended in scenario order, so a stable sort breaks ties at equal times by clinic.
  std::stable_sort(model.session_timetable.begin(), model.session_timetable.end(),
                   [](const ScheduledSession& a, const ScheduledSession& b) { return a.time < b.time; });
}

}  // namespace carepath::engine
