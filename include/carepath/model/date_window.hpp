// SPDX-License-Identifier: MIT
// Comparison windows in run time. A window of dates (model::DateWindow, both ends included) covers
// run time from the midnight that starts its first day to the midnight that ends its last
// (time.hpp: one unit a day; time 0 is run.start_time on the start date), cut to the run. The
// statistics of a windowed run start at the later of that and the warm-up's end
// (engine/replication.cpp), so a window never measures the warm-up. Read by run/batch.cpp, by the
// loader for a headline's "window" (io/headlines_json.cpp) and by the CLI for --window.
#pragma once

#include <carepath/model/calendar.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/time.hpp>

#include <optional>
#include <string>

namespace carepath::model {

/// Run time [from, to) measured for a window.
struct WindowTimes {
  SimTime from = 0;
  SimTime to = 0;
};

struct WindowCheck {
  std::optional<WindowTimes> times;  ///< Unset when the window cannot be measured.
  std::string problem;  ///< Why not: "must lie within the run's days, 2025-10-01 to 2026-03-31".
  std::string notice;   ///< Set when the window starts in the warm-up, which it then leaves out.
};

/// What `window` measures in a run from `start_date` with `run`'s horizon, start time and warm-up.
[[nodiscard]] WindowCheck check_window(const Date& start_date, const RunSettings& run, const DateWindow& window);

}  // namespace carepath::model
