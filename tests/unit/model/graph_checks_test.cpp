// SPDX-License-Identifier: MIT
// Whole-scenario checks on scenarios built in code: names, probabilities, and the shape of the
// service graph, each reported by service name at the pointer the JSON file would have.
#include "model/graph_checks.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <limits>
#include <string>

namespace carepath::model {
namespace {

using testing::AllOf;
using testing::ElementsAre;
using testing::Field;
using testing::HasSubstr;
using testing::IsEmpty;

Service service(std::string name, std::initializer_list<Route> routes = {}) {
  Service s;
  s.name = std::move(name);
  s.capacity = 1;
  s.routes = routes;
  return s;
}

ArrivalSource arrival(std::string name, std::string to) { return {std::move(name), std::move(to), 1.0, {}}; }

// referrals -> triage -> (clinic 0.7 | exit 0.3); clinic -> exit.
Scenario pathway() {
  Scenario s;
  s.name = "pathway";
  s.arrivals = {arrival("referrals", "triage")};
  s.services = {service("triage", {{"clinic", 0.7}, {kExit, 0.3}}), service("clinic")};
  return s;
}

auto diagnostic(Severity severity, const std::string& path, const std::string& message) {
  return AllOf(Field(&Diagnostic::severity, severity), Field(&Diagnostic::path, path),
               Field(&Diagnostic::message, message));
}

auto error_at(const std::string& path, const auto& message_matcher) {
  return AllOf(Field(&Diagnostic::severity, Severity::Error), Field(&Diagnostic::path, path),
               Field(&Diagnostic::message, message_matcher));
}

TEST(CheckScenario, AcceptsASoundPathway) { EXPECT_THAT(check_scenario(pathway()), IsEmpty()); }

TEST(CheckScenario, AcceptsLoopsThatCanStillReachTheExit) {
  Scenario s = pathway();
  s.services[1].routes = {{"triage", 0.1}, {kExit, 0.9}};  // A tenth come back for rework.
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, ReportsDuplicateServiceNamesAtTheLaterOne) {
  Scenario s = pathway();
  s.services.push_back(service("triage"));
  EXPECT_THAT(check_scenario(s), ElementsAre(diagnostic(Severity::Error, "/services/2/name",
                                                        "service name 'triage' is already used by /services/0")));
}

TEST(CheckScenario, ReportsDuplicateArrivalNames) {
  Scenario s = pathway();
  s.arrivals.push_back(arrival("referrals", "clinic"));
  EXPECT_THAT(check_scenario(s), ElementsAre(diagnostic(Severity::Error, "/arrivals/1/name",
                                                        "arrival name 'referrals' is already used by /arrivals/0")));
}

TEST(CheckScenario, ReservesExitAsAServiceName) {
  Scenario s = pathway();
  s.services.push_back(service(kExit));
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/2/name", HasSubstr("reserved"))));
}

TEST(CheckScenario, SuggestsAServiceForAnUnknownRouteTarget) {
  Scenario s = pathway();
  s.services[0].routes[0].to = "clinc";
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/0/next/0/to",
                                     "unknown service 'clinc'; did you mean 'clinic'? (known: triage, clinic)")));
}

TEST(CheckScenario, SuggestsAServiceForAnUnknownArrivalTarget) {
  Scenario s = pathway();
  s.arrivals[0].to = "triag";
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/arrivals/0/to", HasSubstr("did you mean 'triage'?"))));
}

TEST(CheckScenario, RejectsArrivalsStraightToTheExit) {
  Scenario s = pathway();
  s.arrivals.push_back(arrival("walk_out", kExit));
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/arrivals/1/to", HasSubstr("'exit'"))));
}

TEST(CheckScenario, ReportsProbabilitiesThatDoNotSumToOne) {
  Scenario s = pathway();
  s.services[0].routes = {{"clinic", 0.2}, {kExit, 0.77}};
  EXPECT_THAT(check_scenario(s), ElementsAre(diagnostic(Severity::Error, "/services/0/next",
                                                        "probabilities sum to 0.97, but must sum to 1")));
}

TEST(CheckScenario, ToleratesRoundingInProbabilitySums) {
  Scenario s = pathway();
  s.services[0].routes = {{"clinic", 1.0 / 3}, {"clinic", 1.0 / 3}, {kExit, 1.0 / 3}};
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, RejectsProbabilitiesOutsideZeroToOneEvenIfTheySumToOne) {
  Scenario s = pathway();
  s.services[0].routes = {{"clinic", 1.5}, {kExit, -0.5}};
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/0/next/0/probability", HasSubstr("1.5")),
                                             error_at("/services/0/next/1/probability", HasSubstr("-0.5"))));
}

TEST(CheckScenario, RejectsANaNProbability) {
  Scenario s = pathway();
  s.services[0].routes = {{"clinic", std::numeric_limits<double>::quiet_NaN()}, {kExit, 1}};
  EXPECT_THAT(check_scenario(s), testing::Contains(Field(&Diagnostic::path, "/services/0/next")));
}

TEST(CheckScenario, NamesEveryServiceTrappedInALoop) {
  Scenario s = pathway();
  s.services[1].routes = {{"ward", 1}};
  s.services.push_back(service("ward", {{"clinic", 1}}));
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/1",
                                     "patients at 'clinic' can never leave the system: no route from it reaches 'exit'"),
                          diagnostic(Severity::Error, "/services/2",
                                     "patients at 'ward' can never leave the system: no route from it reaches 'exit'")));
}

TEST(CheckScenario, DoesNotCountARouteWithProbabilityZeroAsAWayOut) {
  Scenario s = pathway();
  s.services[1].routes = {{"clinic", 1}, {kExit, 0}};
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/1", HasSubstr("'clinic' can never leave"))));
}

TEST(CheckScenario, WarnsAboutAServiceNoArrivalReaches) {
  Scenario s = pathway();
  s.services.push_back(service("orphan"));
  EXPECT_THAT(check_scenario(s),
              ElementsAre(AllOf(Field(&Diagnostic::severity, Severity::Warning), Field(&Diagnostic::path, "/services/2"),
                                Field(&Diagnostic::message, HasSubstr("'orphan'")))));
}

TEST(CheckScenario, ReportsATypoOnceNotAlsoAsADeadEnd) {
  Scenario s = pathway();
  s.services[1].routes = {{"exti", 1}};
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/1/next/0/to", HasSubstr("unknown service 'exti'"))));
}

TEST(CheckScenario, ReportsEveryKindOfProblemTogether) {
  Scenario s = pathway();
  s.services[0].routes = {{"clinic", 0.5}, {kExit, 0.4}};
  s.arrivals.push_back(arrival("referrals", "nowhere"));
  EXPECT_THAT(check_scenario(s), ElementsAre(Field(&Diagnostic::path, "/arrivals/1/name"),
                                             Field(&Diagnostic::path, "/arrivals/1/to"),
                                             Field(&Diagnostic::path, "/services/0/next")));
}

TEST(RequireValid, PassesWithOnlyWarnings) {
  Scenario s = pathway();
  s.services.push_back(service("orphan"));
  EXPECT_NO_THROW(require_valid(s, "x.json"));
}

TEST(RequireValid, ThrowsTheErrorsWithoutTheWarnings) {
  Scenario s = pathway();
  s.services.push_back(service("orphan"));
  s.services[0].routes[0].probability = 0.5;
  try {
    require_valid(s, "x.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.source(), "x.json");
    EXPECT_STREQ(e.what(), "x.json: /services/0/next: probabilities sum to 0.8, but must sum to 1");
  }
}

}  // namespace
}  // namespace carepath::model
