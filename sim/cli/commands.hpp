// SPDX-License-Identifier: MIT
// The commands themselves, once options.hpp has parsed the line: load the scenario (which throws
// ScenarioError with every problem), then simulate and write results, or only report, or draw
// the graph. Each returns its exit status; main.cpp turns exceptions into statuses and messages.
#pragma once

#include <carepath/error.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/options.hpp"

#include <carepath/io/provenance.hpp>

namespace carepath::cli {

/// The CLI contract's exit statuses; 130 is 128 + SIGINT, what a shell shows for Ctrl-C.
enum ExitStatus : int { kSuccess = 0, kInternalError = 1, kBadInput = 2, kInterrupted = 130 };

/// Prints each warning found in `source` to `err`; under --strict throws a ScenarioError with
/// every one of them as an error instead, so that nothing a warning names is run.
void report_warnings(const Options& options, const std::string& source, const std::vector<Diagnostic>& warnings,
                     std::ostream& err);

/// `carepath run`: base and variants (all, those named by --variant, or none with --no-variants);
/// the table and the headline differences to `out`, warnings, progress and "wrote DIR" to `err`.
/// Ctrl-C or SIGTERM makes it throw run::Interrupted before any results are written.
int run_command(const Options& options, std::ostream& out, std::ostream& err);

/// The body of `run`, shared with `rerun`: with `recorded`, the results folder records it (the
/// original run's inputs and command line) rather than this run's own.
int run_scenario(const Options& options, const io::Provenance* recorded, std::ostream& out, std::ostream& err);

/// `carepath rerun DIR`: runs DIR's copied inputs again with its recorded options into --out
/// (default DIR-rerun beside it) and says whether the new folder is identical apart from timing
/// fields; with --check, which inputs changed at their original place (rerun_command.cpp).
int rerun_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath warmup SCENARIO`: Welch's moving averages of the headline KPIs and an MSER-5 warm-up
/// (warmup_command.cpp).
int warmup_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath sweep`: a table of the goal metrics per value and the answer to `out`, "wrote DIR"
/// to `err` (sweep.cpp).
int sweep_command(const Options& options, std::ostream& out, std::ostream& err);
/// `carepath optimise`: the cheapest plan of integer capacities meeting every goal (optimise_command.cpp).
int optimise_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath calibrate`: the base run (and any variant a figure names) against a calibration file's
/// documented figures; input checks and behavioural targets as two tables, and
/// "N of M behavioural targets inside (...)" to `out`, "wrote DIR" to `err` (calibrate_command.cpp).
/// Exit status 0 even when figures are outside: it is a report.
int calibrate_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath validate`: "SCENARIO: ok (...)" to `out`, warnings to `err`.
int validate_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath graph`: DOT to `out`, or to --out FILE.
int graph_command(const Options& options, std::ostream& out, std::ostream& err);

/// `carepath import-pathsimr NETWORK CALENDAR`: a scenario from PathSimR's templates, to `out` or
/// --out FILE; warnings to `err` (import_pathsimr_command.cpp).
int import_pathsimr_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace carepath::cli
