// SPDX-License-Identifier: MIT
// A scenario as a planner states it: services (capacitated nodes of the pathway graph), arrival
// sources, patient types, pathways with targets and run settings, in domain words. It is plain
// data: io/scenario_json.hpp builds it from JSON and checks every field; run/batch.hpp simulates
// it. Times are in days since the start date, durations in days, rates per day.
#pragma once

#include <carepath/model/calendar.hpp>
#include <carepath/model/costs.hpp>
#include <carepath/model/distribution.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::model {

/// Route target that means "leaves the system".
inline constexpr const char* kExit = "exit";

/// Where a patient goes after finishing at a service, with what probability.
struct Route {
  std::string to;  ///< A service name, or kExit.
  double probability = 1.0;
  /// Time between leaving and arriving (awaiting a care package, transport); none means instant.
  std::optional<DistributionSpec> transfer_delay;
  /// During the transfer delay the patient keeps their bed here (a medically fit patient awaiting
  /// a package of care): blocked bed-days, named by the destination's `setting` (a community
  /// place: delayed discharge); otherwise they are in transit.
  bool keeps_bed_during_delay = true;
};

/// What a patient held in another service's bed while waiting to move into a service is called
/// (its `setting`): waiting for a hospital bed is exit block (A&E waiting for a ward bed); waiting
/// for a community or social-care place is a delayed discharge (medically fit, still in a bed).
/// Unset: neither; those bed-days count only as blocked.
enum class Setting : std::uint8_t { Unset, Hospital, Community };

/// What happens to a patient who arrives when every server is busy and the queue is full.
enum class WhenFull {
  Block,   ///< Coming from another service: stays in their bed there until room frees here
           ///< (first blocked, first admitted). Arriving from outside: turned away (lost).
  Lose,    ///< Turned away, leaves the system.
  Divert,  ///< Sent to `divert_to` instead (which applies its own rule in turn).
};

/// Capacity from a date on, until the next dated change.
struct CapacityChange {
  Date from;
  std::uint32_t capacity = 0;
};

/// A weekly shift: on the given weekdays, between two times of day, the capacity is `capacity`.
/// Outside every shift the service has its dated (or base) capacity.
struct RosterShift {
  std::array<bool, 7> weekdays{};  ///< Monday first.
  double from_hour = 0;            ///< 0..24, e.g. 9 for 09:00.
  double to_hour = 24;             ///< Exclusive; greater than from_hour.
  std::uint32_t capacity = 0;
};

/// Patients already there when the run starts: `count` of them, each `elapsed` days into their
/// wait (or their stay, for patients in service).
struct InitialCohort {
  double elapsed = 0;
  std::uint32_t count = 0;
  std::string patient_type;  ///< Empty means the first patient type.
};

/// One step of escalation: a patient still waiting `after` days after joining a service's queue
/// (12 hours in A&E, 52 weeks on a waiting list) is served from then on as priority
/// `to_priority`, placed among that priority's patients by the time they joined the queue. A step
/// that would not raise a patient's priority leaves them as they are.
struct EscalationStep {
  double after = 0;
  std::uint32_t to_priority = 0;
};

/// How one patient type is treated differently at a service; unset fields use the service's own.
struct TypeOverride {
  std::string patient_type;
  std::optional<DistributionSpec> service_time;
  std::optional<std::vector<Route>> routes;
  std::optional<std::uint32_t> priority;
  std::optional<DistributionSpec> patience;
  std::optional<std::vector<EscalationStep>> escalate;
};

/// Units of a shared resource pool a service needs for each patient, besides its own beds: a CHC
/// assessment needs an assessor, a virtual-ward admission a bed and a nurse. The units are taken
/// when service starts, together with the bed, and given back when service ends (the patient may
/// then stay in the bed, blocked, without holding staff).
struct ResourceNeed {
  std::string resource;  ///< A name from Scenario::resources.
  std::uint32_t units = 1;
  /// A caseload's need of a visit pool (Resource::visits_per_staff_day): each patient's visits a
  /// day, one value or a list of equally likely values drawn per patient; held from the start of
  /// service until the patient leaves the place. Empty for a need in units.
  std::vector<double> visits_per_day;
};

