// SPDX-License-Identifier: MIT
// The recorder's trajectories: per-day values closed at each day boundary (close_next_day, called by the replication), and a
// coarse period (ISO weeks, or calendar months) aggregated from the days as they close; with
// period "week" or "month" the days are closed but not kept. Counts and time integrals are
// differences of cumulative values between boundaries, so the handlers pay nothing for them;
// waits and pathway times of the period are buffered and reduced here (mean, type-7 P90 by
// nth_element, share within target). One buffer per service holds the coarse period's values,
// the current day's at its end, so a day's reduction reorders only its own part and nothing is
// copied. Values are stored as float; NaN marks nothing to measure, and every day after a
// deadlock. Layout: trajectory.hpp.
#include "engine/recorder.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace carepath::engine {

namespace {
constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Type-7 quantile of unsorted `values` (never negative), reordering them; NaN when empty.
double exact_quantile(std::span<double> values, double p) {
  if (values.empty()) return kNaN;
  const double h = static_cast<double>(values.size() - 1) * p;
  const double below = std::floor(h);
  const auto i = static_cast<std::ptrdiff_t>(below);
  // Most waits at a service with a free server are 0, the least a value can be: when more than
  // i + 1 values are 0, order statistics i and i + 1 are both 0, and so is the quantile. Counting
  // is one cheap pass; selection, several with swaps.
  const auto zeros = std::count(values.begin(), values.end(), 0.0);
  if (zeros > i + 1) return 0;
  std::nth_element(values.begin(), values.begin() + i, values.end());
  const double low = values[static_cast<std::size_t>(i)];
  if (static_cast<std::size_t>(i) + 1 >= values.size()) return low;
  const double high = *std::min_element(values.begin() + i + 1, values.end());
  return low + (h - below) * (high - low);
}

double mean_of(std::span<const double> values) {
  if (values.empty()) return kNaN;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double share_within(std::span<const double> values, double target) {
  if (values.empty()) return kNaN;
  std::size_t within = 0;
  for (double v : values) within += v <= target ? 1 : 0;
  return static_cast<double>(within) / static_cast<double>(values.size());
}

/// Writes one period's row of a service: `delta` the period's counts and integrals, indexed as
/// Recorder::Cumulative (arrivals, completions, losses, reneges, occupancy area, held area,
/// capacity area, the exit-block and delayed-discharge parts of the held area), `length` its days.
void write_service(float* row, const Recorder::ServiceEnd& end, const std::array<double, 9>& delta, double length,
                   std::span<double> waits, bool has_target, double target) {
  row[0] = static_cast<float>(end.queue);
  row[10] = static_cast<float>(!end.unlimited && length > 0 ? delta[6] / length : kNaN);
  row[11] = static_cast<float>(end.present);
  row[12] = static_cast<float>(end.over_target);
  row[1] = static_cast<float>(length > 0 ? delta[4] / length : kNaN);
  row[2] = static_cast<float>(delta[0]);
  row[3] = static_cast<float>(delta[1]);
  row[4] = static_cast<float>(delta[2]);
  row[5] = static_cast<float>(delta[3]);
  row[6] = static_cast<float>(delta[5]);
  row[13] = static_cast<float>(delta[7]);
  row[14] = static_cast<float>(delta[8]);
  row[7] = static_cast<float>(mean_of(waits));
  row[9] = static_cast<float>(has_target ? share_within(waits, target) : kNaN);
  row[8] = static_cast<float>(exact_quantile(waits, 0.90));  // last: it reorders the waits
}

// Day d of the calendar in run time: [d, d + 1) less the start time (run.start_time), so days
// stay calendar days; the first starts at 0 when the run starts after midnight.
SimTime day_start(const stats::TrajectoryCalendar& calendar, std::uint32_t day) {
  return std::max(0.0, static_cast<double>(day) - calendar.start_hour / 24);
}
SimTime day_end(const stats::TrajectoryCalendar& calendar, std::uint32_t day) {
  return static_cast<double>(day) + 1.0 - calendar.start_hour / 24;
}

void write_pathway(float* row, std::span<double> times, double target, double in_pathway, double over_target) {
  row[0] = static_cast<float>(times.size());
  row[1] = static_cast<float>(mean_of(times));
  row[3] = static_cast<float>(share_within(times, target));
  row[4] = static_cast<float>(in_pathway);
  row[5] = static_cast<float>(over_target);
  row[2] = static_cast<float>(exact_quantile(times, 0.90));
}

/// `delta`: busy, capacity, due, missed and caseload areas (Recorder::ResourceCumulative).
void write_resource(float* row, const std::array<double, 5>& delta, double length, bool visit_pool) {
  row[0] = static_cast<float>(length > 0 ? delta[0] / length : kNaN);
  row[1] = static_cast<float>(length > 0 ? delta[1] / length : kNaN);
  row[2] = static_cast<float>(visit_pool ? delta[2] - delta[3] : kNaN);
  row[3] = static_cast<float>(visit_pool ? delta[3] : kNaN);
  row[4] = static_cast<float>(visit_pool && length > 0 ? delta[4] / length : kNaN);
}

}  // namespace

void Recorder::start_trajectory(const CompiledModel& model, model::TrajectoryPeriod period) {
  static_assert(stats::kServiceTrajectoryMetrics.size() == 15 && stats::kPathwayTrajectoryMetrics.size() == 6 &&
                    stats::kResourceTrajectoryMetrics.size() == kResourceCumulatives,
                "write_service, write_pathway and write_resource write the metrics in table order");
  trajectories_ = true;
  keep_days_ = period == model::TrajectoryPeriod::Day;
  coarse_ = period == model::TrajectoryPeriod::Month ? &stats::TrajectoryRecording::months
                                                     : &stats::TrajectoryRecording::weeks;
  horizon_ = model.horizon;
  calendar_ = stats::trajectory_calendar(model.start_date, model.horizon, model.start_hour);
  const auto series = static_cast<std::uint32_t>(
      stats::trajectory_series_count(services_.size(), pathways_.size(), resources_.size()));
  if (keep_days_) {
    trajectory_.days = {calendar_.days, series, std::vector<float>(std::size_t{calendar_.days} * series, kNaNf)};
  }
  const std::uint32_t coarse = period == model::TrajectoryPeriod::Month ? calendar_.months() : calendar_.weeks();
  trajectory_.*coarse_ = {coarse, series, std::vector<float>(std::size_t{coarse} * series, kNaNf)};
  service_tracks_.resize(services_.size());
  for (std::size_t s = 0; s < services_.size(); ++s) {
    service_tracks_[s].has_target = !std::isnan(model.services[s].wait_target);
    service_tracks_[s].unlimited = model.services[s].initial_capacity == kUnlimited;
  }
  period_end_.over_target_waiting.assign(services_.size(), 0);
  period_end_.in_pathway.assign(pathways_.size(), 0);
  period_end_.over_target_in_pathway.assign(pathways_.size(), 0);
  pathway_tracks_.resize(pathways_.size());
  resource_tracks_.resize(resources_.size());
  next_boundary_ = calendar_.days > 0 ? std::min(day_end(calendar_, 0), horizon_)
                                      : std::numeric_limits<SimTime>::infinity();
}

void Recorder::mark_time_zero() {
  for (std::size_t s = 0; s < service_tracks_.size(); ++s) service_tracks_[s].at_day_start = cumulative(s, 0.0);
  for (std::size_t r = 0; r < resource_tracks_.size(); ++r) resource_tracks_[r].at_day_start = resource_cumulative(r, 0.0);
}

Recorder::ResourceCumulatives Recorder::resource_cumulative(std::size_t resource, SimTime now) const {
  const ResourceStats& pool = resources_[resource];
  const ResourceCumulatives& base = resource_tracks_[resource].base;
  const VisitStats& visits = visits_[resource];
  return {base[kBusyArea] + pool.busy.area(now), base[kCapacityArea] + pool.capacity.area(now),
          base[kDueArea] + visits.committed.area(now), base[kMissedArea] + visits.shortfall.area(now),
          base[kCaseloadArea] + visits.caseload.area(now)};
}

std::size_t Recorder::resource_series_offset() const noexcept {
  return stats::trajectory_series_count(services_.size(), pathways_.size());
}

Recorder::Cumulatives Recorder::cumulative(std::size_t service, SimTime now) const {
  const ServiceStats& s = services_[service];
  const Cumulatives& base = service_tracks_[service].base;
  return {base[kArrivals] + static_cast<double>(s.arrivals),
          base[kCompletions] + static_cast<double>(s.completions),
          base[kLosses] + static_cast<double>(s.losses),
          base[kReneges] + static_cast<double>(s.reneges),
          base[kOccupancyArea] + s.in_service.area(now) + s.held.area(now),
          base[kHeldArea] + s.held.area(now),
          base[kOpenArea] + s.capacity.area(now),
          base[kExitBlockArea] + s.held_for[0].area(now),
          base[kDelayedDischargeArea] + s.held_for[1].area(now)};
}

void Recorder::close_next_day() {
  in_phase(phase_ticks_, Phase::Trajectories, [&] {
    close_day(next_boundary_);
    next_boundary_ = day_ < calendar_.days ? std::min(day_end(calendar_, day_), horizon_)
                                           : std::numeric_limits<SimTime>::infinity();
  });
}

// Over target is counted only at the end of a coarse period: NaN in a day's row.
Recorder::ServiceEnd Recorder::service_end(std::size_t service, bool coarse) const {
  const ServiceStats& s = services_[service];
  return {s.queue.level(), s.queue.level() + s.in_service.level() + s.held.level() + s.between.level(),
          coarse && service_tracks_[service].has_target ? period_end_.over_target_waiting[service] : kNaN,
          service_tracks_[service].unlimited};
}

void Recorder::close_day(SimTime end) {
  const std::uint32_t series = trajectory_.days.series;
  float* row = keep_days_ ? trajectory_.days.values.data() + std::size_t{day_} * series : nullptr;
  const double length = end - day_start(calendar_, day_);
  for (std::size_t s = 0; s < services_.size(); ++s) {
    ServiceTrack& track = service_tracks_[s];
    const Cumulatives now = cumulative(s, end);
    Cumulatives delta{};
    for (std::size_t q = 0; q < kCumulatives; ++q) {
      delta[q] = now[q] - track.at_day_start[q];
      track.coarse[q] += delta[q];
    }
    track.at_day_start = now;
    if (row) {
      write_service(row + s * stats::kServiceTrajectoryMetrics.size(), service_end(s, false), delta, length,
                    std::span<double>(track.waits).subspan(track.day_begin), track.has_target,
                    services_[s].wait_target);
    }
    track.day_begin = track.waits.size();
  }
  for (std::size_t k = 0; k < pathways_.size(); ++k) {
    PathwayTrack& track = pathway_tracks_[k];
    if (row) {
      write_pathway(row + services_.size() * stats::kServiceTrajectoryMetrics.size() +
                        k * stats::kPathwayTrajectoryMetrics.size(),
                    std::span<double>(track.times).subspan(track.day_begin), pathways_[k].target,
                    static_cast<double>(pathways_[k].in_pathway), kNaN);
    }
    track.day_begin = track.times.size();
  }
  for (std::size_t r = 0; r < resources_.size(); ++r) {
    ResourceTrack& track = resource_tracks_[r];
    const ResourceCumulatives now = resource_cumulative(r, end);
    ResourceCumulatives delta{};
    for (std::size_t q = 0; q < kResourceCumulatives; ++q) {
      delta[q] = now[q] - track.at_day_start[q];
      track.coarse[q] += delta[q];
    }
    track.at_day_start = now;
    if (row) {
      write_resource(row + resource_series_offset() + r * stats::kResourceTrajectoryMetrics.size(), delta, length,
                     visits_[r].rate > 0);
    }
  }
  coarse_length_ += length;
  const std::uint32_t closed = day_++;
  if (day_ == calendar_.days || coarse_of(day_) != coarse_of(closed)) close_coarse(closed);
}

void Recorder::close_coarse(std::uint32_t last_day) {
  stats::TrajectoryBlock& block = trajectory_.*coarse_;
  float* row = block.values.data() + std::size_t{coarse_of(last_day)} * block.series;
  for (std::size_t s = 0; s < services_.size(); ++s) {
    ServiceTrack& track = service_tracks_[s];
    write_service(row + s * stats::kServiceTrajectoryMetrics.size(), service_end(s, true), track.coarse,
                  coarse_length_, track.waits, track.has_target, services_[s].wait_target);
    track.coarse = {};
    track.waits.clear();
    track.day_begin = 0;
  }
  float* pathway_rows = row + services_.size() * stats::kServiceTrajectoryMetrics.size();
  for (std::size_t k = 0; k < pathways_.size(); ++k) {
    PathwayTrack& track = pathway_tracks_[k];
    write_pathway(pathway_rows + k * stats::kPathwayTrajectoryMetrics.size(), track.times, pathways_[k].target,
                  static_cast<double>(pathways_[k].in_pathway), period_end_.over_target_in_pathway[k]);
    track.times.clear();
    track.day_begin = 0;
  }
  for (std::size_t r = 0; r < resources_.size(); ++r) {
    ResourceTrack& track = resource_tracks_[r];
    write_resource(row + resource_series_offset() + r * stats::kResourceTrajectoryMetrics.size(), track.coarse,
                   coarse_length_, visits_[r].rate > 0);
    track.coarse = {};
  }
  coarse_length_ = 0;
}

stats::TrajectoryRecording Recorder::finish_trajectory(SimTime now) {
  if (!trajectories_) return {};
  return in_phase(phase_ticks_, Phase::Trajectories, [&] {
    // The replication has closed every day that ended by `now` and counted period_end_ at `now`.
    // Only a deadlock ends a run before the horizon: its day ends there, and the days after it,
    // which the replication never ran, stay NaN.
    if (day_ < calendar_.days && now > day_start(calendar_, day_)) {
      close_day(now);
      if (coarse_length_ > 0) close_coarse(day_ - 1);
    } else if (coarse_length_ > 0) {
      close_coarse(day_ - 1);
    }
    next_boundary_ = std::numeric_limits<SimTime>::infinity();
    return std::move(trajectory_);
  });
}

}  // namespace carepath::engine
