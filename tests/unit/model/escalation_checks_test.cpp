// SPDX-License-Identifier: MIT
// Escalation steps that can never act are warnings (model/escalation_checks.cpp), each at the
// step's pointer and naming the service.
#include "model/escalation_checks.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace carepath::model {
namespace {

using testing::AllOf;
using testing::ElementsAre;
using testing::Field;
using testing::IsEmpty;

auto warning(const std::string& path, const std::string& message) {
  return AllOf(Field(&Diagnostic::severity, Severity::Warning), Field(&Diagnostic::path, path),
               Field(&Diagnostic::message, message));
}

EscalationStep step(double after, std::uint32_t to_priority) {
  EscalationStep s;
  s.after = after;
  s.to_priority = to_priority;
  return s;
}

// Types urgent (priority 0) and routine (priority 2) at one service "ed"; a 100-day run.
Scenario two_types() {
  Scenario s;
  s.run.horizon = 100;
  PatientType urgent;
  urgent.name = "urgent";
  urgent.priority = 0;
  PatientType routine;
  routine.name = "routine";
  routine.priority = 2;
  s.patient_types = {urgent, routine};
  Service ed;
  ed.name = "ed";
  s.services = {ed};
  return s;
}

std::vector<Diagnostic> checked(const Scenario& s) {
  std::vector<Diagnostic> out;
  check_escalation(s, out);
  return out;
}

TEST(CheckEscalation, AStepThatRaisesSomeTypeIsFine) {
  Scenario s = two_types();
  s.services[0].escalate = {step(0.5, 1), step(2, 0)};
  EXPECT_THAT(checked(s), IsEmpty());
}

TEST(CheckEscalation, WarnsAboutAStepThatRaisesNobody) {
  Scenario s = two_types();
  s.services[0].escalate = {step(0.5, 0)};
  TypeOverride routine;
  routine.patient_type = "routine";
  routine.priority = 0;  // routine is urgent here: nobody is below priority 0
  s.services[0].by_type = {routine};
  EXPECT_THAT(checked(s), ElementsAre(warning("/services/0/escalate",
                                              "raises no patient's priority at 'ed': every patient type it applies "
                                              "to is already at priority 0 or higher when it is due, so it has no "
                                              "effect")));
}

TEST(CheckEscalation, WarnsAboutATypesOwnStepThatRaisesNothingAndAStepAfterTheHorizon) {
  Scenario s = two_types();
  TypeOverride urgent;
  urgent.patient_type = "urgent";
  urgent.escalate = std::vector<EscalationStep>{step(0.5, 0)};
  s.services[0].by_type = {urgent};
  s.services[0].escalate = {step(1, 1), step(365, 0)};
  EXPECT_THAT(checked(s),
              ElementsAre(warning("/services/0/escalate/1/after",
                                  "is not before the run's horizon, so nobody waiting at 'ed' is escalated by it"),
                          warning("/services/0/by_type/urgent/escalate",
                                  "raises no patient's priority at 'ed': 'urgent' is already at priority 0 or "
                                  "higher when it is due, so it has no effect")));
}

}  // namespace
}  // namespace carepath::model
