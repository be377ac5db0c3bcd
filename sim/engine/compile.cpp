// SPDX-License-Identifier: MIT
// Names become indices, patient-type overrides become one TypeRules per (service, type), priority
// numbers become dense levels (so each service keeps one FIFO per level), and every capacity
// schedule is merged into one timetable the engine walks with a single pending event.
#include "engine/compile.hpp"

#include "engine/rng_streams.hpp"
#include "engine/session_timetable.hpp"
#include "model/capacity_timetable.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace carepath::engine {

// The scenario's vocabulary, which compile() translates word by word.
using model::EscalationStep;
using model::InitialCohort;
using model::kExit;
using model::Pathway;
using model::PatientType;
using model::Route;
using model::Scenario;
using model::Service;
using model::TypeOverride;
using model::WhenFull;

namespace {

class Names {
 public:
  explicit Names(const Scenario& scenario) {
    for (std::uint32_t i = 0; i < scenario.services.size(); ++i) services_.emplace(scenario.services[i].name, i);
    for (std::uint16_t i = 0; i < scenario.patient_types.size(); ++i) types_.emplace(scenario.patient_types[i].name, i);
    for (std::uint32_t i = 0; i < scenario.resources.size(); ++i) resources_.emplace(scenario.resources[i].name, i);
  }

  [[nodiscard]] std::uint32_t resource(const std::string& name) const { return find(resources_, name, "resource"); }

  [[nodiscard]] std::uint32_t service(const std::string& name) const {
    if (name == kExit) return kExitTarget;
    return find(services_, name, "service");
  }

  /// Empty means the first type.
  [[nodiscard]] std::uint16_t type(const std::string& name) const {
    if (name.empty()) return 0;
    return static_cast<std::uint16_t>(find(types_, name, "patient type"));
  }

 private:
  template <class Map>
  static std::uint32_t find(const Map& map, const std::string& name, const char* what) {
    const auto found = map.find(name);
    if (found == map.end()) {
      throw std::logic_error(std::string("compile: unchecked scenario names unknown ") + what + " '" + name + "'");
    }
    return found->second;
  }

  std::unordered_map<std::string_view, std::uint32_t> services_;
  std::unordered_map<std::string_view, std::uint32_t> types_;
  std::unordered_map<std::string_view, std::uint32_t> resources_;
};

TypeRules compile_rules(const Service& service, const TypeOverride* override_for_type,
                                std::uint32_t priority_level, const Names& names) {
  const std::vector<Route>& routes =
      override_for_type != nullptr && override_for_type->routes ? *override_for_type->routes : service.routes;
  TypeRules rules{
      .service_time = Sampler(override_for_type != nullptr && override_for_type->service_time
                                          ? *override_for_type->service_time
                                          : service.service_time),
      .routing = {},
      .routes = {},
      .priority_level = priority_level,
      .patience = {},
  };
  const auto& patience = override_for_type != nullptr && override_for_type->patience ? override_for_type->patience
                                                                                     : service.patience;
  if (patience) rules.patience = Sampler(*patience);
  std::vector<double> weights;
  for (const Route& route : routes) {
    rules.routes.push_back({.target = names.service(route.to),
                            .transfer_delay = route.transfer_delay ? std::optional(Sampler(*route.transfer_delay))
                                                                   : std::nullopt,
                            .keeps_bed = route.keeps_bed_during_delay});
    weights.push_back(route.probability);
  }
  if (weights.empty()) {
    rules.routes.push_back({});
    weights.push_back(1.0);
  }
  rules.routing = AliasTable(weights);
  return rules;
}

// A type's escalation steps at a service, as lanes of that service: a step that would not raise the
// type's priority further is left out. Steps with the same level and wait share a lane, whichever
// type or list they come from, since everyone enters it exactly `after` after joining the queue:
// a lane is in order of joining.
template <class LevelOf>
void compile_escalation(const std::vector<EscalationStep>& steps, LevelOf level_of, std::uint32_t priority_levels,
                        TypeRules& rules, CompiledService& service, std::vector<double>& lane_waits) {
  if (steps.size() > std::numeric_limits<std::uint8_t>::max()) {
    throw std::invalid_argument("more than 255 escalation steps: a patient counts them in one byte");
  }
  std::uint32_t level = rules.priority_level;
  for (const EscalationStep& step : steps) {
    const std::uint32_t to = level_of(step.to_priority);
    if (to >= level) continue;
    level = to;
    std::size_t lane = 0;
    while (lane < lane_waits.size() && (service.lane_levels[lane] != to || lane_waits[lane] != step.after)) ++lane;
    if (lane == lane_waits.size()) {
      service.lane_levels.push_back(to);
      lane_waits.push_back(step.after);
    }
    rules.escalation.push_back({.after = step.after, .queue = priority_levels + static_cast<std::uint32_t>(lane)});
  }
}

/// Visits are counted in thousandths, so that the visits committed to a pool add and subtract exactly.
std::uint32_t milli(double visits) { return static_cast<std::uint32_t>(std::lround(visits * 1000)); }

VisitNeed compile_visits(const model::ResourceNeed& need, std::uint32_t resource, std::uint32_t caseload) {
  VisitNeed visits{.resource = resource, .caseload = caseload, .milli_visits = {}};
  for (double v : need.visits_per_day) visits.milli_visits.push_back(milli(v));
  return visits;
}

}  // namespace

