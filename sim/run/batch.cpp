// SPDX-License-Identifier: MIT
// Parallel replications with TBB. The scenario is checked and compiled once; each task then runs
// whole replications against the shared read-only CompiledModel and writes only its own slot of
// the results vector. Grain size 1, because replications are long and uneven. Folding into the
// summary happens afterwards, serially in replication order, so thread count and scheduling
// cannot change a single bit of the output. A set stop flag (Ctrl-C in the CLI) ends the batch
// with Interrupted: replications not yet started are skipped and running ones stop at their next
// check, so nothing partial is ever returned. The thread count is a task_arena the batch owns,
// never tbb::global_control, which is process-wide: two batches in one process (a notebook, a
// server, the Python module) would throttle each other. With BatchOptions::ranks, each block of
// replications is shared out by index among processes (run/replication_exchange.hpp): this one
// runs its share and receives the others', so the folding below sees the same vector.
#include <carepath/run/batch.hpp>

#include "engine/replication.hpp"
#include "engine/compile.hpp"
#include "model/graph_checks.hpp"
#include "run/replication_exchange.hpp"
#include "stats/costs.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

namespace carepath::run {

stats::TrajectoryChoice trajectory_choice(const model::Scenario& scenario, const BatchOptions& options) {
  if (!options.trajectories) return {model::TrajectoryPeriod::Off, ""};
  return stats::choose_trajectory_period(
      stats::trajectory_calendar(scenario.start_date, scenario.run.horizon, scenario.run.start_hour),
      options.trajectory_period ? options.trajectory_period : scenario.run.trajectory_period,
      stats::trajectory_series_count(scenario.services.size(), scenario.pathways.size(), scenario.resources.size()),
      options.replications.value_or(scenario.run.replications));
}

namespace {

// Ten replications a block: enough for a first half-width, few enough not to overshoot much.
constexpr std::uint32_t kPrecisionBlock = 10;

}  // namespace

BatchResult run_batch(const model::Scenario& scenario, const BatchOptions& options) {
  model::require_valid(scenario, scenario.name);
  const engine::CompiledModel compiled = engine::compile(scenario);

  BatchResult result;
  result.scenario_name = scenario.name;
  for (const auto& service : scenario.services) result.labels.services.push_back(service.name);
  for (const auto& pathway : scenario.pathways) {
    result.labels.pathways.push_back(pathway.name);
    result.labels.pathway_targets.push_back(pathway.target);
  }
  for (const auto& type : scenario.patient_types) result.labels.patient_types.push_back(type.name);
  const stats::ScenarioCostRates cost_rates = stats::cost_rates(scenario);
  if (!cost_rates.empty()) {
    result.labels.currency = scenario.currency;
    for (const auto& service : scenario.services) result.labels.costed.push_back(service.costs.any());
    for (const auto& pool : scenario.resources) result.labels.costed_resources.push_back(pool.costs.any());
  }
  for (const auto& pool : scenario.resources) {
    result.labels.resources.push_back(pool.name);
    result.labels.resource_units.push_back(pool.unit);
  }
  for (const auto& service : scenario.services) {
    if (service.sessions) result.labels.clinics.push_back(service.name);
  }
  result.seed = options.seed.value_or(scenario.run.seed);
  const std::uint32_t replications = options.replications.value_or(scenario.run.replications);
  const std::optional<model::Precision> precision =
      options.fixed_replications ? std::nullopt : (options.precision ? options.precision : scenario.run.precision);
  const std::uint32_t most = precision ? options.max_replications.value_or(replications) : replications;
  result.threads = options.threads > 0 ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  result.ranks = options.ranks != nullptr ? options.ranks->size() : 1;

  const model::TrajectoryPeriod period = trajectory_choice(scenario, options).period;
  const engine::ReplicationControls controls{.trajectories = period, .stop = options.stop};
  const auto stopped = [&] { return options.stop != nullptr && options.stop->load(std::memory_order_relaxed); };
  // Progress calls are serialised so that a reporter sees `finished` rise one at a time.
  std::mutex progress_mutex;
  std::uint32_t finished = 0;
  const auto started = std::chrono::steady_clock::now();
  // The calling thread takes one of the arena's slots, so `threads` counts it.
  tbb::task_arena arena(static_cast<int>(result.threads));
  // Replications [begin, end) in parallel, each into its own slot; this rank's share of them when shared.
  const auto run_range = [&](std::uint32_t begin, std::uint32_t end) {
    result.replications.resize(end);
    const ReplicationRange share = rank_share({begin, end}, options.ranks ? options.ranks->rank() : 0, result.ranks);
    try {
      arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::uint32_t>(share.begin, share.end, 1),
                          [&](const tbb::blocked_range<std::uint32_t>& range) {
                            for (std::uint32_t r = range.begin(); r != range.end(); ++r) {
                              if (stopped()) throw engine::Stopped();
                              result.replications[r] = engine::run_replication(compiled, r, result.seed, controls);
                              if (!cost_rates.empty()) stats::add_costs(cost_rates, result.replications[r]);
                              if (options.progress) {
                                const std::lock_guard lock(progress_mutex);
                                options.progress(++finished, most);
                              }
                            }
                          });
      });
    } catch (const engine::Stopped&) {
      throw Interrupted();
    }
    if (stopped()) throw Interrupted();
    if (result.ranks == 1) return;
    try {
      exchange_replications(*options.ranks, {scenario.name, result.seed, {begin, end}}, result.replications);
    } catch (const RankFailed&) {
      // Ctrl-C reaches every rank: a rank that stopped for it is this one's interruption too.
      if (stopped()) throw Interrupted();
      throw;
    }
    if (options.progress) {
      for (std::uint32_t r = 0; r < (end - begin) - (share.end - share.begin); ++r) options.progress(++finished, most);
    }
  };
  if (!precision) {
    run_range(0, replications);
  } else {
    // Blocks by replication index, checked serially after each: the same stopping point on any
    // number of threads.
    const stats::PrecisionRule rule{.target = *precision, .block = kPrecisionBlock, .cap = most};
    const std::vector<stats::HeadlineKpi> headlines = stats::headline_kpis(scenario, result.labels);
    std::uint32_t run = 0;
    do {
      const std::uint32_t next = std::min(most, run + rule.block);
      run_range(run, next);
      run = next;
      result.precision = stats::assess_precision(headlines, result.labels, result.replications, rule);
    } while (!result.precision->reached && run < most);
    // Stopped before the cap: the bar ends full rather than at run / most.
    if (options.progress && run < most) options.progress(run, run);
  }
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.summary = stats::summarise(result.labels, result.replications);
  if (period != model::TrajectoryPeriod::Off) {
    // The trajectory bands are folded in parallel (stats/trajectory_summary.cpp), in the batch's arena.
    arena.execute([&] {
      result.trajectories = stats::summarise_trajectories(
          stats::trajectory_calendar(scenario.start_date, scenario.run.horizon, scenario.run.start_hour),
          result.labels, result.replications);
    });
  }
  return result;
}

}  // namespace carepath::run
