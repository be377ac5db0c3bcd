// SPDX-License-Identifier: MIT
// Whole-scenario checks on scenarios built in code: names, probabilities, patients present at the
// start, and the shape of the service graph (exits, diverts, reneging, blocking cycles, pathways),
// each reported by name at the pointer the JSON file would have.
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

// ---- Format v2: names ----------------------------------------------------------------------------

TEST(CheckScenario, ReservesSystemAsAServiceName) {
  Scenario s = pathway();
  s.services.push_back(service(kSystemRow));
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/2/name",
                                     "'system' is reserved for the whole-system rows of the results, so it cannot "
                                     "name a service")));
}

TEST(CheckScenario, ReportsDuplicatePatientTypeAndPathwayNames) {
  Scenario s = pathway();
  s.patient_types = {{"adult", 1, {}}, {"adult", 2, {}}};
  s.pathways = {{"rtt", "triage", "clinic", 126, {}}, {"rtt", "triage", "triage", 1, {}}};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/patient_types/1/name",
                                     "patient type name 'adult' is already used by /patient_types/0"),
                          diagnostic(Severity::Error, "/pathways/1/name",
                                     "pathway name 'rtt' is already used by /pathways/0")));
}

TEST(PatientTypeNames, IsPatientWhenNoneAreListed) {
  Scenario s = pathway();
  EXPECT_THAT(patient_type_names(s), ElementsAre("patient"));
  s.patient_types = {{"b", 1, {}}, {"a", 0, {}}, {"b", 2, {}}};
  EXPECT_THAT(patient_type_names(s), ElementsAre("b", "a"));
}

TEST(CheckScenario, SuggestsAPatientTypeWhereverOneIsNamed) {
  Scenario s = pathway();
  s.patient_types = {{"frail", 0, {}}, {"adult", 1, {}}};
  s.arrivals[0].patient_type = "fral";
  TypeOverride slash_type;
  slash_type.patient_type = "a/b";
  s.services[0].by_type = {slash_type};
  s.services[1].initial_waiting = {{1.0, 2, "adlt"}};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/arrivals/0/patient_type",
                                     "unknown patient type 'fral'; did you mean 'frail'? (known: frail, adult)"),
                          error_at("/services/0/by_type/a~1b", HasSubstr("unknown patient type 'a/b'")),
                          error_at("/services/1/initial/waiting", HasSubstr("did you mean 'adult'?"))));
}

TEST(CheckScenario, KnowsTheDefaultPatientType) {
  Scenario s = pathway();
  s.arrivals[0].patient_type = "patient";
  TypeOverride override_for_type;
  override_for_type.patient_type = "patient";
  s.services[0].by_type = {override_for_type};
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, ChecksDivertRenegeAndPathwayNames) {
  Scenario s = pathway();
  s.services[0].when_full = WhenFull::Divert;
  s.services[0].divert_to = "clinc";
  s.services[1].when_full = WhenFull::Divert;
  s.services[1].divert_to = kExit;
  s.services[1].renege_to = "triag";
  s.pathways = {{"p", "triage", "ward", 1, {}}};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(error_at("/services/0/when_full/divert", HasSubstr("did you mean 'clinic'?")),
                          diagnostic(Severity::Error, "/services/1/when_full/divert",
                                     "a full service cannot divert to 'exit'; use \"lose\" to turn patients away"),
                          error_at("/services/1/renege_to", HasSubstr("did you mean 'triage'?")),
                          error_at("/pathways/0/end", HasSubstr("unknown service 'ward'"))));
}

// A patient who gives up at triage joins the clinic's queue, and the clinic's back at triage.
Scenario renege_loop(DistributionSpec triage_patience, DistributionSpec clinic_patience) {
  Scenario s = pathway();
  s.services[0].patience = triage_patience;
  s.services[0].renege_to = "clinic";
  s.services[1].patience = clinic_patience;
  s.services[1].renege_to = "triage";
  return s;
}

