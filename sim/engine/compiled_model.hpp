// SPDX-License-Identifier: MIT
// The scenario flattened for the event loop: services, sources, patient types and pathways as
// arrays indexed by integer; per (service, patient type) the ready samplers, routing alias table
// and queue priority level; capacity schedules as one time-sorted table of changes. Built once per
// batch by compile() (compile.cpp) and shared read-only by every replication.
#pragma once

#include "engine/alias_table.hpp"
#include "engine/arrival_rate.hpp"
#include "engine/sampler.hpp"

#include <carepath/model/scenario.hpp>
#include <carepath/time.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace carepath::engine {

inline constexpr std::uint32_t kUnlimited = std::numeric_limits<std::uint32_t>::max();
/// A route target meaning "leaves the system".
inline constexpr std::uint32_t kExitTarget = std::numeric_limits<std::uint32_t>::max();

struct CompiledRoute {
  std::uint32_t target = kExitTarget;   ///< Service index or kExitTarget.
  std::optional<Sampler> transfer_delay;
  bool keeps_bed = true;
};

/// An escalation step as the loop takes it (model::EscalationStep): `after` days after joining the
/// queue, the patient moves to queue `queue` of the service, an escalation lane (replication.hpp).
struct CompiledEscalation {
  double after = 0;
  std::uint32_t queue = 0;
};

/// How one patient type is served at one service.
struct TypeRules {
  Sampler service_time;
  AliasTable routing;                   ///< Picks an index into routes.
  std::vector<CompiledRoute> routes;
  std::uint32_t priority_level = 0;     ///< Dense: 0 is served first.
  std::optional<Sampler> patience;
  std::vector<CompiledEscalation> escalation;  ///< Only the steps that raise this type's priority.
};

/// How a service admits patients: which rule in admission.hpp decides "is there room", what is
/// taken when a patient starts and what frees room again. A new service behaviour (clinic
/// sessions, panels) is a new kind there.
enum class AdmissionKind : std::uint8_t {
  Beds,      ///< `capacity` servers or beds (any number, or unlimited), plus any shared-pool units.
  Caseload,  ///< As Beds, plus visits a day of a visit pool, held until the patient leaves (visits.cpp).
  Sessions,  ///< A clinic or panel: only the open slots of a session in progress (sessions.cpp).
};

/// A caseload's visits: each patient's visits a day of pool `resource`, in thousandths, drawn
/// per patient from `milli_visits` (equally likely; one value: fixed).
struct VisitNeed {
  std::uint32_t resource = 0;
  std::uint32_t caseload = 0;  ///< Dense index among the caseload services (Replication::caseloads_).
  std::vector<std::uint32_t> milli_visits;
};

/// Units of shared pool `resource` one patient holds from the start to the end of service.
struct ResourceNeed {
  std::uint32_t resource = 0;
  std::uint32_t units = 1;
};

struct CompiledService {
  std::uint64_t stream_key = 0;                 ///< name_key(name): keys its random streams (rng_streams.hpp).
  std::uint32_t initial_capacity = kUnlimited;  ///< Servers at time 0; kUnlimited for infinite-server.
  AdmissionKind admission = AdmissionKind::Beds;
  std::uint32_t clinic = 0;                     ///< With AdmissionKind::Sessions: index into CompiledModel::clinics.
  std::vector<ResourceNeed> needs;              ///< Shared-pool units each patient needs to start.
  VisitNeed visits;                             ///< With AdmissionKind::Caseload only.
  std::uint32_t queue_limit = kUnlimited;       ///< Waiting places; 0 for a loss system.
  model::WhenFull when_full = model::WhenFull::Block;
  std::uint32_t divert_to = kExitTarget;        ///< Service index when when_full is Divert.
  std::uint32_t renege_to = kExitTarget;
  double wait_target = std::numeric_limits<double>::quiet_NaN();  ///< Days; NaN when none.
  model::Setting setting = model::Setting::Unset;  ///< Names the bed-days of patients held waiting for it.
  SimTime last_capacity_change = -1;            ///< Time of its last scheduled change (-1: none).
  std::vector<TypeRules> by_type;               ///< One per patient type.
  /// Priority level of each escalation lane: queue priority_levels + i of the service is lane i.
  std::vector<std::uint32_t> lane_levels;
  std::vector<std::uint32_t> pathways_starting; ///< Pathway indices whose start is this service.
  std::vector<std::uint32_t> pathways_ending;
};

