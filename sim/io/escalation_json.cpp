// SPDX-License-Identifier: MIT
#include "io/escalation_json.hpp"

#include "io/field_rules.hpp"

#include <string>

namespace carepath::io {
namespace {

// A patient counts the steps taken in one byte (engine/patient_pool.hpp).
constexpr std::size_t kMaxSteps = 255;
constexpr std::string_view kRule = R"(an escalation step {"after": "<duration>", "to_priority": <integer>} or a list of them)";

void read_step(JsonReader& r, const Json& json, model::EscalationStep& out) {
  r.check_keys(json, {"after", "to_priority"});
  out.after = r.required(json, "after", &JsonReader::expect_duration).value_or(out.after);
  out.to_priority = r.required(json, "to_priority", expect_priority).value_or(out.to_priority);
}

// Steps in order: each waits longer and raises the priority further, so a patient takes them one
// after another and the engine never has to sort them.
void check_order(JsonReader& r, const Json& list, const std::vector<model::EscalationStep>& steps) {
  for (std::size_t i = 1; i < steps.size(); ++i) {
    const auto step = r.enter(i);
    if (steps[i].after <= steps[i - 1].after) {
      const auto field = r.enter("after");
      r.expected("a wait longer than the step before (" + describe(list.at(i - 1).at("after")) + ")",
                 list.at(i).at("after"));
    }
    if (steps[i].to_priority >= steps[i - 1].to_priority) {
      const auto field = r.enter("to_priority");
      r.expected("a priority number below the step before's (" + std::to_string(steps[i - 1].to_priority) +
                     "; lower is served first)",
                 list.at(i).at("to_priority"));
    }
  }
}

}  // namespace

std::optional<std::vector<model::EscalationStep>> expect_escalation(JsonReader& r, const Json& value) {
  std::vector<model::EscalationStep> steps;
  if (value.is_object()) {
    read_step(r, value, steps.emplace_back());
    return steps;
  }
  const std::size_t before = r.error_count();
  read_objects(r, value, kRule, EmptyList::Rejected, steps, read_step);
  if (r.error_count() != before) return std::nullopt;
  if (steps.size() > kMaxSteps) {
    r.expected("at most " + std::to_string(kMaxSteps) + " escalation steps", value);
    return std::nullopt;
  }
  check_order(r, value, steps);
  return steps;
}

}  // namespace carepath::io
