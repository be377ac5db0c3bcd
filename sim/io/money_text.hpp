// SPDX-License-Identifier: MIT
// Money as a planner writes it in a scenario: "450", "£450", "£1,250.50" (io/costs_json.hpp reads
// it; scenarios/schema.json's "money" pattern accepts the same spellings, tests/schema checks).
#pragma once

#include <optional>
#include <string_view>

namespace carepath::io {

/// The amount written in `text`, such as "£1,250.50", "1250.5" or "€3" (the sign, when there is
/// one, is returned in `symbol`); nullopt when it is not money: a sign but no digits, separators
/// that are not every third digit, a minus, an exponent or spaces.
[[nodiscard]] std::optional<double> parse_money(std::string_view text, std::string_view& symbol);

}  // namespace carepath::io
