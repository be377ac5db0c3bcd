// SPDX-License-Identifier: MIT
// What a run measures. A ReplicationResult holds one replication's statistics, counted after the
// warm-up only; a Summary folds many replications into a mean with a 95% Student-t confidence
// interval and the spread. Each metric is a plain double field, and the tables kServiceMetrics and
// kSystemMetrics name them once for every writer (JSON, CSV, console), so adding a metric means
// adding one field and one table row. Times are in days.
#pragma once

#include <carepath/stats/trajectory.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::stats {

/// One service in one replication. Wait and sojourn statistics count patients who joined the
/// queue after the warm-up; a statistic with no patient to measure is NaN.
struct ServiceResult {
  double arrivals = 0;          ///< Patients who came to the service (admitted, turned away or diverted).
  double completions = 0;       ///< Patients who left after service (including any time blocked).
  double losses = 0;            ///< Patients turned away because the service was full.
  double diverted = 0;          ///< Patients sent elsewhere because the service was full.
  double reneges = 0;           ///< Patients who gave up waiting.
  double loss_probability = 0;  ///< losses / arrivals.
  double wait_mean = 0;         ///< Time from joining the queue to starting service.
  double wait_p50 = 0;
  double wait_p90 = 0;
  double wait_p95 = 0;
  double wait_max = 0;
  double waited_share = 0;      ///< Share of patients who had to wait at all.
  double wait_within_target = 0;  ///< Share starting within the service's wait target (NaN: no target).
  double sojourn_mean = 0;      ///< Wait plus service plus any time blocked: arrival to leaving.
  double utilisation = 0;       ///< Mean occupied beds / mean capacity (NaN when capacity is unlimited).
  double mean_capacity = 0;     ///< Time-average capacity (NaN when unlimited).
  double mean_queue = 0;        ///< Time-average number waiting.
  double mean_occupancy = 0;    ///< Time-average beds occupied: in service or blocked.
  double blocked_bed_days = 0;  ///< Bed-days held by patients who were finished but could not move on.
  double mean_present = 0;      ///< mean_queue + mean_occupancy (+ a clinic's patients between appointments): Little's L.
  double present_at_start = 0;  ///< Patients waiting or in a bed when the warm-up ended.
  double present_at_end = 0;    ///< ... and at the horizon.
  double over_target_at_end = 0;  ///< Still waiting at the horizon, longer than the target (NaN: no target).
  /// Patients who started service (admissions): a cost driver (stats/costs.hpp), not a column
  /// of the metric table, which the engine's golden hash covers.
  double starts = 0;
  double escalations = 0;       ///< Escalation steps taken by waiting patients (a patient may take several).
  double throughput_per_day = 0;  ///< completions / days measured.
  double renege_share = 0;        ///< reneges / arrivals: the share who gave up waiting.
  /// blocked_bed_days / completions: days a patient who left was held after finishing, on average.
  double blocked_days_mean = 0;
  /// Of blocked_bed_days: held waiting for a service whose setting is "hospital" (exit block) and
  /// "community" (delayed discharge); the rest waited for a service of no setting.
  double exit_block_bed_days = 0;
  double delayed_discharge_bed_days = 0;
};

/// The whole system in one replication: from arrival at the first service to leaving the system.
struct SystemResult {
  double arrivals = 0;
  double departures = 0;        ///< Patients who left the system after their last service.
  double losses = 0;            ///< Patients turned away anywhere.
  double reneges = 0;           ///< Patients who gave up waiting and left the system.
  double time_in_system_mean = 0;
  double time_in_system_p50 = 0;
  double time_in_system_p90 = 0;
  double time_in_system_p95 = 0;
  double time_in_system_max = 0;
  double mean_present = 0;      ///< Time-average number of patients in the system.
  double present_at_start = 0;
  double present_at_end = 0;
};

