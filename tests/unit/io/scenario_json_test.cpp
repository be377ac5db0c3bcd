// SPDX-License-Identifier: MIT
// Reading scenarios: a valid file becomes the Scenario it describes, in days and per day, with the
// format's defaults; a bad one throws one ScenarioError naming every problem by JSON pointer.
// tests/errors/ pins the exact text of each message; these tests pin behaviour. The parts of the
// format with files of their own (capacity, arrival profiles, initial state) have their own tests.
#include <carepath/io/scenario_json.hpp>

#include "scenario_documents.hpp"

#include <carepath/time.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace carepath::io {
namespace {

using testing::AllOf;
using testing::ElementsAre;
using testing::Field;
using testing::HasSubstr;
using testing::IsEmpty;
using namespace carepath::io::test_documents;

constexpr const char* kFullScenario = R"({
  "$schema": "../schema/carepath.schema.json",
  "name": "clinic-and-ward",
  "description": "A clinic that admits a fifth of its patients to a ward.",
  "notes": ["rates from the 2023 audit", "ward length of stay assumed"],
  "run": { "horizon": "2000d", "warm_up": "12w", "replications": 50, "seed": 42 },
  "arrivals": [
    { "name": "gp_referrals", "to": "clinic", "rate": "5/h" },
    { "name": "tertiary", "to": "clinic", "rate": "730/year", "notes": "one every twelve hours" }
  ],
  "services": [
    { "name": "clinic", "capacity": 3, "queue_limit": 10,
      "service_time": { "distribution": "exponential", "mean": "30min" },
      "next": [ { "to": "ward", "probability": 0.2 }, { "to": "exit", "probability": 0.8 } ] },
    { "$comment": "beds are never the constraint here",
      "name": "ward", "capacity": "unlimited",
      "service_time": { "distribution": "deterministic", "value": "4 h" } }
  ]
})";

model::DistributionSpec service_time_of(const char* distribution) {
  auto document = minimal_scenario();
  document["services"][0]["service_time"] = nlohmann::json::parse(distribution);
  return parse(document).scenario.services.at(0).service_time;
}

TEST(ParseScenario, ReadsEveryFieldInDaysAndPerDay) {
  const auto loaded = parse_scenario(kFullScenario, "full.json");
  const model::Scenario& s = loaded.scenario;

  EXPECT_EQ(s.name, "clinic-and-ward");
  EXPECT_EQ(s.description, "A clinic that admits a fifth of its patients to a ward.");
  EXPECT_THAT(s.notes, ElementsAre("rates from the 2023 audit", "ward length of stay assumed"));
  EXPECT_DOUBLE_EQ(s.run.horizon, 2000);
  EXPECT_DOUBLE_EQ(s.run.warm_up, 84);
  EXPECT_EQ(s.run.replications, 50U);
  EXPECT_EQ(s.run.seed, 42U);

  ASSERT_EQ(s.arrivals.size(), 2U);
  EXPECT_EQ(s.arrivals[0].name, "gp_referrals");
  EXPECT_EQ(s.arrivals[0].to, "clinic");
  EXPECT_DOUBLE_EQ(s.arrivals[0].rate_per_day, 120);
  EXPECT_DOUBLE_EQ(s.arrivals[1].rate_per_day, 2);
  EXPECT_THAT(s.arrivals[1].notes, ElementsAre("one every twelve hours"));

  ASSERT_EQ(s.services.size(), 2U);
  const model::Service& clinic = s.services[0];
  EXPECT_EQ(clinic.name, "clinic");
  EXPECT_EQ(clinic.capacity, 3U);
  EXPECT_EQ(clinic.queue_limit, 10U);
  const auto* clinic_time = std::get_if<model::Exponential>(&clinic.service_time);
  ASSERT_NE(clinic_time, nullptr);
  EXPECT_DOUBLE_EQ(clinic_time->mean, minutes(30));
  ASSERT_EQ(clinic.routes.size(), 2U);
  EXPECT_EQ(clinic.routes[0].to, "ward");
  EXPECT_DOUBLE_EQ(clinic.routes[0].probability, 0.2);
  EXPECT_EQ(clinic.routes[1].to, model::kExit);
  EXPECT_DOUBLE_EQ(clinic.routes[1].probability, 0.8);

  const model::Service& ward = s.services[1];
  EXPECT_EQ(ward.capacity, std::nullopt);
  const auto* ward_time = std::get_if<model::Deterministic>(&ward.service_time);
  ASSERT_NE(ward_time, nullptr);
  EXPECT_DOUBLE_EQ(ward_time->value, hours(4));
  EXPECT_TRUE(ward.routes.empty());

  EXPECT_TRUE(loaded.warnings.empty());
}

