// SPDX-License-Identifier: MIT
// The recorder's view of visit pools (engine/visits.cpp): visits due (committed to caseloads),
// the staff's visits a day (on duty x visits per staff day), and what is missed:
//   missed = integral over time of max(0, due - on duty x visits per staff day)
// delivered = due - missed. A visit pool's "busy" is the staff the delivered visits take
// (delivered / visits per staff day), so its utilisation is delivered / what the staff could make.
// Each level changes only when a patient joins or leaves a caseload or the staff on duty change.
#include "engine/recorder.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::engine {

namespace {
/// An average month: 365.25 / 12 days.
constexpr double kDaysPerMonth = 30.4375;
}  // namespace

void Recorder::update_visit_levels(std::size_t resource, SimTime now) {
  VisitStats& v = visits_[resource];
  TimeAverage& busy = resources_[resource].busy;
  const double short_by = std::max(0.0, v.due - resources_[resource].capacity.level() * v.rate);
  v.shortfall.change(now, short_by - v.shortfall.level());
  busy.change(now, (v.due - short_by) / v.rate - busy.level());
}

void Recorder::restart_visits(SimTime now) {
  for (VisitStats& v : visits_) {
    v.committed.restart(now);
    v.shortfall.restart(now);
    v.caseload.restart(now);
  }
}

void Recorder::finish_visits(std::vector<stats::ResourceResult>& pools, SimTime now) const {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double length = now - window_start_;
  for (std::size_t r = 0; r < pools.size(); ++r) {
    const VisitStats& v = visits_[r];
    stats::ResourceResult& pool = pools[r];
    if (v.rate == 0) {
      pool.visits_delivered = pool.visits_delivered_per_day = pool.visits_delivered_per_month = nan;
      pool.visits_missed = pool.visits_missed_share = pool.caseload_mean = nan;
      continue;
    }
    const double due = v.committed.area(now);
    pool.visits_missed = v.shortfall.area(now);
    pool.visits_delivered = due - pool.visits_missed;
    pool.visits_delivered_per_day = length > 0 ? pool.visits_delivered / length : nan;
    pool.visits_delivered_per_month = pool.visits_delivered_per_day * kDaysPerMonth;
    pool.visits_missed_share = due > 0 ? pool.visits_missed / due : nan;
    pool.caseload_mean = v.caseload.average(now);
  }
}

}  // namespace carepath::engine
