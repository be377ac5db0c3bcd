// SPDX-License-Identifier: MIT
// Schedule-safe capacity what-ifs (io/capacity_overlay.cpp): capacity_delta and capacity_scale
// keep a service's dated changes and roster and move every value; capacity_change adds or changes
// one dated change and keeps the others; a variant that replaces a schedule and loses part of it
// is warned about, naming what it dropped.
#include "scenario_documents.hpp"

#include <carepath/io/scenario_json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carepath::io {
namespace {

using nlohmann::json;
using test_documents::minimal_scenario;
using test_documents::error_lines;
using test_documents::parse_set;
using test_documents::lines_of;
using ::testing::HasSubstr;

// A ward whose capacity is 10 from the start, 14 from 1 Feb and 10 again from 1 Mar, with a
// weekend shift of 6.
json rostered_scenario(const json& variant) {
  json document = minimal_scenario();
  document["services"][0]["capacity"] = json::parse(R"({
    "base": 10,
    "changes": [ { "from": "2024-02-01", "capacity": 14 }, { "from": "2024-03-01", "capacity": 10 } ],
    "roster": [ { "days": ["sat", "sun"], "from": "00:00", "to": "24:00", "capacity": 6 } ] })");
  json v = variant;
  v["name"] = "v";
  document["variants"] = json::array({v});
  return document;
}

std::vector<std::uint32_t> change_capacities(const model::Service& s) {
  std::vector<std::uint32_t> values;
  for (const auto& c : s.capacity_changes) values.push_back(c.capacity);
  return values;
}

