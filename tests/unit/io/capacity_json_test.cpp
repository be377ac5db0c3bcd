// SPDX-License-Identifier: MIT
// A service's capacity as a number, "unlimited" or a schedule: dated changes checked against the
// start date and the run, roster shifts with their weekdays and times of day in hours.
#include "scenario_documents.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

namespace carepath::io {
namespace {

using namespace carepath::io::test_documents;
using testing::ElementsAre;
using testing::IsEmpty;

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

nlohmann::json with_capacity(const char* capacity) {
  auto document = minimal_scenario();
  document["start_date"] = "2022-12-01";
  document["run"]["horizon"] = "120d";
  document["services"][0]["capacity"] = nlohmann::json::parse(capacity);
  return document;
}

model::Service service_with_capacity(const char* capacity) {
  return parse(with_capacity(capacity)).scenario.services.at(0);
}

constexpr std::array<bool, 7> kWeekdays{true, true, true, true, true, false, false};
constexpr std::array<bool, 7> kWeekend{false, false, false, false, false, true, true};

TEST(Capacity, ReadsANumberOrUnlimited) {
  EXPECT_EQ(service_with_capacity("12").capacity, 12U);
  EXPECT_EQ(service_with_capacity(R"("unlimited")").capacity, std::nullopt);
}

TEST(Capacity, ReadsAScheduleBaseAndDatedChanges) {
  const auto s = service_with_capacity(R"({"base": 20, "changes": [
      {"from": "2023-01-09", "capacity": 26}, {"from": "2023-03-01", "capacity": 0}]})");
  EXPECT_EQ(s.capacity, 20U);
  ASSERT_EQ(s.capacity_changes.size(), 2U);
  EXPECT_EQ(s.capacity_changes[0].from, model::Date(year{2023}, month{1}, day{9}));
  EXPECT_EQ(s.capacity_changes[0].capacity, 26U);
  EXPECT_EQ(s.capacity_changes[1].capacity, 0U);
  EXPECT_THAT(s.roster, IsEmpty());
}

TEST(Capacity, AllowsABaseOfZero) {
  EXPECT_EQ(service_with_capacity(R"({"base": 0, "changes": [{"from": "2022-12-24", "capacity": 8}]})").capacity, 0U);
}

TEST(Capacity, ReadsRosterShiftsInHours) {
  const auto s = service_with_capacity(R"({"base": 2, "roster": [
      {"days": "mon-fri", "from": "09:30", "to": "17:00", "capacity": 4},
      {"days": "sat-sun", "from": "00:00", "to": "24:00", "capacity": 1},
      {"days": ["mon", "wed-thu"], "from": "18:00", "to": "20:15", "capacity": 3},
      {"days": "fri-mon", "from": "07:00", "to": "08:00", "capacity": 5},
      {"days": "wed", "from": "12:00", "to": "13:00", "capacity": 0}]})");
  EXPECT_EQ(s.capacity, 2U);
  ASSERT_EQ(s.roster.size(), 5U);
  EXPECT_EQ(s.roster[0].weekdays, kWeekdays);
  EXPECT_DOUBLE_EQ(s.roster[0].from_hour, 9.5);
  EXPECT_DOUBLE_EQ(s.roster[0].to_hour, 17);
  EXPECT_EQ(s.roster[0].capacity, 4U);
  EXPECT_EQ(s.roster[1].weekdays, kWeekend);
  EXPECT_DOUBLE_EQ(s.roster[1].from_hour, 0);
  EXPECT_DOUBLE_EQ(s.roster[1].to_hour, 24);
  EXPECT_EQ(s.roster[2].weekdays, (std::array<bool, 7>{true, false, true, true, false, false, false}));
  EXPECT_DOUBLE_EQ(s.roster[2].to_hour, 20.25);
  EXPECT_EQ(s.roster[3].weekdays, (std::array<bool, 7>{true, false, false, false, true, true, true}));
  EXPECT_EQ(s.roster[4].capacity, 0U);
}

TEST(Capacity, RequiresChangesFromTheStartDateInIncreasingOrder) {
  EXPECT_EQ(service_with_capacity(R"({"base": 20, "changes": [{"from": "2022-12-01", "capacity": 24}]})")
                .capacity_changes.at(0)
                .capacity,
            24U);
  EXPECT_THAT(error_lines(with_capacity(R"({"base": 20, "changes": [
      {"from": "2022-11-30", "capacity": 24}, {"from": "2023-01-09", "capacity": 26},
      {"from": "2023-01-09", "capacity": 30}]})")),
              ElementsAre("/services/0/capacity/changes/0/from: "
                          R"(expected a date on or after the start date ("2022-12-01"), got "2022-11-30")",
                          "/services/0/capacity/changes/2/from: "
                          R"(expected a date after the previous change ("2023-01-09"), got "2023-01-09")"));
}

TEST(Capacity, WarnsAboutAChangeAfterTheRun) {
  // 120 days from 1 December 2022 end on 30 March 2023.
  EXPECT_THAT(warning_lines(with_capacity(R"({"base": 20, "changes": [
      {"from": "2023-03-30", "capacity": 24}, {"from": "2023-03-31", "capacity": 26}]})")),
              ElementsAre("/services/0/capacity/changes/1/from: this change never applies: it comes after the last "
                          "day of the run (\"2023-03-30\")"));
}

TEST(Capacity, NeedsAFiniteBaseInASchedule) {
  EXPECT_THAT(error_lines(with_capacity(R"({"base": "unlimited"})")),
              ElementsAre("/services/0/capacity/base: "
                          R"(expected a non-negative integer (a schedule needs a finite base), got "unlimited")"));
}

TEST(Capacity, AcceptsEveryTimeOfDayOnTheClock) {
  for (const char* shift : {R"({"days": "mon", "from": "00:00", "to": "00:01", "capacity": 1})",
                            R"({"days": "mon", "from": "23:59", "to": "24:00", "capacity": 1})"}) {
    auto document = with_capacity(R"({"base": 1})");
    document["services"][0]["capacity"]["roster"] = nlohmann::json::array({nlohmann::json::parse(shift)});
    EXPECT_NO_THROW((void)parse(document)) << shift;
  }
}

TEST(Capacity, RejectsShiftsThatDoNotRunForwardWithinADay) {
  EXPECT_THAT(error_lines(with_capacity(R"({"base": 1, "roster": [
      {"days": "mon", "from": "24:00", "to": "24:00", "capacity": 1},
      {"days": "mon", "from": "08:00", "to": "24:30", "capacity": 1}]})")),
              ElementsAre(R"(/services/0/capacity/roster/0/to: expected a time after "from" ("24:00"), got "24:00")",
                          "/services/0/capacity/roster/1/to: "
                          R"(expected a time of day from "00:00" to "24:00", such as "09:30", got "24:30")"));
}

}  // namespace
}  // namespace carepath::io
