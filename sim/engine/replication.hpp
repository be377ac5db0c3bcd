// SPDX-License-Identifier: MIT
// One replication: the clock, the future-event list, the patients, each service's state, the
// random streams and the recorder — everything one run owns, so replications share nothing
// mutable and run on any thread. The loop is in replication.cpp; what happens at each kind of
// event is in handlers.cpp; how patients move between services (admission, blocking, release of
// blocked patients) is in flow.cpp; whether a service has room, and what a patient takes and
// frees, in admission.hpp (inline: it runs at every event); deadlock detection in deadlock.cpp.
#pragma once

#include "engine/compiled_model.hpp"
#include "engine/calendar_event_queue.hpp"
#include "engine/patient_pool.hpp"
#include "engine/phase_clock.hpp"
#include "engine/recorder.hpp"
#include "engine/rng_streams.hpp"
#include "engine/service_state.hpp"

#include <carepath/stats/results.hpp>

#include <atomic>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace carepath::engine {

/// What a batch asks of each replication beyond the model and the seed.
struct ReplicationControls {
  /// The finest trajectory period to keep (recorder.hpp); Off keeps none.
  model::TrajectoryPeriod trajectories = model::TrajectoryPeriod::Day;
  const std::atomic<bool>* stop = nullptr;     ///< When set and true, the run throws Stopped.
  PhaseTicks* phase_ticks = nullptr;           ///< When set, where the run's time goes is added here.
  /// The window measured, in run time: statistics start at the later of this and the warm-up's
  /// end, and are taken at `measure_to` when that is before the horizon (the run goes on to the
  /// horizon for its trajectories). run::measured_interval() turns --window dates into these.
  SimTime measure_from = 0;
  SimTime measure_to = std::numeric_limits<SimTime>::infinity();
};

/// Thrown when the stop flag was seen set; the replication's result is abandoned.
class Stopped : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override { return "replication stopped"; }
};

/// Events between two looks at the stop flag: often enough to stop within milliseconds, rarely
/// enough that the relaxed load costs nothing measurable. A power of two, tested with a mask.
inline constexpr std::uint64_t kStopCheckInterval = 4096;

/// Runs replication `index` of a batch seeded `seed`.
[[nodiscard]] stats::ReplicationResult run_replication(const CompiledModel& model, std::uint32_t index,
                                                       std::uint64_t seed, const ReplicationControls& controls = {});

class Replication {
 public:
  Replication(const CompiledModel& model, std::uint32_t index, std::uint64_t seed,
              const ReplicationControls& controls = {});
  [[nodiscard]] stats::ReplicationResult run();

 private:
  // Event handlers (handlers.cpp), one per EventKind.
  void on_arrival(std::uint32_t source);
  void on_service_end(PatientId patient);
  void route_after_service(PatientId patient, std::uint32_t service);
  void on_transfer_end(PatientId patient);
  void on_renege(PatientId patient, std::uint64_t sequence);
  void on_escalate(PatientId patient, std::uint64_t sequence);
  void on_capacity_change(std::uint32_t timetable_index);
  void on_warm_up_end();
  void on_window_end();

  // Patient flow between services (flow.cpp).
  void admit_from_outside(PatientId patient, std::uint32_t service);
  void arrive_without_bed(PatientId patient, std::uint32_t service);
  void move_on(PatientId patient, std::uint32_t target);
  void enter_service(PatientId patient, std::uint32_t service);
  void join_queue(PatientId patient, std::uint32_t service, double patience);
  void start_service(PatientId patient, std::uint32_t service);
  void leave_bed(PatientId patient);
  void leave_system(PatientId patient, Leaving how);
  void refill(std::uint32_t service);
  void drain_refills();
  void offer_pool_units();
  /// Pool `resource` has units back or more on duty: offer them before anything else starts.
  void offer_later(std::uint32_t resource) {
    resources_[resource].offer_pending = true;
    pools_to_offer_ = true;
  }
  [[nodiscard]] PatientId pop_next_waiting(std::uint32_t service);
  void cancel_queue_timers(PatientId patient);
  void schedule_escalation(PatientId patient);
  // A patient's queue, and which queue is served next. A patient escalated waits in an escalation
  // lane of the service, one per (priority level, wait before escalation): lanes fill in order of
  // joining the service's queue, so the queue to serve next is the lowest level, then the earliest
  // joined among the fronts of that level's queue and lanes.
  [[nodiscard]] std::uint32_t queue_of(const Patient& p) const;
  [[nodiscard]] std::uint32_t next_queue(std::uint32_t service) const;
  /// next_queue() at a service with escalation lanes, `best` its first non-empty level's queue.
  [[nodiscard]] std::uint32_t next_queue_with_lanes(std::uint32_t service, std::uint32_t best) const;
  [[nodiscard]] std::uint32_t queue_level(std::uint32_t service, std::uint32_t queue) const;
  /// Takes a waiting patient out of the middle of their queue (giving up, or escalating).
  void erase_from_queue(Patient& p);

