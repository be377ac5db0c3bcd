// SPDX-License-Identifier: MIT
// Conservation of patients, exactly, in every replication (format v2, "Engine semantics").
// Counts are integers stored as doubles, exact below 2^53, so equality is exact:
//   each service: present_at_start + arrivals
//                   = completions + losses + diverted + reneges + present_at_end
//   the system:   present_at_start + arrivals = departures + losses + reneges + present_at_end
// where present counts waiting patients and occupied beds (blocked beds included) at a service,
// and for the system also patients in transit. Across services:
//   - every loss leaves the system: sum of service losses = system losses;
//   - system reneges are those who gave up to the exit, so at most the sum of service reneges;
//   - with instant transfers a patient in the system is always at exactly one service, so the
//     service present_at_* sum to the system's; with transfer delays (patients in transit, bed
//     released) the sum can only be smaller;
//   - with patient types, the by-type arrivals and completions partition the service's.
// Along a route taken with probability 1, every completion is an arrival downstream, lost or not:
//   tandem triage -> ward: ward arrivals = triage completions, system arrivals = triage arrivals,
//                           system departures = ward completions;
//   Jackson: treatment arrivals = assessment completions, review arrivals = treatment
//            completions, review completions = departures + (assessment arrivals - system arrivals).
// The v2 network (blocking, reneging to the exit and to another service, diversion, transfer
// delays that keep the bed and that release it, two priority classes with a service-time
// override, and initial patients) adds, at the same instants:
//   overflow arrivals = ward diverted; system reneges = ae reneges (clinic reneges go to ae);
//   system arrivals = ae arrivals - clinic reneges + clinic arrivals.
// Escalation moves patients between the queues of one service only, so the same identities hold
// with it.
// With no warm-up the system starts empty, so every present_at_start is 0, unless the scenario
// places patients at time 0: then present_at_start counts them.
#include "scenario_builders.hpp"

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

/// triage (2 servers, unlimited queue) -> ward (2 beds, no waiting room, turning patients away):
/// Erlang B(2, 2) = 0.4 of the patients routed to the ward are lost on the way, which exercises
/// internal losses. (The default, block, would keep them in their triage cubicle instead.)
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
  triage.routes = {build::route("ward")};
  model::Service ward;
  ward.name = "ward";
  ward.capacity = 2;
  ward.queue_limit = 0;
  ward.when_full = model::WhenFull::Lose;
  ward.service_time = model::Exponential{1.0};
  scenario.services = {triage, ward};
  return scenario;
}

/// Urgent and routine patients at ae (priority, a service-time override for urgent, patience,
/// giving up to the exit); 30% go to the ward after a transfer delay in transit (bed released).
/// The ward (4 beds, 2 places to wait) diverts to overflow (2 beds, no queue, turns away) when
/// full; 40% of ward patients go to rehab after a delay in their ward bed (bed kept), and rehab
/// (2 beds, no queue, block) keeps them there while full. Routine clinic patients give up and go
/// to ae instead.
model::Scenario v2_network(double warm_up) {
  model::Scenario s = build::scenario("v2_network", warm_up + 500, warm_up, 8, 9);
  s.patient_types = {build::patient_type("urgent", 0), build::patient_type("routine", 1)};
  s.arrivals = {build::source("ae_urgent", "ae", 1.5, "urgent"), build::source("ae_routine", "ae", 2.5, "routine"),
                build::source("clinic_routine", "clinic", 0.5, "routine")};

  model::Service ae = build::service("ae", 3, model::Exponential{0.5});
  ae.patience = model::Exponential{1.0};
  model::TypeOverride urgent;
  urgent.patient_type = "urgent";
  urgent.service_time = model::Exponential{0.3};
  ae.by_type = {urgent};
  ae.routes = {build::delayed_route("ward", 0.3, model::Exponential{1.0}, false), build::route(model::kExit, 0.7)};

  model::Service ward = build::service("ward", 4, model::Exponential{3.0}, 2);
  ward.when_full = model::WhenFull::Divert;
  ward.divert_to = "overflow";
  ward.routes = {build::delayed_route("rehab", 0.4, model::Exponential{0.5}, true), build::route(model::kExit, 0.6)};

  model::Service overflow = build::service("overflow", 2, model::Exponential{2.0}, 0);
  overflow.when_full = model::WhenFull::Lose;

  model::Service rehab = build::service("rehab", 2, model::Exponential{5.0}, 0);

  model::Service clinic = build::service("clinic", 1, model::Exponential{1.5});
  clinic.patience = model::Exponential{3.0};
  clinic.renege_to = "ae";

  s.services = {ae, ward, overflow, rehab, clinic};
  return s;
}

