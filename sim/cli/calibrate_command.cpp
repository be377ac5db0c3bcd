// SPDX-License-Identifier: MIT
// `carepath calibrate`: the scenario's base run (trajectories on) against the documented figures
// of a calibration file (README "Calibration"). It is a report: figures outside their tolerance
// are shown, not failed, so the exit status is 0 whenever the run completes. Output goes to
// results/<name>-calibration/ (calibration.csv, calibration.json), beside the run's results
// folder, which `carepath run` replaces whole (see sweep_command.cpp).
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output_folder.hpp"

#include <carepath/io/provenance.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>

#include "io/atomic_dir.hpp"
#include "io/calibration_json.hpp"
#include "io/durable_file.hpp"
#include "io/missing_values.hpp"
#include "io/number_format.hpp"
#include "io/text_file.hpp"
#include "stats/calibration.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <new>
#include <ostream>
#include <string>
#include <vector>

namespace carepath::cli {
namespace {

using io::number_or_null;
using nlohmann::ordered_json;

constexpr const char* kCalibrationCsvFile = "calibration.csv";
constexpr const char* kCalibrationJsonFile = "calibration.json";  // The file every calibration folder holds.

const char* kind_name(stats::TrajectoryKind kind) { return kind == stats::TrajectoryKind::Service ? "service" : "pathway"; }

// RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

void write_csv(const std::vector<stats::CalibrationRow>& rows, std::ostream& out) {
  out << "id,figure,source,kind,name,metric,from,to,statistic,observed,tolerance,simulated_mean,ci_low,ci_high,n,"
         "inside\n";
  for (const stats::CalibrationRow& row : rows) {
    const stats::CalibrationFigure& f = row.figure;
    out << csv_field(f.id) << ',' << csv_field(f.figure) << ',' << csv_field(f.source) << ',' << kind_name(f.kind)
        << ',' << csv_field(f.name) << ',' << f.metric << ',' << model::format_date(f.from) << ','
        << model::format_date(f.to) << ',' << stats::statistic_name(f.statistic) << ','
        << io::format_shortest(f.observed) << ',' << io::format_shortest(f.tolerance) << ','
        << io::format_shortest(row.simulated.mean) << ',' << io::format_shortest(row.simulated.ci_low) << ','
        << io::format_shortest(row.simulated.ci_high) << ',' << row.simulated.n << ',' << (row.inside ? "yes" : "no")
        << '\n';
  }
}


ordered_json calibration_json(const std::string& scenario, const std::string& calibration, std::uint64_t seed,
                              std::size_t replications, const std::vector<stats::CalibrationRow>& rows,
                              std::size_t inside) {
  ordered_json figures = ordered_json::array();
  for (const stats::CalibrationRow& row : rows) {
    const stats::CalibrationFigure& f = row.figure;
    figures.push_back({{"id", f.id},
                       {"figure", f.figure},
                       {"source", f.source},
                       {"kind", kind_name(f.kind)},
                       {"name", f.name},
                       {"names", f.names},
                       {"metric", f.metric},
                       {"from", model::format_date(f.from)},
                       {"to", model::format_date(f.to)},
                       {"statistic", stats::statistic_name(f.statistic)},
                       {"observed", f.observed},
                       {"tolerance", f.tolerance},
                       {"why_tolerance", f.why_tolerance},
                       {"simulated", {{"mean", number_or_null(row.simulated.mean)},
                                      {"ci95", {number_or_null(row.simulated.ci_low), number_or_null(row.simulated.ci_high)}},
                                      {"sd", number_or_null(row.simulated.sd)},
                                      {"n", row.simulated.n}}},
                       {"inside", row.inside}});
    if (std::string note = io::missing_note(row.simulated); !note.empty()) figures.back()["simulated"]["note"] = std::move(note);
  }
  return ordered_json{{"scenario", scenario},
                      {"calibration", calibration},
                      {"seed", seed},
                      {"replications", replications},
                      {"inside", inside},
                      {"figures_total", rows.size()},
                      {"figures", std::move(figures)}};
}

// Three significant decimals for shares and small means, fewer for large counts.
std::string shown(double value) {
  if (!std::isfinite(value)) return "-";
  const double magnitude = std::abs(value);
  return io::format_fixed(value, magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : 3));
}

void print_table(const std::vector<stats::CalibrationRow>& rows, std::ostream& out) {
  std::vector<std::vector<std::string>> table{{"id", "observed", "simulated mean [95% CI]", "tolerance", "inside"}};
  for (const stats::CalibrationRow& row : rows) {
    const stats::Estimate& e = row.simulated;
    const std::string simulated =
        e.n == 0 ? "- (nothing measured)" : shown(e.mean) + " [" + shown(e.ci_low) + ", " + shown(e.ci_high) + "]";
    table.push_back({row.figure.id, shown(row.figure.observed), simulated, "±" + shown(row.figure.tolerance),
                     row.inside ? "yes" : "NO"});
  }
  // Widths in characters, not bytes: "±" is two bytes of UTF-8.
  const auto width = [](const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  };
  std::vector<std::size_t> widths(table.front().size(), 0);
  for (const auto& row : table) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  for (const auto& row : table) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out << (i == 0 ? "" : "  ") << row[i] << (i + 1 == row.size() ? "" : std::string(widths[i] - width(row[i]), ' '));
    }
    out << '\n';
  }
}

}  // namespace

