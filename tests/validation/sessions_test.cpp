// SPDX-License-Identifier: MIT
// Clinics and panels (model::ClinicSessions) against queues computed exactly here.
//  - A clinic holding one session a day at noon with s slots, Poisson referrals at lambda a day:
//    with Q_n the patients still waiting just after session n and A_n ~ Poisson(lambda) the
//    referrals until the next, Q_{n+1} = max(Q_n + A_n - s, 0). Its stationary law is found by
//    iterating that recursion on the distribution. Referrals arrive evenly between sessions, so
//    the time-average queue is L = E[Q] + lambda / 2 and, as every referral is seen in the end,
//    the mean wait from referral to appointment is L / lambda (Little). lambda = 3.2, s = 4.
//  - A decision panel every Tuesday at 14:00 deciding up to 5 cases, referrals 4 a week: the
//    same recursion at a weekly period (a bulk-service queue), with L = E[Q] + 7 lambda / 2.
//  - Did-not-attend with rebooking: of the min(Q_n + A_n, s) booked, Binomial(., 1 - p) attend
//    and the others stay at the head of the queue: Q_{n+1} = Q_n + A_n - attended. p = 0.15.
//  - In steady state every referral is seen once, so the slots used per session are lambda per
//    session (a check of the slot counts against the queue); with k follow-ups, lambda (1 + k).
// Tolerances: ci_check.hpp (one 99% family per test, Student-t intervals over 30 replications
// of 3,000 days after a 100-day warm-up; these queues forget their start within weeks).
// Conservation of patients and slots is checked exactly in every replication, and a small
// deterministic clinic checks the booking order and a dated change of timetable to the day.
#include "ci_check.hpp"
#include "scenario_builders.hpp"

#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace carepath::validation {
namespace {

model::Session session(std::array<bool, 7> weekdays, double at_hour, std::uint32_t slots) {
  return {.weekdays = weekdays, .at_hour = at_hour, .slots = slots};
}

constexpr std::array<bool, 7> kEveryDay{true, true, true, true, true, true, true};
constexpr std::array<bool, 7> kTuesday{false, true, false, false, false, false, false};

model::Service clinic(std::string name, std::vector<model::Session> timetable, double did_not_attend = 0,
                      model::NotAttended not_attended = model::NotAttended::Rebook) {
  model::Service s = build::service(std::move(name), std::nullopt, model::Deterministic{1.0 / (24 * 60)});
  s.sessions = model::ClinicSessions{
      .timetable = std::move(timetable), .changes = {}, .did_not_attend = did_not_attend, .not_attended = not_attended};
  return s;
}

/// E[Q] just after a session, Q_{n+1} = Q_n + A_n - attended, A_n ~ Poisson(mean_arrivals),
/// attended ~ Binomial(min(Q_n + A_n, slots), 1 - dna): the stationary law by iteration.
double mean_left_after_session(double mean_arrivals, std::uint32_t slots, double dna = 0) {
  constexpr std::size_t kStates = 400;  // P(Q >= 400) is far below double precision here
  std::vector<double> poisson(kStates, 0);
  poisson[0] = std::exp(-mean_arrivals);
  for (std::size_t k = 1; k < kStates; ++k) poisson[k] = poisson[k - 1] * mean_arrivals / static_cast<double>(k);
  // binomial[m][j]: probability that j of m booked patients attend.
  std::vector<std::vector<double>> binomial(slots + 1);
  for (std::uint32_t m = 0; m <= slots; ++m) {
    binomial[m].assign(m + 1, 0);
    for (std::uint32_t j = 0; j <= m; ++j) {
      binomial[m][j] = std::tgamma(m + 1.0) / (std::tgamma(j + 1.0) * std::tgamma(m - j + 1.0)) *
                       std::pow(1 - dna, j) * std::pow(dna, m - j);
    }
  }
  std::vector<double> law(kStates, 0);
  law[0] = 1;
  // Poisson terms past the mean that fall below 1e-20 change nothing at double precision.
  std::size_t arrivals_kept = kStates;
  for (std::size_t a = 0; a < kStates; ++a) {
    if (static_cast<double>(a) > mean_arrivals && poisson[a] < 1e-20) {
      arrivals_kept = a;
      break;
    }
  }
  for (double change = 1; change > 1e-15;) {
    std::vector<double> next(kStates, 0);
    for (std::size_t q = 0; q < kStates; ++q) {
      if (law[q] < 1e-300) continue;
      for (std::size_t a = 0; a < arrivals_kept && q + a < kStates; ++a) {
        const std::size_t before = q + a;
        const std::size_t booked = std::min<std::size_t>(before, slots);
        for (std::size_t j = 0; j <= booked; ++j) next[before - j] += law[q] * poisson[a] * binomial[booked][j];
      }
    }
    change = 0;
    for (std::size_t q = 0; q < kStates; ++q) change += std::abs(next[q] - law[q]);
    law = std::move(next);
  }
  double mean = 0;
  for (std::size_t q = 0; q < kStates; ++q) mean += static_cast<double>(q) * law[q];
  return mean;
}

std::vector<double> used_per_session(const run::BatchResult& batch) {
  std::vector<double> values;
  for (const auto& rep : batch.replications) values.push_back(rep.clinics.at(0).slots_used / rep.clinics.at(0).sessions);
  return values;
}

model::Scenario one_clinic(model::Service service, double rate_per_day) {
  model::Scenario s = build::scenario("clinic", sized(3000.0, 1000.0), 100, sized(30U, 15U), 20261129);
  s.arrivals.push_back(build::source("referrals", service.name, rate_per_day));
  s.services.push_back(std::move(service));
  return s;
}

void expect_queue_of(const run::BatchResult& batch, double period_days, double lambda_per_day, double expected_q) {
  const double l = expected_q + lambda_per_day * period_days / 2;
  CiFamily ci(3);
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue), l));
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), l / lambda_per_day));
  EXPECT_TRUE(ci.contains("slots used per session", used_per_session(batch), lambda_per_day * period_days));
}

