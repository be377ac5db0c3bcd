// SPDX-License-Identifier: MIT
// `carepath calibrate`'s arithmetic: documented figures against a run's per-day trajectories.
// For every figure and every replication, one statistic of the daily values over [from, to]
// (inclusive) of a service, pathway or shared pool: the sum over the days, the mean over the days with a value (NaN days skipped),
// the last day with a value, the largest daily value, or the change from the first day with a
// value to the last. With several names, their daily values are added first (a NaN
// component is skipped; a day is NaN only when every component is). Across replications: the
// mean and its 95% Student-t CI (stats::estimate), and whether the mean is accepted by the
// figure's bound: within observed ± tolerance, or (for a documented ceiling or floor) at most
// observed + tolerance, or at least observed - tolerance. A figure may instead name a whole-run KPI
// in any form a headline takes (resource.X.metric, clinic.X.metric, a pathway's
// over_target_at_end, ...), read from each replication's results, optionally at the end of a day.
// Pure: a BatchResult and a figure list in, rows out; io/calibration_json.hpp reads the figures
// and checks their names, metrics and dates, so calibrate() only asserts them (std::invalid_argument).
#pragma once

#include <carepath/model/calendar.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/kpi_ref.hpp>
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <optional>
#include <string>
#include <vector>

namespace carepath::run {

/// Run: a figure named by a whole-run KPI (CalibrationFigure::kpi), the others of daily values.
enum class CalibrationStatistic { Sum, Mean, Last, Max, Change, Run };

/// What a figure tests. An input check echoes a figure the model was built from (an arrival rate
/// back-solved to a documented count, a capacity), so meeting it shows the inputs were typed
/// right, not that the model behaves; only behavioural targets count in calibrate's headline.
enum class CalibrationRole { InputCheck, Behaviour };

/// In-sample: the assumed parameters were tuned to reach it; out-of-sample: nothing was tuned to it.
enum class CalibrationSample { In, Out };

/// Two-sided for an observed value; AtMost for a documented ceiling ("up to 900 a year"),
/// AtLeast for a floor.
enum class CalibrationBound { TwoSided, AtMost, AtLeast };

[[nodiscard]] const char* statistic_name(CalibrationStatistic statistic) noexcept;
[[nodiscard]] const char* role_name(CalibrationRole role) noexcept;
[[nodiscard]] const char* sample_name(CalibrationSample sample) noexcept;
[[nodiscard]] const char* bound_name(CalibrationBound bound) noexcept;

struct CalibrationFigure {
  std::string id;
  std::string figure;  ///< The documented figure, in words.
  std::string source;  ///< Where it is documented.
  stats::TrajectoryKind kind = stats::TrajectoryKind::Service;
  std::string name;                ///< As written (a label when `names` has several).
  std::vector<std::string> names;  ///< The services or pathways whose values are added; never empty.
  std::string metric;              ///< A name in the kind's trajectory metric table (trajectory.hpp).
  model::Date from{};
  model::Date to{};
  CalibrationStatistic statistic = CalibrationStatistic::Sum;
  double observed = 0;
  double tolerance = 0;
  std::string why_tolerance;
  CalibrationRole role = CalibrationRole::Behaviour;
  CalibrationSample sample = CalibrationSample::In;
  CalibrationBound bound = CalibrationBound::TwoSided;
  std::string variant;  ///< The scenario variant whose run it is compared with; "" for the base.
  /// Set: a whole-run figure, any KPI a headline can name (stats/kpi_ref.hpp), resolved against the
  /// run's scenario by io::check_calibration_against, which also sets kind-free words for the
  /// writers: `name` and `metric` from it, `from` the start date, `to` the last day measured, and
  /// statistic Run. Unset: a figure of daily values (kind, names, metric, from, to, statistic).
  std::optional<stats::KpiRef> kpi;
  /// With `kpi`: the run is cut at the end of this day and the KPI read there (a count over
  /// target on a date). Streams are keyed by replication and purpose, and nothing before the cut
  /// depends on the horizon, so the shorter run is the full run up to that day.
  std::optional<model::Date> at;
};

struct CalibrationRow {
  CalibrationFigure figure;
  std::vector<double> per_replication;  ///< The statistic in each replication (NaN: nothing measured).
  stats::Estimate simulated;                   ///< Across replications, NaN ones left out of n.
  bool inside = false;                  ///< n > 0 and accepted(figure, mean).
};

/// Whether `mean` meets the figure: by its bound, observed and tolerance.
[[nodiscard]] bool accepted(const CalibrationFigure& figure, double mean) noexcept;

/// One replication's statistic for `figure` (or its KPI); `start_date` is the run's (day 0).
[[nodiscard]] double replication_statistic(const CalibrationFigure& figure, const stats::SummaryLabels& labels,
                                           const model::Date& start_date, const stats::ReplicationResult& replication);

/// Every figure against `batch`, in order. Throws std::invalid_argument when a replication has no
/// trajectories, or a figure names an unknown service, pathway or metric, or days outside the run.
[[nodiscard]] std::vector<CalibrationRow> calibrate(const BatchResult& batch,
                                                    const std::vector<CalibrationFigure>& figures);

}  // namespace carepath::run
