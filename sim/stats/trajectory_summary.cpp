// SPDX-License-Identifier: MIT
// Trajectory bands across replications: for every (period, series) the mean and the type-7
// quantiles of the replications' values, NaNs left out. Values are gathered in replication index
// order and the mean is summed in that order, so the bands do not depend on the thread count. The
// per-replication values come from the recorder (engine/recorder.hpp); the files from
// io/trajectory_files.cpp.
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Period by period, each replication's row is copied into a [series][replication] buffer, so that
// the values of one cell lie side by side however many replications there are (reading them
// cell by cell straight from the replications would miss the cache once per value).
TrajectoryBands fold(const std::vector<ReplicationResult>& replications, bool weeks, std::uint32_t periods,
                     std::size_t series) {
  const std::size_t cells = static_cast<std::size_t>(periods) * series;
  const std::size_t reps = replications.size();
  TrajectoryBands bands;
  for (auto* v : {&bands.mean, &bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) v->resize(cells);
  bands.n.resize(cells);
  std::vector<float> by_series(series * reps);
  std::vector<double> values;
  values.reserve(reps);
  for (std::size_t p = 0; p < periods; ++p) {
    for (std::size_t r = 0; r < reps; ++r) {
      const TrajectoryBlock& block = weeks ? replications[r].trajectory.weeks : replications[r].trajectory.days;
      const bool recorded = block.values.size() == cells;
      for (std::size_t s = 0; s < series; ++s) {
        by_series[s * reps + r] = recorded ? block.values[p * series + s] : std::numeric_limits<float>::quiet_NaN();
      }
    }
    for (std::size_t s = 0; s < series; ++s) {
      values.clear();
      double sum = 0;  // in replication order
      for (std::size_t r = 0; r < reps; ++r) {
        const double v = by_series[s * reps + r];
        if (std::isnan(v)) continue;
        values.push_back(v);
        sum += v;
      }
      const std::size_t cell = p * series + s;
      bands.n[cell] = static_cast<std::uint32_t>(values.size());
      if (values.empty()) {
        for (auto* v : {&bands.mean, &bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) (*v)[cell] = kNaN;
        continue;
      }
      std::sort(values.begin(), values.end());
      bands.mean[cell] = sum / static_cast<double>(values.size());
      bands.p5[cell] = type7_quantile(values, 0.05);
      bands.p25[cell] = type7_quantile(values, 0.25);
      bands.p50[cell] = type7_quantile(values, 0.50);
      bands.p75[cell] = type7_quantile(values, 0.75);
      bands.p95[cell] = type7_quantile(values, 0.95);
    }
  }
  return bands;
}

}  // namespace

TrajectoryCalendar trajectory_calendar(const model::Date& start_date, SimTime horizon) {
  TrajectoryCalendar calendar;
  calendar.start_date = start_date;
  calendar.days = horizon > 0 ? static_cast<std::uint32_t>(std::ceil(horizon)) : 0;
  calendar.first_weekday = model::iso_weekday_index(start_date);
  for (std::uint32_t day = 0; day < calendar.days; ++day) {
    if (day == 0 || calendar.week_of(day) != calendar.week_of(day - 1)) {
      calendar.week_first_day.push_back(day);
      calendar.week_days.push_back(0);
    }
    ++calendar.week_days.back();
  }
  return calendar;
}

double type7_quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kNaN;
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double below = std::floor(h);
  const auto i = static_cast<std::size_t>(below);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - below) * (sorted[i + 1] - sorted[i]);
}

std::size_t TrajectorySummary::series_index(TrajectoryKind kind, std::size_t index, std::size_t metric) const noexcept {
  std::size_t services = 0;
  for (const TrajectorySeries& s : series) services += s.kind == TrajectoryKind::Service ? 1 : 0;
  services /= kServiceTrajectoryMetrics.size();
  if (kind == TrajectoryKind::Service) return index * kServiceTrajectoryMetrics.size() + metric;
  return services * kServiceTrajectoryMetrics.size() + index * kPathwayTrajectoryMetrics.size() + metric;
}

TrajectorySummary summarise_trajectories(const TrajectoryCalendar& calendar, const SummaryLabels& labels,
                                         const std::vector<ReplicationResult>& replications) {
  TrajectorySummary summary;
  const bool recorded = std::any_of(replications.begin(), replications.end(),
                                    [](const ReplicationResult& r) { return !r.trajectory.days.values.empty(); });
  if (!recorded) return summary;
  summary.calendar = calendar;
  for (const std::string& name : labels.services) {
    for (const auto& m : kServiceTrajectoryMetrics) summary.series.push_back({TrajectoryKind::Service, name, m.name, m.unit});
  }
  for (const std::string& name : labels.pathways) {
    for (const auto& m : kPathwayTrajectoryMetrics) summary.series.push_back({TrajectoryKind::Pathway, name, m.name, m.unit});
  }
  const std::size_t series = summary.series.size();
  summary.days = fold(replications, false, calendar.days, series);
  summary.weeks = fold(replications, true, static_cast<std::uint32_t>(calendar.week_first_day.size()), series);
  return summary;
}

}  // namespace carepath::stats
