// SPDX-License-Identifier: MIT
// Compares two results folders file by file, as `carepath rerun` does after running a folder
// again. Timing fields are the only allowed difference: "wall_seconds" in any JSON document and
// the "Wall time" item of report.html, and the number of processes ("ranks", and report.html's
// STRESS-DES item 5.4), since a folder made by mpirun is rerun as one process; everything else
// must match byte for byte.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace carepath::cli {

/// The files (relative paths, '/'-separated, sorted) that differ between folders `a` and `b`
/// apart from timing fields, including those present in only one of them.
[[nodiscard]] std::vector<std::string> differing_files(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace carepath::cli
