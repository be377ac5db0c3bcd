// SPDX-License-Identifier: MIT
#include "io/money_text.hpp"

#include <carepath/model/costs.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace carepath::io {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "1,250,000" or "1250000": either no comma, or 1 to 3 digits then groups of exactly three.
bool well_grouped(std::string_view digits) {
  if (digits.empty()) return false;
  const std::size_t first_comma = digits.find(',');
  if (first_comma == std::string_view::npos) {
    for (char c : digits) {
      if (!is_digit(c)) return false;
    }
    return true;
  }
  if (first_comma == 0 || first_comma > 3) return false;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const bool comma_here = i >= first_comma && (i - first_comma) % 4 == 0;
    if (comma_here ? digits[i] != ',' : !is_digit(digits[i])) return false;
  }
  return (digits.size() - first_comma) % 4 == 0;
}

}  // namespace

std::optional<double> parse_money(std::string_view text, std::string_view& symbol) {
  symbol = {};
  for (const model::CurrencyInfo& c : model::kCurrencies) {
    if (text.starts_with(c.symbol)) {
      symbol = c.symbol;
      text.remove_prefix(c.symbol.size());
      break;
    }
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (!well_grouped(whole)) return std::nullopt;
  if (point != std::string_view::npos && (fraction.empty() || !well_grouped(fraction) ||
                                          fraction.find(',') != std::string_view::npos)) {
    return std::nullopt;
  }
  std::string plain;
  for (char c : text) {
    if (c != ',') plain.push_back(c);
  }
  double value = 0;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc{} || end != plain.data() + plain.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace carepath::io
