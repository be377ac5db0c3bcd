// SPDX-License-Identifier: MIT
// run::calibrate on a hand-built BatchResult: each statistic over a window, NaN days, names
// added before the statistic, pathway series placed after the services' and pools' after the
// pathways', a whole-run KPI read from the replication's results, and the CI against a
// Student-t interval computed by hand.
#include <carepath/run/calibration.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace carepath::run {
namespace {

using namespace stats;

using namespace std::chrono;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr model::Date kStart{year{2023}, January, day{1}};
constexpr std::size_t kDays = 5;
constexpr std::size_t kSeries =
    2 * kServiceTrajectoryMetrics.size() + kPathwayTrajectoryMetrics.size() + kResourceTrajectoryMetrics.size();
constexpr std::size_t kPoolFrom = 2 * kServiceTrajectoryMetrics.size() + kPathwayTrajectoryMetrics.size();
constexpr std::size_t kVisitsDelivered = 2;  // in kResourceTrajectoryMetrics
constexpr std::size_t kArrivals = 2;        // in kServiceTrajectoryMetrics
constexpr std::size_t kWaitMean = 7;        // in kServiceTrajectoryMetrics
constexpr std::size_t kWithinTarget = 3;    // in kPathwayTrajectoryMetrics

ReplicationResult replication(float offset) {
  ReplicationResult r;
  r.trajectory.days.periods = kDays;
  r.trajectory.days.series = kSeries;
  r.trajectory.days.values.assign(kDays * kSeries, kNaN);
  auto set = [&](std::size_t d, std::size_t s, float v) { r.trajectory.days.values[d * kSeries + s] = v; };
  for (std::size_t d = 0; d < kDays; ++d) {
    const auto day = static_cast<float>(d);
    set(d, 0 * kServiceTrajectoryMetrics.size() + kArrivals, 10 + day + offset);  // a: 10..14 (+offset)
    set(d, 1 * kServiceTrajectoryMetrics.size() + kArrivals, 100 * (day + 1));    // b: 100..500
    set(d, 2 * kServiceTrajectoryMetrics.size() + kWithinTarget, 0.5f);           // p: 0.5, day 3 NaN
    set(d, kPoolFrom + kVisitsDelivered, 30);                                      // pool n: 30 visits a day
  }
  set(3, 2 * kServiceTrajectoryMetrics.size() + kWithinTarget, kNaN);
  set(1, kWaitMean, 2.0f);  // a's wait_mean only on days 1 and 2
  set(2, kWaitMean, 4.0f);
  return r;
}

run::BatchResult batch(std::initializer_list<float> offsets) {
  run::BatchResult b;
  b.labels.services = {"a", "b"};
  b.labels.pathways = {"p"};
  b.labels.resources = {"n"};
  b.trajectories.calendar = trajectory_calendar(kStart, static_cast<SimTime>(kDays));
  for (float offset : offsets) b.replications.push_back(replication(offset));
  return b;
}

CalibrationFigure figure(TrajectoryKind kind, std::vector<std::string> names, std::string metric,
                         CalibrationStatistic statistic, unsigned from, unsigned to) {
  CalibrationFigure f;
  f.id = "f";
  f.kind = kind;
  f.name = names.front();
  f.names = std::move(names);
  f.metric = std::move(metric);
  f.statistic = statistic;
  f.from = model::date_after(kStart, from);
  f.to = model::date_after(kStart, to);
  return f;
}

double statistic_of(const CalibrationFigure& f, float offset = 0) {
  const run::BatchResult b = batch({offset});
  return replication_statistic(f, b.labels, kStart, b.replications.front());
}

TEST(CalibrationTest, SumAddsTheDaysOfTheWindowInclusive) {
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"a"}, "arrivals", CalibrationStatistic::Sum, 1, 3)),
                   11 + 12 + 13);
}

TEST(CalibrationTest, MeanAveragesTheDaysWithAValue) {
  // wait_mean is NaN on days 0, 3 and 4: the mean is over days 1 and 2 only.
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"a"}, "wait_mean", CalibrationStatistic::Mean, 0, 4)),
                   3.0);
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"a"}, "arrivals", CalibrationStatistic::Mean, 0, 4)),
                   12.0);
}

TEST(CalibrationTest, LastIsTheLastDayWithAValue) {
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"a"}, "wait_mean", CalibrationStatistic::Last, 0, 4)),
                   4.0);
  EXPECT_DOUBLE_EQ(
      statistic_of(figure(TrajectoryKind::Pathway, {"p"}, "within_target", CalibrationStatistic::Last, 2, 3)), 0.5);
}

TEST(CalibrationTest, MaxIsTheLargestDailyValue) {
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"a"}, "arrivals", CalibrationStatistic::Max, 0, 3)),
                   13.0);
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"a"}, "wait_mean", CalibrationStatistic::Max, 0, 4)),
                   4.0);
}

TEST(CalibrationTest, ChangeIsTheLastDayWithAValueLessTheFirst) {
  EXPECT_DOUBLE_EQ(statistic_of(figure(TrajectoryKind::Service, {"b"}, "arrivals", CalibrationStatistic::Change, 1, 4)),
                   500.0 - 200.0);
  // wait_mean has values on days 1 and 2 only.
  EXPECT_DOUBLE_EQ(
      statistic_of(figure(TrajectoryKind::Service, {"a"}, "wait_mean", CalibrationStatistic::Change, 0, 4)), 2.0);
}

