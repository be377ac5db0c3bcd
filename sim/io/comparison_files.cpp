// SPDX-License-Identifier: MIT
#include "io/comparison_files.hpp"

#include "io/costs_files.hpp"
#include "io/missing_values.hpp"

#include <carepath/io/csv_text.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/run/headlines.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace carepath::io {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kComparisonHeader =
    "variant,kind,name,metric,unit,base_mean,variant_mean,difference,ci_low,ci_high,n\n";


// Why a difference has a null, as summary.json says it for a statistic; "" when it has none.
std::string difference_note(const stats::Estimate& difference, double base_mean, double variant_mean) {
  if (difference.n == 0) return "nothing to compare: no replication had a value in both";
  if (!std::isfinite(base_mean) || !std::isfinite(variant_mean)) return "not a finite number: a replication's value was infinite or undefined";
  return missing_note(difference);
}

// {"from": "2025-12-01", "to": "2026-03-31"}; null for the whole run after the warm-up.
ordered_json window_json(const std::optional<model::DateWindow>& window) {
  if (!window) return nullptr;
  return {{"from", model::format_date(window->from)}, {"to", model::format_date(window->to)}};
}

}  // namespace

void write_comparison_csv(const run::ComparisonResult& comparison, std::ostream& out) {
  out << kComparisonHeader;
  for (const run::VariantDifferences& variant : comparison.differences) {
    for (const run::KpiDifference& d : variant.differences) {
      out << csv_text(variant.variant) << ',' << d.kind << ',' << csv_text(d.name) << ',' << d.metric << ','
          << d.unit << ',' << format_shortest(d.base_mean) << ',' << format_shortest(d.variant_mean) << ','
          << format_shortest(d.difference.mean) << ',' << format_shortest(d.difference.ci_low) << ','
          << format_shortest(d.difference.ci_high) << ',' << d.difference.n << '\n';
    }
  }
}

ordered_json comparison_json(const model::Scenario& base, const std::vector<model::ScenarioVariant>& variants,
                             const run::ComparisonResult& comparison) {
  ordered_json list = ordered_json::array();
  for (const run::VariantDifferences& variant : comparison.differences) {
    const auto found = std::find_if(variants.begin(), variants.end(),
                                    [&](const model::ScenarioVariant& v) { return v.name == variant.variant; });
    ordered_json differences = ordered_json::array();
    for (const run::KpiDifference& d : variant.differences) {
      differences.push_back({{"kind", d.kind},
                             {"name", d.name},
                             {"metric", d.metric},
                             {"unit", d.unit},
                             {"base_mean", number_or_null(d.base_mean)},
                             {"variant_mean", number_or_null(d.variant_mean)},
                             {"difference", number_or_null(d.difference.mean)},
                             {"ci95", ordered_json::array({number_or_null(d.difference.ci_low),
                                                           number_or_null(d.difference.ci_high)})},
                             {"n", d.difference.n}});
      if (std::string note = difference_note(d.difference, d.base_mean, d.variant_mean); !note.empty()) {
        differences.back()["note"] = std::move(note);
      }
    }
    ordered_json headlines = ordered_json::array();
    for (const run::HeadlineDifference& h : run::headline_differences(base.headlines, variant)) {
      headlines.push_back({{"kpi", h.kpi},
                           {"label", h.label},
                           {"unit", h.unit},
                           {"base_mean", number_or_null(h.base_mean)},
                           {"variant_mean", number_or_null(h.variant_mean)},
                           {"difference", number_or_null(h.difference.mean)},
                           {"ci95", ordered_json::array({number_or_null(h.difference.ci_low),
                                                         number_or_null(h.difference.ci_high)})},
                           {"n", h.difference.n},
                           {"detectable", h.detectable},
                           {"window", window_json(h.window)}});
      if (std::string note = difference_note(h.difference, h.base_mean, h.variant_mean); !note.empty()) {
        headlines.back()["note"] = std::move(note);
      }
    }
    list.push_back({{"name", variant.variant},
                    {"description", found == variants.end() ? "" : found->description},
                    {"notes", found == variants.end() ? std::vector<std::string>{} : found->notes},
                    {"changes", found == variants.end() ? std::vector<std::string>{} : found->changes},
                    {"headlines", std::move(headlines)},
                    {"differences", std::move(differences)}});
    if (!variant.cost_effects.empty()) {
      list.back()["cost_effects"] = cost_effects_json(variant, comparison.base.labels.currency);
    }
  }
  const std::optional<model::DateWindow> window =
      comparison.differences.empty() ? comparison.base.window : comparison.differences.front().window;
  return ordered_json{{"base", base.name}, {"window", window_json(window)}, {"variants", std::move(list)}};
}

}  // namespace carepath::io
