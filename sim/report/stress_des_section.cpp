// SPDX-License-Identifier: MIT
#include "report/stress_des_section.hpp"

#include "report/html_escape.hpp"
#include "report/json_values.hpp"
#include "report/report_format.hpp"

#include <cmath>

namespace carepath::report {

namespace {

std::string list(const std::vector<std::string>& items) {
  std::string html;
  for (const std::string& item : items) html += (html.empty() ? "" : ", ") + item;
  return html;
}

std::string names_of(const Json& array) {
  std::vector<std::string> names;
  for (const Json& entry : array) names.push_back("<code>" + escape_html(string_at(entry, "name")) + "</code>");
  return list(names);
}

std::string plural(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string integer_at(const Json& object, std::string_view key) {
  const double value = number_at(object, key);
  return std::isfinite(value) ? format_grouped(value, 0) : "\u2013";
}

// Entries of `array` with notes, and the names of those without.
// "2024-01-01", or "06:00 on 2024-01-01" for a run with a start time (summary.json's run).
std::string start_of(const Json& run) {
  const std::string time = string_at(run, "start_time");
  const std::string date = escape_html(string_at(run, "start_date"));
  return time.empty() ? date : escape_html(time) + " on " + date;
}

std::pair<std::size_t, std::vector<std::string>> noted(const Json& array) {
  std::size_t with = 0;
  std::vector<std::string> without;
  for (const Json& entry : array) {
    if (notes_at(entry, "notes").empty()) {
      without.push_back("<code>" + escape_html(string_at(entry, "name")) + "</code>");
    } else {
      ++with;
    }
  }
  return {with, without};
}

StressItem filled(std::string number, std::string title, std::string html) {
  return {std::move(number), std::move(title), std::move(html), ""};
}

StressItem empty(std::string number, std::string title, std::string missing) {
  return {std::move(number), std::move(title), "", std::move(missing)};
}

}  // namespace

std::vector<StressItem> stress_des_items(const io::ReportInputs& inputs) {
  const Json& summary = inputs.summary;
  const Json none = Json::object();
  const Json& scenario = inputs.scenario.is_object() ? inputs.scenario : none;
  const Json* run_ptr = member(summary, "run");
  const Json& run = run_ptr ? *run_ptr : none;
  const Json& provenance = inputs.provenance.is_object() ? inputs.provenance : none;
  const Json& services = array_at(scenario, "services");
  const Json& arrivals = array_at(scenario, "arrivals");
  const Json& types = array_at(scenario, "patient_types");
  std::vector<StressItem> items;

  // 1 Objectives.
  const std::string description = string_at(scenario, "description");
  items.push_back(description.empty() ? empty("1.1", "Purpose of the model", "the scenario has no description")
                                      : filled("1.1", "Purpose of the model", escape_html(description)));
  std::string outputs = "For every service: arrivals, waits (mean, P50, P90, P95, max), share waiting, "
                        "utilisation, queue and occupancy, bed-days blocked waiting to move on, losses and reneging; for the "
                        "whole system: time in system and patients present; per day and week, trajectories of "
                        "queues, waits and pathway performance.";
  const Json& summarised = array_at(summary, "pathways");
  if (!summarised.empty()) {
    std::vector<std::string> targets;
    for (const Json& p : summarised) {
      targets.push_back("<code>" + escape_html(string_at(p, "name")) + "</code> within " +
                        format_duration(number_at(p, "target_days")));
    }
    outputs += " Pathways against their targets: " + list(targets) + ".";
  }
  items.push_back(filled("1.2", "Model outputs", outputs));
  std::vector<std::string> aims;
  for (const io::ReportVariant& variant : inputs.variants) {
    const Json* described = member(variant.summary, "scenario");
    std::string words = described ? string_at(*described, "description") : "";
    if (words.ends_with('.')) words.pop_back();
    aims.push_back("<code>" + escape_html(variant.name) + "</code>" + (words.empty() ? "" : ": " + escape_html(words)));
  }
  items.push_back(aims.empty() ? empty("1.3", "Experimentation aims", "no what-if variants were run")
                               : filled("1.3", "Experimentation aims",
                                        "Each variant is compared with the base on common random numbers: " +
                                            list(aims) + "."));

  // 2 Logic.
  items.push_back(inputs.graph.nodes.empty()
                      ? empty("2.1", "Base model overview diagram", "no service graph was given to the report")
                      : filled("2.1", "Base model overview diagram",
                               "The service graph above (<a href=\"#graph\">service graph</a>); "
                               "<code>carepath graph</code> prints it as Graphviz DOT."));
  items.push_back(filled("2.2", "Base model logic",
                         plural(arrivals.size(), "arrival source") + " feed " + plural(services.size(), "service") +
                             " joined by " + plural(inputs.graph.edges.size(), "route") +
                             " (a share of each service's patients per route); a patient starts service when a "
                             "server or bed is free, otherwise waits, and moves on along a route drawn at the end "
                             "of service, staying in the bed while the next service is full when it blocks."));
  std::vector<std::string> logic;
  for (const io::ReportVariant& variant : inputs.variants) logic.push_back("<code>" + escape_html(variant.name) + "</code>");
  items.push_back(logic.empty() ? empty("2.3", "Scenario logic", "no what-if variants were run")
                                : filled("2.3", "Scenario logic",
                                         "Variants overlay the base scenario's JSON (scenario file, "
                                         "<code>variants</code>): " + list(logic) +
                                             ". The comparison section shows their paired differences."));
  items.push_back(filled("2.4", "Algorithms",
                         "Arrivals are Poisson processes, non-homogeneous when profiled (thinning); service, "
                         "transfer and patience times are drawn from the scenario's distributions (Boost.Random); "
                         "routing by Walker alias tables; queues are served by priority, then first come, first "
                         "served; percentiles from log-bucketed histograms."));
  items.push_back(filled("2.5.1", "Components: entities",
                         types.empty() ? std::string("One kind of patient.")
                                       : "Patient types " + names_of(types) + " (a lower priority number is served first)."));
  items.push_back(filled("2.5.2", "Components: activities", "Service at " + names_of(services) + "."));
  std::vector<std::string> resources;
  for (const Json& s : services) {
    const Json* capacity = member(s, "capacity");
    std::string text = capacity && capacity->is_number() ? format_grouped(capacity->get<double>(), 0) : "unlimited";
    resources.push_back("<code>" + escape_html(string_at(s, "name")) + "</code> " + text);
  }
  items.push_back(filled("2.5.3", "Components: resources",
                         "Servers or beds at the start (capacity schedules may change them): " + list(resources) + "."));
  std::size_t limited = 0, reneging = 0;
  for (const Json& s : services) {
    const Json* limit = member(s, "queue_limit");
    if (limit && limit->is_number()) ++limited;
    if (const Json* r = member(s, "reneging"); r && r->is_boolean() && r->get<bool>()) ++reneging;
  }
  items.push_back(filled("2.5.4", "Components: queues",
                         "One queue per service, by priority then first come, first served; " +
                             plural(limited, "service") + " with a limited queue, " + plural(reneging, "service") +
                             " where patients may give up waiting."));
  items.push_back(filled("2.5.5", "Components: entry and exit points",
                         "Patients enter from " + names_of(arrivals) +
                             " and leave the system after a service with no onward route, or when turned away or "
                             "giving up."));

  // 3 Data.
  const std::vector<std::string> notes = notes_at(scenario, "notes");
  const auto [services_noted, services_unnoted] = noted(services);
  const auto [arrivals_noted, arrivals_unnoted] = noted(arrivals);
  const bool any_notes = !notes.empty() || services_noted > 0 || arrivals_noted > 0;
  items.push_back(any_notes ? filled("3.1", "Data sources",
                                     "Cited in the scenario's notes (<a href=\"#notes\">notes and assumptions</a>): " +
                                         plural(notes.size(), "note") + " on the scenario, on " +
                                         std::to_string(services_noted) + " of " + std::to_string(services.size()) +
                                         " services and " + std::to_string(arrivals_noted) + " of " +
                                         std::to_string(arrivals.size()) + " arrival sources.")
                            : empty("3.1", "Data sources", "the scenario has no notes citing its figures"));
  const Json& csv_inputs = array_at(provenance, "inputs");
  if (!csv_inputs.empty()) {
    std::vector<std::string> files;
    for (const Json& input : csv_inputs) {
      files.push_back("<code>" + escape_html(string_at(input, "file")) + "</code> (SHA-256 " +
                      escape_html(string_at(input, "sha256").substr(0, 12)) + "\u2026)");
    }
    items.push_back(filled("3.2", "Pre-processing",
                           "Series and lists read from CSV files, copied into this folder's <code>inputs/</code>: " +
                               list(files) + "; how each was derived is in the notes."));
  } else if (any_notes) {
    items.push_back(filled("3.2", "Pre-processing",
                           "No file inputs: every figure is typed into the scenario, derived as its notes say."));
  } else {
    items.push_back(empty("3.2", "Pre-processing", "no notes say how the figures were derived"));
  }
  std::vector<std::string> gaps = services_unnoted;
  gaps.insert(gaps.end(), arrivals_unnoted.begin(), arrivals_unnoted.end());
  if (services_noted + arrivals_noted == 0) {
    items.push_back(empty("3.3", "Input parameters", "no service or arrival source has notes on its parameters"));
  } else {
    items.push_back(filled("3.3", "Input parameters",
                           "Each service's and source's parameters are in the scenario file (copied to "
                           "<code>inputs/</code>) with their notes" +
                               (gaps.empty() ? std::string(".") : "; without notes: " + list(gaps) + ".")));
  }
  items.push_back(notes.empty() ? empty("3.4", "Assumptions", "the scenario has no notes stating its assumptions")
                                : filled("3.4", "Assumptions",
                                         "Stated in the scenario's notes (<a href=\"#notes\">notes and assumptions</a>)."));

  // 4 Experimentation.
  std::size_t initial = 0;
  for (const Json& s : services) {
    if (const Json* i = member(s, "initial_patients"); i && i->is_boolean() && i->get<bool>()) ++initial;
  }
  const double warm_up = number_at(run, "warm_up_days");
  const Json* steady = member(scenario, "run");
  const bool steady_state = steady && steady->is_object() && steady->value("steady_state", false);
  items.push_back(filled("4.1", "Initialisation",
                         (initial > 0 ? "Starts with the patients present on the start date at " +
                                            plural(initial, "service") + "; "
                                      : std::string("Starts empty; ")) +
                             (std::isfinite(warm_up) && warm_up > 0
                                  ? "warm-up " + format_duration(warm_up) + " (left out of every statistic"
                                  : std::string("no warm-up (every day is counted")) +
                             (steady_state ? "; a steady-state model, checked against MSER-5 by carepath run"
                                           : "") + ")."));
  items.push_back(filled("4.2", "Run length",
                         format_duration(number_at(run, "horizon_days")) + " from " + start_of(run) +
                             ", terminating at the horizon."));
  const Json* precision = member(run, "precision");
  items.push_back(filled("4.3", "Estimation approach",
                         integer_at(run, "replications") + " independent replications (seed " + integer_at(run, "seed") +
                             "); means with 95% Student-t confidence intervals across replications" +
                             (precision ? ", the number of replications chosen by precision (" +
                                              escape_html(string_at(*precision, "target")) +
                                              ", Hoad, Robinson and Davies' method)"
                                        : std::string()) +
                             (inputs.variants.empty() ? "" : "; variants paired with the base on common random numbers") +
                             "."));

  // 5 Implementation.
  if (provenance.empty()) {
    for (const auto& [number, title] : {std::pair{"5.1", "Software or programming language"},
                                        std::pair{"5.2", "Random sampling"}, std::pair{"5.3", "Model execution"},
                                        std::pair{"5.4", "System specification"}}) {
      items.push_back(empty(number, title, "no provenance.json was given to the report"));
    }
  } else {
    const Json* libraries = member(provenance, "libraries");
    const Json& libs = libraries ? *libraries : none;
    items.push_back(filled("5.1", "Software or programming language",
                           "carepath " + escape_html(string_at(provenance, "carepath_version")) + " (commit <code>" +
                               escape_html(string_at(provenance, "git_commit")) + "</code>), C++20, built with " +
                               escape_html(string_at(provenance, "compiler")) + "; Boost " +
                               escape_html(string_at(libs, "boost")) + ", oneTBB " +
                               escape_html(string_at(libs, "onetbb")) + ", nlohmann_json " +
                               escape_html(string_at(libs, "nlohmann_json")) + "."));
    items.push_back(filled("5.2", "Random sampling",
                           "One mt19937_64 stream per (seed, replication, purpose, source or service name), never "
                           "per thread; the same streams for the base and each variant (common random numbers)."));
    items.push_back(filled("5.3", "Model execution",
                           "Event-driven: events ordered by time, ties by insertion order; replications in "
                           "parallel, results folded in replication order, so they do not depend on the thread count."));
    const Json* recorded_run = member(provenance, "run");
    const Json& run_settings = recorded_run ? *recorded_run : none;
    items.push_back(filled("5.4", "System specification",
                           integer_at(run_settings, "threads") + " threads, " + integer_at(run_settings, "ranks") +
                               (number_at(run_settings, "ranks") == 1 ? " process" : " processes") +
                               "; the command line and every input's SHA-256 are in provenance.json."));
  }

  // 6 Code access.
  items.push_back(filled("6.1", "Computer model sharing statement",
                         "carepath is open source under the MIT licence (LICENSE, CITATION.cff). This folder holds "
                         "the scenario as run in <code>inputs/</code>; <code>carepath rerun</code> reproduces it."));
  return items;
}

std::string render_stress_des_section(const io::ReportInputs& inputs) {
  const std::vector<StressItem> items = stress_des_items(inputs);
  std::string html =
      "<p>The model reported item by item against STRESS-DES (Monks et al., Journal of Simulation, 2019), the "
      "checklist for reporting discrete-event simulation studies, from the scenario file and this folder's "
      "provenance.json.</p>\n<div class=\"scroll\"><table class=\"kpi stress\">\n<thead><tr><th>item</th>"
      "<th></th><th>this model</th></tr></thead>\n<tbody>\n";
  std::vector<std::string> missing;
  for (const StressItem& item : items) {
    html += "<tr><td>" + item.number + "</td><th>" + escape_html(item.title) + "</th><td>" +
            (item.missing.empty() ? item.html : "<span class=\"absent\">Empty: " + escape_html(item.missing) + ".</span>") +
            "</td></tr>\n";
    if (!item.missing.empty()) missing.push_back(item.number + " " + item.title);
  }
  html += "</tbody></table></div>\n";
  if (missing.empty()) return html + "<p>Every item of the checklist is filled.</p>\n";
  std::string names;
  for (const std::string& m : missing) names += (names.empty() ? "" : "; ") + m;
  return html + "<p class=\"absent\"><b>Left empty by this scenario:</b> " + escape_html(names) + ".</p>\n";
}

}  // namespace carepath::report
