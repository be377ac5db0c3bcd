// SPDX-License-Identifier: MIT
// The costs of the scenario format: the scenario's "currency" and each service's or shared pool's
// "costs", an object of money per unit of each cost driver charged to it (model/costs.hpp). Money is a number (450,
// 1250.5) or a string with the currency's sign and thousands separators ("£450", "£1,250.50");
// a sign of another currency is an error rather than a silent conversion.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/costs.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace carepath::io {

/// "GBP", "EUR" or "USD".
std::optional<std::string> expect_currency(JsonReader& r, const Json& value);

/// A service's "costs": {"per_open_bed_day": "£450", "per_patient": 120, ...}, or a pool's
/// ({"per_staff_hour": "£45"}): the keys of the drivers charged to `payer`.
std::optional<model::CostRates> expect_costs(JsonReader& r, const Json& value, std::string_view currency,
                                             model::CostPayer payer);

}  // namespace carepath::io
