// SPDX-License-Identifier: MIT
// The processes of one run started several times at once (`mpirun -n 4 carepath sweep ...`), each
// called a rank. Every rank runs the same program on the same inputs, so each reaches the same
// batches in the same order; run_batch (BatchOptions::ranks) then runs only this rank's share of
// each block of replications, on its own cores with TBB, and swaps shares with the others, so that
// every rank holds every replication and folds them in replication order: the result is the one a
// single process gives, bit for bit. The transport (MPI in the `carepath` program) implements
// exchange(); the library itself knows no MPI.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::run {

class Ranks {
 public:
  virtual ~Ranks() = default;
  /// 0 .. size() - 1; rank 0 is the one that writes results.
  [[nodiscard]] virtual unsigned rank() const noexcept = 0;
  [[nodiscard]] virtual unsigned size() const noexcept = 0;
  /// Every rank calls it at the same point with its part and gets every rank's part, in rank
  /// order. Throws RankFailed when a rank ended (failed) instead of taking part.
  [[nodiscard]] virtual std::vector<std::string> exchange(std::string part) const = 0;
};

/// Thrown on every rank taking part in an exchange when another rank ended instead: with the
/// status that rank ended with and what it said.
class RankFailed : public std::runtime_error {
 public:
  RankFailed(unsigned rank, int status, const std::string& message)
      : std::runtime_error(message), rank_(rank), status_(status) {}
  [[nodiscard]] unsigned rank() const noexcept { return rank_; }
  [[nodiscard]] int status() const noexcept { return status_; }

 private:
  unsigned rank_;
  int status_;
};

}  // namespace carepath::run
