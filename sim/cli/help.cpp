// SPDX-License-Identifier: MIT
#include "cli/help.hpp"

#include <carepath/version.hpp>

namespace carepath::cli {

namespace {

constexpr const char* kOverview = R"help(usage: carepath <command> [options] SCENARIO

Simulates care pathways described in a scenario file (JSON).

commands:
  run SCENARIO        simulate every replication (base and what-if variants), write the results folder
  rerun DIR           run a results folder again from its copied inputs; say what changed since
  warmup SCENARIO     Welch's moving averages of the headline KPIs and a warm-up proposed by MSER-5
  sweep SCENARIO      run keys over a range or grid of values, against goals and costs
  optimise SCENARIO   find the cheapest plan of capacities meeting every goal
  calibrate FILE      run a calibration file's scenario against its documented figures
  validate SCENARIO   check a scenario file without simulating
  graph SCENARIO      print the service graph as Graphviz DOT
  import-pathsimr NETWORK CALENDAR
                      a scenario from PathSimR's network and calendar templates (CSV)
  help [COMMAND]      show this help, or a command's

options:
  -h, --help          show help (after a command: that command's help)
  --version           print the version, the git commit and the scenario format version

exit status: 0 success, 2 bad input or usage (or an output folder that cannot be written or
replaced, a full disk, memory running out), 1 internal error, 130 interrupted (Ctrl-C)
)help";

constexpr const char* kRunHelp = R"help(usage: carepath run SCENARIO [options]

Simulates SCENARIO and writes summary.json, summary_services.csv, summary_system.csv,
replications.csv, trajectories.csv and trajectories.json (not with --trajectories off),
report.html, and provenance.json with a copy of the scenario and every CSV file it reads in
inputs/ (see carepath rerun). Before simulating it warns about any file it estimates above 100 MB.
The folder is built beside its final place and renamed in only when complete, replacing an
earlier results folder only while it holds nothing but the files carepath wrote (listed in its
hidden .carepath-results); any other existing folder is left alone (an error, before simulating).
Prints a summary table to stdout; progress, warnings and errors go to stderr. Ctrl-C (or
SIGTERM), even while the results are being written, stops the run: no results are written, an
earlier folder stays as it was, exit status 130.

With "variants" in the scenario, each variant is run too, with the same seed (common random
numbers), into DIR/variants/<name>/ (the same files), and the paired differences variant - base,
with 95% confidence intervals, go to DIR/comparison.csv and DIR/comparison.json; the headline
differences are printed after the table. Open DIR/report.html first: the headlines, an answer
card per variant, the planner's charts and every table, in one page.

options:
  --out DIR           results folder (default: results/<scenario name>, from here)
  --window FROM:TO    measure and compare only these dates, both included, such as a winter:
                      2022-12-01:2023-03-31 (within the run; a start within the warm-up is moved
                      to its end, with a warning); trajectories still cover the whole run
  --variant NAME      run only this variant (repeatable); default: every variant
  --no-variants       run the base scenario alone
  --replications N    override run.replications (1 to 1000000)
  --precision P       run replications in blocks of 10 until every headline KPI's 95% CI
                      half-width is within P: "5%" of its mean, or an absolute width such as
                      0.5 (in the KPI's unit); overrides run.precision; replications are capped
  --max-replications N  the cap with a precision (default: --replications or run.replications)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --trajectories P    override run.trajectory_period: day (days and weeks), week, month or off;
                      default: the finest with at most 1000 periods, said on stderr when coarser
  --replication-trajectories  also write replication_trajectories.csv: every replication's
                      weekly (or monthly) values, one row per replication, period and series
  --quiet             print no progress, no table and no "wrote" line (warnings and errors still show)
  -h, --help          show this help
)help";

constexpr const char* kRerunHelp = R"help(usage: carepath rerun DIR [--out NEW] [--check] [--scenario FILE]

Runs the results folder DIR again: its copied scenario and CSV inputs (DIR/inputs/) with the
command line and thread count recorded in DIR/provenance.json, into NEW (default: DIR-rerun
beside DIR). Then says "identical apart from timing fields" or names the files that differ.
Timing fields are wall_seconds and the report's wall time. A copy edited after the run is an
error. On the same carepath version and commit the new folder must be identical (exit status 1
otherwise); on another, a warning says figures may differ.

options:
  --out NEW           the new results folder (must not be DIR)
  --check             also say which inputs changed, or went missing, at their original place
                      since the run (the scenario's recorded absolute path and its CSVs beside it)
  --scenario FILE     like --check, with the scenario now at FILE (CSVs looked for beside it)
  --quiet             print no progress, no table and no "wrote" line
  -h, --help          show this help
)help";

constexpr const char* kWarmupHelp = R"help(usage: carepath warmup SCENARIO [options]

Runs the base of SCENARIO with no warm-up and, for each headline KPI (every pathway's
within-target share and every service's mean wait, per day), averages the replications day by
day, smooths the result with Welch's moving average and proposes a warm-up by MSER-5 (White
1997: batches of 5 days, the truncation minimising the marginal standard error, searched in the
first half of the run). The proposal is the largest over the KPIs. Writes warmup.csv (day, KPI,
its daily mean and moving average) and warmup.html (the plots, the proposals marked) to
results/<scenario name>-warmup/, and prints the proposal per KPI and overall. Meant for a
steady-state scenario; a scenario that starts from a real day's lists needs no warm-up.

options:
  --out DIR           output folder
  --replications N    override run.replications (1 to 1000000)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --window W          half-width of Welch's moving average in days (default: a twentieth of the
                      run, at least 1)
  --quiet             print only the proposal line
  -h, --help          show this help
)help";

