// SPDX-License-Identifier: MIT
// Field rules shared by every part of the scenario format: names, notes, positive numbers and
// durations, counts, and lists of objects. Each is one call that reads a value at the reader's
// current position or reports why it cannot (io/json_reader.hpp), so a part of the format
// (scenario_json.cpp, capacity_json.cpp, arrival_profile_json.cpp, …) reads as its list of rules.
#pragma once

#include "io/json_reader.hpp"
#include "model/engine_limits.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {

inline constexpr std::uint64_t kMaxServers = 1'000'000;
inline constexpr std::uint64_t kMaxQueueLimit = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint64_t kMaxPriority = std::numeric_limits<std::uint32_t>::max();

using model::kMaxHorizonDays;
using model::kMaxHorizonText;

inline constexpr std::string_view kNameRule = "a name of 1 to 64 letters, digits, '_', '.' or '-'";

/// 1 to 64 of A-Z a-z 0-9 _ . -, the names of services, arrivals, patient types and pathways.
[[nodiscard]] bool is_valid_name(std::string_view name);

std::optional<std::string> expect_name(JsonReader& r, const Json& value);
/// A string or an array of strings.
std::optional<std::vector<std::string>> expect_notes(JsonReader& r, const Json& value);
std::optional<double> expect_positive_duration(JsonReader& r, const Json& value);
/// A duration above zero and at most model::kMaxHorizonDays: a run's horizon.
std::optional<double> expect_horizon(JsonReader& r, const Json& value);
/// A duration of at most model::kMaxHorizonDays: how long a patient present at the start has waited or
/// been in service. Longer is a slip, and would overflow the squares the statistics sum.
std::optional<double> expect_age(JsonReader& r, const Json& value);
std::optional<double> expect_positive_number(JsonReader& r, const Json& value);
/// A finite number >= 0: a multiplier or a count of arrivals.
std::optional<double> expect_multiplier(JsonReader& r, const Json& value);
std::optional<double> expect_probability(JsonReader& r, const Json& value);
/// An integer from 0 to kMaxServers: capacities in a schedule, where 0 means closed.
std::optional<std::uint32_t> expect_server_count(JsonReader& r, const Json& value);
/// A priority level: an integer >= 0, lower served first.
std::optional<std::uint32_t> expect_priority(JsonReader& r, const Json& value);
/// A schedule-safe what-if's whole number added to every count of a schedule (capacity_delta,
/// slots_delta), from -kMaxServers to kMaxServers; `what` names the counts in the error
/// ("servers to add").
std::optional<std::int64_t> expect_schedule_delta(JsonReader& r, const Json& value, std::string_view what);
/// A schedule-safe what-if's factor for every count of a schedule (capacity_scale, slots_scale),
/// above 0 and at most 1000; `example` explains it in the error ("1.1 means 10% more ...").
std::optional<double> expect_schedule_scale(JsonReader& r, const Json& value, std::string_view example);

/// Whether a list may be empty: optional lists may (like "next": []), required ones may not.
enum class EmptyList { Allowed, Rejected };

/// Reads `list`, an array of objects, with `read_element(r, element_json, element)`. Every
/// element is read, and `out` gets one entry per element, so indices in `out` match the file.
template <class Element, class ReadElement>
void read_objects(JsonReader& r, const Json& list, std::string_view rule, EmptyList empty, std::vector<Element>& out,
                  ReadElement read_element) {
  if (!r.expect_array(list, rule)) return;
  if (list.empty() && empty == EmptyList::Rejected) {
    r.expected(rule, list);
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto element_step = r.enter(i);
    Element element;
    if (r.expect_object(list.at(i))) read_element(r, list.at(i), element);
    out.push_back(std::move(element));
  }
}

/// read_objects on object[key], which must be there and not empty.
template <class Element, class ReadElement>
void read_required_objects(JsonReader& r, const Json& object, std::string_view key, std::string_view rule,
                           std::vector<Element>& out, ReadElement read_element) {
  const Json* list = r.require(object, key);
  if (list == nullptr) return;
  const auto step = r.enter(key);
  read_objects(r, *list, rule, EmptyList::Rejected, out, read_element);
}

/// read_objects on object[key] if it is there; [] is the same as leaving it out.
template <class Element, class ReadElement>
void read_optional_objects(JsonReader& r, const Json& object, std::string_view key, std::string_view rule,
                           std::vector<Element>& out, ReadElement read_element) {
  const Json* list = JsonReader::find(object, key);
  if (list == nullptr) return;
  const auto step = r.enter(key);
  read_objects(r, *list, rule, EmptyList::Allowed, out, read_element);
}

}  // namespace carepath::io