/// A pathway in one replication: from arriving at its start service to leaving its end service.
/// entered, completions, abandoned and the times count patients who entered the pathway after the
/// warm-up; in_pathway_at_end and over_target_at_end are a snapshot of everyone still in it.
struct PathwayResult {
  double entered = 0;           ///< Patients who arrived at the start service.
  double completions = 0;       ///< Patients who left the end service.
  double abandoned = 0;         ///< Left the system without completing: by a route out, turned away or gave up.
  double time_mean = 0;
  double time_p50 = 0;
  double time_p90 = 0;
  double time_p95 = 0;
  double time_max = 0;
  double within_target = 0;     ///< Share of completions within the target.
  double breaches = 0;          ///< Completions over the target.
  double in_pathway_at_end = 0;
  double over_target_at_end = 0;  ///< Still in the pathway at the horizon, already over target.
  // abandoned by how they left: by a route out of the system before the pathway's end (a planned
  // exit: triaged out, treated elsewhere), turned away because a service was full, or gave up.
  double left_by_route = 0;
  double left_turned_away = 0;
  double left_gave_up = 0;
};

/// A shared resource pool in one replication.
struct ResourceResult {
  double utilisation = 0;        ///< mean_busy / mean_capacity.
  double mean_capacity = 0;      ///< Time-average units on duty.
  double mean_busy = 0;          ///< Time-average units taken by patients in service.
  double busy_at_end = 0;
  double delayed_starts = 0;     ///< Patients who found a bed free at their service but too few units, then started.
  double delayed_wait_mean = 0;  ///< Their mean wait, from joining the queue to starting (NaN: none).
  // A visit pool's (NaN for a pool of units): visits due are those committed to its caseloads;
  // those above what the staff on duty can make are missed, the rest delivered.
  double visits_delivered = 0;
  double visits_delivered_per_day = 0;
  double visits_delivered_per_month = 0;  ///< Per day x 30.4375 (365.25 / 12).
  double visits_missed = 0;
  double visits_missed_share = 0;       ///< visits_missed / visits due (NaN: none due).
  double caseload_mean = 0;             ///< Time-average patients on the caseloads it serves.
};

/// A clinic or panel (a service with sessions) in one replication, over the sessions held after
/// the warm-up. Every slot offered is used or wasted: slots_offered = slots_used + slots_wasted,
/// and slots_wasted = not_attended + unused_slots.
struct ClinicResult {
  double sessions = 0;
  double slots_offered = 0;
  double slots_used = 0;       ///< A patient was seen (a case decided).
  double follow_ups = 0;       ///< Of those, follow-up appointments.
  double slots_wasted = 0;     ///< Lost to patients who did not attend, or left empty.
  double not_attended = 0;     ///< Booked patients who did not come (rebooked or discharged).
  double unused_slots = 0;     ///< Nobody left to book when the session was held.
  double slot_use = 0;         ///< slots_used / slots_offered.
  /// Mean over sessions of the days from the session to the one at which the patients still
  /// waiting after it would all have been booked, in timetable order (0 when none wait).
  double booked_horizon_mean = 0;
};

/// One patient type at one service.
struct TypeServiceResult {
  double arrivals = 0;
  double completions = 0;
  double wait_mean = 0;
  double sojourn_mean = 0;
  double escalations = 0;
};

/// Blocking that can never resolve: every bed of each listed service holds a patient waiting for
/// another listed service, whose queue is full. The replication stops at `time`.
struct Deadlock {
  double time = 0;
  std::vector<std::uint32_t> services;  ///< Indices, in scenario order.
};

/// Money spent in one replication's measured window (after the warm-up), by cost driver
/// (model/costs.hpp), for one service or pool or summed over them all; stats/costs.hpp computes it.
struct CostResult {
  double total = 0;
  double open_beds = 0;
  double occupied_beds = 0;
  double blocked_beds = 0;
  double patients = 0;
  double appointments = 0;
  double staff_hours = 0;
  double staff_days = 0;
  double visits = 0;
};

