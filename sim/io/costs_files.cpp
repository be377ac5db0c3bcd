// SPDX-License-Identifier: MIT
#include "io/costs_files.hpp"

#include <carepath/io/csv_text.hpp>
#include <carepath/io/number_format.hpp>
#include "io/missing_values.hpp"
#include "io/summary_json.hpp"
#include "stats/costs.hpp"

#include <ostream>
#include <string>

namespace carepath::io {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kSummaryHeader = "kind,name,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n";
constexpr std::string_view kReplicationsHeader = "replication,kind,name,metric,unit,value\n";
constexpr std::string_view kEffectsHeader =
    "variant,measure,cost_difference,cost_ci_low,cost_ci_high,saved,saved_unit,saved_ci_low,saved_ci_high,ratio,"
    "saved_ci_covers_0\n";

ordered_json cost_metrics_json(const stats::CostSummary& summary, const std::string& currency) {
  ordered_json metrics = ordered_json::object();
  for (const std::size_t m : stats::listed_cost_metrics(summary.kind)) {
    metrics[stats::kCostMetrics[m].name] = estimate_json(currency, summary.metrics[m]);
  }
  return metrics;
}

template <class Owner>
ordered_json per_unit_json(const Owner& owner) {
  ordered_json per_unit = ordered_json::object();
  for (const model::CostDriverInfo& d : model::kCostDrivers) {
    if (owner.costs[d.driver] != 0) per_unit[std::string(d.key)] = owner.costs[d.driver];
  }
  return per_unit;
}

// One unit of what a cost effect saves: "bed-days" (blocked), "patients" (breaches), "visits" (missed).
std::string per_unit_saved(const std::string& saved_unit) {
  return saved_unit == "bed-days" ? "bed-day" : saved_unit == "visits" ? "visit" : "patient";
}

ordered_json estimate_brief(const stats::Estimate& e) {
  return {{"mean", number_or_null(e.mean)},
          {"ci95", ordered_json::array({number_or_null(e.ci_low), number_or_null(e.ci_high)})},
          {"n", e.n}};
}

}  // namespace

ordered_json costs_json(const model::Scenario& scenario, const run::BatchResult& result) {
  const std::string& currency = result.labels.currency;
  ordered_json services = ordered_json::array();
  ordered_json resources = ordered_json::array();
  ordered_json total;
  for (const stats::CostSummary& summary : result.summary.costs) {
    if (summary.kind == "service") {
      services.push_back({{"name", summary.name},
                          {"per_unit", per_unit_json(scenario.services.at(summary.index))},
                          {"metrics", cost_metrics_json(summary, currency)}});
    } else if (summary.kind == "resource") {
      resources.push_back({{"name", summary.name},
                           {"per_unit", per_unit_json(scenario.resources.at(summary.index))},
                           {"metrics", cost_metrics_json(summary, currency)}});
    } else {
      total = cost_metrics_json(summary, currency);
    }
  }
  return {{"currency", currency},
          {"symbol", std::string(model::currency_symbol(currency))},
          {"services", std::move(services)},
          {"resources", std::move(resources)},
          {"total", std::move(total)}};
}

void write_summary_costs_csv(const run::BatchResult& result, std::ostream& out) {
  out << kSummaryHeader;
  for (const stats::CostSummary& summary : result.summary.costs) {
    for (const std::size_t m : stats::listed_cost_metrics(summary.kind)) {
      const stats::Estimate& e = summary.metrics[m];
      out << summary.kind << ',' << csv_text(summary.name) << ',' << stats::kCostMetrics[m].name << ','
          << result.labels.currency << ','
          << format_shortest(e.mean) << ',' << format_shortest(e.ci_low) << ',' << format_shortest(e.ci_high) << ','
          << format_shortest(e.sd) << ',' << format_shortest(e.min) << ',' << format_shortest(e.max) << ',' << e.n
          << '\n';
    }
  }
}

void write_replications_costs_csv(const run::BatchResult& result, std::ostream& out) {
  out << kReplicationsHeader;
  for (std::size_t r = 0; r < result.replications.size(); ++r) {
    const stats::ReplicationResult& replication = result.replications[r];
    // The rows of the summary, in its order: costed services, costed pools, the total.
    for (const stats::CostSummary& row : result.summary.costs) {
      const stats::CostResult& cost = row.kind == "service"    ? replication.service_costs.at(row.index)
                                      : row.kind == "resource" ? replication.resource_costs.at(row.index)
                                                               : replication.cost;
      for (const std::size_t m : stats::listed_cost_metrics(row.kind)) {
        out << r << ',' << row.kind << ',' << csv_text(row.name) << ',' << stats::kCostMetrics[m].name << ','
            << result.labels.currency << ',' << format_shortest(cost.*stats::kCostMetrics[m].field) << '\n';
      }
    }
  }
}

ordered_json cost_effects_json(const run::VariantDifferences& variant, std::string_view currency) {
  ordered_json list = ordered_json::array();
  for (const run::CostEffect& effect : variant.cost_effects) {
    ordered_json row{{"measure", effect.label},
                     {"saved_unit", effect.saved_unit},
                     {"cost_difference", estimate_brief(effect.cost)},
                     {"saved", estimate_brief(effect.saved)},
                     {"ratio", number_or_null(effect.ratio)},
                     {"ratio_unit", std::string(currency) + " per " + per_unit_saved(effect.saved_unit)}};
    if (!std::isfinite(effect.ratio)) {
      row["note"] = "no ratio: the variant saved nothing on average";
    } else if (effect.saved_uncertain) {
      row["note"] = "the saving's 95% interval covers 0: the variant may save nothing, so the ratio may mean nothing";
    }
    list.push_back(std::move(row));
  }
  return list;
}

void write_cost_effects_csv(const run::ComparisonResult& comparison, std::ostream& out) {
  out << kEffectsHeader;
  for (const run::VariantDifferences& variant : comparison.differences) {
    for (const run::CostEffect& e : variant.cost_effects) {
      out << csv_text(variant.variant) << ',' << csv_text(e.label) << ',' << format_shortest(e.cost.mean) << ','
          << format_shortest(e.cost.ci_low) << ',' << format_shortest(e.cost.ci_high) << ','
          << format_shortest(e.saved.mean) << ',' << e.saved_unit << ',' << format_shortest(e.saved.ci_low) << ','
          << format_shortest(e.saved.ci_high) << ',' << format_shortest(e.ratio) << ','
          << (e.saved_uncertain ? "true" : "false") << '\n';
    }
  }
}

}  // namespace carepath::io
