// SPDX-License-Identifier: MIT
// How a run unfolds in time: per-period values of a few metrics per service and per pathway, for
// fan charts. Unlike the ReplicationResult totals these cover the whole run, warm-up included, so
// a chart shows the system filling up. The period is the scenario's run.trajectory_period (days
// with ISO weeks, weeks, calendar months or none), chosen from the horizon when unset so that no
// series has more than kMaxAutoTrajectoryPeriods periods (choose_trajectory_period). Each
// replication keeps its values as float in a TrajectoryRecording ([period][series], one block per
// kind of period); summarise_trajectories folds them, in replication order, into a mean and
// quantile bands per (period, series).
//
//   const auto& t = result.trajectories;              // run::BatchResult
//   std::size_t s = t.series_index(stats::TrajectoryKind::Service, 0, 0);  // first service, queue_end
//   double median_day_3 = t.days.p50[3 * t.series.size() + s];
#pragma once

#include <carepath/model/calendar.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/time.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carepath::stats {

struct ReplicationResult;
struct SummaryLabels;

enum class TrajectoryKind : std::uint8_t { Service, Pathway, Resource };

struct TrajectoryMetricInfo {
  const char* name;
  const char* unit;
};

/// Per service per period, in this order. Waits are of patients who started service in the
/// period; counts are events in the period; queue_end, present_end and over_target_end are the
/// state at its end (present: waiting, in a bed or blocked in it, or between appointments;
/// over target: waiting longer than the service's wait target, NaN without one, and counted at
/// the end of each week or month only, so NaN by day); capacity_mean
/// is the mean beds (servers) open over the period, NaN when unlimited, to set occupancy_mean
/// against; exit_block_bed_days and delayed_discharge_bed_days are the parts of blocked_bed_days
/// held waiting for a service whose setting is "hospital" and "community".
inline constexpr std::array<TrajectoryMetricInfo, 15> kServiceTrajectoryMetrics{{
    {"queue_end", "patients"},
    {"occupancy_mean", "mean patients"},
    {"arrivals", "patients"},
    {"completions", "patients"},
    {"losses", "patients"},
    {"reneges", "patients"},
    {"blocked_bed_days", "bed-days"},
    {"wait_mean", "days"},
    {"wait_p90", "days"},
    {"within_target", "share"},
    {"capacity_mean", "mean servers"},
    {"present_end", "patients"},
    {"over_target_end", "patients"},
    {"exit_block_bed_days", "bed-days"},
    {"delayed_discharge_bed_days", "bed-days"},
}};

/// Per pathway per period: of the patients who completed it in the period, and who is in it at
/// the end (over_target_end: of those, in it for longer than its target; weeks and months only).
inline constexpr std::array<TrajectoryMetricInfo, 6> kPathwayTrajectoryMetrics{{
    {"completions", "patients"},
    {"time_mean", "days"},
    {"time_p90", "days"},
    {"within_target", "share"},
    {"in_pathway_end", "patients"},
    {"over_target_end", "patients"},
}};

/// Per shared resource pool per period: the mean units taken and on duty; for a visit pool also
/// the visits delivered and missed in the period and its mean caseload (NaN for a pool of units).
inline constexpr std::array<TrajectoryMetricInfo, 5> kResourceTrajectoryMetrics{{
    {"busy_mean", "mean units"},
    {"capacity_mean", "mean units"},
    {"visits_delivered", "visits"},
    {"visits_missed", "visits"},
    {"caseload_mean", "mean patients"},
}};

/// Series are every service's metrics (service-major), then every pathway's, then every pool's.
[[nodiscard]] constexpr std::size_t trajectory_series_count(std::size_t services, std::size_t pathways,
                                                            std::size_t resources = 0) noexcept {
  return services * kServiceTrajectoryMetrics.size() + pathways * kPathwayTrajectoryMetrics.size() +
         resources * kResourceTrajectoryMetrics.size();
}

/// The periods of a run: day d is the calendar day start_date + d, [d, d+1) from the start date's
/// midnight, which is run time [d, d+1) - start_hour / 24, d = 0 .. ceil(horizon + start_hour / 24)-1
/// (the first may be partial when the run starts after midnight, the last when it ends before);
/// ISO weeks run Monday to Sunday and months from the 1st to the last of a calendar month, the
/// first and last of each possibly partial. Computed, not stored, so a calendar's size does not
/// grow with the horizon.
struct TrajectoryCalendar {
  model::Date start_date{};
  double start_hour = 0;  ///< The clock hour of run time 0 on the start date (run.start_time).
  std::uint32_t days = 0;
  std::uint32_t first_weekday = 0;  ///< 0 = Monday: the start date's ISO weekday.

  /// The week holding day `day`.
  [[nodiscard]] std::uint32_t week_of(std::uint32_t day) const noexcept { return (day + first_weekday) / 7; }
  [[nodiscard]] std::uint32_t weeks() const noexcept { return days == 0 ? 0 : week_of(days - 1) + 1; }
  /// Index of week `week`'s first day in the run.
  [[nodiscard]] std::uint32_t week_first_day(std::uint32_t week) const noexcept {
    return week == 0 ? 0 : 7 * week - first_weekday;
  }
  /// Days of the run in week `week` (1..7).
  [[nodiscard]] std::uint32_t week_days(std::uint32_t week) const noexcept;

