// SPDX-License-Identifier: MIT
// One replication: the clock, the future-event list, the patients, each service's state, the
// random streams and the recorder — everything one run owns, so replications share nothing
// mutable and run on any thread. The loop is in replication.cpp; what happens at each kind of
// event is in handlers.cpp.
#pragma once

#include "engine/compiled_model.hpp"
#include "engine/event_queue.hpp"
#include "engine/patient_pool.hpp"
#include "engine/recorder.hpp"
#include "engine/rng_streams.hpp"
#include "engine/service_state.hpp"

#include <carepath/stats/results.hpp>

#include <cstdint>
#include <vector>

namespace carepath::engine {

/// Runs replication `index` of a batch seeded `seed`.
[[nodiscard]] stats::ReplicationResult run_replication(const CompiledModel& model, std::uint32_t index,
                                                       std::uint64_t seed);

class Replication {
 public:
  Replication(const CompiledModel& model, std::uint32_t index, std::uint64_t seed);
  [[nodiscard]] stats::ReplicationResult run();

 private:
  // Event handlers (handlers.cpp), one per EventKind, and the steps they share.
  void on_arrival(std::uint32_t source);
  void on_service_end(PatientId patient);
  void on_warm_up_end();
  void arrive_at_service(PatientId patient, std::uint32_t service);
  void start_service(PatientId patient, std::uint32_t service);
  void route_onward(PatientId patient, std::uint32_t from_service);

  void schedule(SimTime time, EventKind kind, std::uint32_t target);
  [[nodiscard]] stats::ReplicationResult finish();

  const CompiledModel& model_;
  SimTime now_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t events_processed_ = 0;
  EventQueue future_events_;
  PatientPool patients_;
  std::vector<ServiceState> services_;
  std::vector<RandomEngine> arrival_streams_;
  std::vector<RandomEngine> service_streams_;
  std::vector<RandomEngine> routing_streams_;
  Recorder recorder_;
};

}  // namespace carepath::engine
