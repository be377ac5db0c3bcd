// SPDX-License-Identifier: MIT
// Finding a summary's rows and metrics by name (include/carepath/stats/results.hpp), so that a
// program, the Python module or a test reads `summary.service("acute").metric("wait_mean")`
// instead of an index that changes when a metric is added. Unknown names throw
// std::out_of_range with model/suggest.cpp's "did you mean" and the names that exist.
#include <carepath/model/suggest.hpp>
#include <carepath/stats/results.hpp>

#include <algorithm>
#include <stdexcept>

namespace carepath::stats {
namespace {

template <class Result, std::size_t N>
const Estimate& find_metric(const std::array<MetricInfo<Result>, N>& table, const std::array<Estimate, N>& metrics,
                            std::string_view what, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name == table[i].name) return metrics[i];
  }
  std::vector<std::string> known;
  for (const auto& info : table) known.emplace_back(info.name);
  throw std::out_of_range(model::unknown_name_message(what, name, known));
}

template <class Row, class Name>
const Row& find_row(const std::vector<Row>& rows, Name row_name, std::string_view what, std::string_view name) {
  const auto found = std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row_name(row) == name; });
  if (found != rows.end()) return *found;
  std::vector<std::string> known;
  for (const auto& row : rows) known.emplace_back(row_name(row));
  throw std::out_of_range(model::unknown_name_message(what, name, known));
}

constexpr auto by_name = [](const auto& row) -> const std::string& { return row.name; };

}  // namespace

const Estimate& ServiceSummary::metric(std::string_view metric_name) const {
  return find_metric(kServiceMetrics, metrics, "service metric", metric_name);
}

const Estimate& PathwaySummary::metric(std::string_view metric_name) const {
  return find_metric(kPathwayMetrics, metrics, "pathway metric", metric_name);
}

const Estimate& ResourceSummary::metric(std::string_view metric_name) const {
  return find_metric(kResourceMetrics, metrics, "resource metric", metric_name);
}

const Estimate& ClinicSummary::metric(std::string_view metric_name) const {
  return find_metric(kClinicMetrics, metrics, "clinic metric", metric_name);
}

const Estimate& TypeServiceSummary::metric(std::string_view metric_name) const {
  return find_metric(kTypeServiceMetrics, metrics, "patient type metric", metric_name);
}

const Estimate& CostSummary::metric(std::string_view metric_name) const {
  return find_metric(kCostMetrics, metrics, "cost metric", metric_name);
}

const ServiceSummary& Summary::service(std::string_view name) const {
  return find_row(services, by_name, "service", name);
}

const PathwaySummary& Summary::pathway(std::string_view name) const {
  return find_row(pathways, by_name, "pathway", name);
}

const ResourceSummary& Summary::resource(std::string_view name) const {
  return find_row(resources, by_name, "resource", name);
}

const ClinicSummary& Summary::clinic(std::string_view name) const {
  return find_row(clinics, by_name, "clinic", name);
}

const CostSummary& Summary::cost(std::string_view name) const {
  return find_row(costs, by_name, "costed service", name);
}

const TypeServiceSummary& Summary::by_type_at(std::string_view patient_type, std::string_view service_name) const {
  const auto found = std::find_if(by_type.begin(), by_type.end(), [&](const TypeServiceSummary& row) {
    return row.patient_type == patient_type && row.service == service_name;
  });
  if (found != by_type.end()) return *found;
  std::vector<std::string> known;
  for (const auto& row : by_type) known.push_back(row.patient_type + " at " + row.service);
  throw std::out_of_range(model::unknown_name_message(
      "patient type at service", std::string(patient_type) + " at " + std::string(service_name), known));
}

const Estimate& Summary::system_metric(std::string_view metric_name) const {
  return find_metric(kSystemMetrics, system, "system metric", metric_name);
}

}  // namespace carepath::stats