struct ReplicationResult {
  std::vector<ServiceResult> services;  ///< In scenario order.
  SystemResult system;
  std::vector<PathwayResult> pathways;  ///< In scenario order.
  std::vector<TypeServiceResult> by_type;  ///< [type * services + service]; empty with one type.
  std::vector<ResourceResult> resources;  ///< Shared pools, in scenario order.
  std::vector<ClinicResult> clinics;      ///< Services with sessions, in scenario order.
  std::optional<Deadlock> deadlock;     ///< Set when the replication stopped in deadlock.
  std::uint64_t events = 0;             ///< Events processed (throughput measure for benchmarks).
  double window = 0;                    ///< Days measured: from the warm-up's end to the horizon (or a deadlock).
  std::vector<CostResult> service_costs;  ///< In scenario order; empty when the scenario has no costs.
  std::vector<CostResult> resource_costs;  ///< Per shared pool, in scenario order; empty likewise.
  CostResult cost;                      ///< The sum of service_costs and resource_costs.
  TrajectoryRecording trajectory;       ///< Per day and week, warm-up included (trajectory.hpp).
};

/// Describes one metric for writers: its column name, its unit and where it lives.
template <class Result>
struct MetricInfo {
  const char* name;
  const char* unit;  ///< "patients", "days", "share" or "mean patients".
  double Result::*field;
};

inline constexpr std::array<MetricInfo<ServiceResult>, 29> kServiceMetrics{{
    {"arrivals", "patients", &ServiceResult::arrivals},
    {"completions", "patients", &ServiceResult::completions},
    {"losses", "patients", &ServiceResult::losses},
    {"diverted", "patients", &ServiceResult::diverted},
    {"reneges", "patients", &ServiceResult::reneges},
    {"loss_probability", "share", &ServiceResult::loss_probability},
    {"wait_mean", "days", &ServiceResult::wait_mean},
    {"wait_p50", "days", &ServiceResult::wait_p50},
    {"wait_p90", "days", &ServiceResult::wait_p90},
    {"wait_p95", "days", &ServiceResult::wait_p95},
    {"wait_max", "days", &ServiceResult::wait_max},
    {"waited_share", "share", &ServiceResult::waited_share},
    {"wait_within_target", "share", &ServiceResult::wait_within_target},
    {"sojourn_mean", "days", &ServiceResult::sojourn_mean},
    {"utilisation", "share", &ServiceResult::utilisation},
    {"mean_capacity", "mean servers", &ServiceResult::mean_capacity},
    {"mean_queue", "mean patients", &ServiceResult::mean_queue},
    {"mean_occupancy", "mean patients", &ServiceResult::mean_occupancy},
    {"blocked_bed_days", "bed-days", &ServiceResult::blocked_bed_days},
    {"mean_present", "mean patients", &ServiceResult::mean_present},
    {"present_at_start", "patients", &ServiceResult::present_at_start},
    {"present_at_end", "patients", &ServiceResult::present_at_end},
    {"over_target_at_end", "patients", &ServiceResult::over_target_at_end},
    {"escalations", "patients", &ServiceResult::escalations},
    {"throughput_per_day", "patients a day", &ServiceResult::throughput_per_day},
    {"renege_share", "share", &ServiceResult::renege_share},
    {"blocked_days_mean", "days", &ServiceResult::blocked_days_mean},
    {"exit_block_bed_days", "bed-days", &ServiceResult::exit_block_bed_days},
    {"delayed_discharge_bed_days", "bed-days", &ServiceResult::delayed_discharge_bed_days},
}};

