// SPDX-License-Identifier: MIT
// The only place the event handlers report to. Handlers say what happened (a patient arrived,
// started, finished, was blocked, gave up, was turned away); the recorder keeps the streaming
// statistics and decides what counts: counters and time averages restart when the warm-up ends,
// and a wait, sojourn or pathway time is measured only for a patient who arrived after the
// warm-up ended — or, with no warm-up, for everyone, including patients already waiting at time 0
// (their earlier wait counts). finish() turns it all into a ReplicationResult.
//
// The recorder also keeps trajectories over the whole run, warm-up included
// (recorder_trajectory.cpp): per day and ISO week, per week, or per calendar month. They cost
// almost nothing per event: counts and time integrals are read from the statistics above at each
// day boundary (as cumulative values that survive the warm-up restart), so the only per-event
// work is day_ends_by's one comparison and one push_back of a wait or pathway time into a buffer
// that is reused from period to period. Their memory is the recorded periods (bounded by the
// period's choice, stats/trajectory.hpp) plus the waits of one week or month.
#pragma once

#include "engine/compiled_model.hpp"
#include "engine/phase_clock.hpp"
#include "stats/log_histogram.hpp"
#include "stats/time_average.hpp"
#include "stats/welford.hpp"

#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace carepath::engine {

/// How a patient leaves the system.
enum class Leaving { Departed, Lost, Reneged };

/// What a patient keeping their bed after service is waiting for, by the `setting` of where they
/// go next (holding_for): their bed-days are exit block, a delayed discharge, or only blocked.
enum class Holding : std::uint8_t { Other, ExitBlock, DelayedDischarge };

[[nodiscard]] inline Holding holding_for(const CompiledModel& model, std::uint32_t destination) noexcept {
  if (destination >= model.services.size()) return Holding::Other;  // the exit
  switch (model.services[destination].setting) {
    case model::Setting::Hospital: return Holding::ExitBlock;
    case model::Setting::Community: return Holding::DelayedDischarge;
    case model::Setting::Unset: break;
  }
  return Holding::Other;
}

/// What only the replication can see at the end of the run, handed to Recorder::finish.
struct EndOfRunCounts {
  std::vector<double> over_target_waiting;  ///< Per service.
  std::vector<double> in_pathway;           ///< Per pathway.
  std::vector<double> over_target_in_pathway;
};

class Recorder {
 public:
  /// `trajectories`: the finest trajectory period to keep (Day keeps days and weeks), or Off.
  /// `phase_ticks`, when set, receives the time spent closing periods (Phase::Trajectories).
  explicit Recorder(const CompiledModel& model, model::TrajectoryPeriod trajectories = model::TrajectoryPeriod::Day,
                    PhaseTicks* phase_ticks = nullptr);

  /// Whether a trajectory day ends at or before `now`. The replication asks once per event,
  /// before handling it, and then closes each day that ended (close_next_day), so that a day's
  /// end-of-day values are the state before the first event at or after its end.
  [[nodiscard]] bool day_ends_by(SimTime now) const noexcept { return now >= next_boundary_; }
  /// When the day being recorded ends (infinity when none is).
  [[nodiscard]] SimTime next_boundary() const noexcept { return next_boundary_; }
  /// Whether the day ending at next_boundary() also ends a week (a month with period "month"):
  /// only then does the replication count who is over target (period_end_counts), a scan of
  /// every patient present that would cost a third of a run's time if done every day.
  [[nodiscard]] bool day_ends_coarse_period() const {
    return day_ + 1 >= calendar_.days || coarse_of(day_ + 1) != coarse_of(day_);
  }
  /// Where the replication counts who is over target at the end of a coarse period, before its
  /// last day closes (over_target_waiting and over_target_in_pathway; sized once, then reused).
  [[nodiscard]] EndOfRunCounts& period_end_counts() noexcept { return period_end_; }
  /// Closes the day ending at next_boundary(), with period_end_counts() taken at that time.
  void close_next_day();

