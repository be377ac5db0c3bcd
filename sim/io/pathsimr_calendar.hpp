// SPDX-License-Identifier: MIT
// PathSimR's calendar template, read and checked against its network: rows
// `metric,node,start,end,value` where metric is `cap` (servers) or `ext_arr` (arrivals from
// outside per unit of time). The rows of one metric at one node are consecutive periods from 0;
// together they make a cycle that repeats for the whole run, as long as the last period's end. A
// node with one row and no end has that value throughout. Problems are located at their cell.
#pragma once

#include <carepath/io/pathsimr_csv.hpp>
#include "io/pathsimr_network.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace carepath::io {

struct PathsimrPeriod {
  double start = 0;
  double end = 0;  ///< Infinite for a constant value (one row, no end).
  double value = 0;
};

struct PathsimrCycle {
  std::vector<PathsimrPeriod> periods;  ///< In time order, each starting where the one before ends.
  std::size_t line = 0;                 ///< Of the period that ends the cycle, for messages.

  [[nodiscard]] bool constant() const noexcept { return periods.size() == 1; }
  [[nodiscard]] double length() const noexcept { return periods.back().end; }
};

struct PathsimrCalendar {
  std::map<std::string, PathsimrCycle> capacity;  ///< By node name; every service node has one.
  std::map<std::string, PathsimrCycle> arrivals;  ///< By node name; absent: no arrivals from outside.
};

[[nodiscard]] PathsimrCalendar read_pathsimr_calendar(std::string_view text, const std::string& file,
                                                      const PathsimrNetwork& network, const std::string& network_file,
                                                      std::vector<ImportProblem>& problems);

}  // namespace carepath::io