TEST(ParseScenario, FillsInTheFormatsDefaults) {
  auto document = minimal_scenario();
  document["services"][0]["next"] = nlohmann::json::parse(R"([{ "to": "exit" }])");
  const model::Scenario s = parse(document).scenario;
  EXPECT_EQ(s.description, "");
  EXPECT_TRUE(s.notes.empty());
  EXPECT_DOUBLE_EQ(s.run.warm_up, 0);
  EXPECT_EQ(s.run.replications, 100U);
  EXPECT_EQ(s.run.seed, 1U);
  EXPECT_EQ(s.services[0].queue_limit, std::nullopt);
  EXPECT_DOUBLE_EQ(s.services[0].routes.at(0).probability, 1);
}

TEST(ParseScenario, ReadsAPrecisionAsAShareOrAnAbsoluteWidth) {
  auto document = minimal_scenario();
  EXPECT_EQ(parse(document).scenario.run.precision, std::nullopt);
  EXPECT_FALSE(parse(document).scenario.run.steady_state);
  document["run"]["precision"] = "2.5%";
  document["run"]["steady_state"] = true;
  const model::Scenario relative = parse(document).scenario;
  ASSERT_TRUE(relative.run.precision.has_value());
  EXPECT_TRUE(relative.run.precision->relative);
  EXPECT_DOUBLE_EQ(relative.run.precision->value, 0.025);
  EXPECT_TRUE(relative.run.steady_state);
  document["run"]["precision"] = 0.5;
  const model::Scenario absolute = parse(document).scenario;
  EXPECT_FALSE(absolute.run.precision->relative);
  EXPECT_DOUBLE_EQ(absolute.run.precision->value, 0.5);
  for (const auto& bad : {nlohmann::json("0%"), nlohmann::json("100%"), nlohmann::json("5"), nlohmann::json(0),
                          nlohmann::json(-1)}) {
    document["run"]["precision"] = bad;
    EXPECT_EQ(error_lines(document).size(), 1U) << bad;
  }
  EXPECT_EQ(parse_precision("5%")->value, 0.05);
  EXPECT_EQ(parse_precision("0.5")->relative, false);
  EXPECT_EQ(parse_precision("1e-1"), std::nullopt);
}

TEST(ParseScenario, RecordsTheCsvFilesItReadOnceEach) {
  const LoadedScenarioSet set = load_scenario_set(data_folder() / "v2_scenario.json");
  ASSERT_EQ(set.csv_files.size(), 3U);
  EXPECT_EQ(set.csv_files[0].name, "ae_daily.csv");
  EXPECT_EQ(set.csv_files[1].name, "camhs_waiting.csv");
  EXPECT_EQ(set.csv_files[2].name, "camhs_in_service.csv");
  EXPECT_EQ(set.csv_files[1].text, "waited,count,patient_type\n2w,3,routine\n10w,2,urgent\n26w,1,\n");
  EXPECT_FALSE(set.text.empty());
}

TEST(ParseScenario, ReadsAQueueLimitOfZeroAsALossSystem) {
  auto document = minimal_scenario();
  document["services"][0]["queue_limit"] = 0;
  EXPECT_EQ(parse(document).scenario.services[0].queue_limit, 0U);
}

TEST(ParseScenario, ReadsASettingAndRefusesAnyOther) {
  auto document = minimal_scenario();
  EXPECT_EQ(parse(document).scenario.services[0].setting, model::Setting::Unset);
  document["services"][0]["setting"] = "hospital";
  EXPECT_EQ(parse(document).scenario.services[0].setting, model::Setting::Hospital);
  document["services"][0]["setting"] = "community";
  EXPECT_EQ(parse(document).scenario.services[0].setting, model::Setting::Community);
  document["services"][0]["setting"] = "ward";
  const auto errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/services/0/setting");
  EXPECT_THAT(errors[0].message, HasSubstr(R"("hospital" or "community")"));
}

TEST(ParseScenario, ReadsAServicesUnitWordBedsByDefault) {
  auto document = minimal_scenario();
  EXPECT_EQ(parse(document).scenario.services[0].unit, "beds");
  document["services"][0]["unit"] = "places";
  EXPECT_EQ(parse(document).scenario.services[0].unit, "places");
  document["services"][0]["unit"] = "";
  const auto errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/services/0/unit");
  EXPECT_THAT(errors[0].message, HasSubstr("a word of 1 to 32 characters"));
}

TEST(ParseScenario, ReadsTheLargestSeed) {
  auto document = minimal_scenario();
  document["run"]["seed"] = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(parse(document).scenario.run.seed, std::numeric_limits<std::uint64_t>::max());
}

