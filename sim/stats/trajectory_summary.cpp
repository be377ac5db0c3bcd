// SPDX-License-Identifier: MIT
// Trajectory bands across replications: for every (period, series) the mean and the type-7
// quantiles of the replications' values, NaNs left out. Values are gathered in replication index
// order and the mean is summed in that order, so the bands do not depend on the thread count. The
// per-replication values come from the recorder (engine/recorder.hpp); the files from
// io/trajectory_files.cpp.
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace carepath::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The type-7 quantiles at 5, 25, 50, 75 and 95% of `values` (not empty), reordering them. The
// same numbers as sorting and type7_quantile, found by selection: each quantile needs the order
// statistics i and i+1, so nth_element places i in what lies above the previous quantile's, and
// i+1 is the least of what lies above i. About 5n comparisons instead of n log n.
std::array<double, 5> ascending_quantiles(std::vector<double>& values) {
  constexpr std::array<double, 5> kLevels{0.05, 0.25, 0.50, 0.75, 0.95};
  std::array<double, 5> out{};
  const std::size_t n = values.size();
  std::size_t placed = 0;  // values[0 .. placed) are the smallest, in no order
  for (std::size_t k = 0; k < kLevels.size(); ++k) {
    const double h = static_cast<double>(n - 1) * kLevels[k];
    const double below = std::floor(h);
    const auto i = static_cast<std::size_t>(below);
    const auto at = [&](std::size_t rank) { return values.begin() + static_cast<std::ptrdiff_t>(rank); };
    std::nth_element(at(placed), at(i), values.end());
    placed = i;
    if (i + 1 >= n) {
      out[k] = values[i];
      continue;
    }
    const double high = *std::min_element(at(i + 1), values.end());
    out[k] = values[i] + (h - below) * (high - values[i]);
  }
  return out;
}

// Period by period, each replication's row is copied into a [series][replication] buffer, so that
// the values of one cell lie side by side however many replications there are (reading them
// cell by cell straight from the replications would miss the cache once per value). Periods are
// folded in parallel, in the caller's TBB limits (run_batch sets them to the batch's threads):
// each cell is computed from its own values in replication order by one task, and written to its
// own slot, so the bands are the same bits on any number of threads. On one thread this fold was
// the serial tail of a batch (about 3% of a whole-system batch's CPU time, 6% of its wall time
// at two threads).
TrajectoryBands fold(const std::vector<ReplicationResult>& replications, TrajectoryBlock TrajectoryRecording::*kind,
                     std::uint32_t periods, std::size_t series) {
  const std::size_t cells = static_cast<std::size_t>(periods) * series;
  const std::size_t reps = replications.size();
  TrajectoryBands bands;
  for (auto* v : {&bands.mean, &bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) v->resize(cells);
  bands.n.resize(cells);
  const auto fold_periods = [&](const tbb::blocked_range<std::size_t>& range) {
    std::vector<float> by_series(series * reps);
    std::vector<double> values;
    values.reserve(reps);
    for (std::size_t p = range.begin(); p != range.end(); ++p) {
      for (std::size_t r = 0; r < reps; ++r) {
        const TrajectoryBlock& block = replications[r].trajectory.*kind;
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
        bands.mean[cell] = sum / static_cast<double>(values.size());
        const std::array<double, 5> q = ascending_quantiles(values);
        bands.p5[cell] = q[0];
        bands.p25[cell] = q[1];
        bands.p50[cell] = q[2];
        bands.p75[cell] = q[3];
        bands.p95[cell] = q[4];
      }
    }
  };
  // A task folds at least kPeriodsPerTask periods, so that its buffers are worth allocating.
  constexpr std::size_t kPeriodsPerTask = 8;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, periods, kPeriodsPerTask), fold_periods);
  return bands;
}

}  // namespace

double type7_quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kNaN;
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double below = std::floor(h);
  const auto i = static_cast<std::size_t>(below);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - below) * (sorted[i + 1] - sorted[i]);
}

std::size_t TrajectorySummary::series_index(TrajectoryKind kind, std::size_t index, std::size_t metric) const noexcept {
  std::size_t services = 0, pathways = 0;
  for (const TrajectorySeries& s : series) {
    services += s.kind == TrajectoryKind::Service ? 1 : 0;
    pathways += s.kind == TrajectoryKind::Pathway ? 1 : 0;
  }
  services /= kServiceTrajectoryMetrics.size();
  pathways /= kPathwayTrajectoryMetrics.size();
  switch (kind) {
    case TrajectoryKind::Service: return index * kServiceTrajectoryMetrics.size() + metric;
    case TrajectoryKind::Pathway:
      return services * kServiceTrajectoryMetrics.size() + index * kPathwayTrajectoryMetrics.size() + metric;
    case TrajectoryKind::Resource: break;
  }
  return trajectory_series_count(services, pathways) + index * kResourceTrajectoryMetrics.size() + metric;
}

TrajectorySummary summarise_trajectories(const TrajectoryCalendar& calendar, const SummaryLabels& labels,
                                         const std::vector<ReplicationResult>& replications) {
  TrajectorySummary summary;
  const bool recorded = std::any_of(replications.begin(), replications.end(), [](const ReplicationResult& r) {
    const TrajectoryRecording& t = r.trajectory;
    return !t.days.values.empty() || !t.weeks.values.empty() || !t.months.values.empty();
  });
  if (!recorded) return summary;
  summary.calendar = calendar;
  for (const std::string& name : labels.services) {
    for (const auto& m : kServiceTrajectoryMetrics) summary.series.push_back({TrajectoryKind::Service, name, m.name, m.unit});
  }
  for (const std::string& name : labels.pathways) {
    for (const auto& m : kPathwayTrajectoryMetrics) summary.series.push_back({TrajectoryKind::Pathway, name, m.name, m.unit});
  }
  for (const std::string& name : labels.resources) {
    for (const auto& m : kResourceTrajectoryMetrics) summary.series.push_back({TrajectoryKind::Resource, name, m.name, m.unit});
  }
  const std::size_t series = summary.series.size();
  const auto recorded_in = [&](TrajectoryBlock TrajectoryRecording::*kind) {
    return std::any_of(replications.begin(), replications.end(),
                       [&](const ReplicationResult& r) { return !(r.trajectory.*kind).values.empty(); });
  };
  if (recorded_in(&TrajectoryRecording::days)) {
    summary.period = model::TrajectoryPeriod::Day;
    summary.days = fold(replications, &TrajectoryRecording::days, calendar.days, series);
  }
  if (recorded_in(&TrajectoryRecording::weeks)) {
    if (summary.period != model::TrajectoryPeriod::Day) summary.period = model::TrajectoryPeriod::Week;
    summary.weeks = fold(replications, &TrajectoryRecording::weeks, calendar.weeks(), series);
  }
  if (recorded_in(&TrajectoryRecording::months)) {
    summary.period = model::TrajectoryPeriod::Month;
    summary.months = fold(replications, &TrajectoryRecording::months, calendar.months(), series);
  }
  return summary;
}

}  // namespace carepath::stats
