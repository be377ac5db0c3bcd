// SPDX-License-Identifier: MIT
// The commands themselves, once options.hpp has parsed the line: load the scenario (which throws
// ScenarioError with every problem), then simulate and write results, or only report, or draw
// the graph. Each returns its exit status; main.cpp turns exceptions into statuses and messages.
#pragma once

#include <iosfwd>

#include "cli/options.hpp"

namespace carepath::cli {

/// The CLI contract's exit statuses.
enum ExitStatus : int { kSuccess = 0, kInternalError = 1, kBadInput = 2 };

/// `carepath run`: base and variants (all, those named by --variant, or none with --no-variants);
/// the table and the headline differences to `out`, warnings and "wrote DIR" to `err`.
int run_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath sweep`: a table of the goal metrics per value and the answer to `out`, "wrote DIR"
/// to `err` (sweep.cpp).
int sweep_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath validate`: "SCENARIO: ok (...)" to `out`, warnings to `err`.
int validate_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath graph`: DOT to `out`, or to --out FILE.
int graph_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace carepath::cli
