// SPDX-License-Identifier: MIT
#include "cli/output_folder.hpp"

#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/missing_notes.hpp>
#include <carepath/io/number_format.hpp>

#include <ostream>
#include <system_error>
#include <vector>

namespace carepath::cli {

namespace {

namespace fs = std::filesystem;

// The folders above `dir` that do not exist yet, deepest first.
std::vector<fs::path> missing_parents(const fs::path& dir) {
  std::vector<fs::path> missing;
  for (fs::path p = fs::absolute(dir).lexically_normal().parent_path(); !p.empty() && !fs::exists(p);
       p = p.parent_path()) {
    missing.push_back(p);
  }
  return missing;
}

}  // namespace

void prepare_output_folder(const fs::path& dir, const std::string& main_file, std::ostream& err,
                           const run::Ranks* ranks) {
  if (ranks != nullptr && ranks->rank() != 0) {
    static_cast<void>(ranks->exchange({}));
    return;
  }
  const std::vector<fs::path> created = missing_parents(dir);
  {
    // The library's message names the file it failed on; this one says which --out that was for.
    const io::AtomicDir probe = [&] {
      try {
        return io::AtomicDir(dir, main_file);
      } catch (const fs::filesystem_error& e) {
        throw std::system_error(e.code(), "cannot write to '" + dir.string() + "' (at '" + e.path1().string() + "')");
      }
    }();
    for (const fs::path& removed : probe.leftovers().removed) {
      err << "note: removed " << removed.string() << ", left by a carepath run that ended before finishing\n";
    }
    for (const fs::path& kept : probe.leftovers().kept) {
      err << "note: left " << kept.string()
          << " as it is: another carepath is writing it, or it holds files carepath did not mark as its own\n";
    }
  }
  // A run that fails or is interrupted leaves no empty results/ behind; the writer creates them again.
  for (const fs::path& parent : created) {
    std::error_code ignored;
    fs::remove(parent, ignored);
  }
  if (ranks != nullptr) static_cast<void>(ranks->exchange({}));
}

OutOfMemory out_of_memory(std::string_view doing, const model::Scenario& scenario, std::uint32_t replications,
                          std::size_t batches, bool trajectories) {
  std::string message = "out of memory while " + std::string(doing) + ": " + std::to_string(replications) +
                        " replications";
  if (batches > 1) message += " × " + std::to_string(batches) + " scenarios (base and variants)";
  message += " × " + io::format_shortest(scenario.run.horizon) + " days of horizon";
  if (trajectories) {
    const std::size_t services = scenario.services.size();
    message += ", with per-day trajectories of " + std::to_string(services) + (services == 1 ? " service" : " services");
  }
  message += "; memory grows with their product: lower --replications or run.horizon";
  return OutOfMemory(message);
}

void warn_about_non_finite(const run::BatchResult& result, const std::string& prefix, std::ostream& err) {
  for (const std::string& warning : io::non_finite_warnings(result)) err << "warning: " << prefix << warning << '\n';
}

}  // namespace carepath::cli
