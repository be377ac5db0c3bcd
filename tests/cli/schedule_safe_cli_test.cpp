// SPDX-License-Identifier: MIT
// Sweeps and variants that keep what the planner wrote (issue: a sweep of a rostered service's
// capacity silently replaced its roster with a flat number). On the real program: a sweep of
// capacity_delta keeps the roster and moves it; a flat --set of capacity warns, naming the roster
// it drops, and is an error under --strict; a sweep of the capacity from a date keeps the other
// dates; goals take percentages and durations, and NAME.METRIC without the kind; a sweep of a
// clinic's slots_delta keeps its dated timetable, and replacing a clinic's sessions warns.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>
#include <string>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A clinic open with 1 clinician, 3 on weekdays 08:00-18:00, and 2 more from 20 Jan (a dated
// change): its time-average capacity depends on every part of the schedule.
constexpr const char* kRostered = R"({
  "name": "rostered",
  "start_date": "2024-01-01",
  "run": { "horizon": "42d", "replications": 3, "seed": 5 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "10/day" } ],
  "services": [
    { "name": "clinic", "wait_target": "1d",
      "capacity": { "base": 1, "changes": [ { "from": "2024-01-20", "capacity": 2 } ],
                    "roster": [ { "days": "mon-fri", "from": "08:00", "to": "18:00", "capacity": 3 } ] },
      "service_time": { "distribution": "exponential", "mean": "3h" } }
  ],
  "pathways": [ { "name": "seen", "start": "clinic", "end": "clinic", "target": "2d" } ]
})";

// A clinic with a Monday session of 3 slots, and from Monday 15 Jan a Thursday session too: six
// sessions in four weeks (1, 8, 15, 18, 22 and 25 Jan). A list that never empties makes its
// completions its slots exactly.
constexpr const char* kClinic = R"({
  "name": "timetabled",
  "start_date": "2024-01-01",
  "run": { "horizon": "28d", "replications": 2, "seed": 5 },
  "arrivals": [ { "name": "elsewhere", "to": "other", "rate": "1/day" } ],
  "services": [
    { "name": "other", "capacity": "unlimited", "service_time": { "distribution": "deterministic", "value": "1h" } },
    { "name": "clinic",
      "sessions": { "timetable": [ { "days": "mon", "at": "09:00", "slots": 3 } ],
                    "changes": [ { "from": "2024-01-15", "timetable": [ { "days": ["mon", "thu"], "at": "09:00", "slots": 3 } ] } ] },
      "service_time": { "distribution": "deterministic", "value": "30min" },
      "initial": { "waiting": [ { "waited": "0d", "count": 100 } ] } }
  ]
})";

class ScheduleSafeCliTest : public CliWorkspace {
 protected:
  ScheduleSafeCliTest() : CliWorkspace("schedule") {
    write("rostered.json", kRostered);
    write("timetabled.json", kClinic);
  }

  // The mean of `metric` of the clinic at each sweep value, from sweep.json.
  [[nodiscard]] std::map<std::string, double> clinic_means(const fs::path& folder, const std::string& metric) const {
    const auto json = nlohmann::json::parse(read_text(folder / "sweep.json"));
    std::map<std::string, double> means;
    for (const auto& point : json.at("points")) {
      for (const auto& row : point.at("metrics")) {
        if (row.at("kind") == "service" && row.at("name") == "clinic" && row.at("metric") == metric) {
          means[point.at("value").dump()] = row.at("mean").get<double>();
        }
      }
    }
    return means;
  }
};

TEST_F(ScheduleSafeCliTest, SweepOfCapacityDeltaKeepsTheRosterAndMovesItByExactlyTheDelta) {
  const Outcome base = carepath("sweep rostered.json --set services.clinic.capacity_delta=0:2:1 --quiet");
  ASSERT_EQ(base.status, 0) << base.err;
  EXPECT_THAT(base.err, Not(HasSubstr("warning")));
  const auto means = clinic_means(work() / "results" / "rostered-sweep-services.clinic.capacity_delta", "mean_capacity");
  ASSERT_EQ(means.size(), 3u);
  // Delta 0 is the base schedule: between 1 (nights, weekends) and 3 (weekday days), so neither a
  // flat 1 nor a flat 3; each step adds exactly one server at every hour.
  EXPECT_GT(means.at("0"), 1.2);
  EXPECT_LT(means.at("0"), 2.5);
  EXPECT_NEAR(means.at("1") - means.at("0"), 1.0, 1e-9);
  EXPECT_NEAR(means.at("2") - means.at("0"), 2.0, 1e-9);
}