  /// A service's state at the end of a trajectory period (recorder_trajectory.cpp).
  struct ServiceEnd {
    double queue = 0;
    double present = 0;      ///< Waiting, in a bed (blocked or not), or between appointments.
    double over_target = 0;  ///< Waiting longer than the wait target; NaN without one, and by day.
    bool unlimited = false;  ///< No capacity to average.
  };
  /// Closes the trajectory at the end of the run (`now` is the horizon, or a deadlock's time:
  /// the days after it stay NaN) and hands it over.
  [[nodiscard]] stats::TrajectoryRecording finish_trajectory(SimTime now);
  /// Called once the patients present at time 0 are placed: they were there, not arrivals of day 0.
  void mark_time_zero();

  void start_window(SimTime now);

  void entered_system(SimTime now) {
    ++system_.arrivals;
    system_.present.change(now, +1);
  }

  void left_system(SimTime now, SimTime system_arrival, Leaving how) {
    system_.present.change(now, -1);
    switch (how) {
      case Leaving::Lost: ++system_.losses; return;
      case Leaving::Reneged: ++system_.reneges; return;
      case Leaving::Departed: break;
    }
    ++system_.departures;
    if (!counts(system_arrival)) return;
    system_.time_in_system.add(now - system_arrival);
    system_.time_in_system_histogram.add(now - system_arrival);
  }

  /// A patient placed at time 0 (waiting or in a bed): present at the start, not an arrival.
  void present_at_start(std::uint32_t service, SimTime now) {
    system_.present.change(now, +1);
    ++system_.present_at_start;
    ++services_[service].present_at_start;
  }

  void arrived_at_service(std::uint32_t service, std::uint16_t type) {
    ++services_[service].arrivals;
    if (!by_type_.empty()) ++type_stats(service, type).arrivals;
  }
  void lost_at(std::uint32_t service) { ++services_[service].losses; }
  void diverted_at(std::uint32_t service) { ++services_[service].diverted; }
  void reneged_at(std::uint32_t service) { ++services_[service].reneges; }
  void escalated_at(std::uint32_t service, std::uint16_t type) {
    ++services_[service].escalations;
    if (!by_type_.empty()) ++type_stats(service, type).escalations;
  }
  void joined_queue(std::uint32_t service, SimTime now) { services_[service].queue.change(now, +1); }
  void left_queue(std::uint32_t service, SimTime now) { services_[service].queue.change(now, -1); }

  void service_started(std::uint32_t service, std::uint16_t type, SimTime now, SimTime service_arrival) {
    ServiceStats& s = services_[service];
    s.in_service.change(now, +1);
    ++s.starts;
    const double wait = now - service_arrival;
    if (trajectories_) service_tracks_[service].waits.push_back(wait);
    if (!counts(service_arrival)) return;
    s.wait.add(wait);
    s.wait_histogram.add(wait);
    if (wait > 0) ++s.waited;
    if (wait <= s.wait_target) ++s.within_target;
    if (!by_type_.empty()) type_stats(service, type).wait.add(wait);
  }

  /// A patient already in a bed at time 0: occupies it, but their wait is unknown, so not measured.
  void already_in_service(std::uint32_t service, SimTime now) { services_[service].in_service.change(now, +1); }

  /// Service over, but the patient keeps the bed (blocked, or awaiting a transfer), waiting for `what`.
  void began_holding_bed(std::uint32_t service, SimTime now, Holding what) {
    services_[service].in_service.change(now, -1);
    services_[service].held.change(now, +1);
    if (what != Holding::Other) held_for(service, what).change(now, +1);
  }
  /// A patient holding a bed now waits for something else (a transfer's end found its service full
  /// and was diverted to one of another setting).
  void holding_changed(std::uint32_t service, SimTime now, Holding from, Holding to) {
    if (from == to) return;
    if (from != Holding::Other) held_for(service, from).change(now, -1);
    if (to != Holding::Other) held_for(service, to).change(now, +1);
  }

