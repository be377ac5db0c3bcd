// SPDX-License-Identifier: MIT
// The release number comes from CMakeLists.txt (CAREPATH_VERSION); build_commit() is defined in
// a file generated at every build by cmake/git_commit.cmake.
#include <carepath/version.hpp>

namespace carepath {

std::string_view version() noexcept { return CAREPATH_VERSION; }

std::string_view scenario_format_version() noexcept { return "1.1"; }

}  // namespace carepath
