// SPDX-License-Identifier: MIT
#include "cli/commands.hpp"

#include <carepath/io/graph_dot.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>

#include "io/atomic_dir.hpp"
#include "io/durable_file.hpp"
#include "io/results_files.hpp"

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

namespace carepath::cli {

namespace {

// Warnings name the scenario as the user typed it, like the errors do.
io::LoadedScenario load_and_warn(const std::filesystem::path& path, std::ostream& err) {
  io::LoadedScenario loaded = io::load_scenario(path);
  for (const Diagnostic& warning : loaded.warnings) {
    err << format_diagnostic(path.string(), warning) << '\n';
  }
  return loaded;
}

std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace

int run_command(const Options& options, std::ostream& out, std::ostream& err) {
  const io::LoadedScenario loaded = load_and_warn(options.scenario, err);
  const std::filesystem::path dir =
      options.out.value_or(std::filesystem::path("results") / loaded.scenario.name);
  // Checked before simulating too, so a wrong --out costs nothing; write_results checks again.
  io::check_replaceable(dir, io::kResultsMarkerFile);

  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.seed = options.seed;
  batch.threads = options.threads.value_or(0);
  const run::BatchResult result = run::run_batch(loaded.scenario, batch);

  io::write_results(loaded.scenario, result, dir);
  if (!options.quiet) {
    io::print_summary_table(result, out);
    err << "wrote " << dir.string() << '\n';
  }
  return kSuccess;
}

int validate_command(const Options& options, std::ostream& out, std::ostream& err) {
  const io::LoadedScenario loaded = load_and_warn(options.scenario, err);
  out << options.scenario.string() << ": ok (" << counted(loaded.scenario.services.size(), "service")
      << ", " << counted(loaded.scenario.arrivals.size(), "arrival source") << ")\n";
  return kSuccess;
}

int graph_command(const Options& options, std::ostream& out, std::ostream& err) {
  const io::LoadedScenario loaded = load_and_warn(options.scenario, err);
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
