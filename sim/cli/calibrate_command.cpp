// SPDX-License-Identifier: MIT
// `carepath calibrate`: the scenario's base run (trajectories on), the run of each variant a
// figure names and each run cut at a day a KPI figure is read "at", against the documented figures of a calibration file (README "Calibration").
// Input checks (echoes of the inputs) and behavioural targets are shown apart and only the latter
// make the headline. It is a report: figures outside their tolerance
// are shown, not failed, so the exit status is 0 whenever the runs complete. Output goes to
// results/<name>-calibration/ (calibration.csv, calibration.json), beside the run's results
// folder, which `carepath run` replaces whole (see sweep_command.cpp).
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/json_figures.hpp"
#include "cli/output_folder.hpp"

#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/calibration_json.hpp>
#include <carepath/io/durable_file.hpp>
#include <carepath/io/missing_notes.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/io/provenance.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/io/text_file.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/calibration.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <new>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace carepath::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kCalibrationCsvFile = "calibration.csv";
constexpr const char* kCalibrationJsonFile = "calibration.json";  // The file every calibration folder holds.

// The KPI's kind for a whole-run figure, else the kind of its daily values.
std::string kind_name(const run::CalibrationFigure& f) {
  if (f.kpi) return f.kpi->kind;
  switch (f.kind) {
    case stats::TrajectoryKind::Service: return "service";
    case stats::TrajectoryKind::Pathway: return "pathway";
    case stats::TrajectoryKind::Resource: return "resource";
  }
  return "";
}

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

void write_csv(const std::vector<run::CalibrationRow>& rows, std::ostream& out) {
  out << "id,role,sample,variant,figure,source,kind,name,metric,from,to,statistic,bound,observed,tolerance,"
         "simulated_mean,ci_low,ci_high,n,inside\n";
  for (const run::CalibrationRow& row : rows) {
    const run::CalibrationFigure& f = row.figure;
    out << csv_field(f.id) << ',' << run::role_name(f.role) << ',' << run::sample_name(f.sample) << ','
        << csv_field(f.variant) << ',' << csv_field(f.figure) << ',' << csv_field(f.source) << ',' << kind_name(f)
        << ',' << csv_field(f.name) << ',' << f.metric << ',' << model::format_date(f.from) << ','
        << model::format_date(f.to) << ',' << run::statistic_name(f.statistic) << ',' << run::bound_name(f.bound)
        << ',' << io::format_shortest(f.observed) << ',' << io::format_shortest(f.tolerance) << ','
        << io::format_shortest(row.simulated.mean) << ',' << io::format_shortest(row.simulated.ci_low) << ','
        << io::format_shortest(row.simulated.ci_high) << ',' << row.simulated.n << ',' << (row.inside ? "yes" : "no")
        << '\n';
  }
}


// How many figures of one kind there are and how many are inside.
struct Tally {
  std::size_t inside = 0;
  std::size_t total = 0;
};

Tally tally(const std::vector<run::CalibrationRow>& rows, run::CalibrationRole role,
            std::optional<run::CalibrationSample> sample = std::nullopt) {
  Tally t;
  for (const run::CalibrationRow& row : rows) {
    if (row.figure.role != role || (sample && row.figure.sample != *sample)) continue;
    ++t.total;
    if (row.inside) ++t.inside;
  }
  return t;
}

ordered_json tally_json(const Tally& t) { return {{"inside", t.inside}, {"total", t.total}}; }