TEST(Sessions, ADailyClinicIsTheDiscreteTimeQueue) {
  const double q = mean_left_after_session(3.2, 4);
  const run::BatchResult batch = run::run_batch(one_clinic(clinic("clinic", {session(kEveryDay, 12, 4)}), 3.2));
  expect_queue_of(batch, 1, 3.2, q);
}

TEST(Sessions, AWeeklyPanelIsTheBulkServiceQueue) {
  const double q = mean_left_after_session(4, 5);
  const run::BatchResult batch = run::run_batch(one_clinic(clinic("panel", {session(kTuesday, 14, 5)}), 4.0 / 7));
  expect_queue_of(batch, 7, 4.0 / 7, q);
}

TEST(Sessions, PatientsWhoDoNotAttendAreRebookedAtTheHead) {
  const double q = mean_left_after_session(3.2, 5, 0.15);
  const run::BatchResult batch =
      run::run_batch(one_clinic(clinic("clinic", {session(kEveryDay, 12, 5)}, 0.15), 3.2));
  CiFamily ci(3);
  const double l = q + 3.2 / 2;
  EXPECT_TRUE(ci.contains("mean_queue", per_replication(batch, 0, &stats::ServiceResult::mean_queue), l));
  EXPECT_TRUE(ci.contains("wait_mean", per_replication(batch, 0, &stats::ServiceResult::wait_mean), l / 3.2));
  // Every referral is seen once and books 1 / (1 - p) slots on average.
  std::vector<double> missed_per_session;
  for (const auto& rep : batch.replications) missed_per_session.push_back(rep.clinics[0].not_attended / rep.clinics[0].sessions);
  EXPECT_TRUE(ci.contains("not attended per session", missed_per_session, 3.2 * 0.15 / 0.85));
}

