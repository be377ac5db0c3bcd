// SPDX-License-Identifier: MIT
// Numbers as a board paper prints them: shares as percentages with one decimal, durations in the
// unit that suits their size (minutes, hours, days or weeks), counts with thousands separators,
// differences with an explicit sign. A value and its confidence interval share one unit, chosen
// from the value. Used by kpi_table.cpp, forest_plot.cpp and fan_chart.cpp.
#pragma once

#include <string>
#include <string_view>

namespace carepath::report {

/// A unit for durations, chosen by magnitude.
struct DurationUnit {
  const char* name;   ///< "minutes", "hours", "days" or "weeks".
  double days;        ///< Length of one unit in days.
};

/// Minutes below 1 hour, hours below 1 day, days below 2 weeks, weeks from there.
[[nodiscard]] DurationUnit duration_unit_for(double days);

/// 0.9345 -> "93.5%"; NaN -> "–".
[[nodiscard]] std::string format_percent(double share);

/// 3.25 -> "3.3 days", 0.1 -> "2.4 hours", 30 -> "4.3 weeks"; NaN -> "–".
[[nodiscard]] std::string format_duration(double days);

/// 1234.5 -> "1,235", 12.34 -> "12.3", 0.123 -> "0.12"; NaN -> "–".
[[nodiscard]] std::string format_count(double value);

/// A value in a metric's unit ("share", "days", "patients", "mean patients", "bed-days", ...).
[[nodiscard]] std::string format_value(double value, std::string_view unit);

/// The interval "93.1–94.0%" or "3.1–3.4 days", in the unit chosen for `value`; "" if either end
/// is NaN.
[[nodiscard]] std::string format_interval(double value, double low, double high, std::string_view unit);

/// A paired difference with its sign: shares in percentage points ("+3.1 points"), durations in
/// the unit of its size ("−2.5 days"), other units as counts ("+12.0").
[[nodiscard]] std::string format_difference(double difference, std::string_view unit);

/// A headline from base to variant with its unit once: "68.3% \u2192 69.6%", "3,839 \u2192 8.2
/// bed-days", "24.3 \u2192 24.3 weeks" (a duration in the unit of the base value's size).
[[nodiscard]] std::string format_base_to_variant(double base, double variant, std::string_view unit);

/// A difference with its sign and unit, a duration in the unit of `reference` (the base value),
/// so that no change to a 24-week wait reads "0.0 weeks", not "0.0 minutes": "+1.3 points",
/// "\u22123,831 bed-days".
[[nodiscard]] std::string format_change(double difference, double reference, std::string_view unit);

/// An interval of differences in the same unit, named once: "+0.7 to +1.9 points".
[[nodiscard]] std::string format_change_interval(double low, double high, double reference, std::string_view unit);

/// A number with `decimals` digits and thousands separators; NaN -> "–".
[[nodiscard]] std::string format_grouped(double value, int decimals);

}  // namespace carepath::report