TEST_F(ScheduleSafeCliTest, FlatCapacityOverARosterWarnsAndIsAnErrorUnderStrict) {
  const Outcome o = carepath("sweep rostered.json --set services.clinic.capacity=2:3:1 --quiet");
  ASSERT_EQ(o.status, 0) << o.err;
  // Once, not once per point, and against --set rather than a made-up variant.
  const std::string warning =
      "rostered.json: --set services.clinic.capacity: warning: replaces the base's capacity schedule and drops its "
      "weekly roster (1 shift) and its dated change from 2024-01-20; to keep them, change capacity with "
      "capacity_delta, capacity_scale or capacity_change instead (README \"Changing capacity in a variant\")\n";
  EXPECT_EQ(o.err, warning);
  const auto means = clinic_means(work() / "results" / "rostered-sweep-services.clinic.capacity", "mean_capacity");
  EXPECT_DOUBLE_EQ(means.at("2"), 2.0);  // the roster really is gone: that is what the warning is for

  const Outcome strict = carepath("sweep rostered.json --set services.clinic.capacity=2:3:1 --strict --out strict");
  EXPECT_EQ(strict.status, 2);
  EXPECT_THAT(strict.err, HasSubstr("rostered.json: --set services.clinic.capacity: replaces the base's capacity "
                                    "schedule"));
  EXPECT_THAT(strict.err, HasSubstr("(an error under --strict)"));
  EXPECT_FALSE(fs::exists(work() / "strict"));
}

TEST_F(ScheduleSafeCliTest, SweepOfTheCapacityFromADateKeepsTheOtherDatesAndTheRoster) {
  const Outcome o = carepath("sweep rostered.json --set services.clinic.capacity_from.2024-01-10=1:2:1 --quiet");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.err, Not(HasSubstr("warning")));
  const auto from_date = clinic_means(work() / "results" / "rostered-sweep-services.clinic.capacity_from.2024-01-10",
                                      "mean_capacity");
  ASSERT_EQ(carepath("sweep rostered.json --set services.clinic.capacity_delta=0:0:1 --quiet --out base").status, 0);
  const auto base = clinic_means(work() / "base", "mean_capacity");
  // Capacity 1 from 10 Jan is what the base already has: the same schedule. Capacity 2 from then
  // adds one server outside the roster's hours from 10 to 20 Jan only (the 20 Jan change and the
  // roster still apply), so less than one server on average.
  EXPECT_NEAR(from_date.at("1"), base.at("0"), 1e-9);
  EXPECT_GT(from_date.at("2"), base.at("0") + 0.05);
  EXPECT_LT(from_date.at("2"), base.at("0") + 0.5);

  const Outcome bad = carepath("sweep rostered.json --set services.clinic.capacity_from.10-01-2024=1:2:1");
  EXPECT_EQ(bad.status, 2);
  EXPECT_THAT(bad.err, StartsWith("carepath: --set: expected a date such as 2023-02-01 after 'capacity_from.', got "
                                  "'10-01-2024'\n"));
}

