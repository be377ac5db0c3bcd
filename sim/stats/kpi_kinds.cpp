// SPDX-License-Identifier: MIT
#include <carepath/stats/kpi_kinds.hpp>

#include <algorithm>

namespace carepath::stats {
namespace {

template <const auto& Table>
const char* name_in(std::size_t metric) {
  return Table.at(metric).name;
}

template <const auto& Table>
const char* unit_in(std::size_t metric) {
  return Table.at(metric).unit;
}

template <class List>
std::vector<std::string> names_of(const List& list) {
  std::vector<std::string> names;
  for (const auto& element : list) names.push_back(element.name);
  return names;
}

std::vector<KpiItem> items_of(const std::vector<std::string>& names) {
  std::vector<KpiItem> items;
  for (std::size_t i = 0; i < names.size(); ++i) items.push_back({names[i], i, i});
  return items;
}

std::vector<std::string> no_names(const model::Scenario&) { return {}; }
std::vector<std::string> service_names(const model::Scenario& scenario) { return names_of(scenario.services); }

// The summary folds costs only for services that have some (then the total), so a service's place
// there counts the costed services before it; the replication holds every service's.
std::vector<KpiItem> service_cost_items(const SummaryLabels& labels) {
  std::vector<KpiItem> items;
  if (labels.currency.empty()) return items;
  std::size_t costed = 0;
  for (std::size_t s = 0; s < labels.services.size(); ++s) {
    const bool has_costs = s < labels.costed.size() && labels.costed[s];
    items.push_back({labels.services[s], s, has_costs ? std::optional<std::size_t>(costed) : std::nullopt});
    if (has_costs) ++costed;
  }
  return items;
}

std::size_t costed_services(const SummaryLabels& labels) {
  return static_cast<std::size_t>(std::count(labels.costed.begin(), labels.costed.end(), true));
}

// Costed pools come after the costed services in the summary's costs, then the total.
std::vector<KpiItem> resource_cost_items(const SummaryLabels& labels) {
  std::vector<KpiItem> items;
  if (labels.currency.empty()) return items;
  std::size_t costed = costed_services(labels);
  for (std::size_t p = 0; p < labels.resources.size(); ++p) {
    const bool has_costs = p < labels.costed_resources.size() && labels.costed_resources[p];
    items.push_back({labels.resources[p], p, has_costs ? std::optional<std::size_t>(costed) : std::nullopt});
    if (has_costs) ++costed;
  }
  return items;
}

std::vector<KpiItem> total_cost_items(const SummaryLabels& labels) {
  if (labels.currency.empty()) return {};
  const auto pools = static_cast<std::size_t>(
      std::count(labels.costed_resources.begin(), labels.costed_resources.end(), true));
  return {{"total", 0, costed_services(labels) + pools}};
}

template <const auto& Table>
KpiKindInfo entry(KpiKind kind, std::string_view word, std::string_view whole, bool cost) {
  return {kind, word, whole, cost, Table.size(), &name_in<Table>, &unit_in<Table>, nullptr, nullptr, nullptr, nullptr};
}

std::array<KpiKindInfo, kKpiKindCount> make_kinds() {
  KpiKindInfo service = entry<kServiceMetrics>(KpiKind::Service, "service", "", false);
  service.scenario_names = &service_names;
  service.items = [](const SummaryLabels& labels) { return items_of(labels.services); };
  service.value = [](const ReplicationResult& r, std::size_t i, std::size_t m) {
    return r.services.at(i).*kServiceMetrics.at(m).field;
  };
  service.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.services.at(i).metrics.at(m);
  };

  KpiKindInfo system = entry<kSystemMetrics>(KpiKind::System, "system", "system", false);
  system.scenario_names = &no_names;
  system.items = [](const SummaryLabels&) { return std::vector<KpiItem>{{"system", 0, 0}}; };
  system.value = [](const ReplicationResult& r, std::size_t, std::size_t m) {
    return r.system.*kSystemMetrics.at(m).field;
  };
  system.estimate = [](const Summary& s, std::size_t, std::size_t m) -> const Estimate& { return s.system.at(m); };

