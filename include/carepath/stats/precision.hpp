// SPDX-License-Identifier: MIT
// Replications chosen by precision: Hoad, Robinson and Davies' confidence-interval method
// ("Automated selection of the number of replications for a discrete-event simulation", JORS
// 61(11), 2010; the ReplicationsAlgorithm of the STARS templates). After n replications, each
// headline KPI's 95% Student-t half-width must be within the target (a share of the mean's size,
// or an absolute width), and stay within it for a look-ahead of 5 more replications (5n/100 above
// 100), so that a lucky early estimate does not stop the run. run_batch runs replications in
// blocks by index and checks after each block, so the answer does not depend on the thread count.
//
//   auto headlines = carepath::stats::default_headlines(result.labels);
//   auto outcome = carepath::stats::assess_precision(headlines, result.labels, result.replications, rule);
//   if (outcome.reached) std::cout << "precise after " << *outcome.reached << " replications\n";
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/stats/kpi_kind.hpp>
#include <carepath/stats/results.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carepath::stats {

/// A KPI that decides when replications stop and what a warm-up is checked on. Until scenarios
/// name their own headlines, default_headlines() gives the set.
struct HeadlineKpi {
  using Kind = KpiKind;
  Kind kind = Kind::Service;
  std::size_t index = 0;   ///< The service, pathway, pool or clinic, in scenario order (0 for the system, the total).
  std::size_t metric = 0;  ///< Into the kind's metric table (stats/results.hpp; kpi_kind.hpp names each kind's).
};

/// Every pathway's within-target share, then every service's mean wait.
[[nodiscard]] std::vector<HeadlineKpi> default_headlines(const SummaryLabels& labels);

/// The scenario's headlines (model::Scenario::headlines, which the loader always fills) as KPIs;
/// default_headlines(labels) for a scenario built in code without any.
[[nodiscard]] std::vector<HeadlineKpi> headline_kpis(const model::Scenario& scenario, const SummaryLabels& labels);

/// "pathway ae_4h within_target", "service clinic wait_mean".
[[nodiscard]] std::string headline_name(const HeadlineKpi& kpi, const SummaryLabels& labels);
[[nodiscard]] const char* headline_unit(const HeadlineKpi& kpi);
[[nodiscard]] double headline_value(const HeadlineKpi& kpi, const ReplicationResult& replication);
/// The per-day trajectory metric that follows the KPI (trajectory.hpp): a service's wait_mean,
/// a pathway's within_target. Only for default_headlines' KPIs (the warm-up's).
[[nodiscard]] std::size_t headline_trajectory_metric(const HeadlineKpi& kpi);

struct PrecisionRule {
  model::Precision target;
  std::uint32_t block = 10;   ///< Replications per block; the first block is the minimum run.
  std::uint32_t cap = 100;    ///< The most replications run.
};

/// Hoad's look-ahead after n replications: 5, or floor(5n / 100) above 100.
[[nodiscard]] std::uint32_t look_ahead(std::uint32_t n);

/// One KPI's estimate after each number of replications n = 1..N (element n - 1), NaN values left out.
struct KpiConvergence {
  std::string name;
  std::string unit;
  std::vector<double> mean;
  std::vector<double> half_width;  ///< NaN while fewer than 2 replications have a value.
  bool measured = false;           ///< Some replication has a value; unmeasured KPIs cannot stop a run.
};

[[nodiscard]] KpiConvergence convergence(std::string name, std::string unit, const std::vector<double>& values);

/// Whether `kpi` after n replications is within `target`: relative, half-width <= value x |mean|.
[[nodiscard]] bool within(const KpiConvergence& kpi, std::uint32_t n, const model::Precision& target);

struct PrecisionOutcome {
  PrecisionRule rule;
  std::uint32_t replications = 0;        ///< Run, in whole blocks (or up to the cap).
  /// The smallest n at which every measured KPI is within the target for n and the look-ahead
  /// after it; nullopt when the replications run do not show one (then the cap stopped the run).
  std::optional<std::uint32_t> reached;
  std::vector<KpiConvergence> kpis;      ///< In headline order.
};

/// Assesses the replications run so far.
[[nodiscard]] PrecisionOutcome assess_precision(const std::vector<HeadlineKpi>& headlines, const SummaryLabels& labels,
                                                const std::vector<ReplicationResult>& replications,
                                                const PrecisionRule& rule);

/// "5%" or "0.5" (absolute), as run.precision and --precision write it.
[[nodiscard]] std::string precision_text(const model::Precision& target);

}  // namespace carepath::stats