CompiledModel compile(const Scenario& scenario) {
  const Names names(scenario);
  const std::vector<PatientType> types =
      scenario.patient_types.empty() ? std::vector<PatientType>{{.name = "patient", .priority = 1, .notes = {}}}
                                     : scenario.patient_types;

  CompiledModel model;
  model.horizon = scenario.run.horizon;
  model.warm_up = scenario.run.warm_up;
  model.start_date = scenario.start_date;
  model.start_hour = scenario.run.start_hour;
  model.patient_types = static_cast<std::uint32_t>(types.size());

  // Every priority number in use, across types and service overrides, gets a dense level.
  std::set<std::uint32_t> priorities;
  for (const auto& type : types) priorities.insert(type.priority);
  for (const auto& service : scenario.services) {
    for (const auto& o : service.by_type) {
      if (o.priority) priorities.insert(*o.priority);
      for (const EscalationStep& step : o.escalate.value_or(std::vector<EscalationStep>{})) {
        priorities.insert(step.to_priority);
      }
    }
    for (const EscalationStep& step : service.escalate) priorities.insert(step.to_priority);
  }
  const std::vector<std::uint32_t> levels(priorities.begin(), priorities.end());
  const auto level_of = [&](std::uint32_t priority) {
    return static_cast<std::uint32_t>(std::lower_bound(levels.begin(), levels.end(), priority) - levels.begin());
  };
  model.priority_levels = static_cast<std::uint32_t>(levels.size());

  const std::size_t n_services = scenario.services.size();
  model.service_time_specs.resize(types.size() * n_services);
  model.patience_specs.resize(types.size() * n_services);
  for (std::uint32_t s = 0; s < n_services; ++s) {
    const Service& service = scenario.services[s];
    CompiledService& compiled = model.services.emplace_back();
    compiled.stream_key = name_key(service.name);
    compiled.queue_limit = service.queue_limit.value_or(kUnlimited);
    compiled.when_full = service.when_full;
    if (service.when_full == WhenFull::Divert) compiled.divert_to = names.service(service.divert_to);
    compiled.renege_to = names.service(service.renege_to);
    if (service.wait_target) compiled.wait_target = *service.wait_target;
    compiled.setting = service.setting;

    if (!service.capacity) {
      compiled.initial_capacity = kUnlimited;
    } else {
      const auto steps = model::capacity_timetable(service, scenario.start_date, scenario.run.horizon,
                                                   scenario.run.start_hour, scenario.bank_holidays);
      compiled.initial_capacity = steps.empty() ? *service.capacity : steps.front().capacity;
      for (std::size_t i = 1; i < steps.size(); ++i) {
        model.capacity_timetable.push_back({steps[i].time, s, steps[i].capacity, false});
        compiled.last_capacity_change = steps[i].time;
      }
    }
    for (const model::ResourceNeed& need : service.requires_resources) {
      if (!need.visits_per_day.empty()) {
        compiled.admission = AdmissionKind::Caseload;
        compiled.visits = compile_visits(need, names.resource(need.resource), model.caseloads++);
        continue;
      }
      compiled.needs.push_back({.resource = names.resource(need.resource), .units = need.units});
    }

    std::vector<double> lane_waits;  // the `after` of each of compiled.lane_levels
    for (std::uint16_t t = 0; t < types.size(); ++t) {
      const auto found = std::find_if(service.by_type.begin(), service.by_type.end(),
                                      [&](const TypeOverride& o) { return o.patient_type == types[t].name; });
      const TypeOverride* override_for_type = found == service.by_type.end() ? nullptr : &*found;
      const std::uint32_t priority =
          override_for_type != nullptr && override_for_type->priority ? *override_for_type->priority : types[t].priority;
      compiled.by_type.push_back(compile_rules(service, override_for_type, level_of(priority), names));
      compile_escalation(override_for_type != nullptr && override_for_type->escalate ? *override_for_type->escalate
                                                                                     : service.escalate,
                         level_of, model.priority_levels, compiled.by_type.back(), compiled, lane_waits);
      const std::size_t index = t * n_services + s;
      model.service_time_specs[index] = override_for_type != nullptr && override_for_type->service_time
                                            ? *override_for_type->service_time
                                            : service.service_time;
      model.patience_specs[index] =
          override_for_type != nullptr && override_for_type->patience ? override_for_type->patience : service.patience;
    }

    for (const InitialCohort& cohort : service.initial_in_service) {
      for (std::uint32_t i = 0; i < cohort.count; ++i) {
        model.initial_patients.push_back({s, names.type(cohort.patient_type), true, cohort.elapsed});
      }
    }
    for (const InitialCohort& cohort : service.initial_waiting) {
      for (std::uint32_t i = 0; i < cohort.count; ++i) {
        model.initial_patients.push_back({s, names.type(cohort.patient_type), false, cohort.elapsed});
      }
    }
  }
  for (std::uint32_t r = 0; r < scenario.resources.size(); ++r) {
    CompiledResource& compiled = model.resources.emplace_back();
    const auto steps = model::capacity_timetable(scenario.resources[r], scenario.start_date, scenario.run.horizon,
                                                 scenario.run.start_hour, scenario.bank_holidays);
    compiled.initial_capacity = steps.empty() ? scenario.resources[r].capacity : steps.front().capacity;
    if (const auto& visits = scenario.resources[r].visits_per_staff_day) compiled.milli_visits_per_staff = milli(*visits);
    for (std::size_t i = 1; i < steps.size(); ++i) {
      model.capacity_timetable.push_back({steps[i].time, r, steps[i].capacity, true});
      compiled.last_capacity_change = steps[i].time;
    }
    for (std::uint32_t s = 0; s < n_services; ++s) {
      const auto& needs = model.services[s].needs;
      const bool visits = model.services[s].admission == AdmissionKind::Caseload && model.services[s].visits.resource == r;
      if (visits || std::any_of(needs.begin(), needs.end(), [r](const ResourceNeed& n) { return n.resource == r; })) {
        compiled.services.push_back(s);
      }
    }
  }
  // Patients already waiting join their queues in order of arrival, the longest wait first, as
  // they would have if the run had started earlier; the listing order does not matter.
  std::stable_sort(model.initial_patients.begin(), model.initial_patients.end(),
                   [](const InitialPatient& a, const InitialPatient& b) {
                     if (a.in_service != b.in_service) return a.in_service;
                     return !a.in_service && a.elapsed > b.elapsed;
                   });
  std::stable_sort(model.capacity_timetable.begin(), model.capacity_timetable.end(),
                   [](const ScheduledCapacity& a, const ScheduledCapacity& b) { return a.time < b.time; });

  for (std::uint32_t p = 0; p < scenario.pathways.size(); ++p) {
    const Pathway& pathway = scenario.pathways[p];
    model.pathways.push_back({.target = pathway.target});
    model.services[names.service(pathway.start)].pathways_starting.push_back(p);
    model.services[names.service(pathway.end)].pathways_ending.push_back(p);
  }

  for (const auto& source : scenario.arrivals) {
    model.sources.push_back({.stream_key = name_key(source.name),
                             .rate = compile_arrival_rate(source, scenario.start_date, scenario.run.horizon,
                                                          scenario.run.start_hour),
                             .target = names.service(source.to),
                             .patient_type = names.type(source.patient_type)});
  }
  compile_sessions(scenario, model);
  return model;
}

}  // namespace carepath::engine
