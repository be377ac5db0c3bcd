// SPDX-License-Identifier: MIT
// Why a number is missing from the results. No writer ever prints NaN or infinity: CSV cells are
// left empty (number_format.hpp) and JSON has null. A null in summary.json comes with a "note"
// saying why (nothing to measure, a single replication, or values that are not finite numbers),
// and values that existed but came out not finite (an overflow, or an engine value such as a
// maximum over no patients; the scenario checks refuse the inputs known to cause them) are also
// warned about on stderr by the commands, naming the metric. A program writing its own documents
// keeps the same contract with these.
#pragma once

#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <string>
#include <vector>

namespace carepath::io {

/// Why some number of `e` is missing, or "" when all of them are finite: "nothing to measure: no
/// replication had a value", "one replication with a value: no standard deviation", or "not a
/// finite number: a replication's value was infinite or undefined".
[[nodiscard]] std::string missing_note(const stats::Estimate& e);

/// One line per statistic (of a service, the system, a pathway, a patient type at a service)
/// and per trajectory series that had values but came out not finite, e.g.
/// "service 'ward', wait_mean: values are not finite numbers (infinite or undefined); written as empty
/// CSV cells and JSON null".
[[nodiscard]] std::vector<std::string> non_finite_warnings(const run::BatchResult& result);

}  // namespace carepath::io
