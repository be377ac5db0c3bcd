// SPDX-License-Identifier: MIT
// One replication: the clock, the future-event list, the patients, each service's state, the
// random streams and the recorder — everything one run owns, so replications share nothing
// mutable and run on any thread. The loop is in replication.cpp; what happens at each kind of
// event is in handlers.cpp; how patients move between services (admission, blocking, release of
// blocked patients) is in flow.cpp; deadlock detection in deadlock.cpp.
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
#include <exception>
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
  void on_transfer_end(PatientId patient);
  void on_renege(PatientId patient, std::uint64_t sequence);
  void on_capacity_change(std::uint32_t timetable_index);
  void on_warm_up_end();

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
  [[nodiscard]] PatientId pop_next_waiting(std::uint32_t service);
  void cancel_renege_timer(PatientId patient);
  [[nodiscard]] bool has_room(std::uint32_t service) const;
  [[nodiscard]] const TypeRules& rules(PatientId patient, std::uint32_t service) const;
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

  // Deadlock detection (deadlock.cpp).
  void check_deadlock(std::uint32_t blocked_at);
  [[nodiscard]] bool can_never_free_room(std::uint32_t service) const;

  void place_initial_patients();
  void start_pathways_before_now(PatientId patient, std::uint32_t service);
  std::uint64_t schedule(SimTime time, EventKind kind, std::uint32_t target);
  [[nodiscard]] Event next_event();
  template <class F>
  decltype(auto) timed(Phase phase, F&& f) const { return in_phase(phase_ticks_, phase, std::forward<F>(f)); }
  [[nodiscard]] stats::ReplicationResult finish();

  const CompiledModel& model_;
  SimTime now_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t events_processed_ = 0;
  CalendarEventQueue future_events_;
  PatientPool patients_;
  std::vector<ServiceState> services_;
  std::size_t n_pathways_ = 0;          // model_.pathways.size(), kept at hand for the hot path
  std::vector<double> pathway_starts_;  // [patient * pathways + pathway]; NaN when not in it; grown by new_patient()
  std::vector<std::uint32_t> refill_worklist_;
  std::vector<RandomEngine> arrival_streams_;
  std::vector<RandomEngine> service_streams_;
  std::vector<RandomEngine> routing_streams_;
  std::vector<RandomEngine> patience_streams_;
  std::vector<RandomEngine> transfer_streams_;
  RandomEngine initial_stream_;
  std::optional<stats::Deadlock> deadlock_;
  const std::atomic<bool>* stop_ = nullptr;
  PhaseTicks* phase_ticks_ = nullptr;
  std::uint64_t run_started_ = 0;  // phase clock, when phase_ticks_ is set
  Recorder recorder_;
};

}  // namespace carepath::engine
