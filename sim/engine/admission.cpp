// SPDX-License-Identifier: MIT
// The rarer questions about room at a service: which pool keeps a waiting patient from starting,
// and whether room can never free (deadlock.cpp asks). The rules that run at every event are in
// admission.hpp, which says how admission kinds and shared pools decide room.
#include "engine/admission.hpp"

namespace carepath::engine {

std::uint32_t Replication::short_pool(std::uint32_t service) const {
  if (const std::uint32_t units = short_unit_pool(service); units != 0) return units;
  const CompiledService& spec = model_.services[service];
  if (spec.admission == AdmissionKind::Caseload && !visits_fit(service)) return spec.visits.resource + 1;
  return 0;
}

bool Replication::can_never_free_room(std::uint32_t service) const {
  const ServiceState& state = services_[service];
  const CompiledService& spec = model_.services[service];
  return state.capacity != kUnlimited && state.capacity > 0 && state.in_service == 0 &&
         state.holding_in_transfer == 0 && state.blocked >= state.capacity && state.waiting >= spec.queue_limit &&
         state.waiting_with_patience == 0 && spec.last_capacity_change <= now_;
}

}  // namespace carepath::engine
