// SPDX-License-Identifier: MIT
// Monte Carlo batches: many independent replications of one scenario, run in parallel. Each
// replication draws from random streams keyed by (seed, replication index, purpose), never by
// thread, so a batch is bit-identical whatever the thread count. With a precision, replications
// run in blocks of 10 by index until the headline KPIs are precise enough (stats/precision.hpp),
// which keeps that true.
//
//   auto scenario = carepath::io::load_scenario("scenarios/examples/mm1.json").scenario;
//   auto result = carepath::run::run_batch(scenario, {.threads = 4});
//   double w = result.summary.service("clinic").metric("wait_mean").mean;  // days
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/ranks.hpp>
#include <carepath/stats/precision.hpp>
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::run {

struct BatchOptions {
  std::optional<std::uint32_t> replications;  ///< Overrides the scenario's run.replications.
  std::optional<model::Precision> precision;  ///< Overrides run.precision (stats/precision.hpp).
  /// With a precision, the most replications run; default `replications`, then run.replications.
  std::optional<std::uint32_t> max_replications;
  /// Run exactly the replications asked for, whatever run.precision says: what-if variants
  /// run as many as their base, for pairing.
  bool fixed_replications = false;
  std::optional<std::uint64_t> seed;          ///< Overrides the scenario's run.seed.
  /// 0 means every core. The batch's own tbb::task_arena, so batches run at the same time in
  /// one process (a notebook, a server) do not limit each other.
  unsigned threads = 0;
  bool trajectories = true;                   ///< Record trajectories at all.
  /// Overrides the scenario's run.trajectory_period; with neither, chosen from the horizon.
  std::optional<model::TrajectoryPeriod> trajectory_period;
  /// Measure only these dates (--window): every statistic starts at the later of the first
  /// day's start and the warm-up's end, and is taken at the end of the last day; the run and its
  /// trajectories still go on to the horizon. Throws std::invalid_argument when the window is not
  /// within the run or ends within the warm-up (carepath/model/date_window.hpp words why).
  std::optional<model::DateWindow> window;
  /// Called after each replication with (finished, total), one call at a time, from any thread.
  std::function<void(std::uint32_t, std::uint32_t)> progress;
  /// When it becomes true, replications stop at their next check and run_batch throws Interrupted.
  /// The library never installs a signal handler; a program sets this flag from its own.
  const std::atomic<bool>* stop = nullptr;
  /// Several processes sharing the batch (an MPI launch, run/ranks.hpp): each runs its share of
  /// every block of replications and every one gets the whole result, identical to one process's.
  /// Every rank must call run_batch with the same scenario and options. None: this process alone.
  const Ranks* ranks = nullptr;
};

/// Thrown by run_batch when BatchOptions::stop was set: no result exists.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

/// The replications measured again over one headline's own window.
struct WindowedResults {
  model::DateWindow window;
  std::vector<stats::ReplicationResult> replications;  ///< Without trajectories.
  stats::Summary summary;
};

struct BatchResult {
  std::string scenario_name;
  stats::SummaryLabels labels;                ///< Service, pathway and patient-type names.
  std::uint64_t seed = 0;
  unsigned threads = 0;                       ///< Threads actually allowed (on each rank).
  unsigned ranks = 1;                         ///< Processes that shared the replications.
  double wall_seconds = 0;
  std::vector<stats::ReplicationResult> replications;  ///< In replication-index order.
  stats::Summary summary;
  stats::TrajectorySummary trajectories;      ///< Empty when BatchOptions::trajectories is false.
  std::optional<stats::PrecisionOutcome> precision;  ///< Set when replications were chosen by precision.
  std::optional<model::DateWindow> window;    ///< BatchOptions::window: the dates every statistic covers.
  /// One per distinct headline window (model::Headline::window) other than `window`, in the
  /// headlines' order: the same replications (seed, count) run again, measured over that window.
  /// Same seed, same draws: exactly the values a run with --window would give.
  std::vector<WindowedResults> headline_windows;
};

/// The trajectory period run_batch will use for `scenario` (Off when options.trajectories is
/// false), with the notice a program should show when it is not what the user asked for or costs
/// much memory. A program calls it before run_batch to say so before simulating.
[[nodiscard]] stats::TrajectoryChoice trajectory_choice(const model::Scenario& scenario, const BatchOptions& options);

/// Runs every replication of `scenario`; throws ScenarioError if the scenario fails its checks.
[[nodiscard]] BatchResult run_batch(const model::Scenario& scenario, const BatchOptions& options = {});

}  // namespace carepath::run
