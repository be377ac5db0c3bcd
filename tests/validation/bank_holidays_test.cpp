// SPDX-License-Identifier: MIT
// The scenario's calendar of bank holidays ("bank_holidays"): on each date every weekly rule runs
// as on a Sunday. Deterministic scenarios, so every count is exact. Two weeks from Monday 1 May
// 2023 with the bank holidays of 1 and 8 May (both Mondays) and a list that never empties:
// - a weekday team (base 0, mon-fri 09:00-17:00, one server, 50-minute appointments: ten a day,
//   the last from 16:30, finishing after the shift as the shift-change rule allows) works 10 - 2
//   = 8 days: 80 completions, against 100 without the calendar (no appointment ends exactly at
//   17:00, where the order of the end and the shift change would decide an eleventh);
// - a shared pool on the same roster gives the same 80 to the service that needs it;
// - a clinic with two slots every weekday holds 8 sessions: 16 seen, against 20;
// - a service on one "mon-sun" shift (08:00-20:00: 15 appointments a day) keeps its hours on a
//   bank holiday (Sunday's shift is its own): 14 x 15 either way;
// - a dated change is not a weekly rule: on a bank holiday the dated capacity applies as on a Sunday.
#include "model/capacity_timetable.hpp"

#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>

#include <gtest/gtest.h>

#include <string>

namespace carepath::validation {
namespace {

std::string two_weeks(const std::string& bank_holidays) {
  return R"({
    "name": "bank-holidays",
    "start_date": "2023-05-01",
    )" + bank_holidays + R"(
    "run": { "horizon": "14d", "replications": 1 },
    "arrivals": [ { "name": "elsewhere", "to": "other", "rate": "1/day" } ],
    "resources": [ { "name": "team", "capacity": { "base": 0,
        "roster": [ { "days": "mon-fri", "from": "09:00", "to": "17:00", "capacity": 1 } ] } } ],
    "services": [
      { "name": "other", "capacity": "unlimited", "service_time": { "distribution": "deterministic", "value": "1h" } },
      { "name": "weekday_team",
        "capacity": { "base": 0, "roster": [ { "days": "mon-fri", "from": "09:00", "to": "17:00", "capacity": 1 } ] },
        "service_time": { "distribution": "deterministic", "value": "50min" },
        "initial": { "waiting": [ { "waited": "0d", "count": 200 } ] } },
      { "name": "pooled", "capacity": "unlimited", "requires": [ { "resource": "team" } ],
        "service_time": { "distribution": "deterministic", "value": "50min" },
        "initial": { "waiting": [ { "waited": "0d", "count": 200 } ] } },
      { "name": "clinic",
        "sessions": { "timetable": [ { "days": "mon-fri", "at": "10:00", "slots": 2 } ] },
        "service_time": { "distribution": "deterministic", "value": "30min" },
        "initial": { "waiting": [ { "waited": "0d", "count": 50 } ] } },
      { "name": "every_day",
        "capacity": { "base": 0, "roster": [ { "days": "mon-sun", "from": "08:00", "to": "20:00", "capacity": 1 } ] },
        "service_time": { "distribution": "deterministic", "value": "50min" },
        "initial": { "waiting": [ { "waited": "0d", "count": 400 } ] } }
    ]
  })";
}

const stats::ReplicationResult run(const std::string& bank_holidays) {
  return run::run_batch(io::parse_scenario(two_weeks(bank_holidays), "bank_holidays.json").scenario)
      .replications.at(0);
}

TEST(BankHolidays, WeeklyRulesRunAsOnASunday) {
  const stats::ReplicationResult with = run(R"("bank_holidays": ["2023-05-08", "2023-05-01"],)");
  EXPECT_EQ(with.services.at(1).completions, 80);
  EXPECT_EQ(with.services.at(2).completions, 80);
  EXPECT_EQ(with.services.at(3).completions, 16);
  EXPECT_EQ(with.services.at(4).completions, 14 * 15);

  const stats::ReplicationResult without = run("");
  EXPECT_EQ(without.services.at(1).completions, 100);
  EXPECT_EQ(without.services.at(2).completions, 100);
  EXPECT_EQ(without.services.at(3).completions, 20);
  EXPECT_EQ(without.services.at(4).completions, 14 * 15);
}

TEST(BankHolidays, DatedCapacityAppliesOnABankHoliday) {
  model::Service desk;
  desk.name = "desk";
  desk.capacity = 3;  // outside the roster: nights, weekends and bank holidays
  desk.roster = {{{true, true, true, true, true, false, false}, 9, 17, 5}};
  using std::chrono::May;
  const model::Date monday(std::chrono::year(2023), May, std::chrono::day(1));
  const auto steps = model::capacity_timetable(desk, monday, 2, 0, {monday});
  // Monday 1 May is a bank holiday (3 all day); Tuesday has its shift of 5 from 09:00 to 17:00.
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].time, 0);
  EXPECT_EQ(steps[0].capacity, 3u);
  EXPECT_DOUBLE_EQ(steps[1].time, 1 + 9.0 / 24);
  EXPECT_EQ(steps[1].capacity, 5u);
  EXPECT_DOUBLE_EQ(steps[2].time, 1 + 17.0 / 24);
  EXPECT_EQ(steps[2].capacity, 3u);
}

TEST(BankHolidays, ADateTwiceIsAnError) {
  try {
    (void)io::parse_scenario(two_weeks(R"("bank_holidays": ["2023-05-01", "2023-05-08", "2023-05-01"],)"),
                             "bank_holidays.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("/bank_holidays/2: expected each date once, got \"2023-05-01\" again "
                                         "(also /bank_holidays/0)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace carepath::validation
