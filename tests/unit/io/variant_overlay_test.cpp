// SPDX-License-Identifier: MIT
// "variants" in the scenario format: how an overlay is merged into the base (keys replace, new
// names add), how service_time_scale scales every distribution kind and arrival "scale" the rate
// and a daily series, and that a variant's problems are reported at the key the planner wrote.
// The exact texts of the overlay's own errors are in tests/errors/bad_variant_*.expected.
#include "scenario_documents.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/distribution.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace carepath::io {
namespace {

using nlohmann::json;
using test_documents::minimal_scenario;
using test_documents::error_lines;
using test_documents::parse_set;

TEST(VariantOverlay, NoVariantsGivesTheBaseAlone) {
  const auto set = parse_set(minimal_scenario());
  EXPECT_EQ(set.base.name, "m");
  EXPECT_TRUE(set.variants.empty());
}

TEST(VariantOverlay, KeysReplaceTheBasesAndTheBaseIsUntouched) {
  json document = minimal_scenario();
  document["variants"] = json::parse(R"([
    { "name": "two", "description": "Two servers.", "notes": "A note.",
      "services": { "s": { "capacity": 2, "queue_limit": 5 } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.variants.size(), 1u);
  EXPECT_EQ(set.base.services[0].capacity, 1u);
  const auto& v = set.variants[0];
  EXPECT_EQ(v.name, "two");
  EXPECT_EQ(v.description, "Two servers.");
  EXPECT_EQ(v.notes, std::vector<std::string>{"A note."});
  EXPECT_EQ(v.scenario.name, "two");
  EXPECT_EQ(v.scenario.description, "Two servers.");
  ASSERT_EQ(v.scenario.services.size(), 1u);
  EXPECT_EQ(v.scenario.services[0].capacity, 2u);
  EXPECT_EQ(v.scenario.services[0].queue_limit, 5u);
  // Untouched keys are the base's.
  EXPECT_DOUBLE_EQ(model::mean_of(v.scenario.services[0].service_time), 1.0);
}

TEST(VariantOverlay, NewNamesAddAServiceAndASourceAtTheEnd) {
  json document = minimal_scenario();
  document["variants"] = json::parse(R"([
    { "name": "more",
      "services": { "s": { "next": [ { "to": "t" } ] },
                    "t": { "capacity": 3, "service_time": { "distribution": "deterministic", "value": "2d" } } },
      "arrivals": { "b": { "to": "t", "rate": "2/day" } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.variants.size(), 1u);
  const auto& s = set.variants[0].scenario;
  ASSERT_EQ(s.services.size(), 2u);
  EXPECT_EQ(s.services[1].name, "t");
  EXPECT_EQ(s.services[1].capacity, 3u);
  ASSERT_EQ(s.services[0].routes.size(), 1u);
  EXPECT_EQ(s.services[0].routes[0].to, "t");
  ASSERT_EQ(s.arrivals.size(), 2u);
  EXPECT_EQ(s.arrivals[1].name, "b");
  EXPECT_DOUBLE_EQ(s.arrivals[1].rate_per_day, 2.0);
}

// Every distribution kind, with a by_type override: the mean scales by the factor and the
// variance by its square, i.e. the scaled draw is factor x the base draw in distribution.
class ServiceTimeScale : public ::testing::TestWithParam<const char*> {};

TEST_P(ServiceTimeScale, ScalesMeanAndSpread) {
  constexpr double kFactor = 0.9;
  json document = minimal_scenario();
  document["patient_types"] = json::parse(R"([ { "name": "x" }, { "name": "y" } ])");
  document["services"][0]["service_time"] = json::parse(GetParam());
  document["services"][0]["by_type"] = json::parse(R"({ "y": { "service_time": )" + std::string(GetParam()) + " } }");
  document["variants"] = json::parse(R"([ { "name": "shorter", "services": { "s": { "service_time_scale": 0.9 } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Service& base = set.base.services[0];
  const model::Service& variant = set.variants[0].scenario.services[0];
  EXPECT_NEAR(model::mean_of(variant.service_time), kFactor * model::mean_of(base.service_time), 1e-12);
  EXPECT_NEAR(model::variance_of(variant.service_time), kFactor * kFactor * model::variance_of(base.service_time),
              1e-12);
  ASSERT_EQ(variant.by_type.size(), 1u);
  ASSERT_TRUE(variant.by_type[0].service_time.has_value());
  EXPECT_NEAR(model::mean_of(*variant.by_type[0].service_time), kFactor * model::mean_of(base.service_time), 1e-12);
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, ServiceTimeScale,
    ::testing::Values(R"({ "distribution": "exponential", "mean": "2d" })",
                      R"({ "distribution": "deterministic", "value": "2d" })",
                      R"({ "distribution": "uniform", "min": "1d", "max": "3d" })",
                      R"({ "distribution": "triangular", "min": "1d", "mode": "2d", "max": "4d" })",
                      R"({ "distribution": "gamma", "mean": "2d", "sd": "1d" })",
                      R"({ "distribution": "lognormal", "mean": "2d", "sd": "3d" })",
                      R"({ "distribution": "weibull", "shape": 1.5, "scale": "2d" })",
                      R"({ "distribution": "empirical", "values": ["1d", "2d", "6d"] })"));

TEST(VariantOverlay, ArrivalScaleMultipliesTheRateAndADailySeries) {
  json document = minimal_scenario();
  document["run"]["horizon"] = "3d";
  document["arrivals"].push_back(json::parse(R"({ "name": "daily", "to": "s", "profile": { "daily_series": [
      { "date": "2024-01-01", "arrivals": 10 }, { "date": "2024-01-02", "arrivals": 20 },
      { "date": "2024-01-03", "arrivals": 30 } ] } })"));
  document["variants"] = json::parse(R"([
    { "name": "busier", "arrivals": { "a": { "scale": 1.5 }, "daily": { "scale": 0.5 } } },
    { "name": "closed", "arrivals": { "a": { "scale": 0 } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.variants.size(), 2u);
  const auto& busier = set.variants[0].scenario.arrivals;
  EXPECT_DOUBLE_EQ(busier[0].rate_per_day, 1.5);
  EXPECT_DOUBLE_EQ(busier[1].rate_per_day, 10.0);
  ASSERT_TRUE(busier[1].profile.has_value());
  ASSERT_EQ(busier[1].profile->daily_series.size(), 3u);
  EXPECT_DOUBLE_EQ(busier[1].profile->daily_series[2].arrivals, 15.0);
  EXPECT_DOUBLE_EQ(set.variants[1].scenario.arrivals[0].rate_per_day, 0.0);
}

TEST(VariantOverlay, ALoaderErrorPointsAtTheKeyTheVariantWrote) {
  json document = minimal_scenario();
  document["variants"] = json::parse(R"([
    { "name": "ok", "services": { "s": { "capacity": 2 } } },
    { "name": "bad", "services": { "s": { "capacity": -1 }, "new": { "capacity": 1 } } } ])");
  EXPECT_THAT(error_lines(document),
              ::testing::ElementsAre(
                  ::testing::StartsWith("/variants/1/services/s/capacity: variant 'bad': expected a positive integer"),
                  "/variants/1/services/new: variant 'bad': missing required key 'service_time'"));
}

TEST(VariantOverlay, LoadScenarioChecksTheVariantsToo) {
  json document = minimal_scenario();
  document["variants"] = json::parse(R"([ { "name": "m" } ])");
  EXPECT_THROW((void)test_documents::parse(document), ScenarioError);
}

TEST(VariantOverlay, BaseWarningsAreNotRepeatedForEachVariant) {
  json document = minimal_scenario();
  document["services"][0]["renege_to"] = "exit";  // Warned about: nobody has a patience here.
  document["variants"] = json::parse(R"([ { "name": "v", "services": { "s": { "capacity": 2 } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.warnings.size(), 1u);
  EXPECT_EQ(set.warnings[0].path, "/services/0/renege_to");
}

TEST(VariantOverlay, ReplacementVariantsComeFromText) {
  const auto folder = std::filesystem::temp_directory_path();
  const auto path = folder / "carepath_variant_overlay_test.json";
  {
    std::ofstream(path) << minimal_scenario().dump();
  }
  const auto set = load_scenario_set(path, R"([{ "name": "c3", "services": { "s": { "capacity": 3 } } }])");
  std::filesystem::remove(path);
  ASSERT_EQ(set.variants.size(), 1u);
  EXPECT_EQ(set.variants[0].scenario.services[0].capacity, 3u);
}

}  // namespace
}  // namespace carepath::io
