// SPDX-License-Identifier: MIT
#include "model/escalation_checks.hpp"

#include "model/graph_checks.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

namespace carepath::model {
namespace {

// A by_type key is a patient type name as the planner wrote it, so '/' and '~' need escaping.
std::string pointer_token(const std::string& key) {
  std::string token;
  for (const char c : key) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return token;
}

// One step may have been written as an object or as a list of one: its pointer is then the key's.
std::string step_pointer(const std::string& list, const std::vector<EscalationStep>& steps, std::size_t k,
                         const char* field) {
  return steps.size() == 1 ? list : list + "/" + std::to_string(k) + "/" + field;
}

// Whether step k of `steps` raises the priority of a patient who starts at `priority`: the steps
// before it have taken them as high as they go.
bool raises(const std::vector<EscalationStep>& steps, std::size_t k, std::uint32_t priority) {
  for (std::size_t i = 0; i < k; ++i) priority = std::min(priority, steps[i].to_priority);
  return steps[k].to_priority < priority;
}

}  // namespace

void check_escalation(const Scenario& scenario, std::vector<Diagnostic>& out) {
  const std::vector<PatientType> types =
      scenario.patient_types.empty() ? std::vector<PatientType>{{.name = kDefaultPatientType, .priority = 1, .notes = {}}}
                                     : scenario.patient_types;
  for (std::size_t s = 0; s < scenario.services.size(); ++s) {
    const Service& service = scenario.services[s];
    const std::string service_list = "/services/" + std::to_string(s);
    const auto priority_of = [&](const PatientType& type) -> std::pair<std::uint32_t, const TypeOverride*> {
      const auto found = std::find_if(service.by_type.begin(), service.by_type.end(),
                                      [&](const TypeOverride& o) { return o.patient_type == type.name; });
      if (found == service.by_type.end()) return {type.priority, nullptr};
      return {found->priority.value_or(type.priority), &*found};
    };
    const auto check_list = [&](const std::vector<EscalationStep>& steps, const std::string& list,
                                const std::string& whose, const auto& applies_to) {
      for (std::size_t k = 0; k < steps.size(); ++k) {
        if (steps[k].after >= scenario.run.horizon) {
          out.push_back({Severity::Warning, step_pointer(list, steps, k, "after"),
                         "is not before the run's horizon, so nobody waiting at '" + service.name +
                             "' is escalated by it"});
        } else if (std::none_of(types.begin(), types.end(), [&](const PatientType& type) {
                     const auto [priority, own] = priority_of(type);
                     return applies_to(own) && raises(steps, k, priority);
                   })) {
          out.push_back({Severity::Warning, step_pointer(list, steps, k, "to_priority"),
                         "raises no patient's priority at '" + service.name + "': " + whose +
                             " already at priority " + std::to_string(steps[k].to_priority) +
                             " or higher when it is due, so it has no effect"});
        }
      }
    };
    check_list(service.escalate, service_list + "/escalate", "every patient type it applies to is",
               [](const TypeOverride* own) { return own == nullptr || !own->escalate; });
    for (const TypeOverride& o : service.by_type) {
      if (!o.escalate) continue;
      check_list(*o.escalate, service_list + "/by_type/" + pointer_token(o.patient_type) + "/escalate",
                 "'" + o.patient_type + "' is",
                 [&](const TypeOverride* own) { return own == &o; });
    }
  }
}

}  // namespace carepath::model