int calibrate_command(const Options& options, std::ostream& out, std::ostream& err) {
  const std::string source = options.scenario.string();
  const io::CalibrationFile file = io::load_calibration(options.scenario);
  io::LoadedScenarioSet set = io::load_scenario_set(file.scenario);
  const io::LoadedScenario base{std::move(set.base), std::move(set.warnings)};
  report_warnings(options, file.scenario.string(), base.warnings, err);
  io::check_calibration_against(file, base.scenario, source);

  const std::filesystem::path dir =
      options.out.value_or(std::filesystem::path("results") / (base.scenario.name + "-calibration"));
  prepare_output_folder(dir, kCalibrationJsonFile, err);

  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.seed = options.seed.value_or(base.scenario.run.seed);
  batch.threads = options.threads.value_or(0);
  batch.trajectories = true;
  batch.trajectory_period = model::TrajectoryPeriod::Day;  // the figures are sums and means of days
  batch.stop = &install_interrupt_handler();
  const run::BatchResult result = [&] {
    try {
      return run::run_batch(base.scenario, batch);
    } catch (const std::bad_alloc&) {
      throw out_of_memory("simulating", base.scenario, batch.replications.value_or(base.scenario.run.replications), 1,
                          batch.trajectories);
    }
  }();
  warn_about_non_finite(result, "", err);
  const std::vector<stats::CalibrationRow> rows = stats::calibrate(result, file.figures);
  const auto inside = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const stats::CalibrationRow& r) { return r.inside; }));

  write_output(dir, [&] {
    io::AtomicDir folder(dir, kCalibrationJsonFile, batch.stop);
    {
      io::DurableFile csv(folder.staging() / kCalibrationCsvFile);
      write_csv(rows, csv.stream());
      csv.close();
      io::DurableFile json(folder.staging() / kCalibrationJsonFile);
      json.stream() << calibration_json(base.scenario.name, source, *batch.seed, result.replications.size(), rows, inside)
                           .dump(2)
                    << '\n';
      json.close();
      // The calibration file is an input like the scenario's CSV files, named from the scenario's folder.
      std::vector<io::CsvFileRead> inputs = set.csv_files;
      inputs.push_back({std::filesystem::proximate(options.scenario, file.scenario.parent_path()).generic_string(),
                        io::read_text_file(options.scenario)});
      io::write_provenance(folder.staging(), io::make_provenance(file.scenario, set.text, inputs, options.command_line),
                           {{"seed", *batch.seed}, {"replications", result.replications.size()}, {"threads", result.threads}});
    }
    folder.commit();
  });

  if (!options.quiet) print_table(rows, out);
  out << inside << " of " << rows.size() << " figures inside their tolerance\n";
  if (!options.quiet) err << "wrote " << dir.string() << '\n';
  return kSuccess;
}

}  // namespace carepath::cli
