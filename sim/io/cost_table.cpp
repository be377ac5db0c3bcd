// SPDX-License-Identifier: MIT
// print_cost_table: the costs `carepath run` prints after the summary table, one row per costed
// service, one per costed pool ("community_nurses (pool)") and one for the total: the mean of each
// cost driver and the total with its 95% CI, in the scenario's currency. A column per driver of
// the payers that have costs (a scenario costing services only shows no staff or visit columns).
// summary_costs.csv has the rest (sd, range, n).
#include <carepath/io/number_format.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/model/costs.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

namespace carepath::io {
namespace {


// Characters on screen: a "£" is two bytes of UTF-8 but one column.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

void print_cost_table(const run::BatchResult& result, std::ostream& out) {
  if (result.summary.costs.empty()) return;
  const std::string_view symbol = model::currency_symbol(result.labels.currency);
  // Pence only when the whole bill is under a hundred: one number of decimals for the table.
  const double largest = std::abs(result.summary.costs.back().metrics[0].mean);
  const auto money = [&](double value) { return format_money(value, symbol, largest >= 100 ? 0 : 2); };
  const auto costed = [&](std::string_view kind) {
    return std::any_of(result.summary.costs.begin(), result.summary.costs.end(),
                       [&](const stats::CostSummary& c) { return c.kind == kind; });
  };
  const bool services = costed("service");
  const bool pools = costed("resource");
  std::vector<std::size_t> columns;
  for (std::size_t d = 0; d < model::kCostDrivers.size(); ++d) {
    if (model::kCostDrivers[d].payer == model::CostPayer::Service ? services : pools) columns.push_back(d + 1);
  }
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{services && pools ? "service or pool" : pools ? "pool" : "service"};
  for (const std::size_t m : columns) header.emplace_back(stats::kCostMetrics[m].name);
  header.emplace_back("total [95% CI]");
  rows.push_back(std::move(header));
  for (const stats::CostSummary& cost : result.summary.costs) {
    std::vector<std::string> row{cost.kind == "resource" ? cost.name + " (pool)" : cost.name};
    for (const std::size_t m : columns) row.push_back(money(cost.metrics[m].mean));
    const stats::Estimate& total = cost.metrics[0];
    row.push_back(money(total.mean) + " [" + money(total.ci_low) + ", " + money(total.ci_high) + "]");
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  out << "\nCosts (" << result.labels.currency << ", mean over replications, after the warm-up):\n";
  for (const auto& row : rows) {
    out << ' ';
    for (std::size_t c = 0; c < row.size(); ++c) {
      // Names left-aligned, amounts right-aligned.
      const std::string pad(widths[c] - display_width(row[c]), ' ');
      out << ' ' << (c == 0 ? row[c] + pad : pad + row[c]);
    }
    out << '\n';
  }
}

}  // namespace carepath::io
