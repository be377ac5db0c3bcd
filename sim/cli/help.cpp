// SPDX-License-Identifier: MIT
#include "cli/help.hpp"

#include <carepath/version.hpp>

namespace carepath::cli {

namespace {

constexpr const char* kOverview = R"help(usage: carepath <command> [options] SCENARIO

Simulates care pathways described in a scenario file (JSON).

commands:
  run SCENARIO        simulate every replication (base and what-if variants), write the results folder
  sweep SCENARIO      run one service or source key over a range of values, against goals
  calibrate FILE      run a calibration file's scenario against its documented figures
  validate SCENARIO   check a scenario file without simulating
  graph SCENARIO      print the service graph as Graphviz DOT
  help [COMMAND]      show this help, or a command's

options:
  -h, --help          show help (after a command: that command's help)
  --version           print the version, the git commit and the scenario format version

exit status: 0 success, 2 bad input or usage, 1 internal error, 130 interrupted (Ctrl-C)
)help";

constexpr const char* kRunHelp = R"help(usage: carepath run SCENARIO [options]

Simulates SCENARIO and writes summary.json, summary_services.csv, summary_system.csv,
replications.csv, trajectories.csv and trajectories.json. The folder is built beside its final place and renamed in only when complete,
replacing an earlier results folder; any other existing folder is left alone (an error).
Prints a summary table to stdout; progress, warnings and errors go to stderr. Ctrl-C (or
SIGTERM) stops the run: no results are written, an earlier folder stays as it was, exit status 130.

With "variants" in the scenario, each variant is run too, with the same seed (common random
numbers), into DIR/variants/<name>/ (the same files), and the paired differences variant - base,
with 95% confidence intervals, go to DIR/comparison.csv and DIR/comparison.json; the headline
differences are printed after the table.

options:
  --out DIR           results folder (default: results/<scenario name>, from here)
  --variant NAME      run only this variant (repeatable); default: every variant
  --no-variants       run the base scenario alone
  --replications N    override run.replications (1 to 1000000)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --quiet             print no progress, no table and no "wrote" line (warnings and errors still show)
  -h, --help          show this help
)help";

constexpr const char* kSweepHelp = R"help(usage: carepath sweep SCENARIO --set PATH=FROM:TO:STEP [options]

Runs SCENARIO once per value of one key, FROM to TO by STEP, every value with the same seed
(common random numbers). PATH is services.<name>.<key> or arrivals.<name>.<key>, such as
services.clinic.capacity, services.ward.service_time_scale or arrivals.referrals.scale; values
are integers when FROM, TO and STEP are. With goals, prints for each value the share of
replications meeting every goal, and the smallest value meeting them in at least --share of
replications. Writes sweep.csv and sweep.json to results/<scenario name>-sweep-<PATH>/ (beside
the run's results folder, which `carepath run` replaces whole).

options:
  --set PATH=FROM:TO:STEP   the key and its values (required)
  --goal 'KIND.NAME.METRIC>=VALUE'   a goal per replication (repeatable): KIND is service or
                      pathway (then NAME) or system ('system.time_in_system_mean<=5'); >=, <=, >, <
  --share S           share of replications that must meet every goal (default 0.9)
  --out DIR           output folder
  --replications N    override run.replications (1 to 1000000)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --quiet             print no table and no "wrote" line
  -h, --help          show this help
)help";

constexpr const char* kCalibrateHelp = R"help(usage: carepath calibrate CALIBRATION.json [options]

Runs the base of the scenario that CALIBRATION.json names (no variants; path relative to the
calibration file) and compares each documented figure with the simulation: per replication, the
sum, mean (over days with a value) or last value of a per-day trajectory metric over [from, to],
then across replications the mean and its 95% Student-t CI. A figure is inside when
|mean - observed| <= tolerance. Prints a table and "N of M figures inside their tolerance"; exit
status 0 even when some are outside (it is a report), 2 for a bad file. Writes calibration.csv and
calibration.json to results/<scenario name>-calibration/.

options:
  --out DIR           output folder
  --replications N    override run.replications (1 to 1000000)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --quiet             print only the "N of M" line (no table, no "wrote" line)
  -h, --help          show this help
)help";

constexpr const char* kValidateHelp = R"help(usage: carepath validate SCENARIO

Checks SCENARIO the way `carepath run` would (syntax, every field, the service graph) and
prints every problem found, one per line, or "SCENARIO: ok (...)". Nothing is simulated.

options:
  -h, --help          show this help
)help";

constexpr const char* kGraphHelp = R"help(usage: carepath graph SCENARIO [--out FILE]

Prints the service graph of SCENARIO as Graphviz DOT: arrival sources, services with their
capacity and mean service time, routes with their probability, and the exit.
Render it with, for example: carepath graph s.json | dot -Tsvg > s.svg

options:
  --out FILE          write to FILE (replaced in one step) instead of stdout
  -h, --help          show this help
)help";

}  // namespace

std::string help_text(std::optional<Command> topic) {
  if (!topic) return kOverview;
  switch (*topic) {
    case Command::Run: return kRunHelp;
    case Command::Sweep: return kSweepHelp;
    case Command::Calibrate: return kCalibrateHelp;
    case Command::Validate: return kValidateHelp;
    case Command::Graph: return kGraphHelp;
    case Command::Help:
    case Command::Version: break;
  }
  return kOverview;
}

std::string version_text() {
  return "carepath " + std::string(version()) + " (commit " + std::string(build_commit()) + ", scenario format " +
         std::string(scenario_format_version()) + ")";
}

}  // namespace carepath::cli