constexpr const char* kSweepHelp = R"help(usage: carepath sweep SCENARIO --set PATH=FROM:TO:STEP [--set ...] [options]
       carepath sweep SCENARIO --points FILE.csv [options]

Runs SCENARIO once per point, every point with the same seed (common random numbers: replication
r of every point draws the same arrivals and service times wherever the points agree). A point
is a value of one key, FROM to TO by STEP; with --set repeated, every combination of the keys'
values (the full grid, the last key changing fastest); with --points, a row of FILE.csv, whose
header names the keys. PATH is services.<name>.<key>, arrivals.<name>.<key> or
resources.<name>.<key> (a shared pool), such as services.clinic.capacity,
services.ward.service_time_scale, arrivals.referrals.scale or resources.nurses.capacity_delta
(capacity_delta and capacity_scale keep a service's roster and dated changes; a flat capacity
replacing them is a warning); values are integers when FROM, TO and STEP are.
With goals, prints for each point the share of replications meeting every goal and the answer:
the cheapest point meeting every goal (by --cost, else the scenario's total cost; without costs
the smallest value, or the first point in grid order), its runner-up, and their difference,
paired by replication, with a 95% CI; when no point meets them, the closest to meeting them.
A point meets the goals when at least --share of its replications meet every goal, or with
--confidence C when each goal's one-sided confidence bound of the mean is beyond the goal
(Bonferroni over the goals, so all hold together with confidence C).
Writes sweep.csv (one column per key), sweep.json (with the answer) and provenance.json (with
inputs/) to results/<scenario name>-sweep-<PATHS>/ (the paths joined by '+'; the file's name for
--points), beside the run's results folder, which `carepath run` replaces whole.

options:
  --set PATH=FROM:TO:STEP   a key and its values (repeatable: the grid)
  --points FILE.csv   the points, one column per key, one row per point (instead of --set)
  --goal 'KIND.NAME.METRIC>=VALUE'   a goal per replication (repeatable): KIND is service,
                      pathway, resource or clinic (then NAME), system or cost
                      ('system.time_in_system_mean<=5'); >=, <=, >, <; '76%', '4h' or '18w'
  --cost PATH=PRICE   the price of one unit of a key ('services.ward.capacity=£1200'), repeatable;
                      a point's cost is the sum over keys of price x value, instead of the
                      scenario's total cost
  --share S           share of replications that must meet every goal (default 0.9)
  --confidence C      instead of --share: confidence that every goal's mean is met, such as 0.95
  --out DIR           output folder
  --replications N    override run.replications (1 to 1000000)
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --quiet             print no table and no "wrote" line
  -h, --help          show this help
)help";

constexpr const char* kOptimiseHelp = R"help(usage: carepath optimise SCENARIO --set PATH=LOW:HIGH:STEP [--set ...] --goal GOAL [...] [options]