TEST(ParseScenario, ReadsTheTrajectoryPeriod) {
  auto document = minimal_scenario();
  EXPECT_EQ(parse(document).scenario.run.trajectory_period, std::nullopt);  // chosen from the horizon
  document["run"]["trajectory_period"] = "month";
  EXPECT_EQ(parse(document).scenario.run.trajectory_period, model::TrajectoryPeriod::Month);
  document["run"]["trajectory_period"] = "monthly";
  EXPECT_THAT(errors_of(document),
              ElementsAre(AllOf(Field(&Diagnostic::path, "/run/trajectory_period"),
                                Field(&Diagnostic::message, "unknown trajectory period 'monthly'; did you mean 'month'? "
                                                            "(known: day, week, month, off)"))));
}

TEST(ParseScenario, ReadsExponential) {
  const auto d = std::get<model::Exponential>(service_time_of(R"({"distribution":"exponential","mean":"2h"})"));
  EXPECT_DOUBLE_EQ(d.mean, hours(2));
}

TEST(ParseScenario, ReadsDeterministicIncludingZero) {
  const auto d = std::get<model::Deterministic>(service_time_of(R"({"distribution":"deterministic","value":"0d"})"));
  EXPECT_DOUBLE_EQ(d.value, 0);
}

TEST(ParseScenario, ReadsUniform) {
  const auto d = std::get<model::Uniform>(service_time_of(R"({"distribution":"uniform","min":"1h","max":"1d"})"));
  EXPECT_DOUBLE_EQ(d.min, hours(1));
  EXPECT_DOUBLE_EQ(d.max, 1);
}

TEST(ParseScenario, ReadsTriangular) {
  const auto d = std::get<model::Triangular>(
      service_time_of(R"({"distribution":"triangular","min":"1d","mode":"1w","max":"3w"})"));
  EXPECT_DOUBLE_EQ(d.min, 1);
  EXPECT_DOUBLE_EQ(d.mode, 7);
  EXPECT_DOUBLE_EQ(d.max, 21);
}

TEST(ParseScenario, ReadsGamma) {
  const auto d = std::get<model::Gamma>(service_time_of(R"({"distribution":"gamma","mean":"10d","sd":"12h"})"));
  EXPECT_DOUBLE_EQ(d.mean, 10);
  EXPECT_DOUBLE_EQ(d.sd, 0.5);
}

TEST(ParseScenario, ReadsLognormal) {
  const auto d =
      std::get<model::Lognormal>(service_time_of(R"({"distribution":"lognormal","mean":"6d","sd":"2w"})"));
  EXPECT_DOUBLE_EQ(d.mean, 6);
  EXPECT_DOUBLE_EQ(d.sd, 14);
}

TEST(ParseScenario, ReadsATruncatedNormalAndWarnsWhenTruncationShiftsItsMean) {
  const auto d = std::get<model::Normal>(service_time_of(R"({"distribution":"normal","mean":"3d","sd":"12h"})"));
  EXPECT_DOUBLE_EQ(d.mean, 3);
  EXPECT_DOUBLE_EQ(d.sd, 0.5);
  auto document = minimal_scenario();
  EXPECT_THAT(warning_lines(document), IsEmpty());
  // A sixth of normal(1d, 1d) lies below zero; redrawing it raises the mean to 1.2876 days.
  document["services"][0]["service_time"] = nlohmann::json::parse(R"({"distribution":"normal","mean":"1d","sd":"1d"})");
  EXPECT_THAT(warning_lines(document),
              ElementsAre("/services/0/service_time: negative draws of this normal are drawn again (truncation at "
                          "zero), so its times have mean 1.288 days, not \"1d\""));
}

TEST(ParseScenario, ReadsWeibullWithAPlainShape) {
  const auto d =
      std::get<model::Weibull>(service_time_of(R"({"distribution":"weibull","shape":1.5,"scale":"36h"})"));
  EXPECT_DOUBLE_EQ(d.shape, 1.5);
  EXPECT_DOUBLE_EQ(d.scale, 1.5);
}

TEST(ParseScenario, ReadsEmpiricalDurations) {
  const auto d = std::get<model::Empirical>(
      service_time_of(R"({"distribution":"empirical","values":["12h","2d","1w"]})"));
  EXPECT_THAT(d.values, ElementsAre(0.5, 2, 7));
}

TEST(ParseScenario, ReadsEmpiricalNumbersInTheGivenUnit) {
  const auto d = std::get<model::Empirical>(
      service_time_of(R"({"distribution":"empirical","unit":"h","values":[6, 12, 36]})"));
  EXPECT_THAT(d.values, ElementsAre(0.25, 0.5, 1.5));
}

TEST(ParseScenario, IgnoresDollarKeysEverywhere) {
  auto document = minimal_scenario();
  document["$schema"] = "x";
  document["run"]["$comment"] = 1;
  document["arrivals"][0]["$comment"] = "y";
  document["services"][0]["service_time"]["$comment"] = "z";
  EXPECT_NO_THROW((void)parse(document));
}

