// SPDX-License-Identifier: MIT
// `carepath warmup SCENARIO`: the base run with no warm-up, then per headline KPI its daily mean
// across replications, Welch's moving average of it and MSER-5's truncation
// (stats/warm_up_proposal.hpp). Writes warmup.csv (tidy: day, kpi, unit, mean, moving_average)
// and warmup.html (one self-contained page of line charts in the report's style, the proposal
// marked), with provenance.json and inputs/ as in a run's folder, into results/<name>-warmup/,
// replaced as one folder like every results folder.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"

#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/csv_text.hpp>
#include <carepath/io/durable_file.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/io/provenance.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/report/warmup_page.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/mser.hpp>
#include <carepath/stats/warm_up_proposal.hpp>

#include <algorithm>
#include <ostream>

namespace carepath::cli {

namespace {

constexpr const char* kWarmupCsvFile = "warmup.csv";
constexpr const char* kWarmupHtmlFile = "warmup.html";

std::string days_text(std::size_t days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

void write_csv(const stats::WarmUpProposal& proposal, const std::vector<std::vector<double>>& smoothed,
               std::ostream& out) {
  out << "day,kpi,unit,mean,moving_average\n";
  for (std::size_t k = 0; k < proposal.kpis.size(); ++k) {
    const stats::KpiWarmUp& kpi = proposal.kpis[k];
    for (std::size_t d = 0; d < kpi.daily_mean.size(); ++d) {
      const double average = d < smoothed[k].size() ? smoothed[k][d] : std::numeric_limits<double>::quiet_NaN();
      out << d << ',' << io::csv_text(kpi.name) << ',' << io::csv_text(kpi.unit) << ','
          << io::format_shortest(kpi.daily_mean[d]) << ',' << io::format_shortest(average) << '\n';
    }
  }
}

}  // namespace

int warmup_command(const Options& options, std::ostream& out, std::ostream& err) {
  io::LoadedScenarioSet set = io::load_scenario_set(options.scenario);
  for (const Diagnostic& warning : set.warnings) err << format_diagnostic(options.scenario.string(), warning) << '\n';
  const io::LoadedScenario loaded{std::move(set.base), {}};
  const std::filesystem::path dir =
      options.out.value_or(std::filesystem::path("results") / (loaded.scenario.name + "-warmup"));
  io::check_replaceable(dir, kWarmupCsvFile);

  // The whole run is observed: a warm-up would hide what is being looked for.
  model::Scenario scenario = loaded.scenario;
  scenario.run.warm_up = 0;
  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.seed = options.seed;
  batch.threads = options.threads.value_or(0);
  batch.fixed_replications = true;
  batch.trajectories = true;
  batch.stop = &install_interrupt_handler();
  const run::BatchResult result = run::run_batch(scenario, batch);

  const stats::WarmUpProposal proposal =
      stats::propose_warm_up(result.trajectories, result.labels, stats::default_headlines(result.labels));
  const std::size_t days = result.trajectories.calendar.days;
  const std::size_t window = options.window.value_or(std::max<std::size_t>(1, days / 20));
  std::vector<std::vector<double>> smoothed;
  for (const stats::KpiWarmUp& kpi : proposal.kpis) smoothed.push_back(stats::welch_moving_average(kpi.daily_mean, window));

  io::AtomicDir folder(dir, kWarmupCsvFile);
  {
    io::DurableFile csv(folder.staging() / kWarmupCsvFile);
    write_csv(proposal, smoothed, csv.stream());
    csv.close();
    io::DurableFile html(folder.staging() / kWarmupHtmlFile);
    html.stream() << report::warmup_page_html({loaded.scenario.name, proposal, smoothed, window, loaded.scenario.run.warm_up});
    html.close();
    // What produced the proposal, as in a run's folder (not rerunnable: `rerun` takes run folders).
    io::write_provenance(folder.staging(),
                         io::make_provenance(options.scenario, set.text, set.csv_files, options.command_line),
                         {{"seed", result.seed}, {"replications", result.replications.size()},
                          {"threads", result.threads}, {"window_days", window}});
  }
  folder.commit();

  if (!options.quiet) {
    for (const stats::KpiWarmUp& kpi : proposal.kpis) {
      out << kpi.name << ": "
          << (kpi.measured ? days_text(kpi.truncation) + (kpi.in_first_half ? "" : " (run too short to tell)")
                           : std::string("not measured"))
          << '\n';
    }
  }
  out << "proposed warm-up (MSER-5): " << days_text(proposal.days) << "; the scenario states "
      << io::format_shortest(loaded.scenario.run.warm_up) << " days\n";
  if (!options.quiet) err << "wrote " << dir.string() << '\n';
  return kSuccess;
}

}  // namespace carepath::cli