// With k follow-ups each, every referral books 1 + k appointments: in steady state a daily clinic
// uses lambda (1 + k) slots a session, lambda k of them for follow-ups (lambda = 1.5, k = 1, a
// week apart, 4 shared slots: 75% booked).
TEST(Sessions, FollowUpsMultiplyTheSlotsUsed) {
  model::Service with_follow_ups = clinic("clinic", {session(kEveryDay, 12, 4)});
  with_follow_ups.sessions->follow_ups = 1;
  with_follow_ups.sessions->follow_up_interval = 7;
  const run::BatchResult batch = run::run_batch(one_clinic(std::move(with_follow_ups), 1.5));
  std::vector<double> follow_ups_per_session;
  for (const auto& rep : batch.replications) follow_ups_per_session.push_back(rep.clinics[0].follow_ups / rep.clinics[0].sessions);
  CiFamily ci(2);
  EXPECT_TRUE(ci.contains("slots used per session", used_per_session(batch), 3.0));
  EXPECT_TRUE(ci.contains("follow-ups per session", follow_ups_per_session, 1.5));
}

// Slots: offered = used + wasted and wasted = not attended + unused, exactly. Patients: with no
// warm-up and nobody there at the start, arrivals = completions + reneges + present_at_end,
// where those discharged after not attending are the reneges and those between appointments are
// present. With two follow-ups a fortnight apart, and follow-up slots apart on Tuesdays.
TEST(Sessions, PatientsAndSlotsAreConservedInEveryReplication) {
  for (const auto rule : {model::NotAttended::Rebook, model::NotAttended::Discharge}) {
    model::Session tuesday = session(kTuesday, 14, 2);
    tuesday.follow_up_slots = 3;
    model::Service with_follow_ups = clinic("clinic", {session(kEveryDay, 9, 3), tuesday}, 0.2, rule);
    with_follow_ups.sessions->follow_ups = 2;
    with_follow_ups.sessions->follow_up_interval = 14;
    model::Scenario s = one_clinic(std::move(with_follow_ups), 1.5);
    s.run.warm_up = 0;
    s.run.horizon = 400;
    s.run.replications = 6;
    const run::BatchResult batch = run::run_batch(s);
    for (std::size_t r = 0; r < batch.replications.size(); ++r) {
      const auto& c = batch.replications[r].clinics.at(0);
      const auto& service = batch.replications[r].services.at(0);
      EXPECT_EQ(c.slots_offered, c.slots_used + c.slots_wasted) << "replication " << r;
      EXPECT_EQ(c.slots_wasted, c.not_attended + c.unused_slots) << "replication " << r;
      EXPECT_EQ(c.slots_offered, 400.0 * 3 + 57 * 5) << "replication " << r;  // 57 Tuesdays in 400 days from a Monday
      EXPECT_GT(c.follow_ups, 0.0);
      EXPECT_LT(c.follow_ups, c.slots_used);
      EXPECT_EQ(service.arrivals, service.completions + service.reneges + service.present_at_end) << "replication " << r;
      EXPECT_EQ(service.reneges, rule == model::NotAttended::Discharge ? c.not_attended : 0.0) << "replication " << r;
      EXPECT_GT(c.not_attended, 0.0);
    }
  }
}

// Seven children already waiting at time 0 (Monday), one of them urgent; a clinic on Wednesdays
// at 09:00 with 2 slots, 4 from day 7 on. Day 2 sees the urgent child and the longest wait; day 9
// the other 4; day 16 nobody is left. Waits are from time 0, as nobody had waited before.
TEST(Sessions, BookingFollowsPriorityThenReferralAndTheTimetableChangesOnItsDate) {
  constexpr std::array<bool, 7> kWednesday{false, false, true, false, false, false, false};
  model::Scenario s = build::scenario("order", 21, 0, 1, 1);
  s.patient_types = {build::patient_type("urgent", 0), build::patient_type("routine", 1)};
  model::Service c = clinic("clinic", {session(kWednesday, 9, 2)});
  c.sessions->changes.push_back({.from = build::day(s, 7), .timetable = {session(kWednesday, 9, 4)}});
  c.initial_waiting = {build::cohort(0, 5, "routine"), build::cohort(0, 1, "urgent")};
  s.services.push_back(std::move(c));
  s.arrivals.push_back(build::source("none", "clinic", 0.0));
  const run::BatchResult batch = run::run_batch(s);
  const auto& rep = batch.replications.at(0);
  const double first = 2 + 9.0 / 24;
  EXPECT_EQ(rep.services[0].completions, 6.0);
  EXPECT_NEAR(rep.services[0].wait_mean, (2 * first + 4 * (first + 7)) / 6, 1e-9);
  EXPECT_EQ(rep.by_type.at(0).completions, 1.0);  // urgent, seen at the first session
  EXPECT_NEAR(rep.by_type.at(0).wait_mean, first, 1e-9);
  EXPECT_EQ(rep.clinics[0].slots_offered, 2.0 + 4 + 4);
  EXPECT_EQ(rep.clinics[0].unused_slots, 4.0);
  // After the first session 4 wait: the next session (day 9, 4 slots) sees them all.
  EXPECT_NEAR(rep.clinics[0].booked_horizon_mean, (7.0 + 0 + 0) / 3, 1e-9);
}

