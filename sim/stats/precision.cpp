// SPDX-License-Identifier: MIT
// Hoad, Robinson and Davies' replication algorithm (include/carepath/stats/precision.hpp). The
// estimates after every n are folded once, in replication order, with Welford's update; checking
// every n rather than only block ends is the sequential algorithm itself, only run in blocks.
#include <carepath/stats/precision.hpp>

#include <carepath/stats/kpi_kinds.hpp>
#include <carepath/stats/kpi_ref.hpp>
#include "stats/welford.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <variant>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace carepath::stats {

namespace {

constexpr std::size_t kWaitMean = 6;        // kServiceMetrics
constexpr std::size_t kWithinTarget = 8;    // kPathwayMetrics
constexpr std::size_t kDailyWaitMean = 7;   // kServiceTrajectoryMetrics
constexpr std::size_t kDailyWithinTarget = 3;  // kPathwayTrajectoryMetrics
static_assert(std::string_view(kServiceMetrics[kWaitMean].name) == "wait_mean");
static_assert(std::string_view(kPathwayMetrics[kWithinTarget].name) == "within_target");
static_assert(std::string_view(kServiceTrajectoryMetrics[kDailyWaitMean].name) == "wait_mean");
static_assert(std::string_view(kPathwayTrajectoryMetrics[kDailyWithinTarget].name) == "within_target");

std::string shortest(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc{} ? std::string(buffer, end) : std::string("?");
}

}  // namespace

std::vector<HeadlineKpi> default_headlines(const SummaryLabels& labels) {
  std::vector<HeadlineKpi> headlines;
  for (std::size_t p = 0; p < labels.pathways.size(); ++p) {
    headlines.push_back({HeadlineKpi::Kind::Pathway, p, kWithinTarget});
  }
  for (std::size_t s = 0; s < labels.services.size(); ++s) {
    headlines.push_back({HeadlineKpi::Kind::Service, s, kWaitMean});
  }
  return headlines;
}

std::vector<HeadlineKpi> headline_kpis(const model::Scenario& scenario, const SummaryLabels& labels) {
  if (scenario.headlines.empty()) return default_headlines(labels);
  std::vector<HeadlineKpi> kpis;
  for (const model::Headline& headline : scenario.headlines) {
    const auto resolved = resolve_kpi(headline.kpi, scenario);
    const auto* kpi = std::get_if<KpiRef>(&resolved);
    if (kpi == nullptr) continue;  // The loader refused it already; a scenario built in code may hold anything.
    // Every kind the run measured: a cost without costs computed, or a name the run lacks, is not.
    const std::vector<KpiItem> items = kpi_kind(kpi->table).items(labels);
    const KpiItem* item = find_item(items, kpi->name);
    if (item == nullptr) continue;
    kpis.push_back({kpi->table, item->index, kpi->metric_index});
  }
  return kpis;
}

std::string headline_name(const HeadlineKpi& kpi, const SummaryLabels& labels) {
  const KpiKindInfo& kind = kpi_kind(kpi.kind);
  const std::string metric = kind.metric_name(kpi.metric);
  if (!kind.named()) return std::string(kind.word) + " " + metric;
  for (const KpiItem& item : kind.items(labels)) {
    if (item.index == kpi.index) return std::string(kind.word) + " " + item.name + " " + metric;
  }
  throw std::out_of_range("headline_name: no item " + std::to_string(kpi.index) + " of kind " + std::string(kind.word));
}

const char* headline_unit(const HeadlineKpi& kpi) { return kpi_kind(kpi.kind).metric_unit(kpi.metric); }

double headline_value(const HeadlineKpi& kpi, const ReplicationResult& replication) {
  return kpi_kind(kpi.kind).value(replication, kpi.index, kpi.metric);
}

std::size_t headline_trajectory_metric(const HeadlineKpi& kpi) {
  return kpi.kind == HeadlineKpi::Kind::Pathway ? kDailyWithinTarget : kDailyWaitMean;
}

std::uint32_t look_ahead(std::uint32_t n) { return n <= 100 ? 5 : 5 * n / 100; }

KpiConvergence convergence(std::string name, std::string unit, const std::vector<double>& values) {
  KpiConvergence kpi{std::move(name), std::move(unit), {}, {}, false};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Welford folded;
  for (const double value : values) {
    if (std::isfinite(value)) folded.add(value);
    const auto n = folded.count();
    kpi.measured = kpi.measured || n > 0;
    kpi.mean.push_back(n > 0 ? folded.mean() : nan);
    if (n < 2) {
      kpi.half_width.push_back(nan);
      continue;
    }
    const boost::math::students_t t(static_cast<double>(n - 1));
    kpi.half_width.push_back(boost::math::quantile(boost::math::complement(t, 0.025)) *
                             std::sqrt(folded.variance() / static_cast<double>(n)));
  }
  return kpi;
}

bool within(const KpiConvergence& kpi, std::uint32_t n, const model::Precision& target) {
  const double half_width = kpi.half_width.at(n - 1);
  if (!std::isfinite(half_width)) return false;
  // A KPI that is always exactly the same has no noise to reduce, whatever its mean.
  if (half_width == 0) return true;
  return half_width <= (target.relative ? target.value * std::abs(kpi.mean.at(n - 1)) : target.value);
}

PrecisionOutcome assess_precision(const std::vector<HeadlineKpi>& headlines, const SummaryLabels& labels,
                                  const std::vector<ReplicationResult>& replications, const PrecisionRule& rule) {
  PrecisionOutcome outcome;
  outcome.rule = rule;
  outcome.replications = static_cast<std::uint32_t>(replications.size());
  std::vector<double> values(replications.size());
  for (const HeadlineKpi& headline : headlines) {
    for (std::size_t r = 0; r < replications.size(); ++r) values[r] = headline_value(headline, replications[r]);
    outcome.kpis.push_back(convergence(headline_name(headline, labels), headline_unit(headline), values));
  }
  const auto all_within = [&](std::uint32_t n) {
    for (const KpiConvergence& kpi : outcome.kpis) {
      if (kpi.measured && !within(kpi, n, rule.target)) return false;
    }
    return true;
  };
  // Hoad's minimum of 3 replications before a half-width is trusted at all.
  for (std::uint32_t n = 3; n + look_ahead(n) <= outcome.replications; ++n) {
    bool holds = true;
    for (std::uint32_t k = n; k <= n + look_ahead(n) && holds; ++k) holds = all_within(k);
    if (holds) {
      outcome.reached = n;
      break;
    }
  }
  return outcome;
}

std::string precision_text(const model::Precision& target) {
  return target.relative ? shortest(target.value * 100) + "%" : shortest(target.value);
}

}  // namespace carepath::stats