/// One weekly session of a clinic or panel: on the given weekdays at `at_hour`, up to `slots`
/// waiting patients are seen (or cases decided).
struct Session {
  std::array<bool, 7> weekdays{};  ///< Monday first.
  double at_hour = 9;              ///< 0..24, e.g. 9 for 09:00.
  std::uint32_t slots = 1;         ///< With follow_up_slots: the slots for new patients only.
  /// Set: slots reserved for follow-up appointments, apart from `slots`; unset, follow-ups due
  /// are booked first into the same slots.
  std::optional<std::uint32_t> follow_up_slots;
};

/// From a date on, the weekly sessions are these (an empty list closes the clinic).
struct SessionChange {
  Date from;
  std::vector<Session> timetable;
};

/// What happens to a patient who does not attend their appointment: the slot is lost either way.
enum class NotAttended {
  Rebook,     ///< Back at the head of the queue, keeping their referral time.
  Discharge,  ///< Leaves the system unseen (counted as leaving the queue, like a renege).
};

/// A clinic or decision panel: instead of servers, a weekly timetable of sessions, each seeing
/// up to its slots of waiting patients (priority, then referral time). Between sessions nobody
/// starts; the appointment itself lasts the service time and needs no bed.
struct ClinicSessions {
  std::vector<Session> timetable;
  std::vector<SessionChange> changes;  ///< Sorted by date.
  double did_not_attend = 0;           ///< Share of booked patients who do not come, 0 <= share < 1.
  NotAttended not_attended = NotAttended::Rebook;
  /// Further appointments after the first, each due on the day `follow_up_interval` days after
  /// the one before ended, at the first session from then with a slot for it.
  std::uint32_t follow_ups = 0;
  double follow_up_interval = 0;
};

/// A capacitated node: beds, clinicians, cubicles or assessors serving one queue.
/// Shift-change rule: when capacity falls, patients already in service finish; nobody new
/// starts while the busy count is at or above the new capacity. When it rises, waiting
/// patients start at once.
struct Service {
  std::string name;
  std::optional<std::uint32_t> capacity;     ///< Servers or beds at the start; nullopt means unlimited.
  std::vector<CapacityChange> capacity_changes;  ///< Sorted by date; needs a finite capacity.
  std::vector<RosterShift> roster;               ///< Weekly shifts overriding the dated capacity.
  DistributionSpec service_time = Exponential{1.0};
  std::optional<std::uint32_t> queue_limit;  ///< Places to wait; nullopt means unlimited, 0 a loss system.
  WhenFull when_full = WhenFull::Block;
  std::string divert_to;                     ///< Service name when when_full is Divert.
  /// How long a waiting patient stays before giving up (left without being seen, referral
  /// withdrawn); none means they never give up. Timed from joining this service's queue.
  std::optional<DistributionSpec> patience;
  std::string renege_to = kExit;             ///< Where those who give up go: a service or kExit.
  std::optional<double> wait_target;         ///< Days from joining the queue to starting service.
  Setting setting = Setting::Unset;          ///< What waiting for this service in another's bed is called.
  std::string unit = "beds";                 ///< The planner's word for a unit of capacity: places, cubicles.
  std::vector<EscalationStep> escalate;      ///< Ascending `after`, each step a higher priority.
  std::vector<Route> routes;                 ///< Empty means every patient leaves the system.
  std::vector<TypeOverride> by_type;
  std::vector<ResourceNeed> requires_resources;  ///< Shared pools a patient needs to start, all at once.
  /// Set: a clinic or panel seeing patients at booked sessions; `capacity` is then unset (an
  /// appointment needs no bed) and the sessions' slots limit who starts.
  std::optional<ClinicSessions> sessions;
  std::vector<InitialCohort> initial_waiting;
  std::vector<InitialCohort> initial_in_service;  ///< Residual stays are drawn conditioned on elapsed.
  CostRates costs;                               ///< "costs" (model/costs.hpp); all 0 when not given.
  std::vector<std::string> notes;
};