  /// The patient leaves the bed: from service directly, or after holding it waiting for `what`.
  void left_bed(std::uint32_t service, std::uint16_t type, SimTime now, SimTime service_arrival, bool was_holding,
                Holding what) {
    ServiceStats& s = services_[service];
    (was_holding ? s.held : s.in_service).change(now, -1);
    if (was_holding && what != Holding::Other) held_for(service, what).change(now, -1);
    ++s.completions;
    if (!by_type_.empty()) ++type_stats(service, type).completions;
    if (!counts(service_arrival)) return;
    s.sojourn.add(now - service_arrival);
    if (!by_type_.empty()) type_stats(service, type).sojourn.add(now - service_arrival);
  }

  void capacity_changed(std::uint32_t service, SimTime now, std::uint32_t capacity) {
    TimeAverage& c = services_[service].capacity;
    c.change(now, static_cast<double>(capacity) - c.level());
  }

  /// Units of shared pool `resource` taken (delta > 0) or given back.
  void resource_units_changed(std::uint32_t resource, SimTime now, double delta) {
    resources_[resource].busy.change(now, delta);
  }
  void resource_capacity_changed(std::uint32_t resource, SimTime now, std::uint32_t capacity) {
    TimeAverage& c = resources_[resource].capacity;
    c.change(now, static_cast<double>(capacity) - c.level());
    if (visits_[resource].rate > 0) update_visit_levels(resource, now);
  }
  /// A visit pool's committed visits a day are now `committed_milli` thousandths, after a patient
  /// joined (patients = +1) or left (-1) a caseload it serves.
  void visits_committed(std::uint32_t resource, SimTime now, std::uint64_t committed_milli, double patients) {
    VisitStats& v = visits_[resource];
    v.due = static_cast<double>(committed_milli) / 1000;
    v.committed.change(now, v.due - v.committed.level());
    v.caseload.change(now, patients);
    update_visit_levels(resource, now);
  }
  /// A patient who found a bed free but too few units of `resource` has started, having joined
  /// the queue at `service_arrival`: a wait the pool caused.
  void pool_delay_ended(std::uint32_t resource, SimTime now, SimTime service_arrival) {
    if (!counts(service_arrival)) return;
    resources_[resource].delayed_wait.add(now - service_arrival);
  }

  /// Clinic `clinic` held a session of `offered` slots: `used` saw a patient (`follow_ups` of them
  /// for a follow-up), `not_attended` were lost to patients who did not come; `booked_horizon` is
  /// the days until the new patients still waiting after it would all be booked. Counted for
  /// sessions after the warm-up.
  void session_held(std::uint32_t clinic, SimTime now, std::uint32_t offered, std::uint32_t used,
                    std::uint32_t follow_ups, std::uint32_t not_attended, double booked_horizon) {
    if (!counts(now)) return;
    ClinicStats& c = clinics_[clinic];
    ++c.sessions;
    c.offered += offered;
    c.used += used;
    c.follow_ups += follow_ups;
    c.not_attended += not_attended;
    c.booked_horizon.add(booked_horizon);
  }
  /// A clinic's appointment ended with follow-ups to come: the patient stays at the service
  /// between appointments, neither waiting nor seen, until the next starts (no new wait is
  /// measured) or they are discharged after missing it.
  void follow_up_pending(std::uint32_t service, SimTime now) {
    services_[service].in_service.change(now, -1);
    services_[service].between.change(now, +1);
  }
  void follow_up_started(std::uint32_t service, SimTime now) {
    services_[service].between.change(now, -1);
    services_[service].in_service.change(now, +1);
  }
  void discharged_between_appointments(std::uint32_t service, SimTime now) {
    services_[service].between.change(now, -1);
  }