TEST(ParseScenario, WarnsAboutServicesNoArrivalReachesWithoutFailing) {
  auto document = minimal_scenario();
  document["services"].push_back(
      nlohmann::json::parse(R"({"name":"orphan","capacity":1,"service_time":{"distribution":"exponential","mean":"1d"}})"));
  const auto loaded = parse(document);
  ASSERT_EQ(loaded.warnings.size(), 1U);
  EXPECT_EQ(loaded.warnings[0].severity, Severity::Warning);
  EXPECT_EQ(loaded.warnings[0].path, "/services/1");
  EXPECT_THAT(loaded.warnings[0].message, HasSubstr("orphan"));
}

TEST(ParseScenario, CollectsEveryErrorInOneThrow) {
  auto document = minimal_scenario();
  document["run"]["horizon"] = 365;
  document["run"]["replications"] = 0;
  document["arrivals"][0]["rate"] = "-2/day";
  document["services"][0]["capacity"] = -3;
  document["services"][0]["srvice_time"] = document["services"][0]["service_time"];
  document["services"][0].erase("service_time");

  const auto errors = errors_of(document);
  // Within an object, unknown keys come first: they are checked before its fields are read.
  EXPECT_THAT(errors, ElementsAre(Field(&Diagnostic::path, "/run/horizon"), Field(&Diagnostic::path, "/run/replications"),
                                  Field(&Diagnostic::path, "/arrivals/0/rate"),
                                  Field(&Diagnostic::path, "/services/0/srvice_time"),
                                  Field(&Diagnostic::path, "/services/0/capacity"),
                                  Field(&Diagnostic::path, "/services/0")));
  for (const auto& e : errors) EXPECT_EQ(e.severity, Severity::Error);
}

TEST(ParseScenario, NamesTheSourceOnEveryLine) {
  auto document = minimal_scenario();
  document["run"]["horizon"] = 365;
  document["services"][0]["capacity"] = 0;
  try {
    (void)parse_scenario(document.dump(), "plans/winter.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.source(), "plans/winter.json");
    EXPECT_STREQ(e.what(),
                 "plans/winter.json:1:70: /run/horizon: expected a duration with a unit, such as \"4h\" or \"28d\", got "
                 "365\nplans/winter.json:1:98: /services[s]/capacity: expected a positive integer or \"unlimited\", got 0");
  }
}

TEST(ParseScenario, ReportsSyntaxErrorsWithLineAndColumn) {
  // The two common slips in words, at the place to edit; anything else in the parser's words.
  auto errors = errors_of_text("{\n  \"name\": \"m\"\n  \"run\": {}\n}");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "");
  EXPECT_EQ(errors[0].message, "line 3, column 3: a comma is missing before this, after the value that ends at line 2, "
                               "column 13");
  errors = errors_of_text("{\n  \"name\": \"m\",\n  \"run\": [1, 2, ]\n}");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message, "line 3, column 15: a comma before ']' (a trailing comma) is not allowed in JSON: remove it");
  errors = errors_of_text("{\n  \"name\": \"m\",\n  \"run\": [1 2]\n}");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].message, testing::StartsWith("line 3, column 13: syntax error"));
}

TEST(ParseScenario, ReportsNumbersTooLargeToReadInsteadOfCrashing) {
  const auto errors = errors_of_text("{\n  \"name\": -1e400}");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message,
            "line 2, column 11: number -1e400 is out of range: expected a number from -1.7e308 to 1.7e308");
}

TEST(ParseScenario, ChecksTheGraphOnlyOnceEveryFieldIsSound) {
  // Until each service is read, pointers into the file cannot be trusted, so graph problems wait.
  auto document = minimal_scenario();
  document["arrivals"][0]["to"] = "nowhere";
  document["services"][0]["capacity"] = -1;
  EXPECT_THAT(errors_of(document), ElementsAre(Field(&Diagnostic::path, "/services/0/capacity")));

  document["services"][0]["capacity"] = 1;
  EXPECT_THAT(errors_of(document), ElementsAre(Field(&Diagnostic::path, "/arrivals/0/to")));
}

TEST(ParseScenario, SuggestsTheClosestKnownKey) {
  auto document = minimal_scenario();
  document["run"]["horizn"] = "1d";
  const auto errors = errors_of(document);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "/run/horizn");
  EXPECT_THAT(errors[0].message, HasSubstr("did you mean 'horizon'?"));
}

TEST(ParseScenario, SuggestsTheClosestDistribution) {
  const auto errors = errors_of_text(R"({"name":"m","run":{"horizon":"1d"},
      "arrivals":[{"name":"a","to":"s","rate":"1/day"}],
      "services":[{"name":"s","capacity":1,"service_time":{"distribution":"exponetial","mean":"1d"}}]})");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/services/0/service_time/distribution");
  EXPECT_THAT(errors[0].message, HasSubstr("did you mean 'exponential'?"));
}

