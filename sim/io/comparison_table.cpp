// SPDX-License-Identifier: MIT
// print_comparison_headlines: after the base's table, the few paired differences a planner reads
// first, one line each: for every variant, each pathway's within_target, and those of each
// pathway's time_mean, each service's wait_mean and wait_within_target and the system's
// time_in_system_mean whose interval excludes zero (a whole-system scenario has dozens of
// services, most untouched by a given change). Shares are shown in percentage points, times in
// days; everything else is in comparison.csv.
#include <carepath/io/results_writer.hpp>

#include "io/number_format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {
namespace {

struct Headline {
  std::string_view kind;
  std::string_view metric;
};

constexpr std::array<Headline, 5> kHeadlines{{
    {"pathway", "within_target"},
    {"pathway", "time_mean"},
    {"service", "wait_mean"},
    {"service", "wait_within_target"},
    {"system", "time_in_system_mean"},
}};

std::string signed_fixed(double value, int decimals) {
  std::string text = format_fixed(value, decimals);
  if (std::isfinite(value) && !text.starts_with('-')) text.insert(text.begin(), '+');
  return text;
}

// "+3.1 points [2.4, 3.8]" or "-0.125 days [-0.140, -0.110]".
std::string difference_text(const run::KpiDifference& d) {
  const bool share = d.unit == "share";
  const double factor = share ? 100 : 1;
  const int decimals = share ? 1 : d.unit == "days" ? 3 : 1;
  const std::string unit = share ? "points" : d.unit;
  return signed_fixed(d.difference.mean * factor, decimals) + " " + unit + " [" +
         format_fixed(d.difference.ci_low * factor, decimals) + ", " +
         format_fixed(d.difference.ci_high * factor, decimals) + "]";
}

}  // namespace

void print_comparison_headlines(const run::ComparisonResult& comparison, std::ostream& out) {
  if (comparison.differences.empty()) return;
  struct Line {
    std::string variant;
    std::string kpi;
    std::string difference;
  };
  std::vector<Line> lines;
  for (const run::VariantDifferences& variant : comparison.differences) {
    for (const Headline& headline : kHeadlines) {
      for (const run::KpiDifference& d : variant.differences) {
        if (d.kind != headline.kind || d.metric != headline.metric || d.difference.n == 0) continue;
        const bool always_shown = d.kind == "pathway" && d.metric == "within_target";
        const bool resolved = d.difference.ci_low > 0 || d.difference.ci_high < 0;
        if (!always_shown && !resolved) continue;
        const std::string kpi = d.kind == "system" ? "system " + d.metric : d.name + " " + d.metric;
        lines.push_back({variant.variant, kpi, difference_text(d)});
      }
    }
  }
  std::size_t variant_width = 0, kpi_width = 0;
  for (const Line& line : lines) {
    variant_width = std::max(variant_width, line.variant.size());
    kpi_width = std::max(kpi_width, line.kpi.size());
  }
  out << "\nPaired differences, variant - base (mean [95% CI], same random numbers):\n";
  for (const Line& line : lines) {
    out << line.variant << std::string(variant_width - line.variant.size() + 2, ' ') << line.kpi
        << std::string(kpi_width - line.kpi.size() + 2, ' ') << line.difference << '\n';
  }
  out << "(pathway shares always; other lines only where the interval excludes 0; every KPI is in "
         "comparison.csv)\n";
}

}  // namespace carepath::io
