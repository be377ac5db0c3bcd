// SPDX-License-Identifier: MIT
// Community caseloads limited by visits (AdmissionKind::Caseload). A virtual ward or reablement
// package is a place on the service's caseload plus visits a day by the staff of a visit pool. A
// patient's visits are committed to the pool when their service starts and stay committed until
// they leave the place (through any time blocked or awaiting a transfer). Admission needs a place
// and room in the visits the pool can make today: staff on duty now x visits per staff day, minus
// the visits already committed, must cover the patient's visits. When the pool later falls short
// (a weekend or bank-holiday roster), nobody is discharged: the visits above what the staff can
// make are missed, which the recorder integrates (recorder_visits.cpp).
//
// The visits of the next patient to start at each caseload are drawn ahead, from the service's
// own stream: patients' visits are independent of everything else, so handing the draws out in
// order of starting is the same as drawing at arrival, and "is there room" stays a question
// about the service, not about a patient. Visits are counted in thousandths, so the committed
// total adds and subtracts exactly.
#include "engine/visits.hpp"

#include "engine/replication.hpp"

#include <boost/random/uniform_int_distribution.hpp>

namespace carepath::engine {

std::uint32_t draw_visits(const VisitNeed& need, RandomEngine& stream) {
  const std::vector<std::uint32_t>& values = need.milli_visits;
  if (values.size() == 1) return values.front();
  return values[boost::random::uniform_int_distribution<std::size_t>(0, values.size() - 1)(stream)];
}

bool Replication::visits_fit(std::uint32_t service) const {
  const VisitNeed& need = model_.services[service].visits;
  const ResourceState& pool = resources_[need.resource];
  const std::uint64_t can_make =
      std::uint64_t{pool.capacity} * model_.resources[need.resource].milli_visits_per_staff;
  return pool.committed_milli + caseloads_[need.caseload].next_milli <= can_make;
}

void Replication::commit_visits(Patient& p, std::uint32_t service) {
  const VisitNeed& need = model_.services[service].visits;
  CaseloadDraw& draw = caseloads_[need.caseload];
  p.milli_visits = draw.next_milli;
  draw.next_milli = timed(Phase::Sampling, [&] { return draw_visits(need, draw.stream); });
  ResourceState& pool = resources_[need.resource];
  pool.committed_milli += p.milli_visits;
  recorder_.visits_committed(need.resource, now_, pool.committed_milli, +1);
}

void Replication::release_visits(const Patient& p) {
  const std::uint32_t resource = model_.services[p.service].visits.resource;
  ResourceState& pool = resources_[resource];
  pool.committed_milli -= p.milli_visits;
  recorder_.visits_committed(resource, now_, pool.committed_milli, -1);
  offer_later(resource);
}

}  // namespace carepath::engine