inline constexpr std::array<MetricInfo<SystemResult>, 12> kSystemMetrics{{
    {"arrivals", "patients", &SystemResult::arrivals},
    {"departures", "patients", &SystemResult::departures},
    {"losses", "patients", &SystemResult::losses},
    {"reneges", "patients", &SystemResult::reneges},
    {"time_in_system_mean", "days", &SystemResult::time_in_system_mean},
    {"time_in_system_p50", "days", &SystemResult::time_in_system_p50},
    {"time_in_system_p90", "days", &SystemResult::time_in_system_p90},
    {"time_in_system_p95", "days", &SystemResult::time_in_system_p95},
    {"time_in_system_max", "days", &SystemResult::time_in_system_max},
    {"mean_present", "mean patients", &SystemResult::mean_present},
    {"present_at_start", "patients", &SystemResult::present_at_start},
    {"present_at_end", "patients", &SystemResult::present_at_end},
}};

inline constexpr std::array<MetricInfo<PathwayResult>, 15> kPathwayMetrics{{
    {"entered", "patients", &PathwayResult::entered},
    {"completions", "patients", &PathwayResult::completions},
    {"abandoned", "patients", &PathwayResult::abandoned},
    {"time_mean", "days", &PathwayResult::time_mean},
    {"time_p50", "days", &PathwayResult::time_p50},
    {"time_p90", "days", &PathwayResult::time_p90},
    {"time_p95", "days", &PathwayResult::time_p95},
    {"time_max", "days", &PathwayResult::time_max},
    {"within_target", "share", &PathwayResult::within_target},
    {"breaches", "patients", &PathwayResult::breaches},
    {"in_pathway_at_end", "patients", &PathwayResult::in_pathway_at_end},
    {"over_target_at_end", "patients", &PathwayResult::over_target_at_end},
    {"left_by_route", "patients", &PathwayResult::left_by_route},
    {"left_turned_away", "patients", &PathwayResult::left_turned_away},
    {"left_gave_up", "patients", &PathwayResult::left_gave_up},
}};

inline constexpr std::array<MetricInfo<ResourceResult>, 12> kResourceMetrics{{
    {"utilisation", "share", &ResourceResult::utilisation},
    {"mean_capacity", "mean units", &ResourceResult::mean_capacity},
    {"mean_busy", "mean units", &ResourceResult::mean_busy},
    {"busy_at_end", "units", &ResourceResult::busy_at_end},
    {"delayed_starts", "patients", &ResourceResult::delayed_starts},
    {"delayed_wait_mean", "days", &ResourceResult::delayed_wait_mean},
    {"visits_delivered", "visits", &ResourceResult::visits_delivered},
    {"visits_delivered_per_day", "visits", &ResourceResult::visits_delivered_per_day},
    {"visits_delivered_per_month", "visits", &ResourceResult::visits_delivered_per_month},
    {"visits_missed", "visits", &ResourceResult::visits_missed},
    {"visits_missed_share", "share", &ResourceResult::visits_missed_share},
    {"caseload_mean", "mean patients", &ResourceResult::caseload_mean},
}};

inline constexpr std::array<MetricInfo<ClinicResult>, 9> kClinicMetrics{{
    {"sessions", "sessions", &ClinicResult::sessions},
    {"slots_offered", "slots", &ClinicResult::slots_offered},
    {"slots_used", "slots", &ClinicResult::slots_used},
    {"follow_ups", "slots", &ClinicResult::follow_ups},
    {"slots_wasted", "slots", &ClinicResult::slots_wasted},
    {"not_attended", "slots", &ClinicResult::not_attended},
    {"unused_slots", "slots", &ClinicResult::unused_slots},
    {"slot_use", "share", &ClinicResult::slot_use},
    {"booked_horizon_mean", "days", &ClinicResult::booked_horizon_mean},
}};

inline constexpr std::array<MetricInfo<TypeServiceResult>, 5> kTypeServiceMetrics{{
    {"arrivals", "patients", &TypeServiceResult::arrivals},
    {"completions", "patients", &TypeServiceResult::completions},
    {"wait_mean", "days", &TypeServiceResult::wait_mean},
    {"sojourn_mean", "days", &TypeServiceResult::sojourn_mean},
    {"escalations", "patients", &TypeServiceResult::escalations},
}};

