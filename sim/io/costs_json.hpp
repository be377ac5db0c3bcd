// SPDX-License-Identifier: MIT
// The costs of the scenario format: the scenario's "currency" and each service's "costs", an
// object of money per unit of each cost driver (model/costs.hpp). Money is a number (450,
// 1250.5) or a string with the currency's sign and thousands separators ("£450", "£1,250.50");
// a sign of another currency is an error rather than a silent conversion.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/costs.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace carepath::io {

/// The amount written in `text`, such as "£1,250.50", "1250.5" or "€3" (the sign, when there is
/// one, is returned in `symbol`); nullopt when it is not money: a sign but no digits, separators
/// that are not every third digit, a minus, an exponent or spaces.
[[nodiscard]] std::optional<double> parse_money(std::string_view text, std::string_view& symbol);

/// "GBP", "EUR" or "USD".
std::optional<std::string> expect_currency(JsonReader& r, const Json& value);

/// A service's "costs": {"per_open_bed_day": "£450", "per_patient": 120, ...}.
std::optional<model::ServiceCosts> expect_service_costs(JsonReader& r, const Json& value, std::string_view currency);

}  // namespace carepath::io
