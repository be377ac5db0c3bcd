// SPDX-License-Identifier: MIT
// Clinics and panels (model::ClinicSessions) compiled: each one's weekly timetable, with its dated
// changes and the scenario's bank holidays (run as Sundays, model/bank_holidays.hpp), unrolled
// into every session of the run, and all clinics' sessions merged into one
// time-sorted table that the engine walks with a single pending SessionStart event, as it walks
// the capacity timetable. Called by compile() once the services are compiled.
#pragma once

#include "engine/compiled_model.hpp"

#include <carepath/model/scenario.hpp>

namespace carepath::engine {

/// Marks each service with sessions AdmissionKind::Sessions and fills model.clinics and
/// model.session_timetable.
void compile_sessions(const model::Scenario& scenario, CompiledModel& model);

}  // namespace carepath::engine