TEST_F(ScheduleSafeCliTest, GoalsTakePercentagesDurationsAndNamesWithoutTheirKind) {
  const Outcome o = carepath(
      "sweep rostered.json --set services.clinic.capacity_delta=0:1:1 --goal 'seen.within_target>=50%' "
      "--goal 'clinic.wait_mean<=36h'");
  ASSERT_EQ(o.status, 0) << o.err;
  const auto json =
      nlohmann::json::parse(read_text(work() / "results" / "rostered-sweep-services.clinic.capacity_delta" / "sweep.json"));
  EXPECT_EQ(json.at("goals"), nlohmann::json::array({"seen.within_target>=50%", "clinic.wait_mean<=36h"}));

  const std::vector<std::pair<std::string, std::string>> cases{
      {"--goal 'clinic.wait_mean<=50%'", "carepath: --goal: a percentage fits a share, but this metric is in days: "
                                         "'50%' in 'clinic.wait_mean<=50%'\n"},
      {"--goal 'seen.within_target>=4h'", "carepath: --goal: a duration fits a time, but this metric is in share: "
                                          "'4h' in 'seen.within_target>=4h'\n"},
      {"--goal 'clinic.wait_mean<=soon'", "carepath: --goal: expected a number, a percentage (\"76%\") or a duration "
                                          "(\"18w\") after the comparison, got 'soon' in 'clinic.wait_mean<=soon'\n"},
      {"--goal 'clinc.wait_mean<=1'", "carepath: --goal: unknown kind, pathway or service 'clinc'; did you mean "
                                      "'clinic'?"},
  };
  for (const auto& [goal, message] : cases) {
    const Outcome bad = carepath("sweep rostered.json --set services.clinic.capacity_delta=0:1:1 " + goal);
    EXPECT_EQ(bad.status, 2) << goal;
    EXPECT_THAT(bad.err, StartsWith(message)) << goal;
  }
}

TEST_F(ScheduleSafeCliTest, SweepOfSlotsDeltaKeepsTheDatedTimetableAndAddsToEverySession) {
  const Outcome o = carepath("sweep timetabled.json --set services.clinic.slots_delta=0:2:1 --quiet");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.err, Not(HasSubstr("warning")));
  const auto means = clinic_means(work() / "results" / "timetabled-sweep-services.clinic.slots_delta", "completions");
  ASSERT_EQ(means.size(), 3u);
  // Six sessions of 3, 4 and 5 slots: the Thursdays from 15 Jan are kept.
  EXPECT_DOUBLE_EQ(means.at("0"), 18.0);
  EXPECT_DOUBLE_EQ(means.at("1"), 24.0);
  EXPECT_DOUBLE_EQ(means.at("2"), 30.0);
}

TEST_F(ScheduleSafeCliTest, ValidateStrictTurnsAVariantsDroppedTimetableChangeIntoAnError) {
  nlohmann::json document = nlohmann::json::parse(kClinic);
  document["variants"] = nlohmann::json::parse(
      R"([ { "name": "flat", "services": { "clinic": { "sessions": { "timetable": [ { "days": "mon", "at": "09:00", "slots": 5 } ] } } } } ])");
  write("variant.json", document.dump());
  const Outcome warned = carepath("validate variant.json");
  EXPECT_EQ(warned.status, 0);
  EXPECT_THAT(warned.err, HasSubstr("/variants[flat]/services/clinic/sessions: warning: replaces the base's sessions and "
                                    "drops its dated timetable change from 2024-01-15; to keep them, change slots with "
                                    "slots_delta or slots_scale instead"));
  const Outcome strict = carepath("validate variant.json --strict");
  EXPECT_EQ(strict.status, 2);
  EXPECT_THAT(strict.err, HasSubstr("(an error under --strict)"));
}

TEST_F(ScheduleSafeCliTest, ValidateStrictTurnsAVariantsDroppedScheduleIntoAnError) {
  nlohmann::json document = nlohmann::json::parse(kRostered);
  document["variants"] = nlohmann::json::parse(R"([ { "name": "flat", "services": { "clinic": { "capacity": 3 } } } ])");
  write("variant.json", document.dump());
  const Outcome warned = carepath("validate variant.json");
  EXPECT_EQ(warned.status, 0);
  EXPECT_THAT(warned.err, HasSubstr("variant.json:1:532: /variants[flat]/services/clinic/capacity: warning: replaces the base's "
                                    "capacity schedule and drops its weekly roster (1 shift)"));
  const Outcome strict = carepath("validate variant.json --strict");
  EXPECT_EQ(strict.status, 2);
  EXPECT_THAT(strict.err, HasSubstr("variant.json:1:532: /variants[flat]/services/clinic/capacity: replaces the base's"));
  EXPECT_THAT(strict.err, HasSubstr("(an error under --strict)"));
}

}  // namespace
