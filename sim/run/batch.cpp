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
#include <carepath/model/date_window.hpp>
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
#include <stdexcept>

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

model::WindowTimes window_times(const model::Scenario& scenario, const model::DateWindow& window) {
  model::WindowCheck check = model::check_window(scenario.start_date, scenario.run, window);
  if (!check.times) throw std::invalid_argument("window " + check.problem);
  return *check.times;
}

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
  engine::ReplicationControls controls{.trajectories = period, .stop = options.stop};
  if (options.window) {
    const model::WindowTimes times = window_times(scenario, *options.window);
    controls.measure_from = times.from;
    controls.measure_to = times.to;
    result.window = options.window;
  }
  const auto stopped = [&] { return options.stop != nullptr && options.stop->load(std::memory_order_relaxed); };
  // Progress calls are serialised so that a reporter sees `finished` rise one at a time.
  std::mutex progress_mutex;
  std::uint32_t finished = 0;
  const auto started = std::chrono::steady_clock::now();
  // The calling thread takes one of the arena's slots, so `threads` counts it.
  tbb::task_arena arena(static_cast<int>(result.threads));
  // Replications [begin, end) in parallel, each into its own slot of `into`; this rank's share of
  // them when shared, then every rank's.
  const auto run_into = [&](std::vector<stats::ReplicationResult>& into, const engine::ReplicationControls& with,
                            std::uint32_t begin, std::uint32_t end, bool counted) {
    into.resize(end);
    const ReplicationRange share = rank_share({begin, end}, options.ranks ? options.ranks->rank() : 0, result.ranks);
    try {
      arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::uint32_t>(share.begin, share.end, 1),
                          [&](const tbb::blocked_range<std::uint32_t>& range) {
                            for (std::uint32_t r = range.begin(); r != range.end(); ++r) {
                              if (stopped()) throw engine::Stopped();
                              into[r] = engine::run_replication(compiled, r, result.seed, with);
                              if (!cost_rates.empty()) stats::add_costs(cost_rates, into[r]);
                              if (counted && options.progress) {
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
      exchange_replications(*options.ranks, {scenario.name, result.seed, {begin, end}}, into);
    } catch (const RankFailed&) {
      // Ctrl-C reaches every rank: a rank that stopped for it is this one's interruption too.
      if (stopped()) throw Interrupted();
      throw;
    }
    if (counted && options.progress) {
      for (std::uint32_t r = 0; r < (end - begin) - (share.end - share.begin); ++r) options.progress(++finished, most);
    }
  };
  const auto run_range = [&](std::uint32_t begin, std::uint32_t end) {
    run_into(result.replications, controls, begin, end, true);
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
  // Each headline window is measured by the same replications run again: one recorder measures
  // one window, and the draws (keyed by seed and replication) are the same whatever is measured.
  for (const model::Headline& headline : scenario.headlines) {
    if (!headline.window || headline.window == result.window) continue;
    const auto known = std::find_if(result.headline_windows.begin(), result.headline_windows.end(),
                                    [&](const WindowedResults& w) { return w.window == *headline.window; });
    if (known != result.headline_windows.end()) continue;
    const model::WindowTimes times = window_times(scenario, *headline.window);
    const engine::ReplicationControls windowed{.trajectories = model::TrajectoryPeriod::Off,
                                               .stop = options.stop,
                                               .measure_from = times.from,
                                               .measure_to = times.to};
    WindowedResults& w = result.headline_windows.emplace_back();
    w.window = *headline.window;
    run_into(w.replications, windowed, 0, static_cast<std::uint32_t>(result.replications.size()), false);
    w.summary = stats::summarise(result.labels, w.replications);
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
