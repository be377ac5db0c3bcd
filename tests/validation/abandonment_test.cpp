// SPDX-License-Identifier: MIT
// Reneging (abandonment) at a single server, FIFO, patience timed from joining the queue and
// cancelled when service starts (format v2, "Engine semantics").
//
// M/M/1+M, Palm's model (Palm 1943; Garnett, Mandelbaum and Reiman 2002 with one server):
// exponential patience of rate theta. The number present is a birth-death chain with birth rate
// lambda and death rate mu + (n - 1) theta for n >= 1 (one in service, n - 1 each abandoning at
// rate theta), so p(n) = p(0) prod_{k=1..n} lambda / (mu + (k - 1) theta), truncated where the
// terms vanish (they fall faster than geometrically). Then
//   Lq = sum (n - 1) p(n),  P(abandon) = theta Lq / lambda,  utilisation = 1 - p(0),
// and flow balance gives the same P(abandon) = 1 - mu (1 - p(0)) / lambda.
//   lambda = 1.2, mu = 1, theta = 0.5 (mean patience 2 days), overloaded without abandonment:
//   p(0) = 0.239445, Lq = 0.878890, P(abandon) = 0.366204, utilisation = 0.760555.
//
// M/M/1+D, deterministic patience d (Barrer 1957). Under FIFO a patient abandons exactly when the
// work V found on arrival exceeds d, and then adds no work, so V is the workload of an M/M/1 that
// admits work only below d. Level crossing gives its density f(v) = p0 lambda e^{-(mu-lambda) v}
// on (0, d] and f(d) e^{-mu (v - d)} beyond, hence
//   P(abandon) = P(V > d) = p0 lambda e^{-(mu-lambda) d} / mu,
//   p0 = 1 / (1 + lambda (1 - e^{-(mu-lambda) d}) / (mu - lambda) + lambda e^{-(mu-lambda) d} / mu).
//   lambda = 0.9, mu = 1, d = 2: p0 = 0.296887, P(abandon) = 0.218764, utilisation = 0.703113.
// Exactly, in every replication: no patient who starts service waited longer than d
// (wait_max <= d), and everyone who gives up leaves the system (renege_to exit), so system and
// service reneges agree. A renege timer not cancelled at the start of service would take
// patients out of service and show in both the abandonment share and the utilisation.
//
// Why the tolerance holds: each replication runs 20000 days after a 100-day warm-up (the chains
// mix within days), about 20000 patients, so each replication's ratio is close to normal;
// replications are iid, fixed seeds, one attempt, each test a 99% Bonferroni family
// (ci_check.hpp). Under sanitizers the runs are shorter and the interval wider.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace carepath::validation {
namespace {

struct PalmModel {
  double p0;
  double queue_mean;
  double p_abandon;
};

PalmModel palm(double lambda, double mu, double theta) {
  std::vector<double> p{1.0};
  for (unsigned n = 1; p.back() > 1e-300 && n < 100000; ++n) p.push_back(p.back() * lambda / (mu + (n - 1) * theta));
  double total = 0;
  for (const double x : p) total += x;
  PalmModel m{p[0] / total, 0, 0};
  for (std::size_t n = 1; n < p.size(); ++n) m.queue_mean += static_cast<double>(n - 1) * p[n] / total;
  m.p_abandon = theta * m.queue_mean / lambda;
  return m;
}

struct DeterministicPatience {
  double p0;
  double p_abandon;
};

DeterministicPatience mm1_deterministic_patience(double lambda, double mu, double d) {
  const double r = mu - lambda;
  const double admitted_density = std::abs(r) < 1e-12 ? lambda * d : lambda * (1 - std::exp(-r * d)) / r;
  const double tail = lambda * std::exp(-r * d) / mu;
  const double p0 = 1 / (1 + admitted_density + tail);
  return {p0, p0 * tail};
}

constexpr double kWarmUp = 100;
constexpr double kHorizon = kWarmUp + sized(20000.0, 4000.0);
constexpr std::uint32_t kReplications = sized(30u, 10u);

std::vector<double> renege_share(const run::BatchResult& batch) {
  return per_replication_of(batch, [](const stats::ReplicationResult& rep) {
    return rep.services.at(0).reneges / rep.services.at(0).arrivals;
  });
}

TEST(Abandonment, FormulasGiveTheValuesInTheHeader) {
  const PalmModel m = palm(1.2, 1.0, 0.5);
  EXPECT_NEAR(m.p0, 0.239445, 5e-7);
  EXPECT_NEAR(m.queue_mean, 0.878890, 5e-7);
  EXPECT_NEAR(m.p_abandon, 0.366204, 5e-7);
  EXPECT_NEAR(m.p_abandon, 1 - 1.0 * (1 - m.p0) / 1.2, 1e-12);  // flow balance
  const DeterministicPatience d = mm1_deterministic_patience(0.9, 1.0, 2.0);
  EXPECT_NEAR(d.p0, 0.296887, 5e-7);
  EXPECT_NEAR(d.p_abandon, 0.218764, 5e-7);
  EXPECT_NEAR(1 - d.p0, 0.9 * (1 - d.p_abandon), 1e-12);  // served work = utilisation
}

TEST(Abandonment, ExponentialPatienceFollowsPalm) {
  model::Scenario s = build::scenario("palm", kHorizon, kWarmUp, kReplications, 41);
  s.arrivals = {build::source("walk_ins", "clinic", 1.2)};
  model::Service clinic = build::service("clinic", 1, model::Exponential{1.0});
  clinic.patience = model::Exponential{2.0};
  s.services = {clinic};
  const PalmModel m = palm(1.2, 1.0, 0.5);

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), kReplications);
  for (const auto& rep : batch.replications) EXPECT_EQ(rep.system.reneges, rep.services[0].reneges);

  CiFamily ci(3);
  EXPECT_TRUE(ci.contains("reneges / arrivals", renege_share(batch), m.p_abandon));
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue), m.queue_mean));
  EXPECT_TRUE(ci.contains("utilisation", per_replication(batch, 0, &stats::ServiceResult::utilisation), 1 - m.p0));
}

TEST(Abandonment, DeterministicPatienceFollowsBarrer) {
  model::Scenario s = build::scenario("deterministic_patience", kHorizon, kWarmUp, kReplications, 42);
  s.arrivals = {build::source("walk_ins", "clinic", 0.9)};
  model::Service clinic = build::service("clinic", 1, model::Exponential{1.0});
  clinic.patience = model::Deterministic{2.0};
  s.services = {clinic};
  const DeterministicPatience m = mm1_deterministic_patience(0.9, 1.0, 2.0);

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), kReplications);
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    const stats::ReplicationResult& rep = batch.replications[r];
    EXPECT_LE(rep.services[0].wait_max, 2.0) << "replication " << r << ": a patient started after their patience ran out";
    EXPECT_GT(rep.services[0].reneges, 0.0) << "replication " << r;
    EXPECT_EQ(rep.system.reneges, rep.services[0].reneges) << "replication " << r;
  }

  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("reneges / arrivals", renege_share(batch), m.p_abandon));
  EXPECT_TRUE(ci.contains("utilisation", per_replication(batch, 0, &stats::ServiceResult::utilisation), 1 - m.p0));
}

}  // namespace
}  // namespace carepath::validation
