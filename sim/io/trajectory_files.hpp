// SPDX-License-Identifier: MIT
// The two trajectory files of a results folder: trajectories.csv, tidy (one row per period,
// series), and trajectories.json, column-oriented for charts. Both come from the bands of
// stats::TrajectorySummary (sim/stats/trajectory_summary.cpp) and are written by
// results_writer.cpp. Values were recorded as float, so they are printed as the shortest text
// that reads back as the same float: 0.1, not 0.10000000149011612.
#pragma once

#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <nlohmann/json.hpp>

#include <ostream>
#include <vector>

namespace carepath::io {

/// Header: period,start,iso_week,days,kind,name,metric,unit,mean,p5,p25,p50,p75,p95,n (empty cell: NaN).
void write_trajectories_csv(const stats::TrajectorySummary& trajectories, std::ostream& out);

/// Every replication's own values of the coarse period recorded (weeks, or months), one row per
/// replication, period and series: replication,period,start,days,kind,name,metric,unit,value
/// (empty cell: NaN), so that an analyst can take any window or statistic. Days are left out:
/// they would make the file 7 times larger; weeks are what a planner's windows are made of.
void write_replication_trajectories_csv(const stats::TrajectorySummary& trajectories,
                                        const std::vector<stats::ReplicationResult>& replications, std::ostream& out);

/// { "start_date", "day": {start, iso_week, days}, "week": {...}, "series": [...] }; NaN is null.
[[nodiscard]] nlohmann::ordered_json trajectories_json(const stats::TrajectorySummary& trajectories);

}  // namespace carepath::io
