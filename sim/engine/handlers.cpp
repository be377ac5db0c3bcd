// SPDX-License-Identifier: MIT
// What happens at each event, one function per EventKind. A patient arrives at a service and
// either starts at once (a server is free), waits in the service's FIFO (room in the queue) or is
// turned away (queue full). When service ends, the freed server goes to the head of the queue
// first, then the finished patient is routed: so a patient routed back to the same service joins
// the back of its queue, behind those already waiting.
#include "engine/replication.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace carepath::engine {

void Replication::on_arrival(std::uint32_t source) {
  const CompiledSource& from = model_.sources[source];
  schedule(now_ + boost::random::exponential_distribution<double>(from.rate)(arrival_streams_[source]),
           EventKind::Arrival, source);
  const PatientId patient = patients_.acquire();
  patients_[patient].system_arrival = now_;
  recorder_.entered_system(now_);
  arrive_at_service(patient, from.target);
}

void Replication::arrive_at_service(PatientId patient, std::uint32_t service) {
  Patient& p = patients_[patient];
  p.service = service;
  p.service_arrival = now_;
  recorder_.arrived_at_service(service);
  ServiceState& state = services_[service];
  const CompiledService& spec = model_.services[service];
  if (state.busy < spec.capacity) {
    start_service(patient, service);
  } else if (state.queue.size() < spec.queue_limit) {
    state.queue.push(patient);
    recorder_.joined_queue(service, now_);
  } else {
    recorder_.lost_at(service, now_);
    patients_.release(patient);
  }
}

void Replication::start_service(PatientId patient, std::uint32_t service) {
  ++services_[service].busy;
  recorder_.service_started(service, now_, patients_[patient].service_arrival);
  schedule(now_ + model_.services[service].service_time(service_streams_[service]), EventKind::ServiceEnd, patient);
}

void Replication::on_service_end(PatientId patient) {
  const std::uint32_t service = patients_[patient].service;
  ServiceState& state = services_[service];
  --state.busy;
  recorder_.service_ended(service, now_, patients_[patient].service_arrival);
  if (!state.queue.empty()) {
    const PatientId next = state.queue.pop();
    recorder_.left_queue(service, now_);
    start_service(next, service);
  }
  route_onward(patient, service);
}

void Replication::route_onward(PatientId patient, std::uint32_t from_service) {
  const CompiledService& from = model_.services[from_service];
  const std::uint32_t choice =
      from.routing.is_certain() ? 0 : from.routing.pick(boost::random::uniform_01<double>()(routing_streams_[from_service]));
  const std::uint32_t target = from.route_targets[choice];
  if (target == kExitTarget) {
    recorder_.left_system(now_, patients_[patient].system_arrival);
    patients_.release(patient);
  } else {
    arrive_at_service(patient, target);
  }
}

void Replication::on_warm_up_end() { recorder_.start_window(now_); }

}  // namespace carepath::engine
