// SPDX-License-Identifier: MIT
// Terse constructors for the scenarios the v2 validation tests build in code (patient types,
// blocking, reneging, capacity schedules, initial state, pathways), so each test reads as its
// queueing model and not as struct plumbing; and per_replication() over any replication field.
// The scenarios are plain model::Scenario values, independent of the JSON loader. Read
// ci_check.hpp for the statistical assertion.
#pragma once

#include <carepath/model/calendar.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace carepath::validation::build {

/// Run settings: `horizon` and `warm_up` in days.
[[nodiscard]] inline model::Scenario scenario(std::string name, double horizon, double warm_up,
                                              std::uint32_t replications, std::uint64_t seed) {
  model::Scenario s;
  s.name = std::move(name);
  s.run.horizon = horizon;
  s.run.warm_up = warm_up;
  s.run.replications = replications;
  s.run.seed = seed;
  return s;
}

/// A service with `capacity` servers (nullopt: unlimited) and an unlimited queue unless given.
[[nodiscard]] inline model::Service service(std::string name, std::optional<std::uint32_t> capacity,
                                            model::DistributionSpec service_time,
                                            std::optional<std::uint32_t> queue_limit = std::nullopt) {
  model::Service s;
  s.name = std::move(name);
  s.capacity = capacity;
  s.service_time = std::move(service_time);
  s.queue_limit = queue_limit;
  return s;
}

/// A Poisson source of `rate` patients a day at `to`, of `patient_type` (empty: the first type).
[[nodiscard]] inline model::ArrivalSource source(std::string name, std::string to, double rate,
                                                 std::string patient_type = {}) {
  model::ArrivalSource a;
  a.name = std::move(name);
  a.to = std::move(to);
  a.rate_per_day = rate;
  a.patient_type = std::move(patient_type);
  return a;
}

[[nodiscard]] inline model::Route route(std::string to, double probability = 1.0) {
  model::Route r;
  r.to = std::move(to);
  r.probability = probability;
  return r;
}

[[nodiscard]] inline model::Route delayed_route(std::string to, double probability, model::DistributionSpec delay,
                                                bool keeps_bed) {
  model::Route r = route(std::move(to), probability);
  r.transfer_delay = std::move(delay);
  r.keeps_bed_during_delay = keeps_bed;
  return r;
}

[[nodiscard]] inline model::PatientType patient_type(std::string name, std::uint32_t priority) {
  model::PatientType t;
  t.name = std::move(name);
  t.priority = priority;
  return t;
}

/// `count` patients, each `elapsed` days into their wait or stay.
[[nodiscard]] inline model::InitialCohort cohort(double elapsed, std::uint32_t count, std::string type = {}) {
  model::InitialCohort c;
  c.elapsed = elapsed;
  c.count = count;
  c.patient_type = std::move(type);
  return c;
}

/// The date `day` days after the scenario's start date.
[[nodiscard]] inline model::Date day(const model::Scenario& s, long d) { return model::date_after(s.start_date, d); }

/// Index of a service by name in a scenario, for readable assertions.
[[nodiscard]] inline std::size_t index_of(const model::Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    if (s.services[i].name == name) return i;
  }
  return s.services.size();
}

}  // namespace carepath::validation::build

namespace carepath::validation {

/// Any value of every replication, in replication order: f(const ReplicationResult&) -> double.
template <class F>
[[nodiscard]] std::vector<double> per_replication_of(const run::BatchResult& batch, F f) {
  std::vector<double> values;
  values.reserve(batch.replications.size());
  for (const auto& rep : batch.replications) values.push_back(f(rep));
  return values;
}

}  // namespace carepath::validation