TEST(CalibrationTest, OneSidedBoundsAcceptEverythingOnTheirSide) {
  CalibrationFigure f;
  f.observed = 10;
  f.tolerance = 1;
  EXPECT_TRUE(accepted(f, 9));  // two-sided: 9..11
  EXPECT_FALSE(accepted(f, 0));
  EXPECT_FALSE(accepted(f, 11.5));
  f.bound = CalibrationBound::AtMost;  // a ceiling: up to 11
  EXPECT_TRUE(accepted(f, 0));
  EXPECT_TRUE(accepted(f, 11));
  EXPECT_FALSE(accepted(f, 11.5));
  f.bound = CalibrationBound::AtLeast;  // a floor: from 9
  EXPECT_TRUE(accepted(f, 1000));
  EXPECT_TRUE(accepted(f, 9));
  EXPECT_FALSE(accepted(f, 8.5));
}

TEST(CalibrationTest, AWindowWithNoValueIsNaN) {
  EXPECT_TRUE(std::isnan(
      statistic_of(figure(TrajectoryKind::Service, {"a"}, "wait_mean", CalibrationStatistic::Sum, 3, 4))));
  EXPECT_TRUE(std::isnan(
      statistic_of(figure(TrajectoryKind::Pathway, {"p"}, "within_target", CalibrationStatistic::Mean, 3, 3))));
}

TEST(CalibrationTest, NamesAreAddedBeforeTheStatistic) {
  // Day 4: a = 14, b = 500.
  EXPECT_DOUBLE_EQ(
      statistic_of(figure(TrajectoryKind::Service, {"a", "b"}, "arrivals", CalibrationStatistic::Last, 0, 4)), 514.0);
  EXPECT_DOUBLE_EQ(
      statistic_of(figure(TrajectoryKind::Service, {"a", "b"}, "arrivals", CalibrationStatistic::Sum, 0, 1)),
      10 + 100 + 11 + 200);
}

TEST(CalibrationTest, PathwaySeriesFollowTheServices) {
  EXPECT_DOUBLE_EQ(
      statistic_of(figure(TrajectoryKind::Pathway, {"p"}, "within_target", CalibrationStatistic::Mean, 0, 4)), 0.5);
}

TEST(CalibrationTest, PoolSeriesFollowThePathways) {
  EXPECT_DOUBLE_EQ(
      statistic_of(figure(TrajectoryKind::Resource, {"n"}, "visits_delivered", CalibrationStatistic::Sum, 0, 4)), 150.0);
}

TEST(CalibrationTest, AKpiFigureReadsTheReplicationsResult) {
  run::BatchResult b = batch({0});
  b.replications.front().resources.resize(1);
  b.replications.front().resources.front().visits_delivered_per_month = 912.5;
  CalibrationFigure f = figure(TrajectoryKind::Service, {"n"}, "", CalibrationStatistic::Run, 0, 4);
  f.kpi = KpiRef{.kind = "resource", .name = "n", .metric = "visits_delivered_per_month", .unit = "visits",
                .table = carepath::stats::KpiKind::Resource, .metric_index = 8, .cost = false};
  ASSERT_STREQ(kResourceMetrics[f.kpi->metric_index].name, "visits_delivered_per_month");
  EXPECT_DOUBLE_EQ(replication_statistic(f, b.labels, kStart, b.replications.front()), 912.5);
}

TEST(CalibrationTest, CiIsTheStudentTIntervalOfTheReplicationValues) {
  // Sums over days 0..1 of a: 21 + 2 * offset, so 21, 23, 27 for offsets 0, 1, 3.
  const run::BatchResult b = batch({0, 1, 3});
  CalibrationFigure f = figure(TrajectoryKind::Service, {"a"}, "arrivals", CalibrationStatistic::Sum, 0, 1);
  f.observed = 20;
  f.tolerance = 3;
  const std::vector<CalibrationRow> rows = calibrate(b, {f});
  ASSERT_EQ(rows.size(), 1u);
  const Estimate& e = rows[0].simulated;
  EXPECT_EQ(e.n, 3u);
  EXPECT_DOUBLE_EQ(e.mean, 71.0 / 3);
  // sd = sqrt(((21-m)^2 + (23-m)^2 + (27-m)^2) / 2); t(0.975, 2) = 4.302652729911275.
  const double m = 71.0 / 3;
  const double sd = std::sqrt(((21 - m) * (21 - m) + (23 - m) * (23 - m) + (27 - m) * (27 - m)) / 2);
  const double half = 4.302652729911275 * sd / std::sqrt(3.0);
  EXPECT_NEAR(e.ci_low, m - half, 1e-9);
  EXPECT_NEAR(e.ci_high, m + half, 1e-9);
  EXPECT_FALSE(rows[0].inside);  // |23.67 - 20| > 3
  f.tolerance = 3.7;
  EXPECT_TRUE(calibrate(b, {f})[0].inside);
}

TEST(CalibrationTest, NothingMeasuredIsNeverInside) {
  CalibrationFigure f = figure(TrajectoryKind::Service, {"a"}, "wait_mean", CalibrationStatistic::Mean, 3, 4);
  f.tolerance = 1e9;
  const CalibrationRow row = calibrate(batch({0, 1}), {f})[0];
  EXPECT_EQ(row.simulated.n, 0u);
  EXPECT_FALSE(row.inside);
}

TEST(CalibrationTest, DaysOutsideTheRecordingAreRefused) {
  const CalibrationFigure f = figure(TrajectoryKind::Service, {"a"}, "arrivals", CalibrationStatistic::Sum, 3, 5);
  EXPECT_THROW((void)calibrate(batch({0}), {f}), std::invalid_argument);
}

}  // namespace
}  // namespace carepath::run
