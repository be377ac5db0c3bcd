// SPDX-License-Identifier: MIT
// A window is refused, not trimmed, when a date of it lies outside the run or it ends within the
// warm-up: a "winter" cut silently to a few weeks would answer another question. Starting in the
// warm-up is allowed with a notice, because the warm-up is the run's own rule of what to measure.
#include <carepath/model/date_window.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace carepath::model {
namespace {

std::string days_text(double days) {
  const double whole = std::round(days);
  if (std::abs(days - whole) < 1e-9) return std::to_string(static_cast<long>(whole)) + (whole == 1 ? " day" : " days");
  return std::to_string(days) + " days";
}

}  // namespace

WindowCheck check_window(const Date& start_date, const RunSettings& run, const DateWindow& window) {
  WindowCheck check;
  const double clock_offset = run.start_hour / 24;
  // The last calendar day the run reaches, as in stats::trajectory_calendar.
  const auto run_days = static_cast<long>(std::ceil(run.horizon + clock_offset));
  const Date last_day = date_after(start_date, run_days - 1);
  if (window.to < window.from) {
    check.problem = "ends before it starts (" + format_window(window) + ")";
    return check;
  }
  if (window.from < start_date || last_day < window.to) {
    check.problem = format_window(window) + " must lie within the run's days, " +
                    format_window({start_date, last_day});
    return check;
  }
  const SimTime from = std::max(0.0, days_between(start_date, window.from) - clock_offset);
  const SimTime to = std::min(run.horizon, days_between(start_date, window.to) + 1 - clock_offset);
  if (to <= run.warm_up) {
    check.problem = format_window(window) + " ends within the warm-up (the first " + days_text(run.warm_up) +
                    "), which is never measured";
    return check;
  }
  if (from < run.warm_up) {
    check.notice = format_window(window) + " starts within the warm-up (the first " + days_text(run.warm_up) +
                   "), which is never measured: it is measured from the warm-up's end";
  }
  check.times = WindowTimes{std::max(from, run.warm_up), to};
  return check;
}

}  // namespace carepath::model
