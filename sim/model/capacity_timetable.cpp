// SPDX-License-Identifier: MIT
#include "model/capacity_timetable.hpp"

#include "model/bank_holidays.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::model {

namespace {

// Times here are clock times: days since midnight of the start date (run time + start_hour / 24).

/// What a service and a shared resource pool have alike: a base, dated changes and a roster.
struct CapacityPlan {
  std::uint32_t base = 0;
  const std::vector<CapacityChange>& capacity_changes;
  const std::vector<RosterShift>& roster;
};

std::uint32_t dated_capacity_at(const CapacityPlan& service, const Date& start_date, SimTime clock) {
  std::uint32_t capacity = service.base;
  for (const CapacityChange& change : service.capacity_changes) {
    if (days_between(start_date, change.from) <= clock) capacity = change.capacity;
  }
  return capacity;
}

std::uint32_t capacity_at(const CapacityPlan& service, const Date& start_date, SimTime clock,
                          const std::vector<Date>& bank_holidays) {
  const auto day = static_cast<long>(std::floor(clock));
  const unsigned weekday = rule_weekday(bank_holidays, date_after(start_date, day));
  const double hour = (clock - static_cast<double>(day)) * 24.0;
  bool on_shift = false;
  std::uint32_t rostered = 0;
  for (const RosterShift& shift : service.roster) {
    if (shift.weekdays[weekday] && hour >= shift.from_hour && hour < shift.to_hour) {
      on_shift = true;
      rostered += shift.capacity;
    }
  }
  return on_shift ? rostered : dated_capacity_at(service, start_date, clock);
}

std::vector<CapacityStep> timetable_of(const CapacityPlan& service, const Date& start_date, SimTime horizon,
                                       double start_hour, const std::vector<Date>& bank_holidays) {
  // Run time of `hour` o'clock on day `day` of the calendar. The start time is taken off in hours
  // before dividing by 24, so that with start_hour 0 the times are the bits they always were, and
  // a shift from 08:00 in a run from 06:00 starts at the same bits as one from 02:00 in a run
  // from midnight.
  const auto run_time = [start_hour](double day, double hour) { return day + (hour - start_hour) / 24.0; };
  std::vector<SimTime> breakpoints{0.0};
  for (const CapacityChange& change : service.capacity_changes) {
    breakpoints.push_back(run_time(days_between(start_date, change.from), 0));
  }
  if (!service.roster.empty()) {
    for (long day = 0; static_cast<double>(day) < horizon + start_hour / 24; ++day) {
      for (const RosterShift& shift : service.roster) {
        breakpoints.push_back(run_time(static_cast<double>(day), shift.from_hour));
        breakpoints.push_back(run_time(static_cast<double>(day), shift.to_hour));
      }
    }
  }
  std::sort(breakpoints.begin(), breakpoints.end());
  breakpoints.erase(std::unique(breakpoints.begin(), breakpoints.end()), breakpoints.end());

  breakpoints.erase(std::remove_if(breakpoints.begin(), breakpoints.end(),
                                   [horizon](SimTime t) { return t < 0 || t >= horizon; }),
                    breakpoints.end());

  // The capacity is constant between breakpoints. It is read at the middle of each interval,
  // never at a breakpoint itself, where day + 17/24 may round to just before 17:00 and keep a
  // shift open.
  std::vector<CapacityStep> steps;
  for (std::size_t i = 0; i < breakpoints.size(); ++i) {
    const SimTime t = breakpoints[i];
    const SimTime interval_end = i + 1 < breakpoints.size() ? breakpoints[i + 1] : horizon;
    const std::uint32_t capacity = capacity_at(service, start_date, 0.5 * (t + interval_end) + start_hour / 24, bank_holidays);
    if (steps.empty() || steps.back().capacity != capacity) steps.push_back({t, capacity});
  }
  return steps;
}

}  // namespace

std::vector<CapacityStep> capacity_timetable(const Service& service, const Date& start_date, SimTime horizon,
                                             double start_hour, const std::vector<Date>& bank_holidays) {
  return timetable_of({service.capacity.value_or(0), service.capacity_changes, service.roster}, start_date, horizon,
                      start_hour, bank_holidays);
}

std::vector<CapacityStep> capacity_timetable(const Resource& pool, const Date& start_date, SimTime horizon,
                                             double start_hour, const std::vector<Date>& bank_holidays) {
  return timetable_of({pool.capacity, pool.capacity_changes, pool.roster}, start_date, horizon, start_hour,
                      bank_holidays);
}

}  // namespace carepath::model
