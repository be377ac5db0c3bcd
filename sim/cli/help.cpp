// SPDX-License-Identifier: MIT
#include "cli/help.hpp"

namespace carepath::cli {

namespace {

constexpr const char* kOverview = R"help(usage: carepath <command> [options] SCENARIO

Simulates care pathways described in a scenario file (JSON).

commands:
  run SCENARIO        simulate every replication and write the results folder
  validate SCENARIO   check a scenario file without simulating
  graph SCENARIO      print the service graph as Graphviz DOT
  help [COMMAND]      show this help, or a command's

options:
  -h, --help          show help (after a command: that command's help)
  --version           print the version

exit status: 0 success, 2 bad input or usage, 1 internal error, 130 interrupted (Ctrl-C)
)help";

constexpr const char* kRunHelp = R"help(usage: carepath run SCENARIO [options]

Simulates SCENARIO and writes summary.json, summary_services.csv, summary_system.csv,
replications.csv, trajectories.csv and trajectories.json. The folder is built beside its final place and renamed in only when complete,
replacing an earlier results folder; any other existing folder is left alone (an error).
Prints a summary table to stdout; progress, warnings and errors go to stderr. Ctrl-C (or
SIGTERM) stops the run: no results are written, an earlier folder stays as it was, exit status 130.

options:
  --out DIR           results folder (default: results/<scenario name>, from here)
  --replications N    override run.replications (1 to 1000000)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --quiet             print no progress, no table and no "wrote" line (warnings and errors still show)
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
    case Command::Validate: return kValidateHelp;
    case Command::Graph: return kGraphHelp;
    case Command::Help:
    case Command::Version: break;
  }
  return kOverview;
}

std::string version_text() { return std::string("carepath ") + CAREPATH_VERSION; }

}  // namespace carepath::cli
