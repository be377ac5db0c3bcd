// SPDX-License-Identifier: MIT
#include <carepath/run/headlines.hpp>

#include <carepath/stats/kpi_kinds.hpp>

#include <algorithm>
#include <string_view>

namespace carepath::run {
namespace {

// The kind of one item written with `word` ("system", "cost"), or nullptr.
const stats::KpiKindInfo* unnamed_kind(const std::string& word) {
  for (const stats::KpiKindInfo& kind : stats::kpi_kinds()) {
    if (kind.word == word && !kind.named()) return &kind;
  }
  return nullptr;
}

struct KpiParts {
  std::string kind;
  std::string name;
  std::string metric;
};

// The loader writes every headline in its long form, KIND.NAME.METRIC or system.METRIC; a name
// may itself hold dots, so the kind is before the first and the metric after the last.
KpiParts parts_of(const std::string& kpi) {
  const std::size_t first = kpi.find('.');
  const std::size_t last = kpi.rfind('.');
  KpiParts parts;
  parts.kind = kpi.substr(0, first);
  parts.metric = kpi.substr(last + 1);
  const stats::KpiKindInfo* unnamed = unnamed_kind(parts.kind);
  parts.name = unnamed != nullptr ? std::string(unnamed->whole) : kpi.substr(first + 1, last - first - 1);
  return parts;
}

std::string label_of(const model::Headline& headline, const KpiParts& parts) {
  if (!headline.label.empty()) return headline.label;
  if (unnamed_kind(parts.kind) != nullptr) return parts.kind + " " + parts.metric;
  return parts.name + " " + parts.metric;
}

// A headline with a window of its own is read from the replications measured over it.
const stats::Summary& summary_for(const model::Headline& headline, const BatchResult& result) {
  if (!headline.window || headline.window == result.window) return result.summary;
  for (const WindowedResults& w : result.headline_windows) {
    if (w.window == *headline.window) return w.summary;
  }
  return result.summary;
}

const std::vector<KpiDifference>& differences_for(const model::Headline& headline, const VariantDifferences& variant) {
  if (!headline.window || headline.window == variant.window) return variant.differences;
  for (const WindowDifferences& w : variant.headline_windows) {
    if (w.window == *headline.window) return w.differences;
  }
  return variant.differences;
}

}  // namespace

std::vector<HeadlineValue> headline_values(const std::vector<model::Headline>& headlines, const BatchResult& result) {
  std::vector<HeadlineValue> values;
  for (const model::Headline& headline : headlines) {
    const KpiParts parts = parts_of(headline.kpi);
    HeadlineValue value{headline.kpi, label_of(headline, parts), "", {}, headline.window ? headline.window : result.window};
    const stats::Summary& summary = summary_for(headline, result);
    // The first kind written with this word whose table has the metric (a service's own metrics,
    // then its costs).
    for (const stats::KpiKindInfo& kind : stats::kpi_kinds()) {
      if (kind.word != parts.kind) continue;
      const auto m = kind.metric_index(parts.metric);
      if (!m) continue;
      value.unit = kind.metric_unit(*m);
      const std::vector<stats::KpiItem> items = kind.items(result.labels);
      const stats::KpiItem* item = stats::find_item(items, parts.name);
      if (item != nullptr && item->summary) value.estimate = kind.estimate(summary, *item->summary, *m);
      break;
    }
    if (value.unit == "money") value.unit = result.labels.currency;  // as in the cost differences
    values.push_back(std::move(value));
  }
  return values;
}

std::vector<HeadlineDifference> headline_differences(const std::vector<model::Headline>& headlines,
                                                     const VariantDifferences& variant) {
  std::vector<HeadlineDifference> rows;
  for (const model::Headline& headline : headlines) {
    const KpiParts parts = parts_of(headline.kpi);
    HeadlineDifference row;
    row.kpi = headline.kpi;
    row.label = label_of(headline, parts);
    row.window = headline.window ? headline.window : variant.window;
    const std::vector<KpiDifference>& differences = differences_for(headline, variant);
    const auto d = std::find_if(differences.begin(), differences.end(), [&](const KpiDifference& x) {
      return x.kind == parts.kind && x.name == parts.name && x.metric == parts.metric;
    });
    if (d != differences.end()) {
      row.unit = d->unit;
      row.base_mean = d->base_mean;
      row.variant_mean = d->variant_mean;
      row.difference = d->difference;
      row.detectable = d->difference.n > 0 && (d->difference.ci_low > 0 || d->difference.ci_high < 0);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace carepath::run
