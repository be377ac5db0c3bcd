// SPDX-License-Identifier: MIT
// Small continuous-time Markov chains solved exactly, for the validation tests whose theory is
// not a closed formula: the blocking tandem (blocking_test.cpp) and the time to deadlock
// (deadlock_test.cpp). A chain is a generator matrix built rate by rate; the stationary
// distribution solves pi Q = 0 with sum pi = 1, and mean absorption times solve -Q_T m = 1 on the
// transient states, both by Gaussian elimination with partial pivoting (a handful of states, so
// exact to double precision). The tests pin the hand-computed values of their header comments
// against these solvers, so a slip here cannot silently move a target. Read ci_check.hpp next.
#pragma once

#include <cassert>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace carepath::validation {

/// Solves a x = b for a square, non-singular a.
[[nodiscard]] inline std::vector<double> solve_linear(std::vector<std::vector<double>> a, std::vector<double> b) {
  const std::size_t n = b.size();
  assert(a.size() == n);
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t row = col + 1; row < n; ++row) {
      if (std::abs(a[row][col]) > std::abs(a[pivot][col])) pivot = row;
    }
    std::swap(a[col], a[pivot]);
    std::swap(b[col], b[pivot]);
    assert(a[col][col] != 0.0);
    for (std::size_t row = 0; row < n; ++row) {
      if (row == col) continue;
      const double factor = a[row][col] / a[col][col];
      for (std::size_t k = col; k < n; ++k) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = b[i] / a[i][i];
  return x;
}

/// A CTMC on states 0..n-1; rates into an absorbing state outside the chain are allowed and
/// only lower the diagonal (see absorb()).
class Generator {
 public:
  explicit Generator(std::size_t states) : q_(states, std::vector<double>(states, 0.0)) {}

  /// A transition from `from` to `to` at `rate`.
  void add(std::size_t from, std::size_t to, double rate) {
    q_[from][to] += rate;
    q_[from][from] -= rate;
  }
  /// A transition from `from` out of the chain (into an absorbing state) at `rate`.
  void absorb(std::size_t from, double rate) { q_[from][from] -= rate; }

  [[nodiscard]] std::size_t size() const { return q_.size(); }

  /// pi with pi Q = 0 and sum pi = 1, for an irreducible chain with no absorption.
  [[nodiscard]] std::vector<double> stationary() const {
    const std::size_t n = size();
    std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) a[i][j] = q_[j][i];  // Q^T pi = 0 ...
    }
    a[n - 1].assign(n, 1.0);  // ... with one redundant balance equation replaced by sum pi = 1.
    std::vector<double> b(n, 0.0);
    b[n - 1] = 1.0;
    return solve_linear(std::move(a), std::move(b));
  }

  /// m[i] = mean time to absorption from state i, when every state leads to absorption:
  /// -Q_T m = 1 (first-step analysis).
  [[nodiscard]] std::vector<double> mean_absorption_times() const {
    return solve_linear(negated(), std::vector<double>(size(), 1.0));
  }

  /// s[i] = E[T^2] from state i: -Q_T s = 2 m (the second moment by first-step analysis).
  [[nodiscard]] std::vector<double> second_moment_absorption_times() const {
    std::vector<double> m = mean_absorption_times();
    for (double& x : m) x *= 2.0;
    return solve_linear(negated(), std::move(m));
  }

 private:
  [[nodiscard]] std::vector<std::vector<double>> negated() const {
    std::vector<std::vector<double>> a = q_;
    for (auto& row : a) {
      for (double& x : row) x = -x;
    }
    return a;
  }

  std::vector<std::vector<double>> q_;
};

}  // namespace carepath::validation
