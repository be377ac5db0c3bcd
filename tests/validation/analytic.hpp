// SPDX-License-Identifier: MIT
// Closed-form queueing results the validation tests compare the engine against: Erlang B and C,
// M/M/1, M/M/c, the M/M/c/K birth-death solution, Pollaczek-Khinchine for M/G/1 and Jackson's
// traffic equations. Times are in days and rates per day, as in the engine. Each formula is the
// textbook one (Gross and Harris, Fundamentals of Queueing Theory, chapters 2 and 4); the tests
// also pin the hand-computed values written in their header comments, so a slip here cannot
// silently move the target. Read ci_check.hpp next.
#pragma once

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace carepath::validation {

/// Erlang's loss formula B(c, a): the blocking probability of M/G/c/c with offered load `a`
/// erlangs. The recursion B(k) = a B(k-1) / (k + a B(k-1)) is stable where a^c/c! overflows.
[[nodiscard]] inline double erlang_b(unsigned servers, double offered_load) {
  double b = 1.0;
  for (unsigned k = 1; k <= servers; ++k) {
    b = offered_load * b / (k + offered_load * b);
  }
  return b;
}

/// Erlang's delay formula C(c, a): the probability that an arrival to M/M/c waits (a < c).
[[nodiscard]] inline double erlang_c(unsigned servers, double offered_load) {
  const double b = erlang_b(servers, offered_load);
  return servers * b / (servers - offered_load * (1.0 - b));
}

/// Steady state of M/M/c with FIFO service: arrival rate `lambda`, service rate `mu` per server.
struct Mmc {
  double lambda;
  double mu;
  unsigned servers;

  [[nodiscard]] double offered_load() const { return lambda / mu; }
  [[nodiscard]] double utilisation() const { return offered_load() / servers; }
  [[nodiscard]] double p_wait() const { return erlang_c(servers, offered_load()); }
  /// Wq = C / (c mu - lambda).
  [[nodiscard]] double wait_mean() const { return p_wait() / (servers * mu - lambda); }
  /// The wait is 0 with probability 1 - C, and P(Wq > t) = C exp(-(c mu - lambda) t) beyond, so
  /// its p-quantile is ln(C / (1 - p)) / (c mu - lambda) when p > 1 - C, and 0 otherwise.
  [[nodiscard]] double wait_quantile(double p) const {
    return std::max(0.0, std::log(p_wait() / (1.0 - p)) / (servers * mu - lambda));
  }
  /// Lq = lambda Wq (Little).
  [[nodiscard]] double queue_mean() const { return lambda * wait_mean(); }
  /// L = Lq + a.
  [[nodiscard]] double present_mean() const { return queue_mean() + offered_load(); }
  /// W = Wq + 1/mu.
  [[nodiscard]] double sojourn_mean() const { return wait_mean() + 1.0 / mu; }
  /// The wait is 0 with probability 1 - C and otherwise exponential with rate c mu - lambda, and
  /// it is independent of the patient's own service time, so Var S = E[Wq^2] - Wq^2 + 1/mu^2.
  [[nodiscard]] double sojourn_variance() const {
    const double drain = servers * mu - lambda;
    const double wq = wait_mean();
    return 2.0 * p_wait() / (drain * drain) - wq * wq + 1.0 / (mu * mu);
  }
};

/// M/M/1 is M/M/c with one server: Wq = rho/(mu - lambda), P(wait) = rho, L = rho/(1 - rho).
[[nodiscard]] inline Mmc mm1(double lambda, double mu) { return Mmc{lambda, mu, 1}; }

/// Stationary distribution p(0..K) of M/M/c/K, the birth-death chain with birth rate lambda
/// below K and death rate min(n, c) mu: p(n) is proportional to a^n/n! up to c, then to
/// a^c/c! rho^(n-c).
[[nodiscard]] inline std::vector<double> mmck_distribution(double lambda, double mu, unsigned servers,
                                                           unsigned max_present) {
  std::vector<double> p(max_present + 1);
  p[0] = 1.0;
  for (unsigned n = 1; n <= max_present; ++n) {
    p[n] = p[n - 1] * lambda / (std::min(n, servers) * mu);
  }
  double total = 0;
  for (const double x : p) total += x;
  for (double& x : p) x /= total;
  return p;
}

/// Stationary distribution of M/M/c (rho < 1), truncated where the geometric tail drops below
/// 1e-16, so sums over it are exact to double precision.
[[nodiscard]] inline std::vector<double> mmc_distribution(double lambda, double mu, unsigned servers) {
  const double rho = lambda / (servers * mu);
  assert(rho < 1.0);
  const auto tail = static_cast<unsigned>(std::ceil(std::log(1e-16) / std::log(rho)));
  return mmck_distribution(lambda, mu, servers, servers + tail);
}

/// E[f(N)] under a distribution p(0..K) of the number present.
template <class F>
[[nodiscard]] double expectation(const std::vector<double>& p, F f) {
  double sum = 0;
  for (std::size_t n = 0; n < p.size(); ++n) sum += p[n] * f(static_cast<double>(n));
  return sum;
}

/// Expected remaining sojourn, summed over the n patients present, at a FIFO queue with c
/// exponential servers of rate mu: those in service need 1/mu each, and the j-th waiting patient
/// needs j departures at rate c mu and then its own service. Exact whatever the arrival process,
/// since exponential services are memoryless.
[[nodiscard]] inline double fifo_remaining_sojourn(double present, double mu, unsigned servers) {
  const double waiting = std::max(present - servers, 0.0);
  return present / mu + waiting * (waiting + 1) / (2.0 * servers * mu);
}

/// Pollaczek-Khinchine mean wait of M/G/1: Wq = lambda E[S^2] / (2 (1 - rho)).
[[nodiscard]] inline double mg1_wait_mean(double lambda, double service_mean, double service_variance) {
  const double rho = lambda * service_mean;
  return lambda * (service_variance + service_mean * service_mean) / (2.0 * (1.0 - rho));
}

/// Jackson's traffic equations lambda = gamma + P^T lambda, solved by Gaussian elimination with
/// partial pivoting. routing[i][j] is the probability of going from node i to node j; what is
/// missing from a row leaves the network. Requires every node to have a path to the exit, so
/// I - P^T is non-singular.
[[nodiscard]] inline std::vector<double> jackson_throughputs(const std::vector<double>& external,
                                                             const std::vector<std::vector<double>>& routing) {
  const std::size_t n = external.size();
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) a[i][j] = (i == j ? 1.0 : 0.0) - routing[j][i];
    a[i][n] = external[i];
  }
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t row = col + 1; row < n; ++row) {
      if (std::abs(a[row][col]) > std::abs(a[pivot][col])) pivot = row;
    }
    std::swap(a[col], a[pivot]);
    assert(a[col][col] != 0.0);
    for (std::size_t row = 0; row < n; ++row) {
      if (row == col) continue;
      const double factor = a[row][col] / a[col][col];
      for (std::size_t k = col; k <= n; ++k) a[row][k] -= factor * a[col][k];
    }
  }
  std::vector<double> lambda(n);
  for (std::size_t i = 0; i < n; ++i) lambda[i] = a[i][n] / a[i][i];
  return lambda;
}

}  // namespace carepath::validation