TEST(CapacityOverlay, DeltaMovesBaseChangesAndShiftsAndKeepsTheSchedule) {
  const auto set = parse_set(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity_delta": 2 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Service& s = set.variants[0].scenario.services[0];
  EXPECT_EQ(s.capacity, 12u);
  EXPECT_EQ(change_capacities(s), (std::vector<std::uint32_t>{16, 12}));
  ASSERT_EQ(s.roster.size(), 1u);
  EXPECT_EQ(s.roster[0].capacity, 8u);
  EXPECT_TRUE(set.warnings.empty());
  // The base is untouched.
  EXPECT_EQ(set.base.services[0].capacity, 10u);
  EXPECT_EQ(change_capacities(set.base.services[0]), (std::vector<std::uint32_t>{14, 10}));
}

TEST(CapacityOverlay, NegativeDeltaBelowZeroIsClosedWithAWarningNamingEachPlace) {
  const auto set = parse_set(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity_delta": -8 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Service& s = set.variants[0].scenario.services[0];
  EXPECT_EQ(s.capacity, 2u);
  EXPECT_EQ(change_capacities(s), (std::vector<std::uint32_t>{6, 2}));
  EXPECT_EQ(s.roster[0].capacity, 0u);
  EXPECT_THAT(lines_of(set.warnings),
              ::testing::ElementsAre("/variants/0/services/s/capacity_delta: leaves no capacity at roster shift 1 "
                                     "(from 00:00) (6): set to 0 (closed) there"));
}

TEST(CapacityOverlay, DeltaOnAPlainCapacityMayCloseTheService) {
  json document = minimal_scenario();
  document["services"][0]["capacity"] = 2;
  document["variants"] = json::parse(R"([ { "name": "v", "services": { "s": { "capacity_delta": -2 } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.variants.size(), 1u);
  EXPECT_EQ(set.variants[0].scenario.services[0].capacity, 0u);
  // 2 - 2 = 0 is what was asked for: no warning.
  EXPECT_TRUE(set.warnings.empty());
}

TEST(CapacityOverlay, ScaleRoundsEveryValueToWholeServers) {
  const auto set = parse_set(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity_scale": 1.25 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Service& s = set.variants[0].scenario.services[0];
  EXPECT_EQ(s.capacity, 13u);  // 12.5 rounds away from zero
  EXPECT_EQ(change_capacities(s), (std::vector<std::uint32_t>{18, 13}));  // 17.5, 12.5
  EXPECT_EQ(s.roster[0].capacity, 8u);                                     // 7.5
}

TEST(CapacityOverlay, ChangeAddsOneDatedChangeInDateOrderAndKeepsTheOthers) {
  const auto set = parse_set(rostered_scenario(
      json::parse(R"({ "services": { "s": { "capacity_change": { "from": "2024-02-15", "capacity": 20 } } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Service& s = set.variants[0].scenario.services[0];
  EXPECT_EQ(change_capacities(s), (std::vector<std::uint32_t>{14, 20, 10}));
  EXPECT_EQ(s.roster.size(), 1u);
  EXPECT_TRUE(set.warnings.empty());
}

TEST(CapacityOverlay, ChangeOnAnExistingDateReplacesThatChangeOnly) {
  const auto set = parse_set(rostered_scenario(json::parse(
      R"({ "services": { "s": { "capacity_change": [ { "from": "2024-03-01", "capacity": 12 },
                                                     { "from": "2024-01-15", "capacity": 11 } ] } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  EXPECT_EQ(change_capacities(set.variants[0].scenario.services[0]), (std::vector<std::uint32_t>{11, 14, 12}));
}

TEST(CapacityOverlay, ChangeIsWrittenExactlyEvenWithADelta) {
  const auto set = parse_set(rostered_scenario(json::parse(
      R"({ "services": { "s": { "capacity_delta": 1, "capacity_change": { "from": "2024-02-01", "capacity": 30 } } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Service& s = set.variants[0].scenario.services[0];
  EXPECT_EQ(s.capacity, 11u);
  EXPECT_EQ(change_capacities(s), (std::vector<std::uint32_t>{30, 11}));
}

TEST(CapacityOverlay, ReplacingAScheduleWithAFlatNumberWarnsNamingWhatWasDropped) {
  const auto set = parse_set(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity": 12 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  EXPECT_EQ(set.variants[0].scenario.services[0].capacity, 12u);
  EXPECT_TRUE(set.variants[0].scenario.services[0].roster.empty());
  EXPECT_THAT(lines_of(set.warnings),
              ::testing::ElementsAre(
                  "/variants/0/services/s/capacity: replaces the base's capacity schedule and drops its weekly roster "
                  "(1 shift) and its dated changes from 2024-02-01 and 2024-03-01; to keep them, change capacity "
                  "with capacity_delta, capacity_scale or capacity_change instead (README \"Changing capacity in a "
                  "variant\")"));
}

TEST(CapacityOverlay, ReplacingTheChangesListWithOneChangeWarnsAboutTheLostDates) {
  const auto set = parse_set(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity": {
      "base": 10, "changes": [ { "from": "2024-02-01", "capacity": 16 } ],
      "roster": [ { "days": ["sat", "sun"], "from": "00:00", "to": "24:00", "capacity": 6 } ] } } } })")));
  ASSERT_EQ(set.warnings.size(), 1u);
  EXPECT_THAT(set.warnings[0].message, HasSubstr("drops its dated change from 2024-03-01;"));
}

TEST(CapacityOverlay, AFullReplacementKeepingEveryDateAndARosterIsSilent) {
  const auto set = parse_set(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity": {
      "base": 11, "changes": [ { "from": "2024-02-01", "capacity": 15 }, { "from": "2024-03-01", "capacity": 11 } ],
      "roster": [ { "days": ["sun"], "from": "00:00", "to": "24:00", "capacity": 5 } ] } } } })")));
  EXPECT_TRUE(set.warnings.empty());
}

TEST(CapacityOverlay, BadEditsAreLocatedErrors) {
  EXPECT_THAT(error_lines(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity_delta": 1.5 } } })"))),
              ::testing::ElementsAre("/variants/0/services/s/capacity_delta: expected a whole number of servers to "
                                     "add (negative to remove), from -1000000 to 1000000, got 1.5"));
  EXPECT_THAT(error_lines(rostered_scenario(json::parse(R"({ "services": { "s": { "capacity_scale": 0 } } })"))),
              ::testing::ElementsAre("/variants/0/services/s/capacity_scale: expected a number above 0 and at most "
                                     "1000 (1.1 means 10% more at every date and shift), got 0"));
  EXPECT_THAT(error_lines(rostered_scenario(
                  json::parse(R"({ "services": { "s": { "capacity_delta": 1, "capacity_scale": 2 } } })"))),
              ::testing::ElementsAre("/variants/0/services/s/capacity_scale: cannot be used with capacity_delta in "
                                     "the same variant; use one of them"));
  EXPECT_THAT(error_lines(rostered_scenario(json::parse(
                  R"({ "services": { "s": { "capacity_change": [ { "from": "2024-02-15", "capacity": 1 },
                                                                  { "from": "2024-02-15", "capacity": 2 } ] } } })"))),
              ::testing::ElementsAre("/variants/0/services/s/capacity_change/1: expected one change per date, got a "
                                     "second for \"2024-02-15\""));
  json unlimited = minimal_scenario();
  unlimited["services"][0]["capacity"] = "unlimited";
  unlimited["variants"] = json::parse(R"([ { "name": "v", "services": { "s": { "capacity_delta": 1 } } } ])");
  EXPECT_THAT(error_lines(unlimited),
              ::testing::ElementsAre("/variants/0/services/s/capacity_delta: cannot change an unlimited capacity; "
                                     "write \"capacity\" in the variant instead"));
}

// Shared pools have capacity schedules too: a variant moves a pool's roster with capacity_delta,
// keeping it, and names the change in the planner's words.
TEST(CapacityOverlay, DeltaOnASharedPoolKeepsItsRoster) {
  json document = minimal_scenario();
  document["resources"] = json::parse(R"([ { "name": "nurses", "unit": "nurses", "capacity": {
    "base": 1, "roster": [ { "days": "mon-fri", "from": "09:00", "to": "17:00", "capacity": 4 } ] } } ])");
  document["services"][0]["requires"] = json::parse(R"([ { "resource": "nurses" } ])");
  document["variants"] = json::parse(R"([ { "name": "v", "resources": { "nurses": { "capacity_delta": 2 } } } ])");
  const auto set = parse_set(document);
  ASSERT_EQ(set.variants.size(), 1u);
  const model::Resource& pool = set.variants[0].scenario.resources[0];
  EXPECT_EQ(pool.capacity, 3u);
  ASSERT_EQ(pool.roster.size(), 1u);
  EXPECT_EQ(pool.roster[0].capacity, 6u);
  EXPECT_EQ(set.base.resources[0].roster[0].capacity, 4u);
  EXPECT_THAT(set.variants[0].changes, ::testing::ElementsAre("shared pool 'nurses': capacity +2 at every date and shift"));
}

}  // namespace
}  // namespace carepath::io