  // Room at a service: the rules of its admission kind and shared pools (admission.hpp; the rarer questions in admission.cpp).
  [[nodiscard]] bool can_start(std::uint32_t service) const;
  [[nodiscard]] bool has_room(std::uint32_t service) const;
  /// The first pool of units too short for a patient of `service` to start, as index + 1; 0: none.
  [[nodiscard]] std::uint32_t short_unit_pool(std::uint32_t service) const;
  [[nodiscard]] bool pools_have_units(std::uint32_t service) const { return short_unit_pool(service) == 0; }
  /// As short_unit_pool, then a caseload's pool of visits.
  [[nodiscard]] std::uint32_t short_pool(std::uint32_t service) const;
  void take_room(Patient& p, std::uint32_t service);
  void end_step(std::uint32_t service);
  void free_bed(const Patient& p);
  [[nodiscard]] bool can_never_free_room(std::uint32_t service) const;
  // Caseloads' visits (visits.cpp).
  [[nodiscard]] bool visits_fit(std::uint32_t service) const;
  void commit_visits(Patient& p, std::uint32_t service);
  void release_visits(const Patient& p);
  [[nodiscard]] const TypeRules& rules(PatientId patient, std::uint32_t service) const {
    return model_.services[service].by_type[patients_[patient].type];
  }
  double& pathway_start(PatientId patient, std::uint32_t pathway) {
    return pathway_starts_[static_cast<std::size_t>(patient) * n_pathways_ + pathway];
  }
  // A pool slot, with its row of pathway start times: the table grows here, when the pool grows,
  // so that pathway_start() is a plain index.
  [[nodiscard]] PatientId new_patient() {
    const PatientId patient = patients_.acquire();
    if ((static_cast<std::size_t>(patient) + 1) * n_pathways_ > pathway_starts_.size()) grow_pathway_starts();
    return patient;
  }
  void grow_pathway_starts();

  // Clinics and panels: sessions, who attends, the booked horizon (sessions.cpp).
  struct FollowUpDue {
    SimTime due = 0;  ///< Midnight of the day the follow-up is due.
    PatientId patient = 0;
  };
  struct ClinicState {
    std::uint32_t slots_open = 0;  ///< Non-zero only while a session is being held.
    FifoQueue rebooked;            ///< Did not attend, rebooked: the head of the queue, counted in `waiting`.
    std::deque<FollowUpDue> follow_ups;  ///< Patients between appointments, by due day.
  };
  void on_session_start(std::uint32_t timetable_index);
  [[nodiscard]] std::uint32_t book_follow_ups(std::uint32_t clinic, std::uint32_t& not_attended);
  [[nodiscard]] bool awaits_follow_up(PatientId patient, std::uint32_t service);
  [[nodiscard]] PatientId next_for_slot(std::uint32_t service, ClinicState& clinic, std::size_t& rebooked_before);
  [[nodiscard]] bool attends(std::uint32_t clinic);
  [[nodiscard]] double booked_horizon(const ScheduledSession& session, std::uint32_t waiting) const;

  // Deadlock detection (deadlock.cpp).
  void check_deadlock(std::uint32_t blocked_at);

  void place_initial_patients();
  void start_pathways_before_now(PatientId patient, std::uint32_t service);
  /// Adds an event; returns its sequence. Inline: handlers schedule about one event per event
  /// handled, from other files, and out of line each paid a call on top of the push.
  std::uint64_t schedule(SimTime time, EventKind kind, std::uint32_t target) {
    if (next_sequence_ > Event::kMaxSequence) [[unlikely]] sequence_exhausted();
    const Event event = Event::make(time, next_sequence_, kind, target);
    in_phase(phase_ticks_, Phase::EventSet, [&] { future_events_.push(event); });
    return next_sequence_++;
  }
  [[noreturn]] static void sequence_exhausted();
  [[nodiscard]] Event next_event();
  template <class F>
  decltype(auto) timed(Phase phase, F&& f) const { return in_phase(phase_ticks_, phase, std::forward<F>(f)); }
  [[nodiscard]] stats::ReplicationResult finish();
  /// The statistics as they stand now: what finish() returns at the horizon, or on_window_end() keeps.
  [[nodiscard]] stats::ReplicationResult measure() const;
  /// Who is over target at time `at`, the state being as it is now: waiting at each service, in each pathway.
  void count_over_target(SimTime at, EndOfRunCounts& counts) const;
  void close_days_until(SimTime now);

  const CompiledModel& model_;
  SimTime now_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t events_processed_ = 0;
  CalendarEventQueue future_events_;
  PatientPool patients_;
  std::vector<ServiceState> services_;
  std::vector<ResourceState> resources_;
  std::vector<ClinicState> clinics_;
  std::vector<RandomEngine> attendance_streams_;  // per clinic
  std::vector<FollowUpDue> missed_follow_ups_;    // a session's, rebooked when it ends; reused
  bool pools_to_offer_ = false;         // some resources_[r].offer_pending is set
  std::size_t n_pathways_ = 0;          // model_.pathways.size(), kept at hand for the hot path
  std::vector<double> pathway_starts_;  // [patient * pathways + pathway]; NaN when not in it; grown by new_patient()
  std::vector<std::uint32_t> refill_worklist_;
  std::vector<RandomEngine> arrival_streams_;
  std::vector<RandomEngine> service_streams_;
  std::vector<RandomEngine> routing_streams_;
  std::vector<RandomEngine> patience_streams_;
  std::vector<RandomEngine> transfer_streams_;
  /// Per caseload service: its visits stream and the visits a day of the next patient to start
  /// there, drawn ahead so that "is there room" needs no patient (visits.cpp).
  struct CaseloadDraw {
    RandomEngine stream;
    std::uint32_t next_milli = 0;
  };
  std::vector<CaseloadDraw> caseloads_;
  RandomEngine initial_stream_;
  std::optional<stats::Deadlock> deadlock_;
  SimTime measure_from_ = 0;
  SimTime measure_to_ = std::numeric_limits<SimTime>::infinity();
  std::optional<stats::ReplicationResult> measured_;  // taken at measure_to_, before the horizon
  const std::atomic<bool>* stop_ = nullptr;
  PhaseTicks* phase_ticks_ = nullptr;
  std::uint64_t run_started_ = 0;  // phase clock, when phase_ticks_ is set
  Recorder recorder_;
};

}  // namespace carepath::engine