TEST(ParseScenario, EscapesKeysInJsonPointers) {
  auto document = minimal_scenario();
  document["run"]["a/b~c"] = 1;
  const auto errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/run/a~1b~0c");
}

TEST(ParseScenario, ShortensLongValuesInMessages) {
  auto document = minimal_scenario();
  document["services"][0]["capacity"] = std::string(500, 'x');
  const auto errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_LT(errors[0].message.size(), 150U);
  EXPECT_THAT(errors[0].message, testing::EndsWith("…"));
}

// The black-box test of issue 9 found a SIGSEGV at about 120,000 levels in each of these places.
TEST(ParseScenario, RefusesDeepNestingWithItsPosition) {
  const std::size_t depth = 120'000;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  const std::string services = R"("services": [{"name": "s", "capacity": 1,
      "service_time": {"distribution": "exponential", "mean": "1d"}}])";
  const std::string rest = R"("run": {"horizon": "100d"}, "arrivals": [{"name": "a", "to": "s", "rate": "1/day"}], )";
  const std::vector<std::string> documents{
      R"({"name": )" + nested + "}",
      R"({"name": "m", "arrivals": [{"name": "a", "rate": "1/day", "to": )" + nested + "}]}",
      R"({"name": "m", "$comment": )" + nested + ", " + rest + services + "}",
      R"({"name": "m", )" + rest + services + R"(, "variants": [{"name": "v", "services": {"s": {"capacity": )" +
          nested + "}}}]}",
  };
  for (const std::string& text : documents) {
    const auto errors = errors_of_text(text);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].path, "");
    EXPECT_THAT(errors[0].message, testing::MatchesRegex("line [0-9]+, column [0-9]+: arrays and objects nested "
                                                         "more than 100 levels deep.*"));
  }
}

TEST(ParseScenario, AcceptsNestingUpToTheLimit) {
  auto document = minimal_scenario();
  nlohmann::json nested = nlohmann::json::array();
  for (int level = 1; level < 99; ++level) nested = nlohmann::json::array({nested});  // 99 arrays in the top object: 100 levels
  document["$comment"] = nested;
  EXPECT_NO_THROW((void)parse(document));
  document["$comment"] = nlohmann::json::array({nested});
  EXPECT_THAT(errors_of(document), ElementsAre(Field(&Diagnostic::path, "")));
}

TEST(ParseScenario, RejectsAWarmUpAsLongAsTheHorizon) {
  auto document = minimal_scenario();
  document["run"]["warm_up"] = "100d";
  EXPECT_THAT(errors_of(document), ElementsAre(Field(&Diagnostic::path, "/run/warm_up")));
}

TEST(ParseScenario, RejectsScenarioNamesThatWouldLeaveTheResultsFolder) {
  for (const char* name : {"..", ".", "a/b", ""}) {
    auto document = minimal_scenario();
    document["name"] = name;
    EXPECT_THAT(errors_of(document), ElementsAre(Field(&Diagnostic::path, "/name"))) << name;
  }
}

TEST(ParseScenario, ReportsEachBadEmpiricalValue) {
  const auto errors = errors_of_text(R"({"name":"m","run":{"horizon":"1d"},
      "arrivals":[{"name":"a","to":"s","rate":"1/day"}],
      "services":[{"name":"s","capacity":1,
                   "service_time":{"distribution":"empirical","values":["1d", 2, "3x"]}}]})");
  EXPECT_THAT(errors, ElementsAre(Field(&Diagnostic::path, "/services/0/service_time/values/1"),
                                  Field(&Diagnostic::path, "/services/0/service_time/values/2")));
}

// ---- Format v2: calendar, patient types, pathways and service options ------------------------------

TEST(ParseScenario, StartsOnTheFirstOfJanuary2024ByDefault) {
  EXPECT_EQ(parse(minimal_scenario()).scenario.start_date,
            model::Date(std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}));
}

TEST(ParseScenario, ReadsTheStartDate) {
  auto document = minimal_scenario();
  document["start_date"] = "2022-12-01";
  EXPECT_EQ(parse(document).scenario.start_date,
            model::Date(std::chrono::year{2022}, std::chrono::December, std::chrono::day{1}));
}

TEST(ParseScenario, RejectsDatesTheCalendarDoesNotHave) {
  auto document = minimal_scenario();
  document["start_date"] = "2023-02-29";
  EXPECT_THAT(error_lines(document),
              ElementsAre(R"(/start_date: expected a date in the calendar, got "2023-02-29" (February 2023 has 28 days))"));
  document["start_date"] = "2024-02-29";  // a leap year
  EXPECT_NO_THROW((void)parse(document));
}

