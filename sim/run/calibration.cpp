// SPDX-License-Identifier: MIT
// `carepath calibrate`'s arithmetic (include/carepath/run/calibration.hpp).
#include <carepath/run/calibration.hpp>
#include <carepath/stats/kpi_kinds.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace carepath::run {
namespace {

using stats::kPathwayTrajectoryMetrics;
using stats::kServiceTrajectoryMetrics;
using stats::kResourceTrajectoryMetrics;
using stats::ReplicationResult;
using stats::SummaryLabels;
using stats::TrajectoryBlock;
using stats::TrajectoryKind;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class Table>
std::size_t metric_index(const Table& table, const std::string& metric) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (metric == table[i].name) return i;
  }
  throw std::invalid_argument("calibrate: unknown trajectory metric '" + metric + "'");
}

std::size_t name_index(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw std::invalid_argument("calibrate: unknown name '" + name + "'");
  return static_cast<std::size_t>(it - names.begin());
}

// The series (columns of TrajectoryBlock) the figure adds up: services first, service-major,
// then pathways, then shared pools (trajectory.hpp).
std::vector<std::size_t> figure_series(const CalibrationFigure& figure, const SummaryLabels& labels) {
  std::vector<std::size_t> series;
  const std::size_t pathways_from = labels.services.size() * kServiceTrajectoryMetrics.size();
  const std::size_t resources_from = pathways_from + labels.pathways.size() * kPathwayTrajectoryMetrics.size();
  for (const std::string& name : figure.names) {
    switch (figure.kind) {
      case TrajectoryKind::Service:
        series.push_back(name_index(labels.services, name) * kServiceTrajectoryMetrics.size() +
                         metric_index(kServiceTrajectoryMetrics, figure.metric));
        break;
      case TrajectoryKind::Pathway:
        series.push_back(pathways_from + name_index(labels.pathways, name) * kPathwayTrajectoryMetrics.size() +
                         metric_index(kPathwayTrajectoryMetrics, figure.metric));
        break;
      case TrajectoryKind::Resource:
        series.push_back(resources_from + name_index(labels.resources, name) * kResourceTrajectoryMetrics.size() +
                         metric_index(kResourceTrajectoryMetrics, figure.metric));
        break;
    }
  }
  if (series.empty()) throw std::invalid_argument("calibrate: figure '" + figure.id + "' names nothing");
  return series;
}

// A KPI's value in one replication, where the table of KPI kinds (stats/kpi_kinds.hpp) says it lives.
double kpi_value(const stats::KpiRef& kpi, const stats::SummaryLabels& labels, const stats::ReplicationResult& r) {
  const stats::KpiKindInfo& kind = stats::kpi_kind(kpi.table);
  const std::vector<stats::KpiItem> items = kind.items(labels);
  const stats::KpiItem* item = stats::find_item(items, kpi.name);
  if (item == nullptr) throw std::invalid_argument("calibrate: no " + kpi.kind + " called '" + kpi.name + "'");
  return kind.value(r, item->index, kpi.metric_index);
}

}  // namespace

const char* statistic_name(CalibrationStatistic statistic) noexcept {
  switch (statistic) {
    case CalibrationStatistic::Sum: return "sum";
    case CalibrationStatistic::Mean: return "mean";
    case CalibrationStatistic::Last: return "last";
    case CalibrationStatistic::Max: return "max";
    case CalibrationStatistic::Change: return "change";
    case CalibrationStatistic::Run: return "run";
  }
  return "";
}

const char* role_name(CalibrationRole role) noexcept {
  return role == CalibrationRole::InputCheck ? "input_check" : "behaviour";
}

const char* sample_name(CalibrationSample sample) noexcept { return sample == CalibrationSample::In ? "in" : "out"; }

const char* bound_name(CalibrationBound bound) noexcept {
  switch (bound) {
    case CalibrationBound::TwoSided: return "two_sided";
    case CalibrationBound::AtMost: return "at_most";
    case CalibrationBound::AtLeast: return "at_least";
  }
  return "";
}

bool accepted(const CalibrationFigure& figure, double mean) noexcept {
  switch (figure.bound) {
    case CalibrationBound::TwoSided: return std::abs(mean - figure.observed) <= figure.tolerance;
    case CalibrationBound::AtMost: return mean <= figure.observed + figure.tolerance;
    case CalibrationBound::AtLeast: return mean >= figure.observed - figure.tolerance;
  }
  return false;
}

double replication_statistic(const CalibrationFigure& figure, const SummaryLabels& labels,
                             const model::Date& start_date, const ReplicationResult& replication) {
  if (figure.kpi) return kpi_value(*figure.kpi, labels, replication);
  const TrajectoryBlock& days = replication.trajectory.days;
  const std::vector<std::size_t> series = figure_series(figure, labels);
  const SimTime first = model::days_between(start_date, figure.from);
  const SimTime last = model::days_between(start_date, figure.to);
  if (first < 0 || last < first || last >= static_cast<SimTime>(days.periods)) {
    throw std::invalid_argument("calibrate: figure '" + figure.id + "' covers days outside the recorded run");
  }
  double sum = 0;
  std::size_t with_value = 0;
  double earliest = kNaN;
  double latest = kNaN;
  double largest = -std::numeric_limits<double>::infinity();
  for (auto day = static_cast<std::size_t>(first); day <= static_cast<std::size_t>(last); ++day) {
    double value = 0;
    bool any = false;
    for (std::size_t s : series) {
      const float v = days.at(day, s);
      if (std::isnan(v)) continue;
      value += static_cast<double>(v);
      any = true;
    }
    if (!any) continue;
    if (with_value == 0) earliest = value;
    sum += value;
    ++with_value;
    latest = value;
    largest = std::max(largest, value);
  }
  if (with_value == 0) return kNaN;
  switch (figure.statistic) {
    case CalibrationStatistic::Sum: return sum;
    case CalibrationStatistic::Mean: return sum / static_cast<double>(with_value);
    case CalibrationStatistic::Last: return latest;
    case CalibrationStatistic::Max: return largest;
    case CalibrationStatistic::Change: return latest - earliest;
    case CalibrationStatistic::Run: break;  // A KPI figure, read above.
  }
  return kNaN;
}

std::vector<CalibrationRow> calibrate(const BatchResult& batch, const std::vector<CalibrationFigure>& figures) {
  std::vector<CalibrationRow> rows;
  for (const CalibrationFigure& figure : figures) {
    CalibrationRow row{figure, {}, {}, false};
    for (const ReplicationResult& r : batch.replications) {
      row.per_replication.push_back(
          replication_statistic(figure, batch.labels, batch.trajectories.calendar.start_date, r));
    }
    row.simulated = stats::estimate(row.per_replication);
    row.inside = row.simulated.n > 0 && accepted(figure, row.simulated.mean);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace carepath::run
