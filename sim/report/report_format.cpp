// SPDX-License-Identifier: MIT
#include "report/report_format.hpp"

#include <carepath/io/number_format.hpp>
#include <carepath/model/costs.hpp>

#include <cmath>

namespace carepath::report {

namespace {

constexpr const char* kMissing = "\u2013";  // En dash: reads as "nothing to measure" in print.
constexpr const char* kMinus = "\u2212";    // A real minus sign, as wide as the plus.

bool is_duration(std::string_view unit) { return unit == "days"; }
bool is_share(std::string_view unit) { return unit == "share"; }

// Three significant figures at most, and never fewer decimals than a count needs.
int decimals_for(double magnitude) {
  if (magnitude >= 100 || magnitude == 0) return 0;  // None is "0", not "0.00".
  if (magnitude >= 1) return 1;
  return 2;
}

// A currency code ("GBP", model/costs.hpp) is the unit of money: its sign, or "" for any other unit.
std::string_view money_sign(std::string_view unit) {
  for (const model::CurrencyInfo& c : model::kCurrencies) {
    if (unit == c.code) return c.symbol;
  }
  return {};
}

// "£1,250", "−£800", "£12.50": whole units from 100 (and for nothing at all), pence below; the
// sign of the currency after the minus.
std::string format_money(double value, std::string_view sign) {
  if (!std::isfinite(value)) return kMissing;
  const double size = std::fabs(value);
  const std::string digits = format_grouped(size, size >= 100 || size == 0 ? 0 : 2);
  const bool negative = value < 0 && digits.find_first_not_of("0.,") != std::string::npos;
  return (negative ? std::string(kMinus) : std::string()) + std::string(sign) + digits;
}

}  // namespace

DurationUnit duration_unit_for(double days) {
  const double magnitude = std::fabs(days);
  if (magnitude < 1.0 / 24) return {"minutes", 1.0 / 1440};
  if (magnitude < 1) return {"hours", 1.0 / 24};
  if (magnitude < 14) return {"days", 1};
  return {"weeks", 7};
}

std::string format_grouped(double value, int decimals) {
  if (!std::isfinite(value)) return kMissing;
  std::string text = io::format_fixed(std::fabs(value), decimals);
  const std::size_t point = text.find('.');
  std::size_t digits = point == std::string::npos ? text.size() : point;
  while (digits > 3) {
    digits -= 3;
    text.insert(digits, ",");
  }
  // -0.0 after rounding prints as 0.0, without a sign.
  if (value < 0 && text.find_first_not_of("0.,") != std::string::npos) text = kMinus + text;
  return text;
}

std::string format_percent(double share) {
  if (!std::isfinite(share)) return kMissing;
  return format_grouped(share * 100, 1) + "%";
}

std::string format_duration(double days) {
  if (!std::isfinite(days)) return kMissing;
  const DurationUnit unit = duration_unit_for(days);
  return format_grouped(days / unit.days, 1) + " " + unit.name;
}

std::string format_count(double value) {
  if (!std::isfinite(value)) return kMissing;
  return format_grouped(value, decimals_for(std::fabs(value)));
}

std::string format_value(double value, std::string_view unit) {
  if (const std::string_view sign = money_sign(unit); !sign.empty()) return format_money(value, sign);
  if (is_share(unit)) return format_percent(value);
  if (is_duration(unit)) return format_duration(value);
  return format_count(value);
}

std::string format_interval(double value, double low, double high, std::string_view unit) {
  if (!std::isfinite(low) || !std::isfinite(high)) return "";
  const char* dash = "\u2013";
  if (const std::string_view sign = money_sign(unit); !sign.empty()) {
    return format_money(low, sign) + dash + format_money(high, sign);
  }
  if (is_share(unit)) return format_grouped(low * 100, 1) + dash + format_grouped(high * 100, 1) + "%";
  if (is_duration(unit)) {
    const DurationUnit u = duration_unit_for(std::isfinite(value) ? value : high);
    return format_grouped(low / u.days, 1) + dash + format_grouped(high / u.days, 1) + " " + u.name;
  }
  const int decimals = decimals_for(std::fabs(std::isfinite(value) ? value : high));
  return format_grouped(low, decimals) + dash + format_grouped(high, decimals);
}

std::string format_difference(double difference, std::string_view unit) {
  if (!std::isfinite(difference)) return kMissing;
  const std::string sign = difference > 0 ? "+" : "";
  if (const std::string_view money = money_sign(unit); !money.empty()) return sign + format_money(difference, money);
  if (is_share(unit)) return sign + format_grouped(difference * 100, 1) + " points";
  if (is_duration(unit)) return sign + format_duration(difference);
  return sign + format_count(difference);
}

}  // namespace carepath::report

namespace carepath::report {

namespace {

// A number in the unit chosen for `reference` (a duration's, by the base value's size), and that
// unit as it follows the number: "%" for shares, " points" for their differences, " weeks",
// " bed-days". Printed once after a pair or an interval, never after each number.
struct Scaled {
  double divisor = 1;
  std::string suffix;
};

Scaled scale_for(double reference, std::string_view unit, bool difference) {
  if (is_share(unit)) return {0.01, difference ? " points" : "%"};
  if (is_duration(unit)) {
    const DurationUnit u = duration_unit_for(std::isfinite(reference) && reference != 0 ? reference : 1);
    return {u.days, std::string(" ") + u.name};
  }
  return {1, unit.empty() ? "" : " " + std::string(unit)};
}

std::string scaled_number(double value, const Scaled& scale, bool sign) {
  const double v = value / scale.divisor;
  const int decimals = scale.divisor != 1 ? 1 : decimals_for(std::fabs(v));
  const std::string text = format_grouped(v, decimals);
  return sign && value > 0 && text.find_first_not_of("0.,") != std::string::npos ? "+" + text : text;
}

}  // namespace

std::string format_base_to_variant(double base, double variant, std::string_view unit) {
  const Scaled scale = scale_for(base, unit, false);
  if (is_share(unit)) return format_percent(base) + " \u2192 " + format_percent(variant);
  return scaled_number(base, scale, false) + " \u2192 " + scaled_number(variant, scale, false) + scale.suffix;
}

std::string format_change(double difference, double reference, std::string_view unit) {
  if (!std::isfinite(difference)) return kMissing;
  const Scaled scale = scale_for(reference, unit, true);
  return scaled_number(difference, scale, true) + scale.suffix;
}

std::string format_change_interval(double low, double high, double reference, std::string_view unit) {
  const Scaled scale = scale_for(reference, unit, true);
  return scaled_number(low, scale, true) + " to " + scaled_number(high, scale, true) + scale.suffix;
}

}  // namespace carepath::report
