// SPDX-License-Identifier: MIT
// The periods of a run's trajectories (days, ISO weeks, calendar months), computed from the
// start date and the day count rather than stored, and the choice of which of them a run keeps.
// The choice is what bounds the memory of the recordings and the size of trajectories.csv,
// trajectories.json and the report's charts: without an explicit period, no series gets more
// than kMaxAutoTrajectoryPeriods periods. The recorder (engine/recorder_trajectory.cpp) closes
// the periods; stats/trajectory_summary.cpp folds them.
#include <carepath/stats/trajectory.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

namespace carepath::stats {

namespace {

using model::TrajectoryPeriod;

// Months since year 0 of the month holding `date`.
long month_number(const model::Date& date) {
  return static_cast<long>(static_cast<int>(date.year())) * 12 + static_cast<long>(static_cast<unsigned>(date.month())) - 1;
}

std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// Only used above kTrajectoryMemoryWarning, so always gigabytes.
std::string in_gigabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
  return text;
}

}  // namespace

std::uint32_t TrajectoryCalendar::week_days(std::uint32_t week) const noexcept {
  const std::uint32_t first = week_first_day(week);
  return std::min(days, week_first_day(week + 1)) - first;
}

std::uint32_t TrajectoryCalendar::month_of(std::uint32_t day) const {
  return static_cast<std::uint32_t>(month_number(model::date_after(start_date, day)) - month_number(start_date));
}

std::uint32_t TrajectoryCalendar::month_first_day(std::uint32_t month) const {
  if (month == 0) return 0;
  const long number = month_number(start_date) + month;
  const model::Date first{std::chrono::year{static_cast<int>(number / 12)},
                          std::chrono::month{static_cast<unsigned>(number % 12) + 1}, std::chrono::day{1}};
  return static_cast<std::uint32_t>(model::days_between(start_date, first));
}

std::uint32_t TrajectoryCalendar::month_days(std::uint32_t month) const {
  return std::min(days, month_first_day(month + 1)) - month_first_day(month);
}

TrajectoryCalendar trajectory_calendar(const model::Date& start_date, SimTime horizon, double start_hour) {
  TrajectoryCalendar calendar;
  calendar.start_date = start_date;
  calendar.start_hour = start_hour;
  calendar.days = horizon > 0 ? static_cast<std::uint32_t>(std::ceil(horizon + start_hour / 24)) : 0;
  calendar.first_weekday = model::iso_weekday_index(start_date);
  return calendar;
}

std::uint64_t recorded_periods(const TrajectoryCalendar& calendar, TrajectoryPeriod period) {
  switch (period) {
    case TrajectoryPeriod::Day: return std::uint64_t{calendar.days} + calendar.weeks();
    case TrajectoryPeriod::Week: return calendar.weeks();
    case TrajectoryPeriod::Month: return calendar.months();
    case TrajectoryPeriod::Off: break;
  }
  return 0;
}

std::uint64_t trajectory_bytes(const TrajectoryCalendar& calendar, TrajectoryPeriod period, std::size_t series,
                               std::uint32_t replications) {
  return recorded_periods(calendar, period) * series * replications * sizeof(float);
}

TrajectoryChoice choose_trajectory_period(const TrajectoryCalendar& calendar,
                                          std::optional<TrajectoryPeriod> requested, std::size_t series,
                                          std::uint32_t replications) {
  const std::string how = "; run.trajectory_period or --trajectories day|week|month|off chooses";
  const auto memory = [&](TrajectoryPeriod period, std::uint64_t bytes) {
    return "about " + in_gigabytes(bytes) + " in memory (" + with_commas(recorded_periods(calendar, period)) +
           " periods x " + with_commas(series) + " series x " + with_commas(replications) + " replications x 4 bytes)";
  };
  if (requested) {
    TrajectoryChoice choice{*requested, ""};
    const std::uint64_t bytes = trajectory_bytes(calendar, *requested, series, replications);
    if (bytes > kTrajectoryMemoryWarning) {
      choice.notice = "trajectories by " + std::string(model::trajectory_period_name(*requested)) + " will hold " +
                      memory(*requested, bytes) + "; a coarser period or \"off\" needs less" + how;
    }
    return choice;
  }
  // The finest period within both bounds; each one passed over is said with its reason.
  std::string passed_over;
  for (const TrajectoryPeriod period : {TrajectoryPeriod::Day, TrajectoryPeriod::Week, TrajectoryPeriod::Month}) {
    const std::string name = model::trajectory_period_name(period);
    const std::uint32_t periods = period == TrajectoryPeriod::Day    ? calendar.days
                                  : period == TrajectoryPeriod::Week ? calendar.weeks()
                                                                     : calendar.months();
    const std::uint64_t bytes = trajectory_bytes(calendar, period, series, replications);
    if (periods <= kMaxAutoTrajectoryPeriods && bytes <= kTrajectoryMemoryWarning) {
      if (passed_over.empty()) return {period, ""};
      return {period, "trajectories by " + name + ", not day (" + passed_over + ")" + how};
    }
    passed_over += (passed_over.empty() ? "by " : "; by ") + name + ": " +
                   (periods > kMaxAutoTrajectoryPeriods
                        ? with_commas(periods) + " " + name + "s, more than " +
                              std::to_string(kMaxAutoTrajectoryPeriods) + " per series"
                        : memory(period, bytes) + ", more than 1 GiB");
  }
  return {TrajectoryPeriod::Off, "trajectories off (" + passed_over + ")" + how};
}

}  // namespace carepath::stats
