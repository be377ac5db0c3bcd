// SPDX-License-Identifier: MIT
#include "io/pathsimr_cycle.hpp"

#include <carepath/io/number_format.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace carepath::io {

namespace {

constexpr double kHoursPerWeek = 168;
constexpr std::int64_t kMinutesPerDay = 1440;
constexpr std::int64_t kMinutesPerWeek = 7 * kMinutesPerDay;
// Times in a template are decimals typed by a person; a boundary within this of a whole minute or
// hour is on it (0.1 h is 6 minutes, but 0.1 * 60 is 6.000000000000001).
constexpr double kWhole = 1e-6;

constexpr std::array<const char*, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool whole(double x) { return std::abs(x - std::round(x)) <= kWhole; }

// How many times the cycle fits in a week, or nullopt (with the error said) when it does not.
std::optional<int> repeats_in_week(const PathsimrCycle& cycle, const CycleContext& context) {
  const double length_hours = cycle.length() * context.hours_per_unit;
  const double repeats = kHoursPerWeek / length_hours;
  if (repeats >= 1 && whole(repeats)) return static_cast<int>(std::lround(repeats));
  context.problems.push_back({context.calendar_file, cycle.line, 4,
                              "the calendar of '" + context.node + "' repeats every " + format_shortest(length_hours) +
                                  " hours, which does not divide a week: carepath repeats rosters and hour-of-week "
                                  "shapes weekly, so this cycle has no equivalent"});
  return std::nullopt;
}

std::string clock_text(std::int64_t minute_of_day) {
  const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return two(minute_of_day / 60) + ":" + two(minute_of_day % 60);
}

struct Shift {
  std::int64_t from = 0;  ///< Minutes from midnight.
  std::int64_t to = 0;
  double capacity = 0;
  bool operator==(const Shift&) const = default;
};

}  // namespace

nlohmann::ordered_json pathsimr_capacity_json(const PathsimrCycle& cycle, const CycleContext& context) {
  const bool one_value = std::all_of(cycle.periods.begin(), cycle.periods.end(), [&](const PathsimrPeriod& p) {
    return p.value == cycle.periods.front().value;
  });
  if (one_value) {
    const auto servers = static_cast<std::int64_t>(cycle.periods.front().value);
    if (servers == 0) return {{"base", 0}};
    return servers;
  }
  const std::optional<int> repeats = repeats_in_week(cycle, context);
  if (!repeats) return nullptr;

  // The week as (start minute, capacity) steps, each boundary moved to its nearest minute.
  bool moved = false;
  std::vector<std::pair<std::int64_t, double>> steps;
  for (int r = 0; r < *repeats; ++r) {
    for (const PathsimrPeriod& period : cycle.periods) {
      const double minutes = (r * cycle.length() + period.start) * context.hours_per_unit * 60;
      moved = moved || !whole(minutes);
      const std::int64_t minute = std::llround(minutes);
      if (!steps.empty() && steps.back().first == minute) steps.pop_back();
      steps.emplace_back(minute, period.value);
    }
  }
  if (moved) {
    context.warnings.push_back({context.calendar_file, cycle.line, 3,
                                "capacity changes of '" + context.node +
                                    "' moved to the nearest minute: carepath's rosters run on whole minutes"});
  }
  std::array<std::vector<Shift>, 7> days;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const std::int64_t end = k + 1 < steps.size() ? steps[k + 1].first : kMinutesPerWeek;
    const double capacity = steps[k].second;
    if (capacity == 0) continue;
    // A roster shift ends on the day it starts, so a period over midnight becomes one shift a day.
    for (std::int64_t from = steps[k].first; from < end;) {
      const std::int64_t day = from / kMinutesPerDay;
      const std::int64_t to = std::min(end, (day + 1) * kMinutesPerDay);
      std::vector<Shift>& shifts = days[static_cast<std::size_t>(day)];
      const Shift shift{from - day * kMinutesPerDay, to - day * kMinutesPerDay, capacity};
      if (!shifts.empty() && shifts.back().to == shift.from && shifts.back().capacity == capacity) {
        shifts.back().to = shift.to;
      } else {
        shifts.push_back(shift);
      }
      from = to;
    }
  }
  const bool every_day_alike = std::all_of(days.begin(), days.end(), [&](const auto& d) { return d == days[0]; });
  nlohmann::ordered_json roster = nlohmann::ordered_json::array();
  for (std::size_t day = 0; day < (every_day_alike ? 1 : days.size()); ++day) {
    for (const Shift& shift : days[day]) {
      roster.push_back({{"days", every_day_alike ? "mon-sun" : kDays[day]},
                        {"from", clock_text(shift.from)},
                        {"to", clock_text(shift.to)},
                        {"capacity", static_cast<std::int64_t>(shift.capacity)}});
    }
  }
  return {{"base", 0}, {"roster", roster}};
}