TEST(CheckScenario, AcceptsARenegeCycleWhoseRoundTakesAMinuteOrMore) {
  EXPECT_THAT(check_scenario(renege_loop(Exponential{0.5 / (24 * 60)}, Deterministic{0.5 / (24 * 60)})), IsEmpty());
}

TEST(CheckScenario, RefusesARenegeCycleFasterThanAMinute) {
  // 20 s + 20 s: a patient finding both full would be sent round 2,160 times a day.
  EXPECT_THAT(check_scenario(renege_loop(Deterministic{20.0 / 86'400}, Exponential{20.0 / 86'400})),
              ElementsAre(error_at("/services/0/renege_to",
                                   HasSubstr("renege cycle triage -> clinic -> triage: its shortest mean patiences add "
                                             "up to 40 seconds, but must add up to at least 60"))));
}

TEST(CheckScenario, TakesTheShortestPatienceOfAnyTypeRoundARenegeCycle) {
  Scenario s = renege_loop(Exponential{1.0}, Exponential{1.0});
  TypeOverride impatient;
  impatient.patient_type = "patient";
  impatient.patience = Deterministic{0};
  s.services[0].by_type = {impatient};
  s.services[1].by_type = {impatient};
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/0/renege_to", HasSubstr("add up to 0 seconds"))));
}

TEST(CheckScenario, RefusesRenegingToTheSameService) {
  Scenario s = pathway();
  s.services[1].patience = Exponential{1.0};
  s.services[1].renege_to = "clinic";
  EXPECT_THAT(check_scenario(s),
              ElementsAre(error_at("/services/1/renege_to", HasSubstr("a service cannot renege to itself"))));
}

// ---- What the engine can honour (model/engine_limits.hpp) ------------------------------------------

TEST(CheckScenario, RefusesParametersTheSamplersCannotHonourWhereverTheyAre) {
  Scenario s = pathway();
  s.services[0].service_time = Gamma{1.0, 1e-300};
  s.services[0].routes[0].transfer_delay = Lognormal{1e-300, 1.0};
  TypeOverride child;
  child.patient_type = "patient";
  child.patience = Weibull{0.01, 1.0};
  s.services[1].by_type = {child};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/0/service_time/sd",
                                     "is 1e-300 days, but must be a standard deviation from mean / 10000 to 10 × mean"),
                          error_at("/services/0/next/0/transfer_delay/mean", HasSubstr("from \"0.001s\"")),
                          diagnostic(Severity::Error, "/services/1/by_type/patient/patience/shape",
                                     "is 0.01, but must be a shape from 0.1 to 100")));
}

TEST(CheckScenario, BoundsArrivalsByEveryMultiplierAtItsPeak) {
  // 1/day, a month at 10, a surge of 10: at most 100 a day over 1000 days, 1e5 in all: accepted.
  // The same with a surge of 1e308 would reach infinity.
  Scenario s = pathway();
  s.run.horizon = 1000;
  ArrivalProfile profile;
  profile.month_of_year[0] = 10;
  profile.surges = {{Date{}, Date{}, 10}};
  s.arrivals[0].profile = profile;
  EXPECT_THAT(check_scenario(s), IsEmpty());
  s.arrivals[0].profile->surges[0].multiplier = 1e308;
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/arrivals/0", HasSubstr("more than 1.7e+308 over the "
                                                                                 "1000-day horizon"))));
}

TEST(CheckScenario, LimitsThePatientsPresentToThePatientIndex) {
  Scenario s = pathway();
  s.services[0].capacity.reset();
  s.services[0].initial_waiting = {{1, 16'777'215, ""}};
  EXPECT_THAT(check_scenario(s), IsEmpty());
  s.services[1].capacity.reset();
  s.services[1].initial_in_service = {{1, 1, ""}};
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services", HasSubstr("16777216 patients are present"))));
}

// ---- Format v2: probabilities and patients at the start -------------------------------------------

