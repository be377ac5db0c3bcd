// SPDX-License-Identifier: MIT
#include "stats/kpi_ref.hpp"

#include "model/suggest.hpp"

#include <carepath/stats/results.hpp>

#include <algorithm>

namespace carepath::stats {
namespace {

template <class List>
std::vector<std::string> names_of(const List& list) {
  std::vector<std::string> names;
  for (const auto& element : list) names.push_back(element.name);
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

template <class Table>
bool find_metric(const Table& table, KpiRef& kpi, std::vector<std::string>& known) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    known.emplace_back(table[i].name);
    if (kpi.metric == table[i].name) {
      kpi.metric_index = i;
      kpi.unit = table[i].unit;
      return true;
    }
  }
  return false;
}

}  // namespace

std::variant<KpiRef, std::string> resolve_kpi(std::string_view written, const model::Scenario& scenario) {
  const std::string text(written);
  const std::size_t first_dot = text.find('.');
  const std::size_t last_dot = text.rfind('.');
  if (first_dot == std::string::npos) return "expected KIND.NAME.METRIC or system.METRIC, got '" + text + "'";
  KpiRef kpi;
  kpi.kind = text.substr(0, first_dot);
  kpi.metric = text.substr(last_dot + 1);
  const std::vector<std::string> kinds{"service", "pathway", "resource", "clinic", "system", "cost"};
  const std::vector<std::string> pathways = names_of(scenario.pathways);
  const std::vector<std::string> services = names_of(scenario.services);
  const std::vector<std::string> resources = names_of(scenario.resources);
  std::vector<std::string> clinics;
  for (const model::Service& service : scenario.services) {
    if (service.sessions) clinics.push_back(service.name);
  }
  // A service or pathway may be named like a kind ("clinic"): with one dot, it is NAME.METRIC.
  const bool names_one = first_dot == last_dot && (contains(pathways, kpi.kind) || contains(services, kpi.kind));
  if (!contains(kinds, kpi.kind) || names_one) {
    // NAME.METRIC: the kind is whichever of pathways and services has that name.
    const std::string name = text.substr(0, last_dot);
    const bool is_pathway = contains(pathways, name);
    const bool is_service = contains(services, name);
    if (is_pathway && is_service) {
      return "'" + name + "' names both a pathway and a service; write pathway." + name + "." + kpi.metric +
             " or service." + name + "." + kpi.metric;
    }
    if (!is_pathway && !is_service) {
      std::vector<std::string> known = kinds;
      known.insert(known.end(), pathways.begin(), pathways.end());
      known.insert(known.end(), services.begin(), services.end());
      return model::unknown_name_message("kind, pathway or service", last_dot == first_dot ? kpi.kind : name, known);
    }
    kpi.kind = is_pathway ? "pathway" : "service";
    kpi.name = name;
  } else if (kpi.kind == "system" || kpi.kind == "cost") {
    if (last_dot != first_dot) return "expected " + kpi.kind + ".METRIC (it has no name), got '" + text + "'";
    kpi.name = kpi.kind == "system" ? "system" : "total";
  } else {
    if (last_dot == first_dot) return "expected " + kpi.kind + ".NAME.METRIC, got '" + text + "'";
    kpi.name = text.substr(first_dot + 1, last_dot - first_dot - 1);
    const std::vector<std::string>& known = kpi.kind == "service"    ? services
                                            : kpi.kind == "resource" ? resources
                                            : kpi.kind == "clinic"   ? clinics
                                                                     : pathways;
    if (!contains(known, kpi.name)) return model::unknown_name_message(kpi.kind, kpi.name, known);
  }
  std::vector<std::string> metrics;
  bool found = kpi.kind == "service"    ? find_metric(kServiceMetrics, kpi, metrics)
               : kpi.kind == "pathway"  ? find_metric(kPathwayMetrics, kpi, metrics)
               : kpi.kind == "resource" ? find_metric(kResourceMetrics, kpi, metrics)
               : kpi.kind == "clinic"   ? find_metric(kClinicMetrics, kpi, metrics)
               : kpi.kind == "system"   ? find_metric(kSystemMetrics, kpi, metrics)
                                        : (kpi.cost = find_metric(kCostMetrics, kpi, metrics));
  if (!found && kpi.kind == "service") found = kpi.cost = find_metric(kServiceCostMetrics, kpi, metrics);
  if (!found && kpi.kind == "resource" && (found = kpi.cost = find_metric(kResourceCostMetrics, kpi, metrics))) {
    // A cost's metric_index is into kCostMetrics, whatever table named it.
    kpi.metric_index = cost_metric_index(kResourceCostMetrics[kpi.metric_index].field);
  }
  if (!found) return model::unknown_name_message(kpi.kind + " metric", kpi.metric, metrics);
  if (kpi.cost && !scenario.has_costs()) {
    return "'" + text + "' is a cost, but no service or pool has \"costs\" (README \"Costs\")";
  }
  if (kpi.cost && kpi.kind == "service") {
    const auto s = std::find_if(scenario.services.begin(), scenario.services.end(),
                                [&](const model::Service& service) { return service.name == kpi.name; });
    if (!s->costs.any()) return "'" + text + "' is a cost, but service '" + kpi.name + "' has no \"costs\"";
  }
  if (kpi.cost && kpi.kind == "resource") {
    const auto pool = std::find_if(scenario.resources.begin(), scenario.resources.end(),
                                   [&](const model::Resource& r) { return r.name == kpi.name; });
    if (!pool->costs.any()) return "'" + text + "' is a cost, but pool '" + kpi.name + "' has no \"costs\"";
  }
  return kpi;
}

std::string kpi_text(const KpiRef& kpi) {
  if (kpi.kind == "system" || kpi.kind == "cost") return kpi.kind + "." + kpi.metric;
  return kpi.kind + "." + kpi.name + "." + kpi.metric;
}

std::vector<model::Headline> default_headlines(const model::Scenario& scenario) {
  std::vector<model::Headline> headlines;
  for (const model::Pathway& p : scenario.pathways) {
    headlines.push_back({"pathway." + p.name + ".within_target", ""});
  }
  const auto blocks_when_full = [&](const std::string& to) {
    const auto s = std::find_if(scenario.services.begin(), scenario.services.end(),
                                [&](const model::Service& service) { return service.name == to; });
    return s != scenario.services.end() && s->capacity && s->queue_limit && s->when_full == model::WhenFull::Block;
  };
  for (const model::Service& s : scenario.services) {
    bool can_block = std::any_of(s.routes.begin(), s.routes.end(), [&](const model::Route& r) { return blocks_when_full(r.to); });
    for (const model::TypeOverride& o : s.by_type) {
      if (!o.routes) continue;
      can_block = can_block || std::any_of(o.routes->begin(), o.routes->end(),
                                           [&](const model::Route& r) { return blocks_when_full(r.to); });
    }
    if (can_block) headlines.push_back({"service." + s.name + ".blocked_bed_days", ""});
  }
  if (headlines.empty()) {
    for (const model::Service& s : scenario.services) headlines.push_back({"service." + s.name + ".wait_mean", ""});
  }
  if (scenario.has_costs()) headlines.push_back({"cost.total", ""});
  return headlines;
}

}  // namespace carepath::stats
