// SPDX-License-Identifier: MIT
// What `carepath --help` and `carepath <command> --help` print: the usage line, what the command
// does, and each option with its default. The options listed here are the ones options.cpp
// accepts; keep the two in step.
#pragma once

#include <optional>
#include <string>

#include "cli/options.hpp"

namespace carepath::cli {

/// Help for one command, or the overview when `topic` is empty.
[[nodiscard]] std::string help_text(std::optional<Command> topic);

/// "carepath 0.2.0 (commit 699ae25..., scenario format 1.1)".
[[nodiscard]] std::string version_text();

}  // namespace carepath::cli
