// SPDX-License-Identifier: MIT
#include "io/escalation_json.hpp"

#include "io/field_rules.hpp"

#include <string>

namespace carepath::io {
namespace {

// A patient counts the steps taken in one byte (engine/patient_pool.hpp).
constexpr std::size_t kMaxSteps = 255;
constexpr std::string_view kRule =
    R"(an escalation step {"after": "<duration>", "to_priority": <integer>} or a list of them)";

void read_step(JsonReader& r, const Json& json, model::EscalationStep& out) {
  r.check_keys(json, {"after", "to_priority"});
  out.after = r.required(json, "after", &JsonReader::expect_duration).value_or(out.after);
  out.to_priority = r.required(json, "to_priority", expect_priority).value_or(out.to_priority);
}

// Steps in order: each waits longer and raises the priority further, so a patient takes them one
// after another and the engine never has to sort them. Each step is compared with the last one
// before it that was read without error.
void check_order(JsonReader& r, const Json& list, const std::vector<model::EscalationStep>& steps,
                 const std::vector<bool>& read) {
  std::size_t before = steps.size();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (!read[i]) continue;
    if (before != steps.size()) {
      const auto step = r.enter(i);
      if (steps[i].after <= steps[before].after) {
        const auto field = r.enter("after");
        r.expected("a wait longer than the step before (" + describe(list.at(before).at("after")) + ")",
                   list.at(i).at("after"));
      }
      if (steps[i].to_priority >= steps[before].to_priority) {
        const auto field = r.enter("to_priority");
        r.expected("a priority number below the step before's (" + std::to_string(steps[before].to_priority) +
                       "; lower is served first)",
                   list.at(i).at("to_priority"));
      }
    }
    before = i;
  }
}

}  // namespace

std::optional<std::vector<model::EscalationStep>> expect_escalation(JsonReader& r, const Json& value) {
  std::vector<model::EscalationStep> steps;
  if (value.is_object()) {
    read_step(r, value, steps.emplace_back());
    return steps;
  }
  if (!r.expect_array(value, kRule)) return std::nullopt;
  if (value.empty() || value.size() > kMaxSteps) {
    r.expected(value.empty() ? std::string(kRule) : "at most " + std::to_string(kMaxSteps) + " escalation steps",
               value);
    return std::nullopt;
  }
  std::vector<bool> read;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    const std::size_t errors = r.error_count();
    model::EscalationStep& parsed = steps.emplace_back();
    if (r.expect_object(value.at(i))) read_step(r, value.at(i), parsed);
    read.push_back(r.error_count() == errors);
  }
  check_order(r, value, steps, read);
  return steps;
}

}  // namespace carepath::io