/// A pool of staff or equipment shared by several services (community nurses covering virtual
/// wards and reablement, CHC nurse assessors): its capacity may change by date and follow a weekly
/// roster exactly as a service's does. A patient starts only when their service has a bed and
/// every pool it needs has the units free; units freed go to the longest-waiting patient, by
/// priority then time waiting, across all the services that share the pool.
struct Resource {
  std::string name;
  std::uint32_t capacity = 0;                    ///< Units at the start (or the schedule's base).
  std::vector<CapacityChange> capacity_changes;  ///< Sorted by date.
  std::vector<RosterShift> roster;
  std::string unit = "staff";                    ///< The planner's word for a unit: nurses, assessors.
  /// Set: a visit pool (community nurses, carers), whose capacity is staff on duty per day, each
  /// making this many visits a day; services need it in visits_per_day, not units.
  std::optional<double> visits_per_staff_day;
  /// "costs" (model/costs.hpp): per_staff_hour for a pool of units, per_staff_day and per_visit
  /// for a visit pool; all 0 when not given.
  CostRates costs;
  std::vector<std::string> notes;
};

/// A kind of patient with its own arrivals, service times and routing (type 1 vs type 3 A&E,
/// frail older adults, children). Lower priority numbers are served first, without preemption.
struct PatientType {
  std::string name;
  std::uint32_t priority = 1;
  std::vector<std::string> notes;
};

/// A dated window in which demand is multiplied (a flu or Covid wave), both dates included.
struct SurgeWindow {
  Date from;
  Date to;
  double multiplier = 1;
};

/// Observed arrivals on one date, e.g. exported by planners from their own data.
struct DailyArrivals {
  Date date;
  double arrivals = 0;
};

/// How the arrival rate varies over time. The rate at time t is
///   base(t) x hour_of_day[h] x day_of_week[d] x month_of_year[m] x (1 + yearly_growth)^years x surges
/// where base(t) is the source's rate, or the day's value of daily_series when one is given (then
/// day_of_week, month_of_year and yearly_growth are already in the data and must be left at 1 / 0).
/// hour_of_day and day_of_week are relative shapes, normalised to mean 1 when compiled, so the
/// base rate stays the mean; month_of_year and surge multipliers are taken as written.
struct ArrivalProfile {
  std::array<double, 24> hour_of_day = filled<24>(1.0);
  std::array<double, 7> day_of_week = filled<7>(1.0);  ///< Monday first.
  std::array<double, 12> month_of_year = filled<12>(1.0);
  double yearly_growth = 0;  ///< 0.03 means +3% a year, compounding from the start date.
  std::vector<SurgeWindow> surges;
  std::vector<DailyArrivals> daily_series;  ///< Must cover every day of the run when present.
  /// Relative arrivals in each hour of the week, Monday 00:00 first: empty, or 168 values used in
  /// place of hour_of_day x day_of_week (both then flat) and normalised to mean 1 like them. (A
  /// profile's "hourly_rates" are loaded as hour_of_day, with the source's rate their sum.)
  std::vector<double> hour_of_week;

  template <std::size_t N>
  static constexpr std::array<double, N> filled(double v) {
    std::array<double, N> a{};
    a.fill(v);
    return a;
  }
};

/// A stream of patients arriving from outside: a Poisson process, homogeneous or with a profile.
struct ArrivalSource {
  std::string name;
  std::string to;           ///< Service the patients arrive at.
  double rate_per_day = 0;  ///< Mean arrivals per day (before any profile).
  std::string patient_type; ///< Empty means the first patient type.
  std::optional<ArrivalProfile> profile;
  std::vector<std::string> notes;
};

/// A named stretch of care with a target: from arriving at `start` to leaving `end` (A&E 4
/// hours: start and end "ae"; CHC 28 days: from referral to decision).
struct Pathway {
  std::string name;
  std::string start;
  std::string end;
  double target = 0;  ///< Days.
  std::vector<std::string> notes;
};

