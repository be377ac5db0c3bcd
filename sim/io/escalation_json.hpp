// SPDX-License-Identifier: MIT
// A service's (or one patient type's) "escalate": one step {"after": "12h", "to_priority": 0} or
// a list of them, each later and to a higher priority (a lower number) than the one before.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>
#include <vector>

namespace carepath::io {

std::optional<std::vector<model::EscalationStep>> expect_escalation(JsonReader& r, const Json& value);

}  // namespace carepath::io
