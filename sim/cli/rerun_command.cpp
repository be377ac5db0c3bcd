// SPDX-License-Identifier: MIT
// `carepath rerun DIR`: the recorded command line (provenance.json) is parsed again and run on
// DIR's copied inputs, with the recorded thread count (the only setting a default could change
// between machines that appears in the files), into a new folder; that folder then records the
// original run's provenance, so on the same build it must equal DIR apart from timing fields
// (results_diff.hpp). A difference on the same build is carepath's fault (exit status 1); on
// another build it is expected and only reported.
#include "cli/commands.hpp"
#include "cli/results_diff.hpp"

#include <carepath/io/provenance.hpp>
#include <carepath/version.hpp>

#include <ostream>
#include <stdexcept>

namespace carepath::cli {

namespace {

// One line per input that is not what was run: the file named as recorded, and where it was looked for.
void report_changed_inputs(const io::Provenance& provenance, const std::optional<std::filesystem::path>& original,
                           std::ostream& out) {
  std::size_t changed = 0;
  for (const io::InputCheck& check : io::check_inputs(provenance, original.value_or(std::filesystem::path()))) {
    if (check.state == io::InputCheck::State::Unchanged) continue;
    ++changed;
    out << (check.state == io::InputCheck::State::Changed ? "changed since the run: " : "missing since the run: ")
        << check.file << " (" << check.looked_at.string() << ")\n";
  }
  if (changed == 0) out << "every input is unchanged at its original place since the run\n";
}

}  // namespace

int rerun_command(const Options& options, std::ostream& out, std::ostream& err) {
  // "first/" names the folder "first", so that the default new folder is "first-rerun" beside it.
  std::filesystem::path dir = options.scenario.lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  io::RecordedProvenance recorded;
  try {
    recorded = io::read_provenance(dir);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what(), "rerun");
  }
  const std::string then = recorded.carepath_version + " (commit " + recorded.git_commit + ")";
  const std::string now = std::string(version()) + " (commit " + std::string(build_commit()) + ")";
  if (then != now) {
    err << "warning: " << dir.string() << " was written by carepath " << then << "; this is carepath " << now
        << ": figures may differ\n";
  }
  if (options.check) report_changed_inputs(recorded.provenance, options.original, out);

  const std::vector<std::string>& line = recorded.provenance.command_line;
  Options original;
  try {
    original = parse_options(std::vector<std::string>(line.begin() + (line.empty() ? 0 : 1), line.end()));
  } catch (const UsageError& e) {
    throw UsageError(dir.string() + "/provenance.json: the recorded command line is not one this carepath accepts: " +
                         e.what(),
                     "rerun");
  }
  if (original.command != Command::Run) {
    throw UsageError(dir.string() + " was written by `carepath " + std::string(command_name(original.command)) +
                         "`; only `carepath run` folders can be rerun",
                     "rerun");
  }
  original.scenario = dir / recorded.provenance.scenario.copy;
  original.out = options.out.value_or(dir.parent_path() / (dir.filename().string() + "-rerun"));
  if (std::filesystem::weakly_canonical(*original.out) == std::filesystem::weakly_canonical(dir)) {
    throw UsageError("--out: the new folder must not be the folder being rerun", "rerun");
  }
  if (recorded.threads) original.threads = *recorded.threads;
  original.quiet = options.quiet;
  original.command_line = line;

  const int status = run_scenario(original, &recorded.provenance, out, err);
  if (status != kSuccess) return status;
  const std::vector<std::string> differing = differing_files(dir, *original.out);
  if (differing.empty()) {
    out << "rerun of " << dir.string() << ": identical apart from timing fields\n";
    return kSuccess;
  }
  out << "rerun of " << dir.string() << ": differs in";
  for (const std::string& file : differing) out << ' ' << file;
  out << '\n';
  return then == now ? kInternalError : kSuccess;
}

}  // namespace carepath::cli
