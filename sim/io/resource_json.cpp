// SPDX-License-Identifier: MIT
#include "io/resource_json.hpp"

#include "io/capacity_json.hpp"
#include "io/field_rules.hpp"

namespace carepath::io {

namespace {

/// A word of 1 to 32 characters for one unit of a pool: "nurses", "assessors".
std::optional<std::string> expect_unit_word(JsonReader& r, const Json& value) {
  const auto word = r.expect_string(value);
  if (!word) return std::nullopt;
  if (word->empty() || word->size() > 32) {
    r.expected("a word of 1 to 32 characters, such as \"nurses\"", value);
    return std::nullopt;
  }
  return word;
}

void read_need(JsonReader& r, const Json& json, model::ResourceNeed& out) {
  r.check_keys(json, {"resource", "units"});
  out.resource = r.required(json, "resource", &JsonReader::expect_string).value_or("");
  if (const auto units = r.optional(json, "units", &JsonReader::expect_integer, std::uint64_t{1}, kMaxServers,
                                    "a positive integer")) {
    out.units = static_cast<std::uint32_t>(*units);
  }
}

}  // namespace

void read_resource(JsonReader& r, const Json& json, model::Resource& out, const ScenarioContext& context) {
  r.check_keys(json, {"name", "capacity", "unit", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  if (auto capacity = r.required(json, "capacity", expect_capacity, context)) {
    if (!capacity->capacity) {
      r.error_at("capacity", "expected a number of units or a schedule, got \"unlimited\": a pool nobody runs short "
                             "of limits nothing; leave it out of the services' \"requires\" instead");
    }
    out.capacity = capacity->capacity.value_or(0);
    out.capacity_changes = std::move(capacity->changes);
    out.roster = std::move(capacity->roster);
  }
  out.unit = r.optional(json, "unit", expect_unit_word).value_or(out.unit);
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
}

std::optional<std::vector<model::ResourceNeed>> expect_resource_needs(JsonReader& r, const Json& value) {
  std::vector<model::ResourceNeed> needs;
  const std::size_t errors_before = r.error_count();
  read_objects(r, value, "an array of {\"resource\": NAME, \"units\": N}", EmptyList::Allowed, needs, read_need);
  if (r.error_count() != errors_before) return std::nullopt;
  return needs;
}

}  // namespace carepath::io
