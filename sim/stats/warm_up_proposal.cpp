// SPDX-License-Identifier: MIT
#include <carepath/stats/warm_up_proposal.hpp>

#include <carepath/stats/mser.hpp>
#include <algorithm>
#include <cmath>

namespace carepath::stats {

WarmUpProposal propose_warm_up(const TrajectorySummary& trajectories, const SummaryLabels& labels,
                               const std::vector<HeadlineKpi>& headlines) {
  WarmUpProposal proposal;
  if (trajectories.empty()) return proposal;
  const std::size_t days = trajectories.calendar.days;
  const std::size_t series = trajectories.series.size();
  for (const HeadlineKpi& headline : headlines) {
    const TrajectoryKind kind =
        headline.kind == HeadlineKpi::Kind::Pathway ? TrajectoryKind::Pathway : TrajectoryKind::Service;
    const std::size_t s = trajectories.series_index(kind, headline.index, headline_trajectory_metric(headline));
    KpiWarmUp kpi{headline_name(headline, labels), headline_unit(headline), {}, 0, false, true};
    kpi.daily_mean.reserve(days);
    for (std::size_t d = 0; d < days; ++d) {
      const double value = trajectories.days.mean.at(d * series + s);
      kpi.measured = kpi.measured || std::isfinite(value);
      kpi.daily_mean.push_back(value);
    }
    if (kpi.measured) {
      const MserResult found = mser(kpi.daily_mean, 5);
      kpi.truncation = found.truncation;
      kpi.in_first_half = found.in_first_half;
      proposal.days = std::max(proposal.days, kpi.truncation);
    }
    proposal.kpis.push_back(std::move(kpi));
  }
  return proposal;
}

}  // namespace carepath::stats