enum V2 : std::size_t { Ae, Ward, Overflow, Rehab, Clinic };

bool is_count(double x) { return x >= 0 && std::floor(x) == x; }

/// The identities that hold for every scenario, in every replication. `instant_transfers`: no
/// route has a transfer delay, so nobody is ever in transit between services.
void expect_conserved(const run::BatchResult& batch, bool instant_transfers = true) {
  ASSERT_FALSE(batch.replications.empty());
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    double losses = 0;
    double reneges = 0;
    double at_start = 0;
    double at_end = 0;
    for (std::size_t i = 0; i < rep.services.size(); ++i) {
      SCOPED_TRACE("service " + batch.labels.services.at(i));
      const stats::ServiceResult& s = rep.services[i];
      for (const double x : {s.arrivals, s.completions, s.losses, s.diverted, s.reneges, s.present_at_start,
                             s.present_at_end}) {
        EXPECT_TRUE(is_count(x)) << x;
      }
      EXPECT_EQ(s.present_at_start + s.arrivals,
                s.completions + s.losses + s.diverted + s.reneges + s.present_at_end);
      losses += s.losses;
      reneges += s.reneges;
      at_start += s.present_at_start;
      at_end += s.present_at_end;
    }
    const stats::SystemResult& sys = rep.system;
    for (const double x : {sys.arrivals, sys.departures, sys.losses, sys.reneges, sys.present_at_start,
                           sys.present_at_end}) {
      EXPECT_TRUE(is_count(x)) << x;
    }
    EXPECT_EQ(sys.present_at_start + sys.arrivals, sys.departures + sys.losses + sys.reneges + sys.present_at_end);
    EXPECT_EQ(sys.losses, losses);
    EXPECT_LE(sys.reneges, reneges);
    if (instant_transfers) {
      EXPECT_EQ(sys.present_at_start, at_start);
      EXPECT_EQ(sys.present_at_end, at_end);
    } else {
      EXPECT_LE(at_start, sys.present_at_start);
      EXPECT_LE(at_end, sys.present_at_end);
    }
    if (!rep.by_type.empty()) {
      const std::size_t n = rep.services.size();
      ASSERT_EQ(rep.by_type.size() % n, 0u);
      for (std::size_t i = 0; i < n; ++i) {
        double arrivals = 0;
        double completions = 0;
        for (std::size_t t = 0; t < rep.by_type.size() / n; ++t) {
          arrivals += rep.by_type[t * n + i].arrivals;
          completions += rep.by_type[t * n + i].completions;
        }
        EXPECT_EQ(arrivals, rep.services[i].arrivals) << batch.labels.services.at(i);
        EXPECT_EQ(completions, rep.services[i].completions) << batch.labels.services.at(i);
      }
    }
  }
}

