// SPDX-License-Identifier: MIT
// Conservation of patients, exactly, in every replication (format contract, "Statistics
// semantics"). Counts are integers stored as doubles, exact below 2^53, so equality is exact:
//   each service: present_at_start + arrivals = completions + losses + present_at_end
//   the system:   present_at_start + arrivals = departures + losses + present_at_end
// and, since every loss is counted both at its service and for the system, and v1 has no
// transfer delays (a patient in the system is always at exactly one service):
//   sum of service losses = system losses; sum of service present_at_* = system present_at_*.
// Along a route taken with probability 1, every completion is an arrival downstream, lost or not:
//   tandem triage -> ward: ward arrivals = triage completions, system arrivals = triage arrivals,
//                           system departures = ward completions;
//   Jackson: treatment arrivals = assessment completions, review arrivals = treatment
//            completions, review completions = departures + (assessment arrivals - system arrivals).
// With no warm-up the system starts empty, so every present_at_start is 0.
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace carepath::validation {
namespace {

/// A short run: conservation holds exactly whatever the length, so there is no need for more.
model::Scenario example(const std::string& file, double warm_up = 100) {
  model::Scenario scenario = io::load_scenario(CAREPATH_SOURCE_DIR "/scenarios/examples/" + file).scenario;
  scenario.run.warm_up = warm_up;
  scenario.run.horizon = warm_up + 500;
  scenario.run.replications = 8;
  return scenario;
}

/// triage (2 servers, unlimited queue) -> ward (2 beds, no waiting room): Erlang B(2, 2) = 0.4 of
/// the patients routed to the ward are lost on the way, which exercises internal losses.
model::Scenario tandem_with_internal_losses() {
  model::Scenario scenario;
  scenario.name = "tandem_losses";
  scenario.run.horizon = 600;
  scenario.run.warm_up = 100;
  scenario.run.replications = 8;
  scenario.run.seed = 5;
  model::ArrivalSource referrals;
  referrals.name = "referrals";
  referrals.to = "triage";
  referrals.rate_per_day = 2.0;
  scenario.arrivals.push_back(referrals);
  model::Service triage;
  triage.name = "triage";
  triage.capacity = 2;
  triage.service_time = model::Exponential{0.4};
  triage.routes = {model::Route{"ward", 1.0}};
  model::Service ward;
  ward.name = "ward";
  ward.capacity = 2;
  ward.queue_limit = 0;
  ward.service_time = model::Exponential{1.0};
  scenario.services = {triage, ward};
  return scenario;
}

bool is_count(double x) { return x >= 0 && std::floor(x) == x; }

/// The identities that hold for every scenario, in every replication.
void expect_conserved(const run::BatchResult& batch) {
  ASSERT_FALSE(batch.replications.empty());
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    double losses = 0;
    double at_start = 0;
    double at_end = 0;
    for (std::size_t i = 0; i < rep.services.size(); ++i) {
      SCOPED_TRACE("service " + batch.service_names.at(i));
      const stats::ServiceResult& s = rep.services[i];
      for (const double x : {s.arrivals, s.completions, s.losses, s.present_at_start, s.present_at_end}) {
        EXPECT_TRUE(is_count(x)) << x;
      }
      EXPECT_EQ(s.present_at_start + s.arrivals, s.completions + s.losses + s.present_at_end);
      losses += s.losses;
      at_start += s.present_at_start;
      at_end += s.present_at_end;
    }
    const stats::SystemResult& sys = rep.system;
    for (const double x : {sys.arrivals, sys.departures, sys.losses, sys.present_at_start, sys.present_at_end}) {
      EXPECT_TRUE(is_count(x)) << x;
    }
    EXPECT_EQ(sys.present_at_start + sys.arrivals, sys.departures + sys.losses + sys.present_at_end);
    EXPECT_EQ(sys.losses, losses);
    EXPECT_EQ(sys.present_at_start, at_start);
    EXPECT_EQ(sys.present_at_end, at_end);
  }
}

TEST(Conservation, SingleQueues) {
  for (const char* file : {"mm1.json", "mmc.json"}) {
    SCOPED_TRACE(file);
    expect_conserved(run::run_batch(example(file)));
  }
}

TEST(Conservation, LossSystems) {
  for (const char* file : {"erlang_loss.json", "mmck.json"}) {
    SCOPED_TRACE(file);
    const run::BatchResult batch = run::run_batch(example(file));
    expect_conserved(batch);
    double losses = 0;
    for (const auto& rep : batch.replications) losses += rep.system.losses;
    EXPECT_GT(losses, 0) << "the scenario should turn patients away";
  }
}

TEST(Conservation, TandemWithInternalLosses) {
  const run::BatchResult batch = run::run_batch(tandem_with_internal_losses());
  expect_conserved(batch);
  double ward_losses = 0;
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    const stats::ServiceResult& triage = rep.services.at(0);
    const stats::ServiceResult& ward = rep.services.at(1);
    EXPECT_EQ(ward.arrivals, triage.completions);
    EXPECT_EQ(rep.system.arrivals, triage.arrivals);
    EXPECT_EQ(rep.system.departures, ward.completions);
    EXPECT_EQ(triage.losses, 0.0);
    ward_losses += ward.losses;
  }
  EXPECT_GT(ward_losses, 0) << "patients routed to a full ward should be lost";
}

TEST(Conservation, JacksonNetworkWithFeedback) {
  const run::BatchResult batch = run::run_batch(example("jackson.json"));
  expect_conserved(batch);
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    const stats::ServiceResult& assessment = rep.services.at(0);
    const stats::ServiceResult& treatment = rep.services.at(1);
    const stats::ServiceResult& review = rep.services.at(2);
    EXPECT_EQ(treatment.arrivals, assessment.completions);
    EXPECT_EQ(review.arrivals, treatment.completions);
    EXPECT_EQ(review.completions, rep.system.departures + (assessment.arrivals - rep.system.arrivals));
  }
}

TEST(Conservation, NoWarmUpStartsEmpty) {
  for (const char* file : {"mmck.json", "jackson.json"}) {
    SCOPED_TRACE(file);
    const run::BatchResult batch = run::run_batch(example(file, 0));
    expect_conserved(batch);
    for (const auto& rep : batch.replications) {
      EXPECT_EQ(rep.system.present_at_start, 0.0);
      for (const auto& s : rep.services) EXPECT_EQ(s.present_at_start, 0.0);
    }
  }
}

}  // namespace
}  // namespace carepath::validation
