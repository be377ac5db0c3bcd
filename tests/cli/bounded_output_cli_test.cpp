// SPDX-License-Identifier: MIT
// `carepath run` keeps memory and output bounded on long horizons, on the real program: a
// 100-year M/M/3 runs within 1 GB of memory and says what it did with the trajectory period;
// monthly trajectories follow the calendar on a scenario whose values are known exactly; with
// trajectories off no trajectory file is written and the report says so.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::Not;

// scenarios/examples/mmc.json (lambda = 2.7/day, three servers of mean 1 day) over 100 years.
constexpr const char* kCentury = R"({
  "name": "century",
  "start_date": "2024-01-01",
  "run": { "horizon": "36525d", "warm_up": "1000d", "replications": 3, "seed": 23 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2.7/day" } ],
  "services": [
    { "name": "clinic", "capacity": 3, "service_time": { "distribution": "exponential", "mean": "1d" } }
  ]
})";

// Two clinicians, a deterministic 12-hour appointment and a backlog of 400 patients at the start,
// nothing else reaching the clinic (as in calibrate_cli_test.cpp): two patients start at time 0,
// and each clinician finishes one patient every half day, so day 0 has 2 completions and every
// later day 4 (those at midnight fall into the new day), for 100 days. From 20 January 2024 the
// 70 days are 12 of January, 29 of February (a leap year) and 29 of March: January completes
// 2 + 11 x 4 = 46 and leaves 400 - 2 - 46 = 352 waiting, February completes 116 and leaves 236.
constexpr const char* kBacklog = R"({
  "name": "backlog",
  "start_date": "2024-01-20",
  "run": { "horizon": "70d", "replications": 3, "seed": 5, "trajectory_period": "month" },
  "arrivals": [ { "name": "walk_ins", "to": "desk", "rate": "1/day" } ],
  "services": [
    { "name": "clinic", "capacity": 2,
      "service_time": { "distribution": "deterministic", "value": "12h" },
      "initial": { "waiting": [ { "waited": "1d", "count": 400 } ] } },
    { "name": "desk", "capacity": 1, "service_time": { "distribution": "deterministic", "value": "1h" } }
  ]
})";

class BoundedOutputCliTest : public CliWorkspace {
 protected:
  BoundedOutputCliTest() : CliWorkspace("bounded") {
    write("century.json", kCentury);
    write("backlog.json", kBacklog);
  }
};

// The peak resident set of the largest child process waited for so far, in bytes (Linux counts
// ru_maxrss in kilobytes): an upper bound on the run's.
long long children_peak_bytes() {
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<long long>(usage.ru_maxrss) * 1024;
}

TEST_F(BoundedOutputCliTest, HundredYearHorizonRunsWithin1GBAndSaysWhatItDidWithTrajectories) {
  const Outcome o = carepath("run century.json --out r --quiet --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_LT(children_peak_bytes(), 1LL << 30);
  EXPECT_EQ(o.err,
            "note: trajectories off (by day: 36,525 days, more than 1000 per series; by week: 5,218 weeks, more than "
            "1000 per series; by month: 1,201 months, more than 1000 per series); run.trajectory_period or "
            "--trajectories day|week|month|off chooses\n");
  EXPECT_FALSE(fs::exists(work() / "r/trajectories.csv"));
  EXPECT_FALSE(fs::exists(work() / "r/trajectories.json"));
  EXPECT_THAT(read_text(work() / "r/report.html"), HasSubstr("No trajectories were recorded for this run"));
  EXPECT_THAT(read_text(work() / "r/summary.json"), HasSubstr("\"trajectory_period\": \"off\""));

  // Asked for, weeks are kept over the 100 years (5,218 of them), still far within 1 GB, and the
  // report's charts are thinned to their width.
  const Outcome weekly = carepath("run century.json --out w --quiet --threads 2 --trajectories week");
  ASSERT_EQ(weekly.status, 0) << weekly.err;
  EXPECT_EQ(weekly.err, "");
  EXPECT_LT(children_peak_bytes(), 1LL << 30);
  const std::string csv = read_text(work() / "w/trajectories.csv");
  EXPECT_THAT(csv, HasSubstr("\nweek,2024-01-01,2024-W01,7,service,clinic,queue_end,"));
  EXPECT_THAT(csv, Not(HasSubstr("\nday,")));
  EXPECT_THAT(read_text(work() / "w/report.html"), HasSubstr("(each point spans 19 weeks"));
}

TEST_F(BoundedOutputCliTest, MonthlyTrajectoriesFollowTheCalendar) {
  const Outcome o = carepath("run backlog.json --out r --quiet --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.err, "");
  const std::string csv = read_text(work() / "r/trajectories.csv");
  EXPECT_THAT(csv, HasSubstr("\nmonth,2024-01-20,2024-W03,12,service,clinic,completions,patients,46,46,46,46,46,46,3\n"));
  EXPECT_THAT(csv, HasSubstr("\nmonth,2024-01-20,2024-W03,12,service,clinic,queue_end,patients,352,352,352,352,352,352,3\n"));
  EXPECT_THAT(csv, HasSubstr("\nmonth,2024-02-01,2024-W05,29,service,clinic,completions,patients,116,116,116,116,116,116,3\n"));
  EXPECT_THAT(csv, HasSubstr("\nmonth,2024-02-01,2024-W05,29,service,clinic,queue_end,patients,236,236,236,236,236,236,3\n"));
  EXPECT_THAT(csv, HasSubstr("\nmonth,2024-03-01,2024-W09,29,service,clinic,"));
  EXPECT_THAT(csv, Not(HasSubstr("\nday,")));
  EXPECT_THAT(csv, Not(HasSubstr("\nweek,")));
  EXPECT_THAT(read_text(work() / "r/trajectories.json"), HasSubstr("\"month\":{\"start\":[\"2024-01-20\",\"2024-02-01\",\"2024-03-01\"]"));
  EXPECT_THAT(read_text(work() / "r/summary.json"), HasSubstr("\"trajectory_period\": \"month\""));
  EXPECT_THAT(read_text(work() / "r/report.html"), HasSubstr("<div><b>Trajectories by</b>month</div>"));
}

TEST_F(BoundedOutputCliTest, TrajectoriesOffWritesNoTrajectoryFiles) {
  const Outcome o = carepath("run backlog.json --out r --quiet --trajectories off");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.err, "");
  EXPECT_FALSE(fs::exists(work() / "r/trajectories.csv"));
  EXPECT_FALSE(fs::exists(work() / "r/trajectories.json"));
  EXPECT_TRUE(fs::exists(work() / "r/summary.json"));
  EXPECT_THAT(read_text(work() / "r/report.html"), HasSubstr("its trajectory period was \"off\""));
}

TEST_F(BoundedOutputCliTest, BadTrajectoriesValueIsAUsageError) {
  const Outcome o = carepath("run backlog.json --trajectories hourly");
  EXPECT_EQ(o.status, 2) << o.err;
  EXPECT_THAT(o.err, HasSubstr("--trajectories: expected day, week, month or off, got 'hourly'"));
}

}  // namespace
