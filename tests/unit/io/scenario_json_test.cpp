// SPDX-License-Identifier: MIT
// Reading scenarios: a valid file becomes the Scenario it describes, in days and per day, with the
// format's defaults; a bad one throws one ScenarioError naming every problem by JSON pointer.
// tests/errors/ pins the exact text of each message; these tests pin behaviour.
#include <carepath/io/scenario_json.hpp>

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

using testing::ElementsAre;
using testing::Field;
using testing::HasSubstr;

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

// The smallest valid scenario; tests change one thing in it.
nlohmann::json minimal_scenario() {
  return nlohmann::json::parse(R"({
    "name": "m",
    "run": { "horizon": "100d" },
    "arrivals": [ { "name": "a", "to": "s", "rate": "1/day" } ],
    "services": [ { "name": "s", "capacity": 1,
                    "service_time": { "distribution": "exponential", "mean": "1d" } } ]
  })");
}

LoadedScenario parse(const nlohmann::json& document) { return parse_scenario(document.dump(), "test.json"); }

std::vector<Diagnostic> errors_of_text(const std::string& text) {
  try {
    (void)parse_scenario(text, "test.json");
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError for " << text;
  return {};
}

std::vector<Diagnostic> errors_of(const nlohmann::json& document) { return errors_of_text(document.dump()); }

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

TEST(ParseScenario, ReadsAQueueLimitOfZeroAsALossSystem) {
  auto document = minimal_scenario();
  document["services"][0]["queue_limit"] = 0;
  EXPECT_EQ(parse(document).scenario.services[0].queue_limit, 0U);
}

TEST(ParseScenario, ReadsTheLargestSeed) {
  auto document = minimal_scenario();
  document["run"]["seed"] = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(parse(document).scenario.run.seed, std::numeric_limits<std::uint64_t>::max());
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
                 "plans/winter.json: /run/horizon: expected a duration with a unit, such as \"4h\" or \"28d\", got 365\n"
                 "plans/winter.json: /services/0/capacity: expected a positive integer or \"unlimited\", got 0");
  }
}

TEST(ParseScenario, ReportsSyntaxErrorsWithLineAndColumn) {
  const auto errors = errors_of_text("{\n  \"name\": \"m\"\n  \"run\": {}\n}");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].path, "");
  EXPECT_THAT(errors[0].message, testing::StartsWith("line 3, column 7: syntax error"));
}

TEST(ParseScenario, ReportsNumbersTooLargeToReadInsteadOfCrashing) {
  const auto errors = errors_of_text(R"({"name": 1e400})");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].message, HasSubstr("1e400"));
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

TEST(ParseScenario, SurvivesDeeplyNestedValues) {
  const std::size_t depth = 100'000;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  const auto errors = errors_of_text(R"({"name": )" + nested + "}");
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "/name");
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

}  // namespace
}  // namespace carepath::io
