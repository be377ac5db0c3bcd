// SPDX-License-Identifier: MIT
// The headline tables of the report from summary.json: pathways against their target times,
// services (utilisation, waits, the share within a wait target, queues, delayed-discharge
// bed-days, patients turned away) and the whole system, each value with its 95% confidence
// interval under it. Targets come from the scenario document when it has them.
#pragma once

#include "report/json_values.hpp"

#include <string>

namespace carepath::report {

/// HTML <table>s (with <h3> headings); `scenario` may be null.
[[nodiscard]] std::string render_kpi_tables(const Json& summary, const Json& scenario);

/// One table cell: the value, and its interval on a line of its own; class "num".
[[nodiscard]] std::string estimate_cell(const Json& metrics, std::string_view metric);

}  // namespace carepath::report