// A cost's metric is written "cost.open_beds" for the total, "service.X.cost_open_beds" for one
// service and "resource.X.cost_staff_hours" for one pool ("cost" alone for its total): tables over
// the same fields, in kCostDrivers order after the total. A service's table is the total and the
// service drivers, a prefix of kCostMetrics; a pool's is the total and the pool drivers. The unit
// "money" is shown in the scenario's currency (SummaryLabels::currency).
inline constexpr std::array<MetricInfo<CostResult>, 9> kCostMetrics{{
    {"total", "money", &CostResult::total},
    {"open_beds", "money", &CostResult::open_beds},
    {"occupied_beds", "money", &CostResult::occupied_beds},
    {"blocked_beds", "money", &CostResult::blocked_beds},
    {"patients", "money", &CostResult::patients},
    {"appointments", "money", &CostResult::appointments},
    {"staff_hours", "money", &CostResult::staff_hours},
    {"staff_days", "money", &CostResult::staff_days},
    {"visits", "money", &CostResult::visits},
}};
inline constexpr std::array<MetricInfo<CostResult>, 6> kServiceCostMetrics{{
    {"cost", "money", &CostResult::total},
    {"cost_open_beds", "money", &CostResult::open_beds},
    {"cost_occupied_beds", "money", &CostResult::occupied_beds},
    {"cost_blocked_beds", "money", &CostResult::blocked_beds},
    {"cost_patients", "money", &CostResult::patients},
    {"cost_appointments", "money", &CostResult::appointments},
}};
inline constexpr std::array<MetricInfo<CostResult>, 4> kResourceCostMetrics{{
    {"cost", "money", &CostResult::total},
    {"cost_staff_hours", "money", &CostResult::staff_hours},
    {"cost_staff_days", "money", &CostResult::staff_days},
    {"cost_visits", "money", &CostResult::visits},
}};

/// Where `field` is in kCostMetrics (the order of CostSummary::metrics).
[[nodiscard]] constexpr std::size_t cost_metric_index(double CostResult::*field) {
  for (std::size_t m = 0; m < kCostMetrics.size(); ++m) {
    if (kCostMetrics[m].field == field) return m;
  }
  return 0;
}

/// A metric across replications. NaN replications (nothing to measure) are left out of n.
struct Estimate {
  double mean = 0;
  double sd = 0;       ///< Sample standard deviation across replications.
  double ci_low = 0;   ///< 95% Student-t confidence interval for the mean.
  double ci_high = 0;
  double min = 0;
  double max = 0;
  std::uint32_t n = 0;
};

/// Mean, sd, 95% CI and range of `values`, ignoring NaNs. With n < 2 the CI is the point itself.
[[nodiscard]] Estimate estimate(const std::vector<double>& values);

// Each summary row finds a metric by its column name (the tables above) and throws
// std::out_of_range naming the metrics that exist, so a program never depends on a table's order:
//   double w = summary.service("acute_beds").metric("wait_mean").mean;

struct ServiceSummary {
  std::string name;
  std::array<Estimate, kServiceMetrics.size()> metrics;  ///< In kServiceMetrics order.
  /// The estimate of a kServiceMetrics metric, e.g. metric("wait_mean").
  [[nodiscard]] const Estimate& metric(std::string_view metric_name) const;
};

struct PathwaySummary {
  std::string name;
  double target = 0;  ///< Days.
  std::array<Estimate, kPathwayMetrics.size()> metrics;
  /// The estimate of a kPathwayMetrics metric, e.g. metric("within_target").
  [[nodiscard]] const Estimate& metric(std::string_view metric_name) const;
};

