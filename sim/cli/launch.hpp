// SPDX-License-Identifier: MIT
// `mpirun -n N carepath run|sweep|optimise ...`: the program started N times as the ranks of
// one run (run/ranks.hpp). Every rank parses the same command line and runs the same command;
// the replications of each batch are shared out among them, rank 0 alone prepares and writes the
// results folder and speaks on stdout and stderr, and a command that spreads no work (validate,
// calibrate, ...) runs on rank 0 alone. One of two files implements join_launch: launch_mpi.cpp
// (Boost.MPI over Open MPI, when the build found it) or launch_alone.cpp.
//
// Ending is agreed, so that no rank waits forever for one that has gone: each rank, whatever
// happened, calls finish(), which tells every other rank it has ended and with what status and
// message, then waits until they have all said the same (messages of exchanges it will never
// take part in are dropped). A rank waiting in an exchange that hears instead that another has
// ended throws run::RankFailed; rank 0 then says which rank failed and why, and writes nothing.
#pragma once

#include <carepath/run/ranks.hpp>

#include <iosfwd>
#include <memory>
#include <string>

namespace carepath::cli {

class LaunchRanks : public run::Ranks {
 public:
  /// Ends this rank's part; `message` is what it would have printed on stderr had it failed.
  /// Returns the status to exit with: on rank 0, `status`, or 1 when it is 0 but another rank
  /// failed after the last exchange (its message then goes to `err`).
  [[nodiscard]] virtual int finish(int status, const std::string& message, std::ostream& err) = 0;
};

/// The ranks of this launch, or none when the program was not started by an MPI launcher
/// (mpirun, srun); throws std::runtime_error when it was, with several ranks, but the build has
/// no MPI.
[[nodiscard]] std::unique_ptr<LaunchRanks> join_launch();

}  // namespace carepath::cli