// Follow-ups, by hand. Three patients waiting at time 0 (a Monday); a clinic on Mondays at 09:00
// with one new and one follow-up slot; two follow-ups due on the day 7 days after each 1-hour
// appointment ends. A: new day 0, follow-ups days 7 and 14, then leaves. B: new day 7, follow-up
// due day 14 but the slot is A's, so day 21. C: new day 14, follow-up due day 21 but B's slot
// then; due before B's next (day 28), C has day 28. Day 21's and 28's new slots find nobody.
TEST(Sessions, FollowUpsAreDueAfterTheIntervalAndBookedInTheirOwnSlots) {
  constexpr std::array<bool, 7> kMonday{true, false, false, false, false, false, false};
  model::Scenario s = build::scenario("follow-ups", 35, 0, 1, 1);
  model::Session monday = session(kMonday, 9, 1);
  monday.follow_up_slots = 1;
  model::Service c = clinic("clinic", {monday});
  c.service_time = model::Deterministic{1.0 / 24};
  c.sessions->follow_ups = 2;
  c.sessions->follow_up_interval = 7;
  c.initial_waiting = {build::cohort(0, 3)};
  s.services.push_back(std::move(c));
  s.arrivals.push_back(build::source("none", "clinic", 0.0));
  const run::BatchResult batch = run::run_batch(s);
  const auto& rep = batch.replications.at(0);
  const auto& clinic_result = rep.clinics.at(0);
  EXPECT_EQ(clinic_result.sessions, 5.0);
  EXPECT_EQ(clinic_result.slots_offered, 10.0);
  EXPECT_EQ(clinic_result.slots_used, 7.0);
  EXPECT_EQ(clinic_result.follow_ups, 4.0);
  EXPECT_EQ(clinic_result.unused_slots, 3.0);
  EXPECT_EQ(rep.services[0].completions, 1.0);     // A, after its second follow-up
  EXPECT_EQ(rep.services[0].present_at_end, 2.0);  // B and C, between appointments
  EXPECT_NEAR(rep.services[0].wait_mean, 7 + 9.0 / 24, 1e-9);  // to the first appointment only
  EXPECT_NEAR(rep.services[0].sojourn_mean, 14 + 10.0 / 24, 1e-9);
}

// Without follow-up slots apart, follow-ups due are booked first: one slot each Monday goes to
// A's follow-ups on days 7 and 14, so B's first appointment is day 21.
TEST(Sessions, FollowUpsDueComeBeforeNewPatientsInSharedSlots) {
  constexpr std::array<bool, 7> kMonday{true, false, false, false, false, false, false};
  model::Scenario s = build::scenario("shared-slots", 35, 0, 1, 1);
  model::Service c = clinic("clinic", {session(kMonday, 9, 1)});
  c.service_time = model::Deterministic{1.0 / 24};
  c.sessions->follow_ups = 2;
  c.sessions->follow_up_interval = 7;
  c.initial_waiting = {build::cohort(0, 2)};
  s.services.push_back(std::move(c));
  s.arrivals.push_back(build::source("none", "clinic", 0.0));
  const run::BatchResult batch = run::run_batch(s);
  const auto& rep = batch.replications.at(0);
  EXPECT_NEAR(rep.services[0].wait_mean, (9.0 / 24 + 21 + 9.0 / 24) / 2, 1e-9);
  EXPECT_EQ(rep.clinics.at(0).follow_ups, 3.0);  // A's two, B's first on day 28
  EXPECT_EQ(rep.clinics.at(0).unused_slots, 0.0);
}

}  // namespace
}  // namespace carepath::validation
