// SPDX-License-Identifier: MIT
// The command line, parsed. `carepath <command> [options] SCENARIO` becomes an Options value, or a
// UsageError naming the one thing wrong and the command whose --help explains it. Options may be
// written `--out DIR` or `--out=DIR`, in any order around the scenario; `--` ends them. Numbers
// are checked here, so a typo never reaches the simulator. What each command then does is in
// commands.hpp; the help texts are in help.cpp.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/ranks.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::cli {

enum class Command { Run, Rerun, Warmup, Sweep, Optimise, Calibrate, Validate, Graph, ImportPathsimr, Help, Version };

[[nodiscard]] std::string_view command_name(Command command);

struct Options {
  Command command = Command::Help;
  std::optional<Command> help_topic;  ///< For Help: the command asked about, or none for all.
  std::filesystem::path scenario;  ///< The scenario file; for calibrate, the calibration file; for rerun, the results folder.
  std::optional<std::filesystem::path> out;
  std::optional<std::uint32_t> replications;
  std::optional<std::uint64_t> seed;
  std::optional<unsigned> threads;
  bool quiet = false;
  bool strict = false;  ///< --strict: every warning about the scenario is an error (exit 2).
  std::vector<std::string> variants;  ///< run --variant NAME (repeatable): run only these variants.
  bool no_variants = false;           ///< run --no-variants: the base alone.
  /// run --trajectories day|week|month|off: overrides the scenario's run.trajectory_period.
  std::optional<model::TrajectoryPeriod> trajectories;
  std::vector<std::string> sets;      ///< sweep --set PATH=FROM:TO:STEP (repeatable: the grid), as written.
  std::optional<std::filesystem::path> points;  ///< sweep --points FILE.csv: one column per key, a row per point.
  std::vector<std::string> costs;     ///< sweep --cost PATH=PRICE (repeatable): the price of one unit of a key.
  std::vector<std::string> goals;     ///< sweep --goal 'KIND.NAME.METRIC>=VALUE' (repeatable), as written.
  std::optional<double> share;        ///< sweep --share: share of replications that must meet every goal.
  std::optional<double> confidence;   ///< sweep --confidence: one-sided confidence that every goal's mean is met.
  std::optional<double> budget;       ///< optimise --budget: the most a plan may cost.
  std::optional<double> tolerance;    ///< optimise --tolerance: the indifference zone, a share of each goal.
  std::optional<model::Precision> precision;  ///< run --precision: "5%" or an absolute half-width.
  std::optional<std::uint32_t> max_replications;  ///< run --max-replications: the cap with a precision.
  bool check = false;                 ///< rerun --check: say which inputs changed at their original place.
  std::optional<std::filesystem::path> original;  ///< rerun --scenario FILE: the original, moved (implies check).
  std::optional<unsigned> window;     ///< warmup --window: half-width of Welch's moving average, in days.
  /// run --window FROM:TO: measure and compare only these dates, both included (run/batch.hpp).
  std::optional<model::DateWindow> dates;
  bool replication_trajectories = false;  ///< run --replication-trajectories: write replication_trajectories.csv.
  std::vector<std::string> command_line;  ///< "carepath" and every argument, for provenance.json.
  /// Not from the command line: the ranks of an MPI launch (launch.hpp), set by main for the
  /// commands that share their replications among them (run, sweep, optimise).
  const run::Ranks* ranks = nullptr;
  /// import-pathsimr: `scenario` is the network template, this the calendar template.
  std::filesystem::path calendar;
  bool force = false;                 ///< import-pathsimr --force: replace a file carepath did not write.
  std::optional<std::string> time_unit;  ///< import-pathsimr --time-unit min|h|d|w.
};

/// Bad usage: what() is the one-line reason; help_command() is the command to point at ("" for
/// `carepath --help`).
class UsageError : public std::runtime_error {
 public:
  UsageError(const std::string& reason, std::string help_command)
      : std::runtime_error(reason), help_command_(std::move(help_command)) {}

  [[nodiscard]] const std::string& help_command() const noexcept { return help_command_; }

 private:
  std::string help_command_;
};

/// Parses the arguments after the program name.
[[nodiscard]] Options parse_options(const std::vector<std::string>& args);

}  // namespace carepath::cli
