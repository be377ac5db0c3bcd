// SPDX-License-Identifier: MIT
// Which carepath this is: the release (the project's VERSION in CMakeLists.txt) and the git
// commit it was built from, looked up at every build by cmake/git_commit.cmake ("-dirty" when
// tracked files had changes, "unknown" outside a git checkout). Results folders record both
// (io/provenance.hpp), and `carepath --version` prints them.
//
//   std::cout << "carepath " << carepath::version() << " (" << carepath::build_commit() << ")\n";
#pragma once

#include <string_view>

namespace carepath {

/// The release, such as "0.2.0"; README's "Versions" section says when each part is bumped.
[[nodiscard]] std::string_view version() noexcept;

/// The git commit built from, such as "699ae25...", "699ae25...-dirty" or "unknown".
[[nodiscard]] std::string_view build_commit() noexcept;

/// The scenario format's version: its major part rises when a valid scenario stops loading or
/// changes meaning, its minor part when keys are added.
[[nodiscard]] std::string_view scenario_format_version() noexcept;

}  // namespace carepath
