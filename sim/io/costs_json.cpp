// SPDX-License-Identifier: MIT
#include "io/costs_json.hpp"

#include "io/money_text.hpp"
#include <carepath/model/suggest.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace carepath::io {
namespace {

std::string money_rule(std::string_view currency) {
  const std::string sign(model::currency_symbol(currency));
  return "an amount of money of at least 0, such as 450, \"" + sign + "450\" or \"" + sign + "1,250.50\"";
}

std::optional<double> expect_money(JsonReader& r, const Json& value, std::string_view currency) {
  std::optional<double> amount;
  if (value.is_number()) {
    amount = value.get<double>();
  } else if (value.is_string()) {
    std::string_view symbol;
    amount = parse_money(value.get_ref<const std::string&>(), symbol);
    const std::string_view own = model::currency_symbol(currency);
    if (amount && !symbol.empty() && symbol != own) {
      std::string_view code;
      for (const model::CurrencyInfo& c : model::kCurrencies) {
        if (c.symbol == symbol) code = c.code;
      }
      r.error("expected money in the scenario's currency, " + std::string(currency) + " (" + std::string(own) +
              "), got " + describe(value) + " in " + std::string(code) + "; write it in " + std::string(own) +
              " or set \"currency\": \"" + std::string(code) + "\"");
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

std::optional<model::CostRates> expect_costs(JsonReader& r, const Json& value, std::string_view currency,
                                             model::CostPayer payer) {
  if (!r.expect_object(value)) return std::nullopt;
  std::vector<std::string> keys;
  for (const model::CostDriverInfo& d : model::kCostDrivers) {
    if (d.payer == payer) keys.emplace_back(d.key);
  }
  r.check_keys(value, keys);
  model::CostRates costs;
  for (const model::CostDriverInfo& d : model::kCostDrivers) {
    if (d.payer == payer) costs[d.driver] = r.optional(value, d.key, expect_money, currency).value_or(0);
  }
  return costs;
}

}  // namespace carepath::io
