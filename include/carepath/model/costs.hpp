// SPDX-License-Identifier: MIT
// What a scenario says things cost: per service, an amount of money per unit of each cost
// driver (an open bed-day, an occupied bed-day, a blocked bed-day, a patient, an appointment),
// and one currency for the whole scenario. The drivers are one closed list, kCostDrivers: each
// names its JSON key and what it counts, and stats/costs.cpp says in one switch how a
// replication's results measure it. A new driver (a clinic's attended appointment, a caseload
// visit, a staff pool's staff-hour) is one enum value, one row here and one case there.
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
};

struct CostDriverInfo {
  CostDriver driver;
  std::string_view key;     ///< In a service's "costs": "per_open_bed_day".
  std::string_view metric;  ///< Its cost in the results: "open_beds" (cost.open_beds, service.X.cost_open_beds).
  std::string_view unit;    ///< What one unit is, in words: "open bed-day".
};

inline constexpr std::array<CostDriverInfo, 5> kCostDrivers{{
    {CostDriver::OpenBedDay, "per_open_bed_day", "open_beds", "open bed-day"},
    {CostDriver::OccupiedBedDay, "per_occupied_bed_day", "occupied_beds", "occupied bed-day"},
    {CostDriver::BlockedBedDay, "per_blocked_bed_day", "blocked_beds", "blocked bed-day"},
    {CostDriver::Patient, "per_patient", "patients", "patient"},
    {CostDriver::Appointment, "per_appointment", "appointments", "appointment"},
}};

/// Money per unit of each driver, in kCostDrivers order; 0 where the scenario gives none.
struct ServiceCosts {
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