Finds the cheapest plan of whole-number capacities, each --set key within its bounds (every
combination is a plan), within --budget, that meets every --goal. Every plan runs the same
replications with the same seed (common random numbers). Rounds of n replications, n from
--replications doubling up to --max-replications: each undecided plan runs n replications and each
goal is decided by a one-sided confidence bound of its mean (met, missed, or within --tolerance of
the goal, by the mean); a plan missing a goal is screened out, one dearer than two feasible plans
stops. The final choice is the cheapest feasible plan: by --cost exactly, or by the scenario's
total cost with Kim and Nelson's selection. With probability at least --confidence (for normal
replication means), the plan chosen is the cheapest feasible one whenever no goal's mean is within
the tolerance of its goal (README "Optimising"). Progress (plans screened, the best so far) goes to
stderr; Ctrl-C leaves no results. Writes optimise.json (the plan, its headline KPIs with 95% CIs,
the nearest alternatives, every plan), optimise.csv (one row per plan), optimise.html (cost
against each goal, one point per plan) and provenance.json to
results/<scenario name>-optimise/.

options:
  --set PATH=LOW:HIGH:STEP  a key and its whole-number bounds (repeatable), as for sweep
  --goal 'KIND.NAME.METRIC<=VALUE'   a goal on a metric's mean (repeatable, at least one)
  --cost PATH=PRICE   the price of one unit of a key (repeatable); without it, the scenario's costs
  --budget B          the most a plan may cost (without --cost: its mean total cost in the first round)
  --confidence C      the confidence of the answer (default 0.95)
  --tolerance T       the indifference zone, a share of each goal's value (default 0.05)
  --replications N    replications of the first round (default 10)
  --max-replications M  the most replications of any plan (default 320)
  --out DIR           output folder
  --seed S            override run.seed (0 to 2^64-1)
  --threads T         worker threads (default: every core); results do not depend on it
  --quiet             print nothing but errors
  --strict            every warning about the scenario is an error
  -h, --help          show this help
)help";

constexpr const char* kCalibrateHelp = R"help(usage: carepath calibrate CALIBRATION.json [options]

Runs the base of the scenario that CALIBRATION.json names (path relative to the calibration
file), and each variant a figure names, and compares each documented figure with the simulation:
per replication, the sum, mean (over days with a value), last or largest value, or the change
from the first to the last day, of a per-day trajectory metric over [from, to], then across
replications the mean and its 95% Student-t CI.
A figure is inside when |mean - observed| <= tolerance, or for a one-sided bound when the mean is
at most observed + tolerance (at_most) or at least observed - tolerance (at_least). Prints the
input checks (echoes of inputs) and the behavioural targets (in- or out-of-sample) apart, then
"N of M behavioural targets inside (K of L out-of-sample); I of J input checks inside"; exit
status 0 even when some are outside (it is a report), 2 for a bad file. Writes calibration.csv,
calibration.json and provenance.json (with inputs/) to results/<scenario name>-calibration/.

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

constexpr const char* kImportPathsimrHelp =
    R"help(usage: carepath import-pathsimr NETWORK.csv CALENDAR.csv [--out FILE] [--time-unit U] [--force] [--strict]

Maps a PathSimR model (its network template: routing probabilities, service distributions,
external and internal queue places, transfer delays; and its cyclic calendar: capacity and
arrival rates per node per period) onto a carepath scenario, checks it as `validate` would, and
prints it, or writes it to FILE in one step. What carepath does differently is said on stderr and
in the scenario's notes; what has no equivalent is an error (exit 2), as is every problem of the
templates, each as file:line:column: message.

options:
  --out FILE          write to FILE instead of stdout; an existing FILE is replaced only if
                      carepath import-pathsimr wrote it and it was not edited since
  --force             replace FILE whoever wrote it
  --time-unit U       what one unit of PathSimR time is: min, h, d (the default, with a warning) or w
  --strict            refuse (exit 2) instead of warning when something had to change on the way
  -h, --help          show this help
)help";

}  // namespace

std::string help_text(std::optional<Command> topic) {
  if (!topic) return kOverview;
  switch (*topic) {
    case Command::Run: return kRunHelp;
    case Command::Rerun: return kRerunHelp;
    case Command::Warmup: return kWarmupHelp;
    case Command::Sweep: return kSweepHelp;
    case Command::Optimise: return kOptimiseHelp;
    case Command::Calibrate: return kCalibrateHelp;
    case Command::Validate: return kValidateHelp;
    case Command::Graph: return kGraphHelp;
    case Command::ImportPathsimr: return kImportPathsimrHelp;
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