TEST(ParseScenario, LeavesThePatientTypesEmptyWhenNoneAreListed) {
  // The model reads "no types" as one type, "patient", which by_type may name.
  auto document = minimal_scenario();
  document["services"][0]["by_type"] = nlohmann::json::parse(R"({"patient": {"priority": 3}})");
  const model::Scenario s = parse(document).scenario;
  EXPECT_TRUE(s.patient_types.empty());
  ASSERT_EQ(s.services[0].by_type.size(), 1U);
  EXPECT_EQ(s.services[0].by_type[0].patient_type, "patient");
}

TEST(ParseScenario, ReadsPatientTypesWithTheirPriorities) {
  auto document = minimal_scenario();
  document["patient_types"] = nlohmann::json::parse(
      R"([{"name": "type1", "priority": 0, "notes": "majors"}, {"name": "type3"}])");
  document["arrivals"][0]["patient_type"] = "type3";
  const model::Scenario s = parse(document).scenario;
  ASSERT_EQ(s.patient_types.size(), 2U);
  EXPECT_EQ(s.patient_types[0].name, "type1");
  EXPECT_EQ(s.patient_types[0].priority, 0U);
  EXPECT_THAT(s.patient_types[0].notes, ElementsAre("majors"));
  EXPECT_EQ(s.patient_types[1].priority, 1U);
  EXPECT_EQ(s.arrivals[0].patient_type, "type3");
}

TEST(ParseScenario, LeavesAnArrivalsPatientTypeEmptyForTheFirstType) {
  EXPECT_EQ(parse(minimal_scenario()).scenario.arrivals[0].patient_type, "");
}

TEST(ParseScenario, ReadsPathwaysWithTargetsInDays) {
  auto document = minimal_scenario();
  document["pathways"] = nlohmann::json::parse(R"([{"name": "four_hours", "start": "s", "end": "s", "target": "4h"}])");
  const model::Scenario s = parse(document).scenario;
  ASSERT_EQ(s.pathways.size(), 1U);
  EXPECT_EQ(s.pathways[0].name, "four_hours");
  EXPECT_EQ(s.pathways[0].start, "s");
  EXPECT_EQ(s.pathways[0].end, "s");
  EXPECT_DOUBLE_EQ(s.pathways[0].target, hours(4));
}

TEST(ParseScenario, TakesAnEmptyOptionalListAsLeftOut) {
  auto document = minimal_scenario();
  document["pathways"] = nlohmann::json::array();
  document["patient_types"] = nlohmann::json::array();
  EXPECT_NO_THROW((void)parse(document));
}

TEST(ParseScenario, BlocksWhenFullByDefault) {
  const model::Service s = parse(minimal_scenario()).scenario.services[0];
  EXPECT_EQ(s.when_full, model::WhenFull::Block);
  EXPECT_EQ(s.divert_to, "");
  EXPECT_EQ(s.patience, std::nullopt);
  EXPECT_EQ(s.renege_to, model::kExit);
  EXPECT_EQ(s.wait_target, std::nullopt);
}

TEST(ParseScenario, ReadsEachWhenFullRule) {
  auto document = minimal_scenario();
  document["services"].push_back(document["services"][0]);
  document["services"][1]["name"] = "t";
  document["services"][0]["when_full"] = "lose";
  document["services"][1]["when_full"] = nlohmann::json::parse(R"({"divert": "s"})");
  const model::Scenario s = parse(document).scenario;
  EXPECT_EQ(s.services[0].when_full, model::WhenFull::Lose);
  EXPECT_EQ(s.services[1].when_full, model::WhenFull::Divert);
  EXPECT_EQ(s.services[1].divert_to, "s");
}

TEST(ParseScenario, ReadsPatienceRenegingAndTheWaitTarget) {
  auto document = minimal_scenario();
  document["services"].push_back(document["services"][0]);
  document["services"][1]["name"] = "callback";
  auto& service = document["services"][0];
  service["patience"] = nlohmann::json::parse(R"({"distribution": "exponential", "mean": "6h"})");
  service["renege_to"] = "callback";
  service["wait_target"] = "18w";
  const model::Service s = parse(document).scenario.services[0];
  ASSERT_TRUE(s.patience.has_value());
  EXPECT_DOUBLE_EQ(std::get<model::Exponential>(*s.patience).mean, 0.25);
  EXPECT_EQ(s.renege_to, "callback");
  ASSERT_TRUE(s.wait_target.has_value());
  EXPECT_DOUBLE_EQ(*s.wait_target, weeks(18));
}

TEST(ParseScenario, WarnsThatRenegeToDoesNothingWithoutPatience) {
  auto document = minimal_scenario();
  document["services"][0]["renege_to"] = "exit";
  EXPECT_THAT(warning_lines(document),
              ElementsAre("/services/0/renege_to: has no effect: without a patience here, nobody gives up waiting"));
  document["services"][0]["by_type"] =
      nlohmann::json::parse(R"({"patient": {"patience": {"distribution": "deterministic", "value": "1d"}}})");
  EXPECT_THAT(warning_lines(document), IsEmpty());
}

