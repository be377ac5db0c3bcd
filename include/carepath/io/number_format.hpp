// SPDX-License-Identifier: MIT
// How carepath prints numbers. CSV files use the shortest text that reads back as the same double
// (std::to_chars), so output is exact, locale-free and byte-identical across runs; the console
// table uses a fixed number of decimals. Both are here so no writer formats a double its own way.
// The writers that use this are results_csv.cpp and summary_table.cpp.
#pragma once

#include <string>
#include <string_view>

namespace carepath::io {

/// Shortest round-trip form, e.g. 0.1 -> "0.1", 2.0 -> "2", 1e-7 -> "1e-07"; NaN and infinities
/// -> "" (an empty CSV field, which spreadsheets and R read as missing; why it is missing is in
/// summary.json's "note", missing_values.hpp). Never "nan" or "inf".
[[nodiscard]] std::string format_shortest(double value);

/// Fixed notation with `decimals` digits after the point, e.g. (2.449, 1) -> "2.4"; NaN and
/// infinities -> "-".
[[nodiscard]] std::string format_fixed(double value, int decimals);

/// Money as a planner reads it: the currency's sign, thousands separators and `decimals`
/// decimals, the minus before the sign: "£1,250", "-£12,400.50"; "-" when not finite.
[[nodiscard]] std::string format_money(double value, std::string_view symbol, int decimals);

}  // namespace carepath::io