/// The v2 network's own identities, and proof that each mechanism was exercised.
void expect_v2_network_conserved(const run::BatchResult& batch) {
  expect_conserved(batch, false);
  double diverted = 0, lost = 0, ae_reneges = 0, clinic_reneges = 0, blocked = 0, in_transit = 0;
  for (std::size_t r = 0; r < batch.replications.size(); ++r) {
    SCOPED_TRACE("replication " + std::to_string(r));
    const stats::ReplicationResult& rep = batch.replications[r];
    ASSERT_EQ(rep.services.size(), 5u);
    ASSERT_EQ(rep.by_type.size(), 2u * 5u);
    EXPECT_FALSE(rep.deadlock.has_value());
    EXPECT_EQ(rep.services[Overflow].arrivals, rep.services[Ward].diverted);
    EXPECT_EQ(rep.system.reneges, rep.services[Ae].reneges);
    EXPECT_EQ(rep.system.arrivals,
              rep.services[Ae].arrivals - rep.services[Clinic].reneges + rep.services[Clinic].arrivals);
    diverted += rep.services[Ward].diverted;
    lost += rep.services[Overflow].losses;
    ae_reneges += rep.services[Ae].reneges;
    clinic_reneges += rep.services[Clinic].reneges;
    blocked += rep.services[Ward].blocked_bed_days;
    double at_services = 0;
    for (const auto& s : rep.services) at_services += s.present_at_end;
    in_transit += rep.system.present_at_end - at_services;
  }
  EXPECT_GT(diverted, 0) << "the ward should divert";
  EXPECT_GT(lost, 0) << "overflow should turn patients away";
  EXPECT_GT(ae_reneges, 0) << "ae patients should give up";
  EXPECT_GT(clinic_reneges, 0) << "clinic patients should give up";
  EXPECT_GT(blocked, 0) << "rehab should block ward beds";
  EXPECT_GT(in_transit, 0) << "some patient should be in transit at the horizon";
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

TEST(Conservation, V2NetworkWithEveryMechanism) {
  expect_v2_network_conserved(run::run_batch(v2_network(100)));
}

TEST(Conservation, V2NetworkFromAnInitialState) {
  model::Scenario s = v2_network(0);
  s.services[Clinic].initial_waiting = {build::cohort(2.0, 5, "routine")};
  s.services[Ward].initial_in_service = {build::cohort(1.0, 3)};
  const run::BatchResult batch = run::run_batch(s);
  expect_v2_network_conserved(batch);
  for (const auto& rep : batch.replications) {
    EXPECT_EQ(rep.services[Clinic].present_at_start, 5.0);
    EXPECT_EQ(rep.services[Ward].present_at_start, 3.0);
    EXPECT_EQ(rep.system.present_at_start, 8.0);
  }
}

// Escalation moves patients between queues of a service, never in or out of it: with routine ae
// patients escalated after 2.4 hours (while they may also give up: two timers at once) and clinic
// patients after a day, some of them waiting since before the run, every identity still holds.
TEST(Conservation, V2NetworkWithEscalation) {
  model::Scenario s = v2_network(100);
  model::EscalationStep after_hours;
  after_hours.after = 0.1;
  after_hours.to_priority = 0;
  model::EscalationStep after_a_day = after_hours;
  after_a_day.after = 1.0;
  s.services[Ae].escalate = {after_hours};
  s.services[Clinic].escalate = {after_a_day};
  s.services[Clinic].initial_waiting = {build::cohort(2.0, 5, "routine")};
  const run::BatchResult batch = run::run_batch(s);
  expect_v2_network_conserved(batch);
  double ae = 0, clinic = 0;
  for (const auto& rep : batch.replications) {
    ae += rep.services[Ae].escalations;
    clinic += rep.services[Clinic].escalations;
  }
  EXPECT_GT(ae, 0) << "routine ae patients should be escalated";
  EXPECT_GT(clinic, 0) << "clinic patients should be escalated";
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
  const run::BatchResult batch = run::run_batch(v2_network(0));
  expect_v2_network_conserved(batch);
  for (const auto& rep : batch.replications) {
    EXPECT_EQ(rep.system.present_at_start, 0.0);
    for (const auto& s : rep.services) EXPECT_EQ(s.present_at_start, 0.0);
  }
}

}  // namespace
}  // namespace carepath::validation
