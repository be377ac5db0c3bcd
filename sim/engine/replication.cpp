// SPDX-License-Identifier: MIT
// THE event loop. It pops the earliest event, advances the clock and dispatches on the event's
// kind with one switch — no virtual call, no callback, no allocation per event. Determinism rests
// on two rules: ties at equal times run in scheduling order (event.hpp), and each random stream is
// keyed by (seed, replication, purpose, index) (rng_streams.hpp). WarmUpEnd and EndOfRun are
// scheduled before anything else, so they win ties: a patient arriving exactly at the horizon is
// not counted.
#include "engine/replication.hpp"

#include <boost/random/exponential_distribution.hpp>

#include <cassert>
#include <stdexcept>
#include <string>

namespace carepath::engine {

Replication::Replication(const CompiledModel& model, std::uint32_t index, std::uint64_t seed)
    : model_(model), services_(model.services.size()), recorder_(model.services.size()) {
  arrival_streams_.reserve(model.sources.size());
  for (std::uint32_t i = 0; i < model.sources.size(); ++i) {
    arrival_streams_.push_back(make_stream(seed, index, StreamPurpose::Arrivals, i));
  }
  service_streams_.reserve(model.services.size());
  routing_streams_.reserve(model.services.size());
  for (std::uint32_t i = 0; i < model.services.size(); ++i) {
    service_streams_.push_back(make_stream(seed, index, StreamPurpose::ServiceTime, i));
    routing_streams_.push_back(make_stream(seed, index, StreamPurpose::Routing, i));
  }
  future_events_.reserve(1024);
}

void Replication::schedule(SimTime time, EventKind kind, std::uint32_t target) {
  if (next_sequence_ > Event::kMaxSequence) {
    throw std::length_error("replication exceeded 68 billion events; shorten the horizon");
  }
  future_events_.push(Event::make(time, next_sequence_++, kind, target));
}

stats::ReplicationResult Replication::run() {
  schedule(model_.warm_up, EventKind::WarmUpEnd, 0);
  schedule(model_.horizon, EventKind::EndOfRun, 0);
  for (std::uint32_t source = 0; source < model_.sources.size(); ++source) {
    const double rate = model_.sources[source].rate;
    schedule(boost::random::exponential_distribution<double>(rate)(arrival_streams_[source]), EventKind::Arrival,
             source);
  }

  for (;;) {
    const Event event = future_events_.pop();
    assert(event.time >= now_);
    now_ = event.time;
    ++events_processed_;
    switch (event.kind()) {
      case EventKind::Arrival: on_arrival(event.target()); break;
      case EventKind::ServiceEnd: on_service_end(event.target()); break;
      case EventKind::WarmUpEnd: on_warm_up_end(); break;
      case EventKind::EndOfRun: return finish();
    }
  }
}

stats::ReplicationResult Replication::finish() {
  // Phase-boundary invariant (always on): every patient the pool holds is somewhere the recorder
  // knows about, and vice versa.
  if (static_cast<double>(patients_.in_use()) != recorder_.present_in_system()) {
    throw std::logic_error("engine invariant broken: " + std::to_string(patients_.in_use()) +
                           " patients in the pool, but the recorder counts " +
                           std::to_string(recorder_.present_in_system()));
  }
  stats::ReplicationResult result = recorder_.finish(now_, model_);
  result.events = events_processed_;
  return result;
}

stats::ReplicationResult run_replication(const CompiledModel& model, std::uint32_t index, std::uint64_t seed) {
  return Replication(model, index, seed).run();
}

}  // namespace carepath::engine