struct CompiledSource {
  std::uint64_t stream_key = 0;   ///< name_key(name): keys its arrival stream (rng_streams.hpp).
  ArrivalRate rate;
  std::uint32_t target = 0;       ///< Service index.
  std::uint16_t patient_type = 0;
};

/// A pool of staff shared by services (model::Resource).
struct CompiledResource {
  std::uint32_t initial_capacity = 0;
  std::uint32_t milli_visits_per_staff = 0;  ///< Visits a staff member makes a day, in thousandths; 0: units.
  SimTime last_capacity_change = -1;
  std::vector<std::uint32_t> services;  ///< Those needing it, ascending: where freed units are offered.
};

/// One entry of the capacity timetable: at `time`, service (or shared pool) `index` gets `capacity`.
struct ScheduledCapacity {
  SimTime time = 0;
  std::uint32_t index = 0;
  std::uint32_t capacity = 0;
  bool of_resource = false;  ///< `index` is into CompiledModel::resources, not services.
};

/// A clinic or panel (model::ClinicSessions): its sessions through the run, for the booked horizon.
struct CompiledClinic {
  std::uint32_t service = 0;
  double did_not_attend = 0;
  bool rebook = true;                        ///< Not attended: rebooked (else discharged).
  std::uint8_t follow_ups = 0;               ///< Further appointments after the first.
  double follow_up_interval = 0;             ///< Days from one appointment's end to the day the next is due.
  std::vector<SimTime> session_times;        ///< Every session in the run, in time order.
  std::vector<std::uint64_t> slots_through;  ///< Slots for new patients of sessions 0..i together.
  double slots_per_day = 0;                  ///< Over the run: how the horizon runs on past its last session.
};

/// One session of the session timetable: at `time`, clinic `clinic` holds its session number
/// `position` with `slots` slots (for new patients only when `split`, follow-ups then having
/// `follow_up_slots` of their own).
struct ScheduledSession {
  SimTime time = 0;
  std::uint32_t clinic = 0;
  std::uint32_t position = 0;
  std::uint32_t slots = 0;
  std::uint32_t follow_up_slots = 0;
  bool split = false;
};

/// Patients present at time 0.
struct InitialPatient {
  std::uint32_t service = 0;
  std::uint16_t patient_type = 0;
  bool in_service = false;
  double elapsed = 0;             ///< Days already waited (or already in service).
};

struct CompiledPathway {
  double target = 0;
};

struct CompiledModel {
  std::vector<CompiledService> services;
  std::uint32_t caseloads = 0;  ///< Services with AdmissionKind::Caseload.
  std::vector<CompiledSource> sources;
  std::vector<CompiledResource> resources;
  std::vector<ScheduledCapacity> capacity_timetable;  ///< Sorted by time (stable in scenario order).
  std::vector<CompiledClinic> clinics;                ///< Services with sessions, in scenario order.
  std::vector<ScheduledSession> session_timetable;    ///< Every clinic's sessions, sorted by time (then clinic).
  std::vector<InitialPatient> initial_patients;
  std::vector<model::DistributionSpec> service_time_specs;  ///< [type * services + service], for residual stays.
  std::vector<std::optional<model::DistributionSpec>> patience_specs;  ///< Same index.
  std::vector<CompiledPathway> pathways;
  std::uint32_t patient_types = 1;
  std::uint32_t priority_levels = 1;
  SimTime horizon = 0;
  SimTime warm_up = 0;
  model::Date start_date{};  ///< Time 0 is its start_hour; the trajectories' days and ISO weeks follow it.
  double start_hour = 0;     ///< Clock hour of time 0 (run.start_time).
};

}  // namespace carepath::engine