TEST(ParseScenario, ReadsTransferDelaysAndWhetherTheBedIsKept) {
  auto document = minimal_scenario();
  document["services"][0]["next"] = nlohmann::json::parse(R"([
    {"to": "exit", "probability": 0.5, "transfer_delay": {"distribution": "deterministic", "value": "2d"}},
    {"to": "exit", "probability": 0.25, "transfer_delay": {"distribution": "exponential", "mean": "1h"}, "keeps_bed": false},
    {"to": "exit", "probability": 0.25}])");
  const auto routes = parse(document).scenario.services[0].routes;
  ASSERT_EQ(routes.size(), 3U);
  ASSERT_TRUE(routes[0].transfer_delay.has_value());
  EXPECT_DOUBLE_EQ(std::get<model::Deterministic>(*routes[0].transfer_delay).value, 2);
  EXPECT_TRUE(routes[0].keeps_bed_during_delay);
  EXPECT_FALSE(routes[1].keeps_bed_during_delay);
  EXPECT_EQ(routes[2].transfer_delay, std::nullopt);
}

TEST(ParseScenario, ReadsOverridesByPatientTypeInFileOrder) {
  // Ordered, as a file is: nlohmann::json would sort the keys.
  nlohmann::ordered_json document = minimal_scenario();
  document["patient_types"] = nlohmann::ordered_json::parse(R"([{"name": "frail"}, {"name": "child"}])");
  document["services"][0]["by_type"] = nlohmann::ordered_json::parse(R"({
    "frail": {"service_time": {"distribution": "exponential", "mean": "2d"}, "priority": 0,
              "patience": {"distribution": "uniform", "min": "1h", "max": "3h"}},
    "$comment": "children go home",
    "child": {"next": [{"to": "exit"}]}})");
  const auto by_type = parse_scenario(document.dump(), "test.json").scenario.services[0].by_type;
  ASSERT_EQ(by_type.size(), 2U);
  EXPECT_EQ(by_type[0].patient_type, "frail");
  ASSERT_TRUE(by_type[0].service_time.has_value());
  EXPECT_DOUBLE_EQ(std::get<model::Exponential>(*by_type[0].service_time).mean, 2);
  EXPECT_EQ(by_type[0].priority, 0U);
  ASSERT_TRUE(by_type[0].patience.has_value());
  EXPECT_DOUBLE_EQ(std::get<model::Uniform>(*by_type[0].patience).max, hours(3));
  EXPECT_EQ(by_type[0].routes, std::nullopt);
  EXPECT_EQ(by_type[1].patient_type, "child");
  ASSERT_TRUE(by_type[1].routes.has_value());
  EXPECT_EQ(by_type[1].routes->at(0).to, model::kExit);
  EXPECT_EQ(by_type[1].service_time, std::nullopt);
  EXPECT_EQ(by_type[1].priority, std::nullopt);
}

TEST(ParseScenario, ChecksGraphRulesOfVersion2) {
  auto document = minimal_scenario();
  document["services"][0]["when_full"] = nlohmann::json::parse(R"({"divert": "s"})");
  EXPECT_THAT(error_lines(document), ElementsAre("/services/0/when_full/divert: a full service cannot divert to itself"));
}

// ---- CSV files named by a scenario --------------------------------------------------------------------

TEST(LoadScenario, FindsCsvFilesBesideTheScenario) {
  const model::Scenario s = load_scenario(data_folder() / "v2_scenario.json").scenario;
  ASSERT_TRUE(s.arrivals[0].profile.has_value());
  EXPECT_EQ(s.arrivals[0].profile->daily_series.size(), 24U);
  EXPECT_EQ(s.services[0].initial_waiting.size(), 3U);
  EXPECT_EQ(s.services[0].initial_in_service.size(), 2U);
}

// Restores the current directory when it goes out of scope, so other tests never see the change.
class CurrentDirectory {
 public:
  explicit CurrentDirectory(const std::filesystem::path& folder) : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(folder);
  }
  ~CurrentDirectory() { std::filesystem::current_path(saved_); }
  CurrentDirectory(const CurrentDirectory&) = delete;
  CurrentDirectory& operator=(const CurrentDirectory&) = delete;

 private:
  std::filesystem::path saved_;
};

nlohmann::json scenario_with_series(const std::string& csv) {
  auto document = minimal_scenario();
  document["start_date"] = "2022-12-01";
  document["run"]["horizon"] = "14d";
  document["arrivals"][0].erase("rate");
  document["arrivals"][0]["profile"] = {{"daily_series", csv}};
  return document;
}

