// SPDX-License-Identifier: MIT
// A fan chart of one metric over time: the spread between replications as two bands (P5-P95 and
// P25-P75), the median as a line and the mean dashed, with variants' medians on the same axes in
// their own colours and dash patterns (readable in greyscale). This is how the Bank of England
// shows forecast uncertainty, and it reads the same way here: the band is where 90% of simulated
// years fall. Data come from trajectories.json (report_html.cpp picks the series).
#pragma once

#include <string>
#include <vector>

namespace carepath::report {

/// Per-period statistics across replications; NaN where no replication had a value.
struct FanBands {
  std::vector<double> mean, p5, p25, p50, p75, p95;
};

/// A variant's median over the same periods.
struct FanLine {
  std::string label;
  std::vector<double> values;
};

struct FanChartInput {
  std::string title;                       ///< E.g. "ae: patients waiting at the end of each week".
  std::string unit;                        ///< "patients", "days" or "share" (as in the JSON).
  std::vector<std::string> period_labels;  ///< One per period, e.g. "2022-W48" or "2022-12-01".
  std::string base_label = "base";
  FanBands base;
  std::vector<FanLine> variants;
};

/// Periods (of period_labels) with a finite base median: what data-points says.
[[nodiscard]] std::size_t fan_chart_points(const FanChartInput& input);

/// Consecutive periods drawn as one point: 1 up to about one period per two pixels of the plot,
/// more beyond, so a chart's size does not grow with the number of periods.
[[nodiscard]] std::size_t fan_chart_periods_per_point(std::size_t periods);

/// The unit on the chart's value axis ("hours", "percent", "patients"): what its title should name.
[[nodiscard]] std::string fan_chart_axis_unit(const FanChartInput& input);

/// True when every value the chart would draw is zero (or missing): a flat line says nothing.
[[nodiscard]] bool fan_chart_all_zero(const FanChartInput& input);

/// The chart's <svg class="chart" data-points="N">, N = fan_chart_points(input). Above one
/// period per point, each group of fan_chart_periods_per_point periods is drawn as one point:
/// its bands the widest the group reaches, its lines the group's average.
[[nodiscard]] std::string render_fan_chart(const FanChartInput& input);

}  // namespace carepath::report