  void pathway_entered(std::uint32_t pathway, SimTime start) {
    ++pathways_[pathway].in_pathway;
    if (counts(start)) ++pathways_[pathway].entered;
  }
  void pathway_completed(std::uint32_t pathway, SimTime now, SimTime start) {
    --pathways_[pathway].in_pathway;
    if (trajectories_) pathway_tracks_[pathway].times.push_back(now - start);
    // Like entered and abandoned, completions count only patients whose whole pathway lies in
    // the window, so that the share within target is a share of completions.
    if (!counts(start)) return;
    PathwayStats& p = pathways_[pathway];
    ++p.completions;
    p.time.add(now - start);
    p.histogram.add(now - start);
    if (now - start <= p.target) ++p.within_target;
  }
  /// Left the system, `how`, before completing the pathway.
  void pathway_abandoned(std::uint32_t pathway, SimTime start, Leaving how) {
    PathwayStats& p = pathways_[pathway];
    --p.in_pathway;
    if (!counts(start)) return;
    ++p.abandoned;
    ++p.left[static_cast<std::size_t>(how)];
  }

  [[nodiscard]] stats::ReplicationResult finish(SimTime now, const CompiledModel& model,
                                                const EndOfRunCounts& end) const;

  /// Patients waiting, in a bed or in transit anywhere, as the recorder has been told.
  [[nodiscard]] double present_in_system() const noexcept { return system_.present.level(); }

 private:
  using TimeAverage = stats::TimeAverage;

  /// Whether a patient who arrived (at a service, the system, a pathway) at `arrival` counts.
  [[nodiscard]] bool counts(SimTime arrival) const noexcept { return arrival >= window_start_ || window_start_ <= 0; }

  struct ServiceStats {
    std::uint64_t arrivals = 0, completions = 0, losses = 0, diverted = 0, reneges = 0, waited = 0, within_target = 0;
    std::uint64_t starts = 0;
    std::uint64_t escalations = 0;
    double wait_target = 0;
    stats::Welford wait;
    stats::LogHistogram wait_histogram;
    stats::Welford sojourn;
    TimeAverage queue, in_service, held, capacity;
    // Of `held`: those waiting for a hospital bed (exit block) and for a community place (delayed
    // discharge), indexed by Holding - 1; the rest of `held` waits for a service of no setting.
    std::array<TimeAverage, 2> held_for;
    TimeAverage between;  // clinics: patients between appointments
    double present_at_start = 0;
  };
  struct SystemStats {
    std::uint64_t arrivals = 0, departures = 0, losses = 0, reneges = 0;
    stats::Welford time_in_system;
    stats::LogHistogram time_in_system_histogram;
    TimeAverage present;
    double present_at_start = 0;
  };
  struct PathwayStats {
    double target = 0;
    std::uint64_t entered = 0, completions = 0, abandoned = 0, within_target = 0;
    std::array<std::uint64_t, 3> left{};  // abandoned by Leaving: by a route out, turned away, gave up
    std::int64_t in_pathway = 0;  // whole run, not reset by the warm-up
    stats::Welford time;
    stats::LogHistogram histogram;
  };
  struct ResourceStats {
    TimeAverage busy, capacity;
    stats::Welford delayed_wait;
  };
  // A visit pool's visits a day committed (due) and not covered by the staff on duty (shortfall),
  // and its patients on caseloads; `rate` is visits per staff day, 0 for a pool of units.
  struct VisitStats {
    TimeAverage committed, shortfall, caseload;
    double rate = 0;
    double due = 0;  // committed's level, exact
  };
  struct ClinicStats {
    std::uint64_t sessions = 0, offered = 0, used = 0, follow_ups = 0, not_attended = 0;
    stats::Welford booked_horizon;
  };
  struct TypeStats {
    std::uint64_t arrivals = 0, completions = 0, escalations = 0;
    stats::Welford wait, sojourn;
  };

  TimeAverage& held_for(std::uint32_t service, Holding what) {
    return services_[service].held_for[static_cast<std::size_t>(what) - 1];
  }