  KpiKindInfo pathway = entry<kPathwayMetrics>(KpiKind::Pathway, "pathway", "", false);
  pathway.scenario_names = [](const model::Scenario& scenario) { return names_of(scenario.pathways); };
  pathway.items = [](const SummaryLabels& labels) { return items_of(labels.pathways); };
  pathway.value = [](const ReplicationResult& r, std::size_t i, std::size_t m) {
    return r.pathways.at(i).*kPathwayMetrics.at(m).field;
  };
  pathway.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.pathways.at(i).metrics.at(m);
  };

  KpiKindInfo service_cost = entry<kServiceCostMetrics>(KpiKind::ServiceCost, "service", "", true);
  service_cost.scenario_names = &service_names;
  service_cost.items = &service_cost_items;
  service_cost.value = [](const ReplicationResult& r, std::size_t i, std::size_t m) {
    return r.service_costs.at(i).*kServiceCostMetrics.at(m).field;
  };
  // A cost row of the summary holds every kCostMetrics metric, whatever table names it.
  service_cost.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.costs.at(i).metrics.at(cost_metric_index(kServiceCostMetrics.at(m).field));
  };

  KpiKindInfo cost = entry<kCostMetrics>(KpiKind::Cost, "cost", "total", true);
  cost.scenario_names = &no_names;
  cost.items = &total_cost_items;
  cost.value = [](const ReplicationResult& r, std::size_t, std::size_t m) { return r.cost.*kCostMetrics.at(m).field; };
  cost.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.costs.at(i).metrics.at(m);
  };

  KpiKindInfo resource = entry<kResourceMetrics>(KpiKind::Resource, "resource", "", false);
  resource.scenario_names = [](const model::Scenario& scenario) { return names_of(scenario.resources); };
  resource.items = [](const SummaryLabels& labels) { return items_of(labels.resources); };
  resource.value = [](const ReplicationResult& r, std::size_t i, std::size_t m) {
    return r.resources.at(i).*kResourceMetrics.at(m).field;
  };
  resource.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.resources.at(i).metrics.at(m);
  };

  KpiKindInfo clinic = entry<kClinicMetrics>(KpiKind::Clinic, "clinic", "", false);
  clinic.scenario_names = [](const model::Scenario& scenario) {
    std::vector<std::string> names;
    for (const model::Service& s : scenario.services) {
      if (s.sessions) names.push_back(s.name);
    }
    return names;
  };
  clinic.items = [](const SummaryLabels& labels) { return items_of(labels.clinics); };
  clinic.value = [](const ReplicationResult& r, std::size_t i, std::size_t m) {
    return r.clinics.at(i).*kClinicMetrics.at(m).field;
  };
  clinic.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.clinics.at(i).metrics.at(m);
  };

  KpiKindInfo resource_cost = entry<kResourceCostMetrics>(KpiKind::ResourceCost, "resource", "", true);
  resource_cost.scenario_names = [](const model::Scenario& scenario) { return names_of(scenario.resources); };
  resource_cost.items = &resource_cost_items;
  resource_cost.value = [](const ReplicationResult& r, std::size_t i, std::size_t m) {
    return r.resource_costs.at(i).*kResourceCostMetrics.at(m).field;
  };
  resource_cost.estimate = [](const Summary& s, std::size_t i, std::size_t m) -> const Estimate& {
    return s.costs.at(i).metrics.at(cost_metric_index(kResourceCostMetrics.at(m).field));
  };

  return {service, system, pathway, service_cost, cost, resource, clinic, resource_cost};
}

}  // namespace

std::optional<std::size_t> KpiKindInfo::metric_index(std::string_view name) const {
  for (std::size_t m = 0; m < metric_count; ++m) {
    if (name == metric_name(m)) return m;
  }
  return std::nullopt;
}

const std::array<KpiKindInfo, kKpiKindCount>& kpi_kinds() {
  // In KpiKind order, so that kpi_kind() indexes it (kpi_kinds_test checks).
  static const std::array<KpiKindInfo, kKpiKindCount> kinds = make_kinds();
  return kinds;
}

const KpiKindInfo& kpi_kind(KpiKind kind) { return kpi_kinds().at(static_cast<std::size_t>(kind)); }

const KpiItem* find_item(const std::vector<KpiItem>& items, std::string_view name) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const KpiItem& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace carepath::stats