struct ResourceSummary {
  std::string name;
  std::string unit;  ///< The planner's word for one unit ("nurses").
  std::array<Estimate, kResourceMetrics.size()> metrics;
  /// The estimate of a kResourceMetrics metric, e.g. metric("utilisation").
  [[nodiscard]] const Estimate& metric(std::string_view metric_name) const;
};

struct ClinicSummary {
  std::string name;  ///< The service's.
  std::array<Estimate, kClinicMetrics.size()> metrics;
  /// The estimate of a kClinicMetrics metric, e.g. metric("slot_use").
  [[nodiscard]] const Estimate& metric(std::string_view metric_name) const;
};

struct TypeServiceSummary {
  std::string patient_type;
  std::string service;
  std::array<Estimate, kTypeServiceMetrics.size()> metrics;
  /// The estimate of a kTypeServiceMetrics metric, e.g. metric("wait_mean").
  [[nodiscard]] const Estimate& metric(std::string_view metric_name) const;
};

struct CostSummary {
  std::string name;  ///< A service's or a pool's, or "total".
  std::string kind;  ///< "service", "resource" (a pool) or "cost" (the total), as in KPIs and comparison.csv.
  std::size_t index = 0;  ///< Of the service or pool, in scenario order.
  std::array<Estimate, kCostMetrics.size()> metrics;  ///< In kCostMetrics order, whatever the kind.
  /// The estimate of a kCostMetrics metric, e.g. metric("total").
  [[nodiscard]] const Estimate& metric(std::string_view metric_name) const;
};

struct Summary {
  std::vector<ServiceSummary> services;
  std::array<Estimate, kSystemMetrics.size()> system;  ///< In kSystemMetrics order.
  std::vector<PathwaySummary> pathways;
  std::vector<TypeServiceSummary> by_type;  ///< Empty with one patient type.
  std::vector<ResourceSummary> resources;   ///< Shared pools, in scenario order.
  std::vector<ClinicSummary> clinics;       ///< Services with sessions, in scenario order.
  std::uint32_t deadlocked_replications = 0;
  /// Every costed service in scenario order, then every costed pool, then "total"; empty when the
  /// scenario has no costs.
  std::vector<CostSummary> costs;

  // By name; each throws std::out_of_range naming the known ones (with a suggestion for a typo).
  [[nodiscard]] const ServiceSummary& service(std::string_view name) const;
  [[nodiscard]] const PathwaySummary& pathway(std::string_view name) const;
  [[nodiscard]] const ResourceSummary& resource(std::string_view name) const;
  [[nodiscard]] const ClinicSummary& clinic(std::string_view name) const;
  /// A costed service's costs, or "total".
  [[nodiscard]] const CostSummary& cost(std::string_view name) const;
  /// One patient type at one service (scenarios with several types).
  [[nodiscard]] const TypeServiceSummary& by_type_at(std::string_view patient_type, std::string_view service) const;
  /// The estimate of a kSystemMetrics metric, e.g. system_metric("time_in_system_mean").
  [[nodiscard]] const Estimate& system_metric(std::string_view metric_name) const;
};

/// Names the summary needs, in scenario order.
struct SummaryLabels {
  std::vector<std::string> services;
  std::vector<std::string> pathways;
  std::vector<double> pathway_targets;
  std::vector<std::string> patient_types;
  /// The currency of the costs ("GBP"); empty when the scenario has no costs.
  std::string currency;
  std::vector<bool> costed;  ///< Per service: whether it has any cost.
  std::vector<bool> costed_resources;  ///< Per pool: whether it has any cost.
  std::vector<std::string> resources;
  std::vector<std::string> resource_units;
  std::vector<std::string> clinics;  ///< Names of the services with sessions.
};

/// Folds replications in index order, so the result does not depend on which thread ran which.
[[nodiscard]] Summary summarise(const SummaryLabels& labels, const std::vector<ReplicationResult>& replications);

}  // namespace carepath::stats
