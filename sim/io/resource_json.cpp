// SPDX-License-Identifier: MIT
#include "io/resource_json.hpp"

#include "io/capacity_json.hpp"
#include "io/costs_json.hpp"
#include "io/field_rules.hpp"

#include <cmath>

namespace carepath::io {

namespace {

/// Visits are counted in thousandths (engine/visits.cpp), exactly: a value needs at most three
/// decimals, from 0.001 to 1,000.
std::optional<double> expect_visits(JsonReader& r, const Json& value) {
  const auto visits = value.is_number() ? r.expect_number(value) : std::nullopt;
  if (!visits || !(*visits >= 0.001 && *visits <= 1000) ||
      std::abs(*visits * 1000 - std::round(*visits * 1000)) > 1e-6) {
    r.expected("a number of visits from 0.001 to 1000, with at most three decimals", value);
    return std::nullopt;
  }
  return visits;
}

/// A patient's visits a day: one number, or a list of equally likely numbers drawn per patient.
std::optional<std::vector<double>> expect_visits_per_day(JsonReader& r, const Json& value) {
  if (!value.is_array()) {
    const auto visits = expect_visits(r, value);
    if (!visits) return std::nullopt;
    return std::vector<double>{*visits};
  }
  if (value.empty()) {
    r.expected("a number of visits, or a non-empty list of equally likely numbers", value);
    return std::nullopt;
  }
  std::vector<double> values;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    if (const auto visits = expect_visits(r, value.at(i))) values.push_back(*visits);
  }
  if (values.size() != value.size()) return std::nullopt;
  return values;
}


void read_need(JsonReader& r, const Json& json, model::ResourceNeed& out) {
  r.check_keys(json, {"resource", "units", "visits_per_day"});
  out.resource = r.required(json, "resource", &JsonReader::expect_string).value_or("");
  out.visits_per_day = r.optional(json, "visits_per_day", expect_visits_per_day).value_or(std::vector<double>{});
  if (JsonReader::find(json, "visits_per_day") != nullptr && JsonReader::find(json, "units") != nullptr) {
    r.error_at("units", "a need is in units or in visits_per_day, not both");
  }
  if (const auto units = r.optional(json, "units", &JsonReader::expect_integer, std::uint64_t{1}, kMaxServers,
                                    "a positive integer")) {
    out.units = static_cast<std::uint32_t>(*units);
  }
}

// A pool of units counts staff by the hour, a visit pool staff per day and the visits they make:
// each is charged only the drivers it measures, so a slip (per_visit on assessors) is not a silent 0.
void read_pool_costs(JsonReader& r, const Json& json, model::Resource& out, const ScenarioContext& context) {
  out.costs = r.optional(json, "costs", expect_costs, context.currency, model::CostPayer::Pool)
                  .value_or(model::CostRates{});
  const Json* costs = JsonReader::find(json, "costs");
  const auto refuse = [&](std::string_view key, const std::string& why) {
    if (costs == nullptr || !costs->is_object() || JsonReader::find(*costs, key) == nullptr) return;
    const auto step = r.enter("costs");
    r.error_at(key, "cannot be charged: '" + out.name + "' " + why);
  };
  if (out.visits_per_staff_day) {
    refuse("per_staff_hour",
           "counts staff per day (it has visits_per_staff_day), not their hours; charge per_staff_day");
  } else {
    refuse("per_staff_day",
           "is a pool of units, counted by the hour (it has no visits_per_staff_day); charge per_staff_hour");
    refuse("per_visit",
           "is a pool of units, which makes no visits (it has no visits_per_staff_day)");
  }
}

}  // namespace

/// A word of 1 to 32 characters for one unit of a pool ("nurses", "assessors") or of a service's
/// capacity ("beds", "places", "cubicles").
std::optional<std::string> expect_unit_word(JsonReader& r, const Json& value) {
  const auto word = r.expect_string(value);
  if (!word) return std::nullopt;
  if (word->empty() || word->size() > 32) {
    r.expected("a word of 1 to 32 characters, such as \"nurses\"", value);
    return std::nullopt;
  }
  return word;
}

void read_resource(JsonReader& r, const Json& json, model::Resource& out, const ScenarioContext& context) {
  r.check_keys(json, {"name", "capacity", "unit", "visits_per_staff_day", "costs", "notes"});
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
  out.visits_per_staff_day = r.optional(json, "visits_per_staff_day", expect_visits);
  // A visit pool counts staff per day: a shift of hours would leave the other hours with no
  // visits at all, so its roster is by whole days.
  if (out.visits_per_staff_day) {
    for (std::size_t i = 0; i < out.roster.size(); ++i) {
      if (out.roster[i].from_hour != 0 || out.roster[i].to_hour != 24) {
        const auto capacity_step = r.enter("capacity");
        const auto roster_step = r.enter("roster");
        const auto shift_step = r.enter(i);
        r.error("'" + out.name + "' counts staff per day (it has visits_per_staff_day), so each shift of its "
                "roster must run from \"00:00\" to \"24:00\"");
      }
    }
  }
  read_pool_costs(r, json, out, context);
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