  TypeStats& type_stats(std::uint32_t service, std::uint16_t type) {
    return by_type_[static_cast<std::size_t>(type) * services_.size() + service];
  }

  // Trajectories (recorder_trajectory.cpp). A service's counts and integrals are read as
  // cumulative values since time 0: `base` adds what start_window() reset.
  enum Cumulative : std::size_t {
    kArrivals, kCompletions, kLosses, kReneges, kOccupancyArea, kHeldArea, kOpenArea, kExitBlockArea,
    kDelayedDischargeArea, kCumulatives
  };
  using Cumulatives = std::array<double, kCumulatives>;
  // Days are always closed, to sum them into the coarse period (a week or a month); they are
  // written only when kept.
  struct ServiceTrack {
    Cumulatives base{};       // added at each start_window
    Cumulatives at_day_start{};
    Cumulatives coarse{};     // sums of the coarse period's days so far
    // Waits of patients who started service this coarse period; the day's are those from day_begin on.
    std::vector<double> waits;
    std::size_t day_begin = 0;
    bool has_target = false;
    bool unlimited = false;
  };
  // A pool's busy-unit and capacity areas since time 0, read like a service's cumulatives.
  enum ResourceCumulative : std::size_t {
    kBusyArea, kCapacityArea, kDueArea, kMissedArea, kCaseloadArea, kResourceCumulatives
  };
  using ResourceCumulatives = std::array<double, kResourceCumulatives>;
  struct ResourceTrack {
    ResourceCumulatives base{}, at_day_start{}, coarse{};
  };
  struct PathwayTrack {
    std::vector<double> times;  // of patients who completed the pathway this coarse period, the day's from day_begin
    std::size_t day_begin = 0;
  };
  void start_trajectory(const CompiledModel& model, model::TrajectoryPeriod period);
  // Visit pools (recorder_visits.cpp).
  void update_visit_levels(std::size_t resource, SimTime now);
  void restart_visits(SimTime now);
  void finish_visits(std::vector<stats::ResourceResult>& pools, SimTime now) const;
  [[nodiscard]] Cumulatives cumulative(std::size_t service, SimTime now) const;
  [[nodiscard]] ServiceEnd service_end(std::size_t service, bool coarse) const;
  [[nodiscard]] ResourceCumulatives resource_cumulative(std::size_t resource, SimTime now) const;
  [[nodiscard]] std::size_t resource_series_offset() const noexcept;
  [[nodiscard]] std::uint32_t coarse_of(std::uint32_t day) const {
    return coarse_ == &stats::TrajectoryRecording::months ? calendar_.month_of(day) : calendar_.week_of(day);
  }
  void close_day(SimTime end);
  void close_coarse(std::uint32_t last_day);

  PhaseTicks* phase_ticks_ = nullptr;
  bool trajectories_ = false;
  bool keep_days_ = false;
  stats::TrajectoryBlock stats::TrajectoryRecording::*coarse_ = &stats::TrajectoryRecording::weeks;
  SimTime horizon_ = 0;
  SimTime next_boundary_ = std::numeric_limits<SimTime>::infinity();
  std::uint32_t day_ = 0;        // the day being recorded
  double coarse_length_ = 0;     // days (fractional for a partial last day) closed in the coarse period
  stats::TrajectoryCalendar calendar_;
  stats::TrajectoryRecording trajectory_;
  std::vector<ServiceTrack> service_tracks_;
  std::vector<PathwayTrack> pathway_tracks_;
  std::vector<ResourceTrack> resource_tracks_;
  EndOfRunCounts period_end_;  // filled by the replication before each day closes

  SimTime window_start_ = 0;
  std::vector<ServiceStats> services_;
  SystemStats system_;
  std::vector<PathwayStats> pathways_;
  std::vector<ResourceStats> resources_;
  std::vector<VisitStats> visits_;  // one per pool
  std::vector<ClinicStats> clinics_;
  std::vector<TypeStats> by_type_;  // empty with one patient type
};

}  // namespace carepath::engine