ordered_json calibration_json(const std::string& scenario, const std::string& calibration, std::uint64_t seed,
                              std::size_t replications, const std::vector<run::CalibrationRow>& rows) {
  ordered_json figures = ordered_json::array();
  for (const run::CalibrationRow& row : rows) {
    const run::CalibrationFigure& f = row.figure;
    figures.push_back({{"id", f.id},
                       {"role", run::role_name(f.role)},
                       {"sample", run::sample_name(f.sample)},
                       {"variant", f.variant.empty() ? ordered_json(nullptr) : ordered_json(f.variant)},
                       {"figure", f.figure},
                       {"source", f.source},
                       {"kind", kind_name(f)},
                       {"name", f.name},
                       {"names", f.names},
                       {"metric", f.metric},
                       {"kpi", f.kpi ? ordered_json(stats::kpi_text(*f.kpi)) : ordered_json(nullptr)},
                       {"at", f.at ? ordered_json(model::format_date(*f.at)) : ordered_json(nullptr)},
                       {"from", model::format_date(f.from)},
                       {"to", model::format_date(f.to)},
                       {"statistic", run::statistic_name(f.statistic)},
                       {"bound", run::bound_name(f.bound)},
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
                      {"behavioural_targets", tally_json(tally(rows, run::CalibrationRole::Behaviour))},
                      {"out_of_sample_targets",
                       tally_json(tally(rows, run::CalibrationRole::Behaviour, run::CalibrationSample::Out))},
                      {"input_checks", tally_json(tally(rows, run::CalibrationRole::InputCheck))},
                      {"figures", std::move(figures)}};
}

// Three significant decimals for shares and small means, fewer for large counts.
std::string shown(double value) {
  if (!std::isfinite(value)) return "-";
  const double magnitude = std::abs(value);
  return io::format_fixed(value, magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : 3));
}

// What the bound accepts: ±tolerance around the observed figure, or a one-sided limit.
std::string accepted_range(const run::CalibrationFigure& f) {
  switch (f.bound) {
    case run::CalibrationBound::TwoSided: return "±" + shown(f.tolerance);
    case run::CalibrationBound::AtMost: return "at most " + shown(f.observed + f.tolerance);
    case run::CalibrationBound::AtLeast: return "at least " + shown(f.observed - f.tolerance);
  }
  return "";
}

// The rows of one role; behavioural targets also say in- or out-of-sample, and any variant.
void print_table(const std::vector<run::CalibrationRow>& rows, run::CalibrationRole role, std::ostream& out) {
  const bool behaviour = role == run::CalibrationRole::Behaviour;
  std::vector<std::vector<std::string>> table{{"id", "run", "observed", "simulated mean [95% CI]", "accepted", "inside"}};
  if (behaviour) table.front().insert(table.front().begin() + 1, "sample");
  for (const run::CalibrationRow& row : rows) {
    if (row.figure.role != role) continue;
    const stats::Estimate& e = row.simulated;
    const std::string simulated =
        e.n == 0 ? "- (nothing measured)" : shown(e.mean) + " [" + shown(e.ci_low) + ", " + shown(e.ci_high) + "]";
    std::string run = row.figure.variant.empty() ? "base" : row.figure.variant;
    if (row.figure.at) run += " to " + model::format_date(*row.figure.at);
    table.push_back({row.figure.id, run,
                     shown(row.figure.observed), simulated, accepted_range(row.figure), row.inside ? "yes" : "NO"});
    if (behaviour) table.back().insert(table.back().begin() + 1, run::sample_name(row.figure.sample));
  }
  if (table.size() == 1) return;
  out << (behaviour ? "Behavioural targets (sample in: the assumptions were tuned to it; out: out-of-sample)\n"
                    : "Input checks (echoes of figures the model was built from; not counted)\n");
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
  out << '\n';
}

// Runs the base, or the variant `name`, with trajectories by day.
run::BatchResult run_for_calibration(const model::Scenario& scenario, const Options& options, run::BatchOptions batch) {
  batch.seed = options.seed.value_or(scenario.run.seed);
  try {
    return run::run_batch(scenario, batch);
  } catch (const std::bad_alloc&) {
    throw out_of_memory("simulating", scenario, batch.replications.value_or(scenario.run.replications), 1,
                        batch.trajectories);
  }
}

}  // namespace