std::optional<nlohmann::ordered_json> pathsimr_arrival_json(const PathsimrCycle& cycle, const std::string& unit,
                                                            const CycleContext& context) {
  if (std::all_of(cycle.periods.begin(), cycle.periods.end(), [](const PathsimrPeriod& p) { return p.value == 0; })) {
    return std::nullopt;
  }
  const bool one_value = std::all_of(cycle.periods.begin(), cycle.periods.end(), [&](const PathsimrPeriod& p) {
    return p.value == cycle.periods.front().value;
  });
  if (one_value) return nlohmann::ordered_json{{"rate", format_shortest(cycle.periods.front().value) + "/" + unit}};
  const std::optional<int> repeats = repeats_in_week(cycle, context);
  if (!repeats) return nullptr;

  // Patients per hour in each hour of the week: each period's rate (per unit of time) over the
  // part of the hour it covers.
  std::array<double, 168> hourly{};
  bool averaged = false;
  for (int r = 0; r < *repeats; ++r) {
    for (const PathsimrPeriod& period : cycle.periods) {
      const double from = (r * cycle.length() + period.start) * context.hours_per_unit;
      const double to = (r * cycle.length() + period.end) * context.hours_per_unit;
      averaged = averaged || !whole(from) || !whole(to);
      const double per_hour = period.value / context.hours_per_unit;
      for (auto hour = static_cast<std::size_t>(std::floor(from + kWhole)); hour < hourly.size(); ++hour) {
        const auto start = static_cast<double>(hour);
        if (start + kWhole >= to) break;
        const double covered = std::min(to, start + 1) - std::max(from, start);
        if (covered > 0) hourly[hour] += per_hour * covered;
      }
    }
  }
  if (averaged) {
    context.warnings.push_back({context.calendar_file, cycle.line, 3,
                                "arrival rates of '" + context.node +
                                    "' averaged within each hour: carepath's arrival shapes are hourly"});
  }
  bool daily = true;
  for (std::size_t hour = 24; hour < hourly.size(); ++hour) daily = daily && hourly[hour] == hourly[hour % 24];
  if (daily) {
    return nlohmann::ordered_json{{"profile", {{"hourly_rates", std::vector<double>(hourly.begin(), hourly.begin() + 24)}}}};
  }
  // Patients a week, from the periods themselves rather than the sum of the 168 hours, which
  // would carry their rounding into the rate.
  double weekly = 0;
  for (const PathsimrPeriod& period : cycle.periods) weekly += period.value * (period.end - period.start) * *repeats;
  // hour_of_week is a shape scaled to mean 1; with the mean hourly rate as the source's rate,
  // hour k has exactly hourly[k] patients an hour.
  return nlohmann::ordered_json{{"rate", format_shortest(weekly / kHoursPerWeek) + "/h"},
                                {"profile", {{"hour_of_week", hourly}}}};
}

}  // namespace carepath::io
