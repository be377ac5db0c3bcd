// SPDX-License-Identifier: MIT
#include "cli/commands.hpp"

#include <carepath/io/durable_file.hpp>
#include <carepath/io/graph_dot.hpp>
#include <carepath/io/output_size.hpp>
#include <carepath/io/provenance.hpp>
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/model/date_window.hpp>
#include <carepath/model/suggest.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/stats/warm_up_proposal.hpp>

#include "cli/interrupt.hpp"
#include "cli/output_folder.hpp"
#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <new>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::cli {

namespace {

// Warnings name the scenario as the user typed it, like the errors do.
io::LoadedScenario load_and_warn(const Options& options, std::ostream& err) {
  io::LoadedScenario loaded = io::load_scenario(options.scenario);
  report_warnings(options, options.scenario.string(), loaded.warnings, err);
  return loaded;
}

io::LoadedScenarioSet load_set_and_warn(const Options& options, std::ostream& err) {
  io::LoadedScenarioSet loaded = io::load_scenario_set(options.scenario);
  report_warnings(options, options.scenario.string(), loaded.warnings, err);
  return loaded;
}

// --variant NAME picks variants (in the file's order); --no-variants none; neither, all of them.
std::vector<model::ScenarioVariant> chosen_variants(const Options& options, std::vector<model::ScenarioVariant> all) {
  if (options.no_variants) return {};
  if (options.variants.empty()) return all;
  std::vector<std::string> known;
  for (const auto& v : all) known.push_back(v.name);
  for (const std::string& name : options.variants) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw UsageError("--variant: " + model::unknown_name_message("variant", name, known), "run");
    }
  }
  std::vector<model::ScenarioVariant> chosen;
  for (auto& v : all) {
    if (std::find(options.variants.begin(), options.variants.end(), v.name) != options.variants.end()) {
      chosen.push_back(std::move(v));
    }
  }
  return chosen;
}

std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// A deadlock is a finding about the scenario, not a failure of the run: say so where it is seen.
void warn_about_deadlocks(const run::BatchResult& result, std::ostream& err) {
  if (result.summary.deadlocked_replications == 0) return;
  for (std::size_t r = 0; r < result.replications.size(); ++r) {
    const auto& deadlock = result.replications[r].deadlock;
    if (!deadlock) continue;
    err << "warning: " << result.summary.deadlocked_replications << " of "
        << counted(result.replications.size(), "replication") << " stopped in deadlock; the first, replication " << r
        << ", at day " << deadlock->time << ", between";
    for (std::uint32_t s : deadlock->services) err << " '" << result.labels.services.at(s) << "'";
    err << " (every bed there holds a patient blocked by another of them)\n";
    return;
  }
}

// Said before simulating, never silently: a trajectory period coarser than days when the user
// chose none, or a chosen one that will cost much memory. Variants change services and arrivals,
// never the run settings, so the base's choice is theirs too.
model::TrajectoryPeriod say_trajectory_choice(const model::Scenario& base, const run::BatchOptions& batch,
                                              std::ostream& err) {
  const bool asked = batch.trajectory_period || base.run.trajectory_period;
  const stats::TrajectoryChoice choice = run::trajectory_choice(base, batch);
  if (!choice.notice.empty()) err << (asked ? "warning: " : "note: ") << choice.notice << '\n';
  return choice.period;
}

// --window is checked before simulating: dates outside the run, or a window within the warm-up,
// are bad usage; one starting within the warm-up is measured from its end, which is said (and is
// an error under --strict, like every other quiet change of what was asked).
void say_window(const Options& options, const model::Scenario& base, const model::DateWindow& window, std::ostream& err) {
  const model::WindowCheck check = model::check_window(base.start_date, base.run, window);
  if (!check.problem.empty()) throw UsageError("--window: " + check.problem, "run");
  if (check.notice.empty()) return;
  if (options.strict) throw UsageError("--window: " + check.notice + " (an error under --strict)", "run");
  err << "warning: --window: " << check.notice << '\n';
}

// A steady-state scenario's warm-up is checked by MSER-5 on the run's own daily results, which
// cover the warm-up too: no extra simulation. A scenario that starts from a real day's lists is
// not steady-state, and MSER-5 would only misread its seasons, so it is checked only when the
// scenario says run.steady_state (README "Warm-up").
void warn_about_warm_up(const std::filesystem::path& file, const model::Scenario& scenario,
                        const run::BatchResult& result, std::ostream& err) {
  const stats::WarmUpProposal proposal =
      stats::propose_warm_up(result.trajectories, result.labels, stats::default_headlines(result.labels));
  if (static_cast<double>(proposal.days) <= scenario.run.warm_up) return;
  err << file.string() << ": /run/warm_up: warning: is " << scenario.run.warm_up << " days, shorter than the "
      << proposal.days << " days MSER-5 proposes from this run's daily headline KPIs (see carepath warmup "
      << file.string() << ")\n";
}

}  // namespace

void report_warnings(const Options& options, const std::string& source, const std::vector<Diagnostic>& warnings,
                     std::ostream& err) {
  if (!options.strict) {
    for (const Diagnostic& warning : warnings) err << format_diagnostic(source, warning) << '\n';
    return;
  }
  if (warnings.empty()) return;
  std::vector<Diagnostic> errors;
  for (const Diagnostic& warning : warnings) {
    Diagnostic error = warning;
    error.severity = Severity::Error;
    error.message += " (an error under --strict)";
    errors.push_back(std::move(error));
  }
  throw ScenarioError(source, std::move(errors));
}

