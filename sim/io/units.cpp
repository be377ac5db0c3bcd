// SPDX-License-Identifier: MIT
// Durations ("4h", "3.5 d"), rates ("120/day") and percentages ("3%") as scenario files write
// them, converted to the engine's units: days, patients per day and fractions. The grammar is
// strict on purpose: a bare number, a sign (except in a percentage), a missing or unknown unit or
// stray spaces are all rejected, so a planner never gets hours where they meant days. Read json_reader.cpp next, which turns a rejection into a message.
#include <carepath/io/scenario_json.hpp>
#include <carepath/time.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <span>
#include <string_view>
#include <utility>

namespace carepath::io {
namespace {

struct Unit {
  std::string_view name;
  double in_days;
};

constexpr Unit kDurationUnits[] = {
    {"s", seconds(1)},   {"sec", seconds(1)},  {"seconds", seconds(1)},
    {"min", minutes(1)}, {"minutes", minutes(1)},
    {"h", hours(1)},     {"hr", hours(1)},     {"hours", hours(1)},
    {"d", days(1)},      {"day", days(1)},     {"days", days(1)},
    {"w", weeks(1)},     {"wk", weeks(1)},     {"week", weeks(1)},    {"weeks", weeks(1)},
};

// The denominators of rates: "5/h" is 5 per hours(1) days, so 120 per day.
constexpr Unit kRateUnits[] = {
    {"min", minutes(1)}, {"h", hours(1)}, {"hour", hours(1)}, {"d", days(1)},
    {"day", days(1)},    {"w", weeks(1)}, {"week", weeks(1)}, {"year", days(365)},
};

std::optional<double> days_per(std::span<const Unit> units, std::string_view name) {
  for (const Unit& unit : units) {
    if (unit.name == name) return unit.in_days;
  }
  return std::nullopt;
}

// Splits "3.5 d" into 3.5 and "d". Only plain non-negative decimals are numbers here: a leading
// sign, "inf" and "nan" all fail the first-character test, which std::from_chars alone would accept.
std::optional<std::pair<double, std::string_view>> split_number(std::string_view text) {
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.')) {
    return std::nullopt;
  }
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{}) return std::nullopt;
  return std::pair{number, text.substr(static_cast<std::size_t>(end - text.data()))};
}

std::optional<double> finite(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> parse_duration(const std::string& text) {
  const auto parts = split_number(text);
  if (!parts) return std::nullopt;
  auto [number, unit] = *parts;
  if (unit.starts_with(' ')) unit.remove_prefix(1);
  const auto in_days = days_per(kDurationUnits, unit);
  if (!in_days) return std::nullopt;
  return finite(number * *in_days);
}

std::optional<double> parse_rate(const std::string& text) {
  const auto parts = split_number(text);
  if (!parts) return std::nullopt;
  auto [count, unit] = *parts;
  if (!unit.starts_with('/')) return std::nullopt;
  unit.remove_prefix(1);
  const auto in_days = days_per(kRateUnits, unit);
  if (!in_days) return std::nullopt;
  return finite(count / *in_days);
}

std::optional<double> parse_percent(const std::string& text) {
  // A growth may fall, so a sign is allowed here, unlike in durations and rates.
  std::string_view unsigned_part = text;
  const bool negative = unsigned_part.starts_with('-');
  if (negative || unsigned_part.starts_with('+')) unsigned_part.remove_prefix(1);
  const auto parts = split_number(unsigned_part);
  if (!parts || parts->second != "%") return std::nullopt;
  return finite((negative ? -parts->first : parts->first) / 100);
}

}  // namespace carepath::io
