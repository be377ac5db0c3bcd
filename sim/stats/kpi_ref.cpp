// SPDX-License-Identifier: MIT
#include <carepath/stats/kpi_ref.hpp>

#include <carepath/stats/kpi_kinds.hpp>

#include <carepath/model/suggest.hpp>
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

// The words a KPI may start with: the kinds with names, then those of one item (system, cost).
std::vector<std::string> kind_words() {
  std::vector<std::string> words;
  for (const bool named : {true, false}) {
    for (const KpiKindInfo& kind : kpi_kinds()) {
      if (kind.named() == named && !contains(words, std::string(kind.word))) words.emplace_back(kind.word);
    }
  }
  return words;
}

const KpiKindInfo* first_kind(const std::string& word) {
  for (const KpiKindInfo& kind : kpi_kinds()) {
    if (kind.word == word) return &kind;
  }
  return nullptr;
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
  const std::vector<std::string> kinds = kind_words();
  const std::vector<std::string> pathways = names_of(scenario.pathways);
  const std::vector<std::string> services = names_of(scenario.services);
  // A service or pathway may be named like a kind ("clinic"): with one dot, it is NAME.METRIC.
  const bool names_one = first_dot == last_dot && (contains(pathways, kpi.kind) || contains(services, kpi.kind));
  const KpiKindInfo* written_kind = first_kind(kpi.kind);
  if (written_kind == nullptr || names_one) {
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
  } else if (!written_kind->named()) {
    if (last_dot != first_dot) return "expected " + kpi.kind + ".METRIC (it has no name), got '" + text + "'";
    kpi.name = written_kind->whole;
  } else {
    if (last_dot == first_dot) return "expected " + kpi.kind + ".NAME.METRIC, got '" + text + "'";
    kpi.name = text.substr(first_dot + 1, last_dot - first_dot - 1);
    const std::vector<std::string> known = written_kind->scenario_names(scenario);
    if (!contains(known, kpi.name)) return model::unknown_name_message(kpi.kind, kpi.name, known);
  }
  // The metric, in the tables of every kind written with this word, in table order (a service's
  // own metrics, then its costs).
  std::vector<std::string> metrics;
  bool found = false;
  for (const KpiKindInfo& kind : kpi_kinds()) {
    if (kind.word != kpi.kind) continue;
    for (std::size_t m = 0; m < kind.metric_count; ++m) metrics.emplace_back(kind.metric_name(m));
    if (const auto m = kind.metric_index(kpi.metric); m && !found) {
      found = true;
      kpi.table = kind.kind;
      kpi.metric_index = *m;
      kpi.unit = kind.metric_unit(*m);
      kpi.cost = kind.cost;
    }
  }
  if (!found) return model::unknown_name_message(kpi.kind + " metric", kpi.metric, metrics);
  if (kpi.cost && !scenario.has_costs()) {
    return "'" + text + "' is a cost, but no service or pool has \"costs\" (README \"Costs\")";
  }
  if (kpi.cost && kpi.table == KpiKind::ServiceCost) {
    const auto s = std::find_if(scenario.services.begin(), scenario.services.end(),
                                [&](const model::Service& service) { return service.name == kpi.name; });
    if (!s->costs.any()) return "'" + text + "' is a cost, but service '" + kpi.name + "' has no \"costs\"";
  }
  if (kpi.cost && kpi.table == KpiKind::ResourceCost) {
    const auto pool = std::find_if(scenario.resources.begin(), scenario.resources.end(),
                                   [&](const model::Resource& r) { return r.name == kpi.name; });
    if (!pool->costs.any()) return "'" + text + "' is a cost, but pool '" + kpi.name + "' has no \"costs\"";
  }
  return kpi;
}

std::string kpi_text(const KpiRef& kpi) {
  if (!kpi_kind(kpi.table).named()) return kpi.kind + "." + kpi.metric;
  return kpi.kind + "." + kpi.name + "." + kpi.metric;
}

std::vector<model::Headline> default_headlines(const model::Scenario& scenario) {
  std::vector<model::Headline> headlines;
  for (const model::Pathway& p : scenario.pathways) {
    headlines.push_back({"pathway." + p.name + ".within_target", ""});
  }
  // The settings of the services that block when full, each seen as a route's target: a service
  // blocked only by services with a setting has its bed-days named exit block or delayed discharge.
  struct Blocking {
    bool any = false, unset = false, hospital = false, community = false;
    void add(const model::Service& to) {
      if (!to.capacity || !to.queue_limit || to.when_full != model::WhenFull::Block) return;
      any = true;
      unset = unset || to.setting == model::Setting::Unset;
      hospital = hospital || to.setting == model::Setting::Hospital;
      community = community || to.setting == model::Setting::Community;
    }
  };
  const auto add_targets = [&](Blocking& blocking, const std::vector<model::Route>& routes) {
    for (const model::Route& r : routes) {
      const auto to = std::find_if(scenario.services.begin(), scenario.services.end(),
                                   [&](const model::Service& service) { return service.name == r.to; });
      if (to != scenario.services.end()) blocking.add(*to);
    }
  };
  for (const model::Service& s : scenario.services) {
    Blocking blocking;
    add_targets(blocking, s.routes);
    for (const model::TypeOverride& o : s.by_type) {
      if (o.routes) add_targets(blocking, *o.routes);
    }
    if (!blocking.any) continue;
    if (blocking.unset) {
      headlines.push_back({"service." + s.name + ".blocked_bed_days", ""});
      continue;
    }
    if (blocking.hospital) headlines.push_back({"service." + s.name + ".exit_block_bed_days", ""});
    if (blocking.community) headlines.push_back({"service." + s.name + ".delayed_discharge_bed_days", ""});
  }
  if (headlines.empty()) {
    for (const model::Service& s : scenario.services) headlines.push_back({"service." + s.name + ".wait_mean", ""});
  }
  if (scenario.has_costs()) headlines.push_back({"cost.total", ""});
  return headlines;
}

}  // namespace carepath::stats
