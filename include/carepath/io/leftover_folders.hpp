// SPDX-License-Identifier: MIT
// Staging folders left beside an output folder by a run that did not finish (killed, out of
// memory, a second Ctrl-C). atomic_dir.cpp names them `.<name>.tmp-<pid>-<random>` (a run's
// files being written) and `.<name>.old-<pid>-<random>` (the previous results on their way out).
// The next run into the same place removes those whose process has ended and which are carepath's
// (they hold its marker, folder_marker.hpp, or nothing at all); anything else with such a name is
// left alone and reported, so the user sees what it is.
#pragma once

#include <filesystem>
#include <vector>

namespace carepath::io {

struct Leftovers {
  std::vector<std::filesystem::path> removed;  ///< Of ended runs: deleted.
  std::vector<std::filesystem::path> kept;     ///< Of a live process, or not marked as carepath's.
};

/// Looks beside `target` for staging folders of earlier runs into it and removes the stale ones.
/// Never throws: a leftover that cannot be removed is reported as kept.
[[nodiscard]] Leftovers clean_leftovers(const std::filesystem::path& target) noexcept;

}  // namespace carepath::io
