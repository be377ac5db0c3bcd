// SPDX-License-Identifier: MIT
// A run that starts at a clock time (run.start_time): time 0 is that time on the start date, and
// everything written against the clock or the calendar stays there. Deterministic scenarios, so
// every expectation is exact (to rounding):
// - a clinic with no capacity except a shift from 08:00 to 16:00 every day, ten patients waiting
//   at 06:00 and one-hour appointments: the first starts at 08:00 (2 h in), eight are seen by
//   16:00, the last two at 08:00 and 09:00 the next day (26 h and 27 h in), so the mean wait is
//   (2 + ... + 9 + 26 + 27) / 10 = 9.7 hours; and it gives the same bits as a run from midnight
//   with the shift written six hours earlier (02:00 to 10:00);
// - trajectory days are calendar days: 3 days from 06:00 cover 1 to 4 January, the first of them
//   18 hours long (8 busy hours: occupancy 8/18), the last 6;
// - a dated capacity change applies from its date's midnight, 18 hours into a run from 06:00;
// - hour shapes follow the clock, also from a start between two hours (06:30);
// - with an end_date, the run still ends at the end of that day.
#include "engine/arrival_rate.hpp"
#include "model/capacity_timetable.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/trajectory.hpp>

#include <gtest/gtest.h>

#include <string>

namespace carepath::validation {
namespace {

model::Scenario clinic(const std::string& start_time, const std::string& shift_from, const std::string& shift_to) {
  const std::string text = R"({
    "name": "start-time",
    "start_date": "2024-01-01",
    "run": { "horizon": "3d", "replications": 1, "start_time": ")" + start_time + R"(", "trajectory_period": "day" },
    "arrivals": [ { "name": "elsewhere", "to": "other", "rate": "1/day" } ],
    "services": [
      { "name": "other", "capacity": "unlimited", "service_time": { "distribution": "deterministic", "value": "1h" } },
      { "name": "clinic",
        "capacity": { "base": 0, "roster": [ { "days": "mon-sun", "from": ")" + shift_from + R"(", "to": ")" +
                           shift_to + R"(", "capacity": 1 } ] },
        "service_time": { "distribution": "deterministic", "value": "1h" },
        "initial": { "waiting": [ { "waited": "0d", "count": 10 } ] } }
    ]
  })";
  return io::parse_scenario(text, "start_time.json").scenario;
}

TEST(StartTime, ARosterFollowsTheClock) {
  const run::BatchResult from_six = run::run_batch(clinic("06:00", "08:00", "16:00"));
  const stats::ServiceResult& clinic_six = from_six.replications.at(0).services.at(1);
  EXPECT_NEAR(clinic_six.wait_mean, 9.7 / 24, 1e-12);
  EXPECT_EQ(clinic_six.completions, 10);

  const run::BatchResult from_midnight = run::run_batch(clinic("00:00", "02:00", "10:00"));
  const stats::ServiceResult& clinic_midnight = from_midnight.replications.at(0).services.at(1);
  EXPECT_EQ(clinic_six.wait_mean, clinic_midnight.wait_mean);
  EXPECT_EQ(clinic_six.wait_max, clinic_midnight.wait_max);
  EXPECT_EQ(clinic_six.mean_occupancy, clinic_midnight.mean_occupancy);
}

TEST(StartTime, TrajectoryDaysAreCalendarDays) {
  const run::BatchResult batch = run::run_batch(clinic("06:00", "08:00", "16:00"));
  const stats::TrajectoryBlock& days = batch.replications.at(0).trajectory.days;
  ASSERT_EQ(days.periods, 4u);  // 1 January 06:00 to 4 January 06:00
  const std::size_t clinic_series = stats::kServiceTrajectoryMetrics.size();  // service 1, metric 0 onward
  const auto metric = [&](std::uint32_t day, std::size_t index) { return days.at(day, clinic_series + index); };
  // Metric order: queue_end, occupancy_mean, arrivals, completions (stats/trajectory.hpp).
  EXPECT_FLOAT_EQ(metric(0, 1), static_cast<float>(8.0 / 18));  // 8 busy hours in the 18 from 06:00
  EXPECT_EQ(metric(0, 3), 8);
  EXPECT_FLOAT_EQ(metric(1, 1), static_cast<float>(2.0 / 24));
  EXPECT_EQ(metric(1, 3), 2);
  EXPECT_EQ(metric(0, 0), 2);  // still waiting at midnight
}

TEST(StartTime, DatedChangesApplyFromTheirDatesMidnight) {
  model::Service ward;
  ward.name = "ward";
  ward.capacity = 10;
  ward.capacity_changes = {{model::Date(std::chrono::year(2024), std::chrono::January, std::chrono::day(2)), 12}};
  const model::Date start(std::chrono::year(2024), std::chrono::January, std::chrono::day(1));
  const auto steps = model::capacity_timetable(ward, start, 5, 6);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].capacity, 10u);
  EXPECT_EQ(steps[1].time, 0.75);
  EXPECT_EQ(steps[1].capacity, 12u);
}

TEST(StartTime, HourShapesFollowTheClockFromAStartBetweenHours) {
  model::ArrivalSource source;
  source.name = "a";
  source.rate_per_day = 24;
  source.profile = model::ArrivalProfile{};
  for (std::size_t h = 0; h < 24; ++h) source.profile->hour_of_day[h] = static_cast<double>(h) + 1;  // mean 12.5
  const model::Date start(std::chrono::year(2024), std::chrono::January, std::chrono::day(1));
  const engine::ArrivalRate rate = engine::compile_arrival_rate(source, start, 2, 6.5);
  const auto hourly = [](double hour) { return 24 * (hour + 1) / 12.5; };  // a day, in clock hour `hour`
  EXPECT_NEAR(rate.rate_at(0), hourly(6), 1e-12);
  EXPECT_NEAR(rate.rate_at(0.49 / 24), hourly(6), 1e-12);
  EXPECT_NEAR(rate.rate_at(0.51 / 24), hourly(7), 1e-12);
  EXPECT_NEAR(rate.rate_at(17.6 / 24), hourly(0), 1e-12);  // 00:06 on 2 January
  // Half an hour of 06:00-07:00, then a whole 07:00-08:00.
  EXPECT_NEAR(rate.expected_arrivals(0, 1.5 / 24), (0.5 * hourly(6) + hourly(7)) / 24, 1e-12);
  // Two days of the shape's mean from 06:30 to 06:30.
  EXPECT_NEAR(rate.expected_arrivals(0, 2), 48, 1e-9);
}

TEST(StartTime, AnEndDateEndsAtTheEndOfThatDay) {
  const auto loaded = io::parse_scenario(R"({
    "name": "m", "start_date": "2024-01-01",
    "run": { "end_date": "2024-01-03", "start_time": "06:00" },
    "arrivals": [ { "name": "a", "to": "s", "rate": "1/day" } ],
    "services": [ { "name": "s", "capacity": 1, "service_time": { "distribution": "exponential", "mean": "1d" } } ]
  })", "end_date.json");
  EXPECT_EQ(loaded.scenario.run.horizon, 2.75);
  EXPECT_EQ(loaded.scenario.run.start_hour, 6);
}

}  // namespace
}  // namespace carepath::validation
