// SPDX-License-Identifier: MIT
// Deadlock detection, run only when a patient becomes blocked. A set of services is deadlocked
// when none of them can ever free room: every bed holds a blocked patient, the queue is full, no
// one in it can give up, no transfer or service is under way and no capacity change is to come —
// and every blocked patient there waits for another service of the set. Then nothing inside can
// move and nothing outside can help (arrivals only add), so the replication would block forever:
// it stops, reporting the time and the services (can_never_free_room is in admission.cpp). The check starts at the service the patient is
// blocked by, which must itself be stuck; most blocks fail that test at once.
#include "engine/replication.hpp"

#include <algorithm>

namespace carepath::engine {

void Replication::check_deadlock(std::uint32_t blocked_at) {
  if (!can_never_free_room(blocked_at)) return;
  // Who waits for whom: a patient blocked in service `holder` waits for the service whose line it
  // is in. Patients in the line without a bed hold nothing, so they cannot close a cycle.
  std::vector<std::vector<std::uint32_t>> waits_for(services_.size());
  for (std::uint32_t target = 0; target < services_.size(); ++target) {
    services_[target].blocked_upstream.for_each([&](PatientId id) {
      const Patient& p = patients_[id];
      if (p.state == PatientState::Blocked) waits_for[p.service].push_back(target);
    });
  }
  std::vector<bool> seen(services_.size(), false);
  std::vector<std::uint32_t> stack{blocked_at}, involved;
  seen[blocked_at] = true;
  while (!stack.empty()) {
    const std::uint32_t s = stack.back();
    stack.pop_back();
    if (!can_never_free_room(s)) return;
    involved.push_back(s);
    for (std::uint32_t next : waits_for[s]) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push_back(next);
      }
    }
  }
  std::sort(involved.begin(), involved.end());
  deadlock_ = stats::Deadlock{.time = now_, .services = std::move(involved)};
}

}  // namespace carepath::engine
