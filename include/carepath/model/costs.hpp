// SPDX-License-Identifier: MIT
// What a scenario says things cost: per service and per shared pool, an amount of money per unit
// of each cost driver (an open bed-day, an occupied bed-day, a blocked bed-day, a patient, an
// appointment; a staff-hour, a staff-day, a visit), and one currency for the whole scenario. The
// drivers are one closed list, kCostDrivers: each names its JSON key, what it counts and who is
// charged it (a service or a pool), and stats/costs.cpp says in one switch how a replication's
// results measure it. A new driver (a clinic's attended appointment) is one enum value, one row
// here and one case there.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace carepath::model {

enum class CostDriver : std::uint8_t {
  OpenBedDay,      ///< Capacity paid for: the time-integral of the service's capacity (rosters, dated changes).
  OccupiedBedDay,  ///< A bed-day of a patient in service (not blocked).
  BlockedBedDay,   ///< A bed-day of a patient finished but unable to move on (delayed discharge, exit block).
  Patient,         ///< A patient starting service (an admission).
  Appointment,     ///< An appointment: for now, a patient starting service.
  StaffHour,       ///< A pool of units' staff-hour on duty: the time-integral of its capacity, in hours.
  StaffDay,        ///< A visit pool's staff-day on duty: the time-integral of its capacity (staff per day), in days.
  Visit,           ///< A visit pool's visit delivered (a missed visit is not paid).
};

/// Who a driver is charged to: a service (its "costs") or a shared pool (its "costs" in "resources").
enum class CostPayer : std::uint8_t { Service, Pool };

struct CostDriverInfo {
  CostDriver driver;
  CostPayer payer;
  std::string_view key;     ///< In a service's "costs": "per_open_bed_day".
  std::string_view metric;  ///< Its cost in the results: "open_beds" (cost.open_beds, service.X.cost_open_beds).
  std::string_view unit;    ///< What one unit is, in words: "open bed-day".
};

// A service's drivers first, then a pool's: stats/results.hpp's cost tables follow this order.
inline constexpr std::array<CostDriverInfo, 8> kCostDrivers{{
    {CostDriver::OpenBedDay, CostPayer::Service, "per_open_bed_day", "open_beds", "open bed-day"},
    {CostDriver::OccupiedBedDay, CostPayer::Service, "per_occupied_bed_day", "occupied_beds", "occupied bed-day"},
    {CostDriver::BlockedBedDay, CostPayer::Service, "per_blocked_bed_day", "blocked_beds", "blocked bed-day"},
    {CostDriver::Patient, CostPayer::Service, "per_patient", "patients", "patient"},
    {CostDriver::Appointment, CostPayer::Service, "per_appointment", "appointments", "appointment"},
    {CostDriver::StaffHour, CostPayer::Pool, "per_staff_hour", "staff_hours", "staff-hour"},
    {CostDriver::StaffDay, CostPayer::Pool, "per_staff_day", "staff_days", "staff-day"},
    {CostDriver::Visit, CostPayer::Pool, "per_visit", "visits", "visit"},
}};

/// Money per unit of each driver, in kCostDrivers order; 0 where the scenario gives none (and
/// always 0 for the drivers of the other payer).
struct CostRates {
  std::array<double, kCostDrivers.size()> per_unit{};

  [[nodiscard]] double& operator[](CostDriver d) { return per_unit[static_cast<std::size_t>(d)]; }
  [[nodiscard]] double operator[](CostDriver d) const { return per_unit[static_cast<std::size_t>(d)]; }
  [[nodiscard]] bool any() const {
    for (double v : per_unit) {
      if (v != 0) return true;
    }
    return false;
  }
};

/// The currencies a scenario may name, with the sign money strings may carry ("£1,250.50").
struct CurrencyInfo {
  std::string_view code;
  std::string_view symbol;
};
inline constexpr std::array<CurrencyInfo, 3> kCurrencies{{{"GBP", "£"}, {"EUR", "€"}, {"USD", "$"}}};

/// The sign of `code`, or the code itself for a currency not in kCurrencies.
[[nodiscard]] constexpr std::string_view currency_symbol(std::string_view code) noexcept {
  for (const CurrencyInfo& c : kCurrencies) {
    if (c.code == code) return c.symbol;
  }
  return code;
}

}  // namespace carepath::model