int run_command(const Options& options, std::ostream& out, std::ostream& err) {
  return run_scenario(options, nullptr, out, err);
}

int run_scenario(const Options& options, const io::Provenance* recorded, std::ostream& out, std::ostream& err) {
  // First, so that a Ctrl-C at any moment of the run ends it the same way.
  const std::atomic<bool>& interrupted = install_interrupt_handler();
  io::LoadedScenarioSet loaded = load_set_and_warn(options, err);
  const std::vector<model::ScenarioVariant> variants = chosen_variants(options, std::move(loaded.variants));
  const std::filesystem::path dir =
      options.out.value_or(std::filesystem::path("results") / loaded.base.name);
  // Before simulating, so a wrong or unwritable --out costs nothing; write_results checks again.
  prepare_output_folder(dir, io::kResultsMainFile, err, options.ranks);

  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.seed = options.seed;
  batch.threads = options.threads.value_or(0);
  batch.stop = &interrupted;
  batch.ranks = options.ranks;
  batch.trajectory_period = options.trajectories;
  if (options.dates) {
    batch.window = options.dates;
    say_window(options, loaded.base, *options.dates, err);
  }
  const model::TrajectoryPeriod period = say_trajectory_choice(loaded.base, batch, err);
  for (const std::string& warning :
       io::large_output_warnings(loaded.base, options.replications.value_or(loaded.base.run.replications), period,
                                 variants.size(), options.replication_trajectories)) {
    err << "warning: " << warning << '\n';
  }
  batch.precision = options.precision;
  batch.max_replications = options.max_replications;
  if (options.max_replications && !options.precision && !loaded.base.run.precision) {
    throw UsageError("--max-replications needs a precision (--precision or run.precision); without one, use --replications",
                     "run");
  }
  std::optional<ProgressReporter> progress;
  // The base and each variant run one after the other, with the same number of replications: one
  // bar for all of them.
  const auto batches = static_cast<std::uint32_t>(1 + variants.size());
  std::uint32_t finished_batches = 0;
  if (!options.quiet) {
    progress.emplace(err, &err == &std::cerr && ::isatty(STDERR_FILENO) == 1);
    batch.progress = [&](std::uint32_t done, std::uint32_t total) {
      progress->update(finished_batches * total + done, batches * total);
      if (done == total) ++finished_batches;
    };
  }
  const std::uint32_t replications = options.replications.value_or(loaded.base.run.replications);
  const auto out_of_memory_while = [&](std::string_view doing) {
    return out_of_memory(doing, loaded.base, replications, 1 + variants.size(), batch.trajectories);
  };
  std::optional<run::ComparisonResult> compared;
  try {
    compared = run::run_comparison(loaded.base, variants, batch);
  } catch (const std::bad_alloc&) {
    throw out_of_memory_while("simulating");
  }
  const run::ComparisonResult& result = *compared;
  if (interrupted.load(std::memory_order_relaxed)) throw run::Interrupted();

  const io::Provenance provenance =
      recorded != nullptr ? *recorded
                          : io::make_provenance(options.scenario, loaded.text, loaded.csv_files, options.command_line);
  try {
    // A Ctrl-C from here until the folder is in place still means "no results" (AtomicDir).
    write_output(
        dir,
        [&] {
          io::write_results(loaded.base, variants, result, dir, &provenance, &interrupted,
                            options.replication_trajectories);
        },
        options.ranks);
  } catch (const std::bad_alloc&) {
    throw out_of_memory_while("writing the results");
  }
  warn_about_deadlocks(result.base, err);
  warn_about_non_finite(result.base, "", err);
  if (loaded.base.run.steady_state) warn_about_warm_up(options.scenario, loaded.base, result.base, err);
  for (const run::NamedBatch& variant : result.variants) {
    if (variant.result.summary.deadlocked_replications > 0) err << "variant '" << variant.name << "': ";
    warn_about_deadlocks(variant.result, err);
    warn_about_non_finite(variant.result, "variant '" + variant.name + "': ", err);
  }
  if (!options.quiet) {
    io::print_summary_table(result.base, out);
    io::print_cost_table(result.base, out);
    if (result.base.precision) io::print_precision(*result.base.precision, out);
    io::print_headlines(loaded.base.headlines, variants, result, out);
    // Last, where the eye lands: the one file to open next.
    out << "\nReport: " << (dir / io::kReportHtmlFile).string() << '\n';
    err << "wrote " << dir.string() << '\n';
  }
  return kSuccess;
}

int validate_command(const Options& options, std::ostream& out, std::ostream& err) {
  const io::LoadedScenario loaded = load_and_warn(options, err);
  out << options.scenario.string() << ": ok (" << counted(loaded.scenario.services.size(), "service")
      << ", " << counted(loaded.scenario.arrivals.size(), "arrival source");
  if (!loaded.scenario.resources.empty()) out << ", " << counted(loaded.scenario.resources.size(), "shared pool");
  out << ")\n";
  return kSuccess;
}

int graph_command(const Options& options, std::ostream& out, std::ostream& err) {
  const io::LoadedScenario loaded = load_and_warn(options, err);
  if (!options.out) {
    io::write_graph_dot(loaded.scenario, out);
    return kSuccess;
  }
  std::ostringstream dot;
  io::write_graph_dot(loaded.scenario, dot);
  io::write_file_atomically(*options.out, dot.str());
  err << "wrote " << options.out->string() << '\n';
  return kSuccess;
}

}  // namespace carepath::cli