TEST(CheckScenario, ChecksTheRoutesOfEachPatientType) {
  Scenario s = pathway();
  TypeOverride child;
  child.patient_type = "patient";
  child.routes = std::vector<Route>{{"clinic", 0.5}, {"ward", 0.4}};
  s.services[0].by_type = {child};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(error_at("/services/0/by_type/patient/next/1/to", HasSubstr("unknown service 'ward'")),
                          diagnostic(Severity::Error, "/services/0/by_type/patient/next",
                                     "probabilities sum to 0.9, but must sum to 1")));
}

TEST(CheckScenario, ComparesPatientsInServiceWithTheCapacityAtTheStart) {
  Scenario s = pathway();
  s.start_date = Date(std::chrono::year{2023}, std::chrono::January, std::chrono::day{2});  // a Monday
  s.services[1].capacity = 10;
  s.services[1].initial_in_service = {{1.0, 6, ""}, {2.0, 4, ""}};
  EXPECT_THAT(check_scenario(s), IsEmpty());
  // A night shift on Mondays from midnight sets the capacity at the start.
  RosterShift night;
  night.weekdays = {true, false, false, false, false, false, false};
  night.from_hour = 0;
  night.to_hour = 8;
  night.capacity = 3;
  s.services[1].roster = {night};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/1/initial/in_service",
                                     "10 patients are in service at the start, but the capacity then is 3")));
  s.services[1].capacity = std::nullopt;
  s.services[1].roster.clear();
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, ComparesPatientsWaitingWithTheQueueLimit) {
  Scenario s = pathway();
  s.services[1].queue_limit = 4;
  s.services[1].initial_waiting = {{1.0, 5, ""}};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/1/initial/waiting",
                                     "5 patients are waiting at the start, but the queue holds at most 4")));
}

TEST(CheckScenario, CountsPatientsPresentAtTheStartAsReachingAService) {
  Scenario s = pathway();
  s.services.push_back(service("legacy_list"));
  s.services[2].initial_waiting = {{30.0, 12, ""}};
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

// ---- Format v2: the graph -------------------------------------------------------------------------

TEST(CheckScenario, FindsWaysOutThroughTheRoutesOfAnyType) {
  Scenario s = pathway();
  s.services[1].routes = {{"clinic", 1}};
  TypeOverride discharged;
  discharged.patient_type = "patient";
  discharged.routes = std::vector<Route>{{kExit, 1}};
  s.services[1].by_type = {discharged};
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, FindsWaysOutThroughDivertsAndReneging) {
  Scenario s = pathway();
  s.services[1].routes = {{"clinic", 1}};
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/1", HasSubstr("can never leave"))));
  s.services[1].when_full = WhenFull::Divert;
  s.services[1].divert_to = "triage";
  EXPECT_THAT(check_scenario(s), IsEmpty());

  s.services[1].when_full = WhenFull::Block;
  s.services[1].renege_to = kExit;  // without patience nobody reneges: still no way out
  EXPECT_THAT(check_scenario(s), ElementsAre(error_at("/services/1", HasSubstr("can never leave"))));
  s.services[1].patience = Exponential{2.0};
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, ReportsEachDivertCycleOnceFromItsFirstService) {
  Scenario s = pathway();
  s.services.push_back(service("ward", {{kExit, 1}}));
  s.services.push_back(service("annexe", {{kExit, 1}}));
  s.arrivals.push_back(arrival("ambulances", "ward"));
  const auto divert = [&](std::size_t from, const char* to) {
    s.services[from].when_full = WhenFull::Divert;
    s.services[from].divert_to = to;
  };
  divert(0, "clinic");  // triage leads into the cycle but is not part of it
  divert(1, "ward");
  divert(2, "annexe");
  divert(3, "clinic");
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/services/1/when_full/divert",
                                     "divert cycle clinic -> ward -> annexe -> clinic: when all of them are full, a "
                                     "patient would be sent round it forever")));
}

Service blocking(std::string name, std::initializer_list<Route> routes) {
  Service s = service(std::move(name), routes);
  s.queue_limit = 2;
  return s;
}

