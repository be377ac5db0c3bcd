// SPDX-License-Identifier: MIT
// Pathway times and targets (format v2 "pathways"): the time from arriving at the start service
// to leaving the end service, its mean, and the share of completions within the target.
//
// Jackson tandem M/M/1 -> M/M/1: Poisson arrivals lambda = 0.5 at `first` (mu1 = 1), then
// `second` (mu2 = 0.8), FIFO, unlimited queues. By Burke's theorem and Reich's result the two
// sojourns of one patient are independent exponentials with rates a = mu1 - lambda = 0.5 and
// b = mu2 - lambda = 0.3, so the pathway time T is hypoexponential:
//   E[T] = 1/a + 1/b = 5.333333,   P(T <= t) = 1 - (a e^{-b t} - b e^{-a t}) / (a - b).
//   pathway "first_to_second", target 5 days: within_target = 0.565302
//   pathway "first_only" (start = end = first; A&E-style), target 2 days: sojourn Exp(0.5),
//     mean 2, within_target = 1 - e^{-1} = 0.632121.
// Exactly, in every replication: breaches + within_target x completions = completions (the
// share is of completions), nobody abandons (no losses, no reneging), and the patients entering
// either pathway are the patients arriving at `first`.
//
// Why the tolerance holds: each replication runs 40000 days after a 500-day warm-up (the
// slower node relaxes in about 1/(mu2 (1 - sqrt(rho2))^2) = 27 days), about 20000 patients, so
// each replication's mean and share are close to normal; replications are iid, fixed seed, one
// attempt, a 99% Bonferroni family of four (ci_check.hpp). Under sanitizers the runs are shorter
// and the interval, from the run actually made, wider.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace carepath::validation {
namespace {

/// P(X + Y <= t) for independent exponentials of rates a != b.
double hypoexponential_cdf(double a, double b, double t) {
  return 1 - (a * std::exp(-b * t) - b * std::exp(-a * t)) / (a - b);
}

model::Pathway pathway(std::string name, std::string start, std::string end, double target) {
  model::Pathway p;
  p.name = std::move(name);
  p.start = std::move(start);
  p.end = std::move(end);
  p.target = target;
  return p;
}

std::vector<double> pathway_metric(const run::BatchResult& batch, std::size_t index, double stats::PathwayResult::*field) {
  return per_replication_of(batch, [&](const stats::ReplicationResult& rep) { return rep.pathways.at(index).*field; });
}

TEST(PathwayTarget, FormulasGiveTheValuesInTheHeader) {
  EXPECT_NEAR(hypoexponential_cdf(0.5, 0.3, 5), 0.565302, 5e-7);
  EXPECT_NEAR(1 - std::exp(-0.5 * 2), 0.632121, 5e-7);
  EXPECT_NEAR(hypoexponential_cdf(0.5, 0.3, 0), 0.0, 1e-15);
}

TEST(PathwayTarget, TandemPathwayTimeIsHypoexponential) {
  constexpr double kLambda = 0.5;
  constexpr double kMu1 = 1.0;
  constexpr double kMu2 = 0.8;
  model::Scenario s = build::scenario("pathway_tandem", 500 + sized(40000.0, 8000.0), 500, sized(30u, 8u), 91);
  s.arrivals = {build::source("referrals", "first", kLambda)};
  model::Service first = build::service("first", 1, model::Exponential{1 / kMu1});
  first.routes = {build::route("second")};
  s.services = {first, build::service("second", 1, model::Exponential{1 / kMu2})};
  s.pathways = {pathway("first_to_second", "first", "second", 5), pathway("first_only", "first", "first", 2)};
  const double a = kMu1 - kLambda;
  const double b = kMu2 - kLambda;

  const run::BatchResult batch = run::run_batch(s);
  ASSERT_EQ(batch.replications.size(), s.run.replications);
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    ASSERT_EQ(rep.pathways.size(), 2u);
    for (const stats::PathwayResult& p : rep.pathways) {
      EXPECT_NEAR(p.breaches + p.within_target * p.completions, p.completions, 1e-6);
      EXPECT_EQ(p.abandoned, 0.0);
      EXPECT_EQ(p.entered, rep.services[0].arrivals);
    }
  }

  CiFamily ci(4);
  EXPECT_TRUE(ci.contains("first_to_second time_mean", pathway_metric(batch, 0, &stats::PathwayResult::time_mean),
                          1 / a + 1 / b));
  EXPECT_TRUE(ci.contains("first_to_second within_target",
                          pathway_metric(batch, 0, &stats::PathwayResult::within_target), hypoexponential_cdf(a, b, 5)));
  EXPECT_TRUE(ci.contains("first_only time_mean", pathway_metric(batch, 1, &stats::PathwayResult::time_mean), 1 / a));
  EXPECT_TRUE(ci.contains("first_only within_target", pathway_metric(batch, 1, &stats::PathwayResult::within_target),
                          1 - std::exp(-a * 2)));
}