/// A KPI the planner reads first: printed after every run, an answer card per variant in the
/// report. `kpi` is "pathway.ae_4h.within_target", "service.acute_beds.blocked_bed_days" or
/// "system.METRIC" (stats/kpi_ref.hpp); `label` is the planner's words for it ("" for none).
/// With a `window`, the KPI is measured over those dates only (a winter: 2025-12-01 to
/// 2026-03-31), by running the same replications again with that window (run/batch.hpp).
struct Headline {
  std::string kpi;
  std::string label;
  std::optional<DateWindow> window;
};
/// The finest period of the trajectories a run keeps: Day keeps days and ISO weeks, Week only
/// weeks, Month only calendar months (from the start date), Off none.
enum class TrajectoryPeriod : std::uint8_t { Day, Week, Month, Off };

/// "day", "week", "month" or "off", as in the scenario format and the CLI.
[[nodiscard]] constexpr const char* trajectory_period_name(TrajectoryPeriod period) noexcept {
  switch (period) {
    case TrajectoryPeriod::Day: return "day";
    case TrajectoryPeriod::Week: return "week";
    case TrajectoryPeriod::Month: return "month";
    case TrajectoryPeriod::Off: break;
  }
  return "off";
}

/// The period named `text`, or nullopt for any other text.
[[nodiscard]] constexpr std::optional<TrajectoryPeriod> parse_trajectory_period(std::string_view text) noexcept {
  for (const auto period : {TrajectoryPeriod::Day, TrajectoryPeriod::Week, TrajectoryPeriod::Month, TrajectoryPeriod::Off}) {
    if (text == trajectory_period_name(period)) return period;
  }
  return std::nullopt;
}

/// How precise the headline KPIs must be before replications stop (run.precision, --precision):
/// the 95% CI half-width within `value` times the mean's size (relative) or within `value` in
/// the KPI's own unit (absolute).
struct Precision {
  bool relative = true;
  double value = 0.05;
};

struct RunSettings {
  double horizon = 365;           ///< Length of each replication, days.
  double warm_up = 0;             ///< Initial period excluded from every statistic, days.
  std::uint32_t replications = 100;  ///< With a precision, the most replications run.
  std::uint64_t seed = 1;
  /// The clock time of time 0 on the start date, in hours (6 for "06:00"). Calendar rules (hour
  /// shapes, rosters, dated changes, trajectory days) follow the clock, so time t falls at
  /// start_hour + 24 t hours after midnight of the start date.
  double start_hour = 0;
  /// Empty: chosen from the horizon (stats::choose_trajectory_period).
  std::optional<TrajectoryPeriod> trajectory_period;

  std::optional<Precision> precision;  ///< Set: replications are chosen by precision (run/precision.hpp).
  bool steady_state = false;      ///< The scenario describes a steady state: `run` checks its warm-up by MSER-5.
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> notes;
  Date start_date{std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}};
  RunSettings run;
  std::vector<PatientType> patient_types;  ///< Empty means one type, "patient".
  std::vector<ArrivalSource> arrivals;
  std::vector<Service> services;
  std::vector<Resource> resources;  ///< Shared pools; empty for a model of services alone.
  std::vector<Pathway> pathways;
  /// Dates on which every weekly rule (the rosters of services and shared pools, the timetables
  /// of clinics and panels) runs as on a Sunday: the scenario's calendar of bank holidays, sorted,
  /// each date once (model/bank_holidays.hpp). Dated changes and base capacities ignore it.
  std::vector<Date> bank_holidays;
  /// The scenario's "headlines", or when it has none the defaults of stats/kpi_ref.hpp; the
  /// loader always fills this, with each KPI in its long form.
  std::vector<Headline> headlines;
  std::string currency = "GBP";  ///< Of every cost (model/costs.hpp kCurrencies).

  /// Whether any service or pool has a cost: only then are costs computed and reported.
  [[nodiscard]] bool has_costs() const {
    for (const Service& s : services) {
      if (s.costs.any()) return true;
    }
    for (const Resource& pool : resources) {
      if (pool.costs.any()) return true;
    }
    return false;
  }
};

}  // namespace carepath::model