TEST(CheckScenario, WarnsAboutACycleOfBlockingServices) {
  Scenario s;
  s.name = "loop";
  s.arrivals = {arrival("admissions", "acute")};
  s.services = {blocking("acute", {{"rehab", 0.5}, {kExit, 0.5}}),
                blocking("rehab", {{"care_home", 0.5}, {"acute", 0.5}}),
                blocking("care_home", {{"rehab", 0.2}, {kExit, 0.8}})};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Warning, "/services/0",
                                     "blocking cycle acute -> rehab -> acute can deadlock: each service in it has "
                                     "finite capacity and queue, and blocks when full")));
}

TEST(CheckScenario, NeedsFiniteCapacityAndQueueAndBlockingForABlockingCycle) {
  Scenario s;
  s.name = "loop";
  s.arrivals = {arrival("admissions", "acute")};
  s.services = {blocking("acute", {{"rehab", 0.5}, {kExit, 0.5}}), blocking("rehab", {{"acute", 1}})};
  ASSERT_THAT(check_scenario(s), testing::SizeIs(1));
  s.services[1].queue_limit = std::nullopt;
  EXPECT_THAT(check_scenario(s), IsEmpty());
  s.services[1].queue_limit = 2;
  s.services[1].capacity = std::nullopt;
  EXPECT_THAT(check_scenario(s), IsEmpty());
  s.services[1].capacity = 1;
  s.services[1].when_full = WhenFull::Lose;
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

TEST(CheckScenario, WarnsAboutAServiceThatBlocksOnItself) {
  Scenario s = pathway();
  s.services[1] = blocking("clinic", {{"clinic", 0.1}, {kExit, 0.9}});
  EXPECT_THAT(check_scenario(s), ElementsAre(AllOf(Field(&Diagnostic::severity, Severity::Warning),
                                                   Field(&Diagnostic::message,
                                                         HasSubstr("blocking cycle clinic -> clinic can deadlock")))));
}

TEST(CheckScenario, RequiresEachPathwaysEndReachableFromItsStart) {
  Scenario s = pathway();
  s.pathways = {{"whole", "triage", "clinic", 28, {}}, {"same", "clinic", "clinic", 1, {}},
                {"backwards", "clinic", "triage", 28, {}}};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(diagnostic(Severity::Error, "/pathways/2/end",
                                     "'triage' cannot be reached from 'clinic', the pathway's start, so no patient "
                                     "can complete it")));
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

// A pool nobody requires limits nothing; a need above the most the pool ever has (its base, a
// dated change, or its roster shifts added up) stops that service for good. Both are warnings.
TEST(CheckScenario, WarnsAboutAPoolNobodyNeedsAndANeedNoRosterMeets) {
  Scenario s = pathway();
  Resource nurses;
  nurses.name = "nurses";
  nurses.capacity = 1;
  nurses.unit = "nurses";
  nurses.roster = {RosterShift{.weekdays = {true, true, true, true, true, false, false}, .from_hour = 9, .to_hour = 17,
                               .capacity = 2}};
  Resource porters;
  porters.name = "porters";
  porters.capacity = 3;
  s.resources = {nurses, porters};
  s.services[1].requires_resources = {{"nurses", 3}};
  EXPECT_THAT(check_scenario(s),
              ElementsAre(AllOf(Field(&Diagnostic::severity, Severity::Warning),
                                Field(&Diagnostic::path, "/services/1/requires/0/units"),
                                Field(&Diagnostic::message, HasSubstr("never has more than 2"))),
                          AllOf(Field(&Diagnostic::severity, Severity::Warning), Field(&Diagnostic::path, "/resources/1"),
                                Field(&Diagnostic::message, HasSubstr("no service requires 'porters'")))));
  s.services[1].requires_resources = {{"nurses", 2}, {"porters", 1}};
  EXPECT_THAT(check_scenario(s), IsEmpty());
}

}  // namespace
}  // namespace carepath::model
