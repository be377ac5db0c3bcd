// SPDX-License-Identifier: MIT
// Reading the report's JSON documents without trusting them: a missing key, a null (NaN in the
// writers' convention) or a value of the wrong type gives NaN, an empty string or nothing, never an
// exception, so that a report can always be drawn from whatever a results folder holds.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace carepath::report {

using Json = nlohmann::ordered_json;

/// The member `key` of an object, or nullptr.
[[nodiscard]] const Json* member(const Json& object, std::string_view key);

/// A number member; NaN when missing, null or not a number.
[[nodiscard]] double number_at(const Json& object, std::string_view key);

/// Element i of an array member as a number; NaN otherwise.
[[nodiscard]] double number_at(const Json& object, std::string_view key, std::size_t i);

/// A string member; "" when missing or not a string.
[[nodiscard]] std::string string_at(const Json& object, std::string_view key);

/// A notes member: a string or an array of strings (the scenario format allows both).
[[nodiscard]] std::vector<std::string> notes_at(const Json& object, std::string_view key);

/// An array member's numbers, null as NaN.
[[nodiscard]] std::vector<double> numbers_at(const Json& object, std::string_view key);

/// An array member's strings ("" for anything else).
[[nodiscard]] std::vector<std::string> strings_at(const Json& object, std::string_view key);

/// The elements of an array member (empty when missing or not an array).
[[nodiscard]] const Json& array_at(const Json& object, std::string_view key);

}  // namespace carepath::report