// Patients already at the start service when a run without warm-up begins entered the pathway in
// the past: they count in `entered`, and their earlier time counts in the pathway time. A clinic
// with one server and 1-day deterministic service, 3 patients who have waited 2 days, no
// arrivals: they finish at 1, 2, 3 with pathway times 3, 4, 5, so entered = completions = 3,
// time_mean = 4, and within a 4-day target 2/3.
TEST(PathwayTarget, PatientsPresentAtTheStartHaveEnteredThePathway) {
  model::Scenario s = build::scenario("pathway_backlog", 10, 0, 2, 92);
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  model::Service clinic = build::service("clinic", 1, model::Deterministic{1.0});
  clinic.initial_waiting = {build::cohort(2, 3)};
  s.services = {clinic, build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  s.pathways = {pathway("clinic_rtt", "clinic", "clinic", 4)};

  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    const stats::PathwayResult& p = rep.pathways.at(0);
    EXPECT_EQ(p.entered, 3.0);
    EXPECT_EQ(p.completions, 3.0);
    EXPECT_EQ(p.in_pathway_at_end, 0.0);
    EXPECT_NEAR(p.time_mean, 4.0, 1e-9);
    EXPECT_NEAR(p.within_target, 2.0 / 3, 1e-12);
    EXPECT_EQ(p.breaches, 1.0);
  }
}

// Who leaves a pathway before its end, and how, exactly (deterministic times, patients placed at
// time 0): at `triage` (two beds, 1 day) a "seen" patient goes on to `clinic`, whose only bed is
// taken for 10 days and which turns patients away when full (turned away), and a "triaged_out"
// patient leaves the system by a route (a planned exit, not a failure). On the waiting `list`
// (one bed, taken for 10 days) a patient waiting at time 0 gives up after 2 days. So the
// triage-to-clinic pathway has 2 entered, 0 completions, 1 left by route, 1 turned away, and the
// list's own pathway 2 entered, 1 completion, 1 gave up; abandoned is the sum of the three.
TEST(PathwayTarget, LeavingBeforeTheEndIsCountedByHowPatientsLeft) {
  model::Scenario s = build::scenario("pathway_leavers", 20, 0, 2, 93);
  s.patient_types = {build::patient_type("seen", 1), build::patient_type("triaged_out", 1)};
  s.arrivals = {build::source("elsewhere_referrals", "elsewhere", 1.0)};
  model::Service triage = build::service("triage", 2, model::Deterministic{1.0});
  triage.initial_in_service = {build::cohort(0, 1, "seen"), build::cohort(0, 1, "triaged_out")};
  triage.routes = {build::route("clinic")};
  model::TypeOverride out;
  out.patient_type = "triaged_out";
  out.routes = std::vector<model::Route>{};
  triage.by_type = {out};
  model::Service clinic = build::service("clinic", 1, model::Deterministic{10.0}, 0);
  clinic.when_full = model::WhenFull::Lose;
  clinic.initial_in_service = {build::cohort(0, 1)};
  model::Service list = build::service("list", 1, model::Deterministic{10.0});
  list.initial_in_service = {build::cohort(0, 1)};
  list.initial_waiting = {build::cohort(0, 1)};
  list.patience = model::Deterministic{2.0};
  s.services = {triage, clinic, list, build::service("elsewhere", std::nullopt, model::Exponential{1.0})};
  s.pathways = {pathway("triage_to_clinic", "triage", "clinic", 30), pathway("list_wait", "list", "list", 30)};

  const run::BatchResult batch = run::run_batch(s);
  for (const auto& rep : batch.replications) {
    const stats::PathwayResult& triage_to_clinic = rep.pathways.at(0);
    EXPECT_EQ(triage_to_clinic.entered, 2.0);
    EXPECT_EQ(triage_to_clinic.completions, 0.0);
    EXPECT_EQ(triage_to_clinic.left_by_route, 1.0);
    EXPECT_EQ(triage_to_clinic.left_turned_away, 1.0);
    EXPECT_EQ(triage_to_clinic.left_gave_up, 0.0);
    EXPECT_EQ(triage_to_clinic.abandoned, 2.0);
    const stats::PathwayResult& list_wait = rep.pathways.at(1);
    EXPECT_EQ(list_wait.entered, 2.0);
    EXPECT_EQ(list_wait.completions, 1.0);
    EXPECT_EQ(list_wait.left_by_route, 0.0);
    EXPECT_EQ(list_wait.left_turned_away, 0.0);
    EXPECT_EQ(list_wait.left_gave_up, 1.0);
    EXPECT_EQ(list_wait.abandoned, 1.0);
  }
}

}  // namespace
}  // namespace carepath::validation
