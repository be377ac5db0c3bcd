// SPDX-License-Identifier: MIT
// print_headlines: after the base's table, the scenario's headline KPIs (model::Scenario::
// headlines): the base's value of each, then for every variant what it changes, in words, and
// each headline from base to variant with the paired difference and its 95% CI, or "no
// detectable change" when the interval covers 0. Never filtered: a planner asked about these.
// Values are in their metric's unit (shares as percentages and their differences in points,
// times in minutes, hours, days or weeks by the base's size); everything else is in
// comparison.csv.
#include <carepath/io/number_format.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/run/headlines.hpp>
#include <carepath/time.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {
namespace {

// How one headline's numbers are written: a scale from the metric's unit and the words after.
struct Display {
  double scale = 1;
  std::string unit;             // after a value: "%", " h", " bed-days"
  std::string difference_unit;  // after a difference: " points", " h", " bed-days"
  int decimals = 1;
  std::string money;            // the currency's sign before a value, for money ("£")
};

Display display_for(std::string_view unit, double base_mean) {
  if (unit == "share") return {100, "%", " points", 1, ""};
  for (const model::CurrencyInfo& c : model::kCurrencies) {
    if (unit == c.code) return {1, "", "", std::abs(base_mean) >= 100 ? 0 : 2, std::string(c.symbol)};
  }
  if (unit == "days") {
    struct TimeUnit {
      const char* name;
      double days;
      double up_to;
    };
    static constexpr std::array<TimeUnit, 4> kUnits{{{"min", minutes(1), hours(1)},
                                                     {"h", hours(1), days(2)},
                                                     {"d", days(1), weeks(2)},
                                                     {"w", weeks(1), std::numeric_limits<double>::infinity()}}};
    const auto u = std::find_if(kUnits.begin(), kUnits.end() - 1,
                                [&](const TimeUnit& t) { return !(std::abs(base_mean) >= t.up_to); });
    return {1 / u->days, std::string(" ") + u->name, std::string(" ") + u->name, 1, ""};
  }
  const bool whole = std::isfinite(base_mean) && std::abs(base_mean) >= 100;
  const std::string words = unit.empty() || unit == "patients" ? "" : " " + std::string(unit);
  return {1, words, words, whole ? 0 : 1, ""};
}

std::string number(double value, const Display& d) {
  if (!std::isfinite(value)) return "-";
  if (!d.money.empty()) return format_money(value, d.money, d.decimals);
  std::string text = format_fixed(value * d.scale, d.decimals);
  if (text == "-0" || (text.starts_with("-0.") && text.find_first_not_of("-0.") == std::string::npos)) {
    text.erase(0, 1);  // "-0.0" reads as a change where there is none
  }
  return text;
}

std::string signed_number(double value, const Display& d) {
  std::string text = number(value, d);
  if (text != "-" && !text.starts_with('-') && text.find_first_not_of("0.") != std::string::npos) text = "+" + text;
  return text;
}

std::string interval(const stats::Estimate& e, const Display& d) {
  return "[" + number(e.ci_low, d) + ", " + number(e.ci_high, d) + "]";
}

void print_rows(const std::vector<std::pair<std::string, std::string>>& rows, std::ostream& out) {
  std::size_t width = 0;
  for (const auto& [label, text] : rows) width = std::max(width, label.size());
  for (const auto& [label, text] : rows) out << "  " << label << std::string(width - label.size() + 2, ' ') << text << '\n';
}

// "cost per blocked bed-day saved  £310 (cost +£12,400 [..]; saved 40.0 bed-days [..])", with a
// warning in words when the saving's interval covers 0.
void print_cost_effects(const run::VariantDifferences& variant, const std::string& currency, std::ostream& out) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const run::CostEffect& e : variant.cost_effects) {
    const Display money = display_for(currency, e.cost.mean);
    const Display ratio = display_for(currency, e.ratio);
    const Display saved = display_for("", e.saved.mean);
    const std::string saved_words = e.saved_unit == "patients" ? "breaches"
                                    : e.saved_unit == "visits" ? "missed visits"
                                                               : e.saved_unit;
    std::string text = number(e.ratio, ratio) + " (cost " + signed_number(e.cost.mean, money) + " " +
                       interval(e.cost, money) + "; saved " + number(e.saved.mean, saved) + " " + saved_words +
                       " " + interval(e.saved, saved) + ")";
    if (e.saved_uncertain) text += "  the saving's interval covers 0: the ratio may mean nothing";
    rows.emplace_back(e.label, text);
  }
  print_rows(rows, out);
}

