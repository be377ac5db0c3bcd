// SPDX-License-Identifier: MIT
// The scenario's headline KPIs (model::Scenario::headlines) picked out of a run and of each
// comparison: what the console prints after every run and the report's answer cards show, in
// the headlines' order, never filtered by whether a difference is resolved.
//
//   auto cmp = carepath::run::run_comparison(set.base, set.variants);
//   for (const auto& h : carepath::run::headline_differences(set.base.headlines, cmp.differences[0]))
//     std::cout << h.label << (h.detectable ? " changes" : " no detectable change") << '\n';
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/stats/results.hpp>

#include <optional>
#include <string>
#include <vector>

namespace carepath::run {

/// One headline of one run.
struct HeadlineValue {
  std::string kpi;    ///< "pathway.ae_4h.within_target".
  std::string label;  ///< The scenario's label, or "ae_4h within_target" when it gives none.
  std::string unit;   ///< The metric's unit (stats/results.hpp).
  stats::Estimate estimate;
  /// The dates measured: the headline's own window, else the run's (--window); unset: the whole
  /// run after the warm-up.
  std::optional<model::DateWindow> window;
};

/// One headline of one variant against the base.
struct HeadlineDifference {
  std::string kpi;
  std::string label;
  std::string unit;
  double base_mean = 0;
  double variant_mean = 0;
  stats::Estimate difference;  ///< Variant - base, paired; n = 0 when it could not be measured.
  /// The 95% interval excludes 0: these replications resolve a change. When it covers 0 the
  /// honest answer is "no detectable change".
  bool detectable = false;
  std::optional<model::DateWindow> window;  ///< As HeadlineValue::window.
};

/// The headlines' values in `result` (a headline naming a service or pathway the run does not
/// have gets n = 0).
[[nodiscard]] std::vector<HeadlineValue> headline_values(const std::vector<model::Headline>& headlines,
                                                         const BatchResult& result);

/// The headlines' paired differences in `variant`.
[[nodiscard]] std::vector<HeadlineDifference> headline_differences(const std::vector<model::Headline>& headlines,
                                                                   const VariantDifferences& variant);

}  // namespace carepath::run