int calibrate_command(const Options& options, std::ostream& out, std::ostream& err) {
  const std::string source = options.scenario.string();
  const io::CalibrationFile unchecked = io::load_calibration(options.scenario);
  io::LoadedScenarioSet set = io::load_scenario_set(unchecked.scenario);
  const io::LoadedScenario base{std::move(set.base), std::move(set.warnings)};
  report_warnings(options, unchecked.scenario.string(), base.warnings, err);
  const io::CalibrationFile file = io::check_calibration_against(unchecked, base.scenario,
                                                                 set.variants, source);

  const std::filesystem::path dir =
      options.out.value_or(std::filesystem::path("results") / (base.scenario.name + "-calibration"));
  prepare_output_folder(dir, kCalibrationJsonFile, err);

  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.threads = options.threads.value_or(0);
  batch.trajectories = true;
  batch.trajectory_period = model::TrajectoryPeriod::Day;  // the figures are sums and means of days
  batch.stop = &install_interrupt_handler();
  const run::BatchResult result = run_for_calibration(base.scenario, options, batch);
  warn_about_non_finite(result, "", err);

  // One run per variant the figures name, and per day a KPI figure is read "at" (the run cut at
  // the end of that day), each once, in the order first named; rows keep file order. A cut run
  // has as many replications as the base, so that every row has the same n.
  std::vector<run::CalibrationRow> rows(file.figures.size());
  using RunKey = std::pair<std::string, std::optional<model::Date>>;
  std::vector<RunKey> runs{{"", std::nullopt}};
  for (const run::CalibrationFigure& f : file.figures) {
    if (std::find(runs.begin(), runs.end(), RunKey{f.variant, f.at}) == runs.end()) runs.emplace_back(f.variant, f.at);
  }
  for (const RunKey& run_key : runs) {
    // Named, not a structured binding: clang 14 (the sanitizer build) cannot capture a binding in
    // a lambda, as C++20 allows.
    const std::string& variant = run_key.first;
    const std::optional<model::Date>& cut = run_key.second;
    std::vector<std::size_t> at;
    std::vector<run::CalibrationFigure> figures;
    for (std::size_t i = 0; i < file.figures.size(); ++i) {
      if (file.figures[i].variant != variant || file.figures[i].at != cut) continue;
      at.push_back(i);
      figures.push_back(file.figures[i]);
    }
    if (figures.empty()) continue;
    std::vector<run::CalibrationRow> computed;
    if (variant.empty() && !cut) {
      computed = run::calibrate(result, figures);
    } else {
      model::Scenario scenario = base.scenario;
      if (!variant.empty()) {
        scenario = std::find_if(set.variants.begin(), set.variants.end(),
                                [&](const model::ScenarioVariant& candidate) { return candidate.name == variant; })
                       ->scenario;
      }
      run::BatchOptions cut_batch = batch;
      if (cut) {
        scenario.run.horizon = model::days_between(scenario.start_date, *cut) + 1 - scenario.run.start_hour / 24;
        cut_batch.replications = static_cast<std::uint32_t>(result.replications.size());
      }
      const run::BatchResult run_result = run_for_calibration(scenario, options, cut_batch);
      std::string prefix = variant.empty() ? "" : "variant '" + variant + "'";
      if (cut) prefix += (prefix.empty() ? "" : " ") + std::string("to ") + model::format_date(*cut);
      warn_about_non_finite(run_result, prefix + ": ", err);
      computed = run::calibrate(run_result, figures);
    }
    for (std::size_t k = 0; k < at.size(); ++k) rows[at[k]] = std::move(computed[k]);
  }
  const std::uint64_t seed = options.seed.value_or(base.scenario.run.seed);

  write_output(dir, [&] {
    io::AtomicDir folder(dir, kCalibrationJsonFile, batch.stop);
    {
      io::DurableFile csv(folder.staging() / kCalibrationCsvFile);
      write_csv(rows, csv.stream());
      csv.close();
      io::DurableFile json(folder.staging() / kCalibrationJsonFile);
      json.stream() << calibration_json(base.scenario.name, source, seed, result.replications.size(), rows)
                           .dump(2)
                    << '\n';
      json.close();
      // The calibration file is an input like the scenario's CSV files, named from the scenario's folder.
      std::vector<io::CsvFileRead> inputs = set.csv_files;
      inputs.push_back({std::filesystem::proximate(options.scenario, file.scenario.parent_path()).generic_string(),
                        io::read_text_file(options.scenario)});
      io::write_provenance(folder.staging(), io::make_provenance(file.scenario, set.text, inputs, options.command_line),
                           {{"seed", seed}, {"replications", result.replications.size()}, {"threads", result.threads}});
    }
    folder.commit();
  });

  if (!options.quiet) {
    print_table(rows, run::CalibrationRole::InputCheck, out);
    print_table(rows, run::CalibrationRole::Behaviour, out);
  }
  const Tally targets = tally(rows, run::CalibrationRole::Behaviour);
  const Tally out_of_sample = tally(rows, run::CalibrationRole::Behaviour, run::CalibrationSample::Out);
  const Tally checks = tally(rows, run::CalibrationRole::InputCheck);
  out << targets.inside << " of " << targets.total << " behavioural targets inside (" << out_of_sample.inside << " of "
      << out_of_sample.total << " out-of-sample); " << checks.inside << " of " << checks.total
      << " input checks inside\n";
  if (!options.quiet) err << "wrote " << dir.string() << '\n';
  return kSuccess;
}

}  // namespace carepath::cli
