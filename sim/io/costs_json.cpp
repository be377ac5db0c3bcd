// SPDX-License-Identifier: MIT
#include "io/costs_json.hpp"

#include "model/suggest.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>
#include <vector>

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

std::string money_rule(std::string_view currency) {
  const std::string sign(model::currency_symbol(currency));
  return "an amount of money of at least 0, such as 450, \"" + sign + "450\" or \"" + sign + "1,250.50\"";
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

std::optional<std::string> expect_currency(JsonReader& r, const Json& value) {
  const auto code = r.expect_string(value);
  if (!code) return std::nullopt;
  std::vector<std::string> known;
  for (const model::CurrencyInfo& c : model::kCurrencies) {
    if (c.code == *code) return code;
    known.emplace_back(c.code);
  }
  r.error(model::unknown_name_message("currency", *code, known));
  return std::nullopt;
}

namespace {

std::optional<double> expect_money(JsonReader& r, const Json& value, std::string_view currency) {
  std::optional<double> amount;
  if (value.is_number()) {
    amount = value.get<double>();
  } else if (value.is_string()) {
    std::string_view symbol;
    amount = parse_money(value.get_ref<const std::string&>(), symbol);
    const std::string_view own = model::currency_symbol(currency);
    if (amount && !symbol.empty() && symbol != own) {
      r.error("is in " + std::string(symbol) + ", but the scenario's currency is " + std::string(currency) + " (" +
              std::string(own) + "); write \"" + std::string(own) + "…\" or set \"currency\"");
      return std::nullopt;
    }
  }
  if (!amount || !std::isfinite(*amount) || *amount < 0) {
    r.expected(money_rule(currency), value);
    return std::nullopt;
  }
  return amount;
}

}  // namespace

std::optional<model::ServiceCosts> expect_service_costs(JsonReader& r, const Json& value, std::string_view currency) {
  if (!r.expect_object(value)) return std::nullopt;
  std::vector<std::string> keys;
  for (const model::CostDriverInfo& d : model::kCostDrivers) keys.emplace_back(d.key);
  r.check_keys(value, keys);
  model::ServiceCosts costs;
  for (const model::CostDriverInfo& d : model::kCostDrivers) {
    costs[d.driver] = r.optional(value, d.key, expect_money, currency).value_or(0);
  }
  return costs;
}

}  // namespace carepath::io
