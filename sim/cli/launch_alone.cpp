// SPDX-License-Identifier: MIT
// join_launch for a build without MPI: always one process. Started several times by mpirun or
// srun, each copy would run the whole command and write the same folder, so that is refused.
#include "cli/launch.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace carepath::cli {

namespace {

// The number of processes a launcher says it started: Open MPI's mpirun, or a PMI launcher (srun, MPICH).
unsigned launched_processes() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    if (const char* value = std::getenv(name)) return static_cast<unsigned>(std::strtoul(value, nullptr, 10));
  }
  return 1;
}

}  // namespace

std::unique_ptr<LaunchRanks> join_launch() {
  if (const unsigned n = launched_processes(); n > 1) {
    throw std::runtime_error("started as " + std::to_string(n) +
                             " processes (mpirun, srun), but this carepath was built without MPI; rebuild it with "
                             "Boost.MPI (tools/setup installs libboost-mpi-dev) or run it without a launcher");
  }
  return nullptr;
}

}  // namespace carepath::cli
