// SPDX-License-Identifier: MIT
#include "io/field_rules.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::io {
namespace {
constexpr std::size_t kMaxNameLength = 64;
}  // namespace

bool is_valid_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxNameLength && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '.' || c == '-';
         });
}

std::optional<std::string> expect_name(JsonReader& r, const Json& value) {
  auto name = r.expect_string(value);
  if (name && !is_valid_name(*name)) {
    r.expected(kNameRule, value);
    return std::nullopt;
  }
  return name;
}

std::optional<std::vector<std::string>> expect_notes(JsonReader& r, const Json& value) {
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!r.expect_array(value, "a string or an array of strings")) return std::nullopt;
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    if (auto note = r.expect_string(value.at(i))) notes.push_back(std::move(*note));
  }
  return notes;
}

std::optional<double> expect_positive_duration(JsonReader& r, const Json& value) {
  const auto in_days = r.expect_duration(value);
  if (in_days && *in_days <= 0) {
    r.expected("a duration above zero", value);
    return std::nullopt;
  }
  return in_days;
}

std::optional<double> expect_horizon(JsonReader& r, const Json& value) {
  const auto in_days = expect_positive_duration(r, value);
  if (in_days && *in_days > kMaxHorizonDays) {
    r.expected("a horizon of at most " + std::string(kMaxHorizonText), value);
    return std::nullopt;
  }
  return in_days;
}

std::optional<double> expect_age(JsonReader& r, const Json& value) {
  const auto in_days = r.expect_duration(value);
  if (in_days && *in_days > kMaxHorizonDays) {
    r.expected("a duration of at most " + std::string(kMaxHorizonText), value);
    return std::nullopt;
  }
  return in_days;
}

std::optional<double> expect_positive_number(JsonReader& r, const Json& value) {
  const auto number = r.expect_number(value);
  if (number && *number <= 0) {
    r.expected("a number above zero", value);
    return std::nullopt;
  }
  return number;
}

std::optional<double> expect_multiplier(JsonReader& r, const Json& value) {
  const auto number = r.expect_number(value);
  if (number && *number < 0) {
    r.expected("a number that is not negative", value);
    return std::nullopt;
  }
  return number;
}

std::optional<double> expect_probability(JsonReader& r, const Json& value) {
  const auto number = r.expect_number(value);
  if (number && !(*number >= 0 && *number <= 1)) {
    r.expected("a probability from 0 to 1", value);
    return std::nullopt;
  }
  return number;
}

std::optional<std::uint32_t> expect_server_count(JsonReader& r, const Json& value) {
  const auto count = r.expect_integer(value, 0, kMaxServers, "a non-negative integer");
  if (!count) return std::nullopt;
  return static_cast<std::uint32_t>(*count);
}

std::optional<std::uint32_t> expect_priority(JsonReader& r, const Json& value) {
  const auto level = r.expect_integer(value, 0, kMaxPriority, "a non-negative integer (lower is served first)");
  if (!level) return std::nullopt;
  return static_cast<std::uint32_t>(*level);
}

std::optional<std::int64_t> expect_schedule_delta(JsonReader& r, const Json& value, std::string_view what) {
  constexpr auto kMax = static_cast<std::int64_t>(kMaxServers);
  if (value.is_number_integer()) {
    const std::int64_t delta = value.is_number_unsigned() && value.get<std::uint64_t>() > kMaxServers
                                   ? kMax + 1
                                   : value.get<std::int64_t>();
    if (delta >= -kMax && delta <= kMax) return delta;
  }
  r.expected("a whole number of " + std::string(what) + " (negative to remove), from -1000000 to 1000000", value);
  return std::nullopt;
}

std::optional<double> expect_schedule_scale(JsonReader& r, const Json& value, std::string_view example) {
  if (value.is_number() && std::isfinite(value.get<double>()) && value.get<double>() > 0 &&
      value.get<double>() <= 1000) {
    return value.get<double>();
  }
  r.expected("a number above 0 and at most 1000 (" + std::string(example) + ")", value);
  return std::nullopt;
}

}  // namespace carepath::io