// A headline over a window of its own says so after its label; the run's window is in the title.
std::string labelled(const std::string& label, const std::optional<model::DateWindow>& window,
                     const std::optional<model::DateWindow>& run_window) {
  if (!window || window == run_window) return label;
  return label + " (" + model::format_window(*window) + ")";
}

}  // namespace

void print_headlines(const std::vector<model::Headline>& headlines, const std::vector<model::ScenarioVariant>& variants,
                     const run::ComparisonResult& comparison, std::ostream& out) {
  if (headlines.empty()) return;
  std::vector<std::pair<std::string, std::string>> rows;
  for (const run::HeadlineValue& h : run::headline_values(headlines, comparison.base)) {
    const Display d = display_for(h.unit, h.estimate.mean);
    rows.emplace_back(labelled(h.label, h.window, comparison.base.window),
                      h.estimate.n == 0 ? "-" : number(h.estimate.mean, d) + d.unit + " " + interval(h.estimate, d));
  }
  out << "\nHeadlines" << (comparison.base.window ? ", " + model::format_window(*comparison.base.window) : "")
      << " (mean [95% CI]):\n";
  print_rows(rows, out);

  std::size_t others = 0;  // Resolved differences that are not headlines, counted for the last line.
  for (const run::VariantDifferences& variant : comparison.differences) {
    const auto found = std::find_if(variants.begin(), variants.end(),
                                    [&](const model::ScenarioVariant& v) { return v.name == variant.variant; });
    out << '\n' << variant.variant;
    if (found != variants.end() && !found->changes.empty()) {
      std::string changes;
      for (const std::string& change : found->changes) changes += (changes.empty() ? "" : "; ") + change;
      out << ": " << changes;
    }
    out << "\n";
    rows.clear();
    for (const run::HeadlineDifference& h : run::headline_differences(headlines, variant)) {
      const Display d = display_for(h.unit, h.base_mean);
      const std::string label = labelled(h.label, h.window, variant.window);
      if (h.difference.n == 0) {
        rows.emplace_back(label, "- (not measured in both)");
        continue;
      }
      const std::string change = number(h.base_mean, d) + d.unit + " -> " + number(h.variant_mean, d) + d.unit;
      const std::string difference = signed_number(h.difference.mean, d) + d.difference_unit + " " +
                                     interval(h.difference, d);
      rows.emplace_back(label, change + "   " +
                                     (h.detectable ? difference : "no detectable change (" + difference + ")"));
    }
    print_rows(rows, out);
    print_cost_effects(variant, comparison.base.labels.currency, out);
    for (const run::KpiDifference& d : variant.differences) {
      const bool resolved = d.difference.n > 0 && (d.difference.ci_low > 0 || d.difference.ci_high < 0);
      const bool unnamed = d.kind == "system" || d.kind == "cost";
      const std::string kpi = unnamed ? d.kind + "." + d.metric : d.kind + "." + d.name + "." + d.metric;
      const bool headline = std::any_of(headlines.begin(), headlines.end(),
                                        [&](const model::Headline& h) { return h.kpi == kpi; });
      if (resolved && !headline) ++others;
    }
  }
  if (comparison.differences.empty()) return;
  out << "(variant - base, paired: the same random numbers; " << others
      << " other KPI differences have an interval excluding 0; comparison.csv has every KPI)\n";
}

}  // namespace carepath::io
