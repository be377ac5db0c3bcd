// SPDX-License-Identifier: MIT
// What the commands that write a folder (run, sweep, calibrate) do before simulating, so that a
// wrong or unwritable --out costs nothing: check that the folder may be replaced, clear out stale
// staging folders of earlier runs, and prove the location writable by creating a staging folder
// with a file in it (io/atomic_dir.hpp), then removing it. What they say when memory runs out,
// naming the settings that drove the size (main.cpp maps both to exit status 2), and when a
// number of the results came out not finite and is written empty (io/missing_values.hpp).
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/ranks.hpp>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace carepath::cli {

/// Throws io::ReplaceRefused, or std::system_error naming the path and the system's reason;
/// notes on `err` the leftovers of earlier runs it removed or left. Under an MPI launch (`ranks`)
/// rank 0 alone prepares, and every rank waits for it, so a wrong --out ends them all at once.
void prepare_output_folder(const std::filesystem::path& dir, const std::string& main_file, std::ostream& err,
                           const run::Ranks* ranks = nullptr);

/// A results folder that could not be written after the simulation (a full disk, permissions
/// changed meanwhile): the system's message, and that the folder is as it was.
class WriteFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Runs `write`, which writes `dir` through io::AtomicDir; a std::system_error from it becomes
/// WriteFailed, saying that nothing was written. Under an MPI launch (`ranks`) rank 0 alone
/// writes, once every rank has got here: a rank that failed instead means nothing is written.
template <class Write>
void write_output(const std::filesystem::path& dir, Write write, const run::Ranks* ranks = nullptr) {
  if (ranks != nullptr) {
    static_cast<void>(ranks->exchange({}));
    if (ranks->rank() != 0) return;
  }
  try {
    write();
  } catch (const std::system_error& e) {
    throw WriteFailed(std::string(e.what()) + "; nothing was written to '" + dir.string() + "', which is as it was");
  }
}

/// std::bad_alloc, reworded for the user: what was being done and with which sizes.
class OutOfMemory : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "out of memory while simulating: 1000 replications × 2000 days of horizon, with trajectories
/// (per day and week); lower --replications or run.horizon"; `batches` counts base and variants.
[[nodiscard]] OutOfMemory out_of_memory(std::string_view doing, const model::Scenario& scenario,
                                        std::uint32_t replications, std::size_t batches, bool trajectories);

/// "warning: PREFIXservice 'ward', wait_mean: values are not finite numbers (infinite or undefined); …"
/// for each statistic of `result` that had values but is not finite.
void warn_about_non_finite(const run::BatchResult& result, const std::string& prefix, std::ostream& err);

}  // namespace carepath::cli
