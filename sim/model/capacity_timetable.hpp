// SPDX-License-Identifier: MIT
// A service's (or a shared pool's) capacity over the run as a list of steps, from its base capacity, its dated changes
// and its weekly roster (a bank holiday of the scenario's calendar takes Sunday's shifts:
// bank_holidays.hpp). During a roster shift the shift's capacity applies (overlapping shifts add
// up: two teams on duty); outside every shift, the dated capacity. Only real changes are listed.
#pragma once

#include <carepath/model/scenario.hpp>

#include <cstdint>
#include <vector>

namespace carepath::model {

struct CapacityStep {
  SimTime time = 0;
  std::uint32_t capacity = 0;
};

/// The capacity at time 0 followed by every change before `horizon`, in time order, for a run
/// whose time 0 is `start_hour` hours after midnight of `start_date` (run.start_time): shifts and
/// dated changes follow the clock and the calendar, and on the dates of `bank_holidays` (sorted;
/// Scenario::bank_holidays) the roster works Sunday's shifts.
[[nodiscard]] std::vector<CapacityStep> capacity_timetable(const Service& service, const Date& start_date,
                                                           SimTime horizon, double start_hour = 0,
                                                           const std::vector<Date>& bank_holidays = {});
/// The same for a shared resource pool's units.
[[nodiscard]] std::vector<CapacityStep> capacity_timetable(const Resource& pool, const Date& start_date,
                                                           SimTime horizon, double start_hour = 0,
                                                           const std::vector<Date>& bank_holidays = {});

}  // namespace carepath::model
