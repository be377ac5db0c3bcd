// SPDX-License-Identifier: MIT
// The band functions of sim/stats/trajectory_summary.cpp against values computed by hand (and
// agreeing with R's quantile(type = 7) and numpy.quantile): h = (n - 1) p, linear between the
// order statistics around h. For {1, 2, 3, 4, 10}: P5 h = 0.2 -> 1.2; P25 h = 1 -> 2; P50 -> 3;
// P75 -> 4; P95 h = 3.8 -> 4 + 0.8 x 6 = 8.8.
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace carepath::stats {
namespace {

using namespace std::chrono_literals;
constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();

TEST(Type7Quantile, MatchesHandComputedValues) {
  const std::vector<double> x{1, 2, 3, 4, 10};
  EXPECT_DOUBLE_EQ(type7_quantile(x, 0.05), 1.2);
  EXPECT_DOUBLE_EQ(type7_quantile(x, 0.25), 2);
  EXPECT_DOUBLE_EQ(type7_quantile(x, 0.50), 3);
  EXPECT_DOUBLE_EQ(type7_quantile(x, 0.75), 4);
  EXPECT_DOUBLE_EQ(type7_quantile(x, 0.95), 8.8);
  EXPECT_DOUBLE_EQ(type7_quantile(x, 0), 1);
  EXPECT_DOUBLE_EQ(type7_quantile(x, 1), 10);
}

TEST(Type7Quantile, EdgeCases) {
  EXPECT_TRUE(std::isnan(type7_quantile({}, 0.5)));
  EXPECT_DOUBLE_EQ(type7_quantile({7}, 0.05), 7);
  EXPECT_DOUBLE_EQ(type7_quantile({7}, 0.95), 7);
  EXPECT_DOUBLE_EQ(type7_quantile({0, 1}, 0.05), 0.05);
  EXPECT_DOUBLE_EQ(type7_quantile({0, 1}, 0.75), 0.75);
}

ReplicationResult recording(const std::vector<float>& day_values, std::uint32_t series) {
  ReplicationResult r;
  r.trajectory.days = {static_cast<std::uint32_t>(day_values.size() / series), series, day_values};
  r.trajectory.weeks = {1, series, std::vector<float>(series, 1.0f)};
  return r;
}

TEST(SummariseTrajectories, FoldsReplicationsLeavingOutNaN) {
  SummaryLabels labels;
  labels.services = {"clinic"};
  const TrajectoryCalendar calendar = trajectory_calendar(model::Date{2024y, std::chrono::January, 1d}, 2);
  const auto series = static_cast<std::uint32_t>(kServiceTrajectoryMetrics.size());
  std::vector<ReplicationResult> reps;
  for (const float v : {1.0f, kNaNf, 3.0f}) {
    std::vector<float> values(2 * series, 5.0f);
    values[0] = v;                        // day 0, queue_end
    values[series + 7] = kNaNf;           // day 1, wait_mean: nobody started anywhere
    reps.push_back(recording(values, series));
  }
  const TrajectorySummary t = summarise_trajectories(calendar, labels, reps);
  ASSERT_EQ(t.series.size(), kServiceTrajectoryMetrics.size());
  EXPECT_EQ(t.series[0].name, "clinic");
  EXPECT_STREQ(t.series[0].metric, "queue_end");
  EXPECT_STREQ(t.series[6].unit, "bed-days");
  EXPECT_EQ(t.days.n[0], 2u);
  EXPECT_DOUBLE_EQ(t.days.mean[0], 2);
  EXPECT_DOUBLE_EQ(t.days.p5[0], 1.1);
  EXPECT_DOUBLE_EQ(t.days.p50[0], 2);
  EXPECT_DOUBLE_EQ(t.days.p95[0], 2.9);
  EXPECT_EQ(t.days.n[1], 3u);
  EXPECT_DOUBLE_EQ(t.days.p25[1], 5);
  EXPECT_EQ(t.days.n[series + 7], 0u);
  EXPECT_TRUE(std::isnan(t.days.mean[series + 7]));
  EXPECT_TRUE(std::isnan(t.days.p75[series + 7]));
  EXPECT_EQ(t.weeks.n[3], 3u);
  EXPECT_DOUBLE_EQ(t.weeks.mean[3], 1);
  EXPECT_EQ(t.series_index(TrajectoryKind::Service, 0, 7), 7u);
}

TEST(SummariseTrajectories, EmptyWhenNothingWasRecorded) {
  SummaryLabels labels;
  labels.services = {"clinic"};
  const std::vector<ReplicationResult> reps(3);
  const TrajectorySummary t =
      summarise_trajectories(trajectory_calendar(model::Date{2024y, std::chrono::January, 1d}, 5), labels, reps);
  EXPECT_TRUE(t.empty());
}

TEST(SummariseTrajectories, SeriesIndexPutsPathwaysAfterServices) {
  SummaryLabels labels;
  labels.services = {"a", "b"};
  labels.pathways = {"p"};
  std::vector<ReplicationResult> reps;
  reps.push_back(recording(std::vector<float>(trajectory_series_count(2, 1), 0.0f),
                           static_cast<std::uint32_t>(trajectory_series_count(2, 1))));
  const TrajectorySummary t =
      summarise_trajectories(trajectory_calendar(model::Date{2024y, std::chrono::January, 1d}, 1), labels, reps);
  const std::size_t i = t.series_index(TrajectoryKind::Pathway, 0, 4);
  EXPECT_EQ(i, 2 * kServiceTrajectoryMetrics.size() + 4);  // 2 services' metrics, then metric 4
  EXPECT_EQ(t.series[i].name, "p");
  EXPECT_STREQ(t.series[i].metric, "in_pathway_end");
}

// The bands are found by selection, not by sorting: they must be the very numbers that sorting
// and type7_quantile give, for every count of replications from 1 to 60 and with ties (values
// drawn from 0..9 by a fixed linear congruential sequence).
TEST(SummariseTrajectories, SelectionGivesTheSameBandsAsSorting) {
  SummaryLabels labels;
  labels.services = {"clinic"};
  const TrajectoryCalendar calendar = trajectory_calendar(model::Date{2024y, std::chrono::January, 1d}, 1);
  const auto series = static_cast<std::uint32_t>(kServiceTrajectoryMetrics.size());
  std::uint32_t state = 12345;
  for (std::size_t n = 1; n <= 60; ++n) {
    std::vector<ReplicationResult> reps;
    std::vector<double> column;
    for (std::size_t r = 0; r < n; ++r) {
      state = state * 1103515245u + 12345u;
      const float v = static_cast<float>((state >> 16) % 10) + (r % 3 == 0 ? 0.5f : 0.0f);
      column.push_back(v);
      reps.push_back(recording(std::vector<float>(series, v), series));
    }
    std::sort(column.begin(), column.end());
    const TrajectorySummary t = summarise_trajectories(calendar, labels, reps);
    SCOPED_TRACE("n = " + std::to_string(n));
    EXPECT_EQ(t.days.p5[0], type7_quantile(column, 0.05));
    EXPECT_EQ(t.days.p25[0], type7_quantile(column, 0.25));
    EXPECT_EQ(t.days.p50[0], type7_quantile(column, 0.50));
    EXPECT_EQ(t.days.p75[0], type7_quantile(column, 0.75));
    EXPECT_EQ(t.days.p95[0], type7_quantile(column, 0.95));
  }
}

}  // namespace
}  // namespace carepath::stats
