// SPDX-License-Identifier: MIT
// Sizes of a run's largest result files, estimated from the scenario and the run's settings
// before anything is simulated, so that a run about to write gigabytes says so while it can still
// be stopped, with what makes the file smaller. The files themselves are written by
// results_writer.cpp (results_csv.cpp, trajectory_files.cpp).
#pragma once

#include <carepath/model/scenario.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace carepath::io {

/// A file estimated above this many bytes gets a warning.
inline constexpr std::uint64_t kLargeOutputBytes = 100'000'000;

/// One sentence per results file of a batch of `scenario` estimated above kLargeOutputBytes:
/// its name, its estimated size, what drives it and how to reduce it; with `variants`, that each
/// of them writes as much again; with `replication_trajectories` (run --replication-trajectories),
/// also replication_trajectories.csv.
[[nodiscard]] std::vector<std::string> large_output_warnings(const model::Scenario& scenario,
                                                             std::uint32_t replications,
                                                             model::TrajectoryPeriod period,
                                                             std::size_t variants = 0,
                                                             bool replication_trajectories = false);

}  // namespace carepath::io
