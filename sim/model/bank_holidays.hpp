// SPDX-License-Identifier: MIT
// The scenario's calendar of bank holidays ("bank_holidays") in one place: on a bank holiday every
// weekly rule (a roster shift of a service or a shared pool, a clinic's or panel's session) runs
// as on a Sunday, which is how services in England staff a bank holiday. A planner who wants a
// rule to work on bank holidays lists Sunday among its days. capacity_timetable.cpp and
// engine/session_timetable.cpp ask here which weekday's rules apply; nothing else reads the list.
#pragma once

#include <carepath/model/calendar.hpp>

#include <vector>

namespace carepath::model {

/// The ISO weekday index (0 = Monday ... 6 = Sunday) whose weekly rules apply on `date`: 6 on a
/// date of `bank_holidays` (sorted), the date's own weekday otherwise.
[[nodiscard]] unsigned rule_weekday(const std::vector<Date>& bank_holidays, const Date& date);

}  // namespace carepath::model
