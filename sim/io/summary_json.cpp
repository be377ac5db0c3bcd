// SPDX-License-Identifier: MIT
#include "io/summary_json.hpp"

#include <carepath/io/calendar_text.hpp>
#include "io/costs_files.hpp"
#include "io/missing_values.hpp"
#include "io/precision_files.hpp"

#include <carepath/version.hpp>

#include <cmath>

namespace carepath::io {

using nlohmann::ordered_json;

// A null never comes alone: "note" says why (missing_values.hpp).
ordered_json estimate_json(std::string_view unit, const stats::Estimate& e) {
  ordered_json json{
      {"unit", std::string(unit)},
      {"mean", number_or_null(e.mean)},
      {"ci95", ordered_json::array({number_or_null(e.ci_low), number_or_null(e.ci_high)})},
      {"sd", number_or_null(e.sd)},
      {"min", number_or_null(e.min)},
      {"max", number_or_null(e.max)},
      {"n", e.n},
  };
  if (std::string note = missing_note(e); !note.empty()) json["note"] = std::move(note);
  return json;
}

namespace {

template <class Table, class Estimates>
ordered_json metrics_json(const Table& table, const Estimates& estimates) {
  ordered_json metrics = ordered_json::object();
  for (std::size_t i = 0; i < table.size(); ++i) {
    metrics[table[i].name] = estimate_json(table[i].unit, estimates[i]);
  }
  return metrics;
}

}  // namespace

ordered_json summary_json(const model::Scenario& scenario, const run::BatchResult& result) {
  ordered_json services = ordered_json::array();
  for (const stats::ServiceSummary& service : result.summary.services) {
    services.push_back({{"name", service.name},
                        {"metrics", metrics_json(stats::kServiceMetrics, service.metrics)}});
  }
  ordered_json pathways = ordered_json::array();
  for (const stats::PathwaySummary& pathway : result.summary.pathways) {
    pathways.push_back({{"name", pathway.name},
                        {"target_days", pathway.target},
                        {"metrics", metrics_json(stats::kPathwayMetrics, pathway.metrics)}});
  }
  ordered_json by_type = ordered_json::array();
  for (const stats::TypeServiceSummary& row : result.summary.by_type) {
    by_type.push_back({{"patient_type", row.patient_type},
                       {"service", row.service},
                       {"metrics", metrics_json(stats::kTypeServiceMetrics, row.metrics)}});
  }
  ordered_json resources = ordered_json::array();
  for (const stats::ResourceSummary& pool : result.summary.resources) {
    resources.push_back({{"name", pool.name},
                         {"unit", pool.unit},
                         {"metrics", metrics_json(stats::kResourceMetrics, pool.metrics)}});
  }
  ordered_json clinics = ordered_json::array();
  for (const stats::ClinicSummary& clinic : result.summary.clinics) {
    clinics.push_back({{"name", clinic.name}, {"metrics", metrics_json(stats::kClinicMetrics, clinic.metrics)}});
  }
  ordered_json deadlocks = ordered_json::array();
  for (std::size_t r = 0; r < result.replications.size(); ++r) {
    const auto& deadlock = result.replications[r].deadlock;
    if (!deadlock) continue;
    ordered_json names = ordered_json::array();
    for (std::uint32_t s : deadlock->services) names.push_back(result.labels.services.at(s));
    deadlocks.push_back({{"replication", r}, {"time_days", deadlock->time}, {"services", std::move(names)}});
  }
  ordered_json document{
      {"carepath_version", std::string(version())},
      {"scenario",
       {{"name", scenario.name}, {"description", scenario.description}, {"notes", scenario.notes}}},
      {"run",
       {{"seed", result.seed},
        {"replications", result.replications.size()},
        {"threads", result.threads},
        {"wall_seconds", result.wall_seconds},
        {"start_date", model::format_date(scenario.start_date)},
        {"horizon_days", scenario.run.horizon},
        {"warm_up_days", scenario.run.warm_up},
        {"trajectory_period", model::trajectory_period_name(result.trajectories.empty() ? model::TrajectoryPeriod::Off
                                                                                      : result.trajectories.period)}}},
      {"services", std::move(services)},
      {"system", metrics_json(stats::kSystemMetrics, result.summary.system)},
      {"pathways", std::move(pathways)},
      {"by_type", std::move(by_type)},
      {"resources", std::move(resources)},
      {"clinics", std::move(clinics)},
      {"deadlocked_replications", result.summary.deadlocked_replications},
      {"deadlocks", std::move(deadlocks)},
  };
  if (!result.labels.currency.empty()) document["costs"] = costs_json(scenario, result);
  if (result.precision) document["run"]["precision"] = precision_json(*result.precision);
  if (scenario.run.start_hour != 0) document["run"]["start_time"] = format_time_of_day(scenario.run.start_hour);
  // --window: every statistic above covers these dates only.
  if (result.window) {
    document["run"]["window"] = {{"from", model::format_date(result.window->from)},
                                 {"to", model::format_date(result.window->to)}};
  }
  return document;
}

}  // namespace carepath::io
