// SPDX-License-Identifier: MIT
// Missing numbers in the JSON documents (include/carepath/io/missing_notes.hpp says the contract
// and why a number is missing): a number that is not finite is written null. Private, because it
// is a nlohmann value. Used by summary_json.cpp, comparison_files.cpp, costs_files.cpp and
// precision_files.cpp.
#pragma once

#include <carepath/io/missing_notes.hpp>

#include <nlohmann/json.hpp>

namespace carepath::io {

/// `value` as JSON, or null when it is NaN or infinite (nlohmann would also print NaN as null, but
/// saying it here keeps every file's contract visible); the statistic's note says why.
[[nodiscard]] nlohmann::ordered_json number_or_null(double value);

}  // namespace carepath::io