TEST(ParseScenario, FindsCsvFilesInTheCurrentDirectory) {
  const CurrentDirectory in_data(data_folder().parent_path());
  EXPECT_EQ(parse_scenario(scenario_with_series("data/ae_daily.csv").dump(), "text").scenario.arrivals[0]
                .profile->daily_series.size(),
            24U);
}

TEST(ParseScenario, FindsCsvFilesInTheFolderItIsGiven) {
  EXPECT_NO_THROW((void)parse(scenario_with_series("ae_daily.csv"), data_folder()));
  EXPECT_NO_THROW((void)parse(scenario_with_series((data_folder() / "ae_daily.csv").string()), "/nowhere"));
}

TEST(ParseScenario, ReportsACsvFileItCannotRead) {
  // It says where it looked: relative to the scenario's folder, not to where carepath runs.
  EXPECT_THAT(error_lines(scenario_with_series("missing.csv"), data_folder()),
              ElementsAre("/arrivals/0/profile/daily_series: missing.csv: cannot read file: No such file or directory "
                          "(looked beside the scenario, as '" + (data_folder() / "missing.csv").generic_string() + "')"));
  EXPECT_THAT(error_lines(scenario_with_series("missing.csv"), {}),
              ElementsAre("/arrivals/0/profile/daily_series: missing.csv: cannot read file: No such file or directory "
                          "(looked in the current folder)"));
}

TEST(ParseScenario, ShowsTheFirstTenProblemsOfACsvFileAndCountsTheRest) {
  const auto path = std::filesystem::path(::testing::TempDir()) / "carepath_bad_series.csv";
  {
    std::ofstream csv(path);
    csv << "date,arrivals\n";
    for (int day = 1; day <= 14; ++day) csv << "2022-12-" << (day < 10 ? "0" : "") << day << ",x\n";
  }
  const auto errors = errors_of(scenario_with_series(path.string()));
  std::filesystem::remove(path);
  ASSERT_EQ(errors.size(), 11U);
  EXPECT_THAT(errors[0].message, testing::EndsWith("line 2: arrivals: expected a non-negative number, got 'x'"));
  EXPECT_THAT(errors[10].message, testing::EndsWith(": 4 more problems not shown"));
}

TEST(LoadScenario, ReadsAFile) {
  const auto path = std::filesystem::path(testing::TempDir()) / "carepath_load_scenario_test.json";
  std::ofstream(path) << kFullScenario;
  EXPECT_EQ(load_scenario(path).scenario.name, "clinic-and-ward");
  std::filesystem::remove(path);
}

TEST(LoadScenario, ReportsAFileItCannotRead) {
  try {
    (void)load_scenario("no/such/scenario.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_STREQ(e.what(), "no/such/scenario.json: cannot read file: No such file or directory");
  }
}

TEST(LoadScenario, ReportsADirectory) {
  EXPECT_THROW((void)load_scenario(testing::TempDir()), ScenarioError);
}

// run.end_date: the last day of the run, inclusive, instead of a horizon.
TEST(ScenarioEndDate, RunsToTheEndOfTheLastDay) {
  nlohmann::json document = minimal_scenario();
  document["start_date"] = "2022-12-01";
  document["run"] = nlohmann::json::parse(R"({ "end_date": "2023-10-31", "warm_up": "7d" })");
  // 31 days of December, then January to October 2023 (304 days), 31 October included: a horizon
  // of "334d" from the same start would end as 31 October begins.
  EXPECT_DOUBLE_EQ(parse(document).scenario.run.horizon, 335.0);
  document["run"] = nlohmann::json::parse(R"({ "end_date": "2022-12-01" })");
  EXPECT_DOUBLE_EQ(parse(document).scenario.run.horizon, 1.0) << "the start date itself is one whole day";
}

TEST(ScenarioEndDate, ProblemsAreLocated) {
  nlohmann::json document = minimal_scenario();
  document["start_date"] = "2022-12-01";
  document["run"] = nlohmann::json::parse(R"({ "end_date": "2022-11-30" })");
  auto errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/run/end_date");
  EXPECT_EQ(errors[0].message, "expected a date on or after the start date (\"2022-12-01\"), got \"2022-11-30\"");

  document["run"] = nlohmann::json::parse(R"({ "end_date": "2023-01-31", "horizon": "60d" })");
  errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/run/end_date");
  EXPECT_EQ(errors[0].message, "cannot be given with \"horizon\": give one of them");

  document["run"] = nlohmann::json::parse(R"({ "end_date": "2022-12-10", "warm_up": "10d" })");
  errors = errors_of(document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "/run/warm_up");
  EXPECT_EQ(errors[0].message, "expected a duration shorter than the horizon (10 days, to \"2022-12-10\"), got \"10d\"");
}

}  // namespace
}  // namespace carepath::io