  /// The calendar month holding day `day`, counted from the start date's month.
  [[nodiscard]] std::uint32_t month_of(std::uint32_t day) const;
  [[nodiscard]] std::uint32_t months() const { return days == 0 ? 0 : month_of(days - 1) + 1; }
  [[nodiscard]] std::uint32_t month_first_day(std::uint32_t month) const;
  /// Days of the run in month `month` (1..31).
  [[nodiscard]] std::uint32_t month_days(std::uint32_t month) const;
};

[[nodiscard]] TrajectoryCalendar trajectory_calendar(const model::Date& start_date, SimTime horizon,
                                                     double start_hour = 0);

/// Without a choice in the scenario or on the command line, no series gets more periods than
/// this, and the recordings (replications × series × periods × 4 bytes) no more than
/// kTrajectoryMemoryWarning: the finest of day, week and month within both, else none. It bounds
/// the memory of the recordings and the size of the files and report.
inline constexpr std::uint32_t kMaxAutoTrajectoryPeriods = 1000;

/// Recordings above this many bytes are not chosen without being asked for, and an explicit
/// choice above it is kept but warned about.
inline constexpr std::uint64_t kTrajectoryMemoryWarning = std::uint64_t{1} << 30;

/// Periods of each kind a run at `period` records: days and weeks for Day, weeks for Week,
/// months for Month, none for Off.
[[nodiscard]] std::uint64_t recorded_periods(const TrajectoryCalendar& calendar, model::TrajectoryPeriod period);

/// Bytes the recordings of a batch hold: replications × series × recorded periods × 4.
[[nodiscard]] std::uint64_t trajectory_bytes(const TrajectoryCalendar& calendar, model::TrajectoryPeriod period,
                                             std::size_t series, std::uint32_t replications);

struct TrajectoryChoice {
  model::TrajectoryPeriod period = model::TrajectoryPeriod::Day;
  /// Empty when there is nothing to say; otherwise one sentence for the user: why the period is
  /// coarser than a day (or off), or what an explicit choice will cost in memory.
  std::string notice;
};

/// `requested` when set (with a notice when its recordings exceed kTrajectoryMemoryWarning),
/// otherwise the finest period with at most kMaxAutoTrajectoryPeriods periods per series and
/// recordings within kTrajectoryMemoryWarning (with a notice when that is not Day).
[[nodiscard]] TrajectoryChoice choose_trajectory_period(const TrajectoryCalendar& calendar,
                                                        std::optional<model::TrajectoryPeriod> requested,
                                                        std::size_t series, std::uint32_t replications);

/// Values of one kind of period, [period * series + series], NaN where nothing was measured.
struct TrajectoryBlock {
  std::uint32_t periods = 0;
  std::uint32_t series = 0;
  std::vector<float> values;

  [[nodiscard]] float at(std::size_t period, std::size_t s) const { return values[period * series + s]; }
};

/// One replication's trajectories; a block is empty when its period was not recorded.
struct TrajectoryRecording {
  TrajectoryBlock days;
  TrajectoryBlock weeks;
  TrajectoryBlock months;
};

/// Bands across replications, each vector [period * series + series]; NaN where n is 0.
struct TrajectoryBands {
  std::vector<double> mean, p5, p25, p50, p75, p95;
  std::vector<std::uint32_t> n;  ///< Replications with a value (not NaN).
};

struct TrajectorySeries {
  TrajectoryKind kind = TrajectoryKind::Service;
  std::string name;    ///< Service, pathway or pool name.
  const char* metric;  ///< From kServiceTrajectoryMetrics, kPathwayTrajectoryMetrics or kResourceTrajectoryMetrics.
  const char* unit;
};

struct TrajectorySummary {
  TrajectoryCalendar calendar;
  model::TrajectoryPeriod period = model::TrajectoryPeriod::Off;  ///< The finest period recorded.
  std::vector<TrajectorySeries> series;
  TrajectoryBands days;    ///< Empty unless period is Day.
  TrajectoryBands weeks;   ///< Empty for Month.
  TrajectoryBands months;  ///< Empty unless period is Month.

  [[nodiscard]] bool empty() const noexcept { return series.empty() || calendar.days == 0; }
  /// Index of metric `metric` of service, pathway or pool `index`.
  [[nodiscard]] std::size_t series_index(TrajectoryKind kind, std::size_t index, std::size_t metric) const noexcept;
};

/// Quantile p of `sorted` (ascending, no NaN) by type-7 linear interpolation between order
/// statistics (R's default, numpy's "linear"): h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
/// NaN for an empty input.
[[nodiscard]] double type7_quantile(const std::vector<double>& sorted, double p);

/// Folds every replication's recording, in index order; empty when none recorded trajectories.
[[nodiscard]] TrajectorySummary summarise_trajectories(const TrajectoryCalendar& calendar, const SummaryLabels& labels,
                                                       const std::vector<ReplicationResult>& replications);

}  // namespace carepath::stats
