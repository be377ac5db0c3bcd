// SPDX-License-Identifier: MIT
// The scenario format (README "Scenario files") as field rules. Loading runs in phases: parse the text (a syntax error stops here, with nlohmann's line and
// column); read every field, collecting each broken rule; then, only if every field was sound,
// the whole-scenario checks of model/graph_checks.cpp, whose JSON pointers assume everything was
// read in file order. The start date, the horizon and the patient types are read before the
// arrivals and services, whose dated entries and patient types are checked against them
// (io/scenario_context.hpp). The parts with rules of their own have files of their own:
// distribution_json, capacity_json, arrival_profile_json and initial_state_json. What-if variants
// are merged into copies of the document (variant_overlay.cpp) and each copy is loaded the same way.
#include <carepath/io/number_format.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/io/text_file.hpp>
#include <carepath/model/suggest.hpp>

#include "io/arrival_profile_json.hpp"
#include "io/calendar_json.hpp"
#include "io/capacity_json.hpp"
#include "io/costs_json.hpp"
#include "io/distribution_json.hpp"
#include "io/escalation_json.hpp"
#include "io/field_rules.hpp"
#include "io/headlines_json.hpp"
#include "io/initial_state_json.hpp"
#include "io/json_locations.hpp"
#include "io/json_reader.hpp"
#include "io/json_text.hpp"
#include "io/resource_json.hpp"
#include "io/scenario_context.hpp"
#include "io/sessions_json.hpp"
#include "io/variant_overlay.hpp"
#include "model/engine_limits.hpp"
#include "model/graph_checks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace carepath::io {
namespace {

constexpr std::uint64_t kMaxReplications = 1'000'000;

// The scenario's name becomes a folder, results/<name>/, so it must not climb out of results/.
std::optional<std::string> expect_scenario_name(JsonReader& r, const Json& value) {
  auto name = expect_name(r, value);
  if (name && (*name == "." || *name == "..")) {
    r.expected(R"(a name other than "." or "..", as it names the results folder)", value);
    return std::nullopt;
  }
  return name;
}

// nullopt inside means "unlimited"; the outer optional is empty when the value is bad.
using Limit = std::optional<std::uint32_t>;

std::optional<Limit> expect_queue_limit(JsonReader& r, const Json& value) {
  if (is_text(value, "unlimited")) return Limit{};
  if (const auto number = r.expect_integer(value, 0, kMaxQueueLimit, R"(a non-negative integer or "unlimited")")) {
    return Limit{static_cast<std::uint32_t>(*number)};
  }
  return std::nullopt;
}

// ---- Run, patient types, pathways ------------------------------------------------------------------

std::optional<model::TrajectoryPeriod> expect_trajectory_period(JsonReader& r, const Json& value) {
  const auto text = r.expect_string(value);
  if (!text) return std::nullopt;
  if (const auto period = model::parse_trajectory_period(*text)) return period;
  r.error(model::unknown_name_message("trajectory period", *text, {"day", "week", "month", "off"}));
  return std::nullopt;
}

// "5%" (of each headline KPI's mean) or a number (an absolute half-width in the KPI's unit).
std::optional<model::Precision> expect_precision(JsonReader& r, const Json& value) {
  std::optional<model::Precision> precision;
  if (value.is_string()) {
    const auto share = parse_percent(value.get_ref<const std::string&>());
    if (share && *share > 0 && *share < 1) precision = model::Precision{true, *share};
  } else if (value.is_number() && value.get<double>() > 0 && std::isfinite(value.get<double>())) {
    precision = model::Precision{false, value.get<double>()};
  }
  if (!precision) {
    r.expected("a share of the mean above 0% and below 100%, such as \"5%\", or a positive absolute half-width", value);
  }
  return precision;
}

/// Returns the horizon, which the dated parts of the scenario are checked against.
// The run's length: "horizon", or "end_date", the last day of the run (inclusive, so a winter
// "to 31 Oct 2023" ends at the end of that day), counted from the start date.
std::optional<double> read_horizon(JsonReader& r, const Json& run, const std::optional<model::Date>& start,
                                   double start_hour) {
  const Json* end_date = JsonReader::find(run, "end_date");
  if (end_date == nullptr) return r.required(run, "horizon", expect_horizon);
  if (JsonReader::find(run, "horizon") != nullptr) {
    r.error_at("end_date", "cannot be given with \"horizon\": give one of them");
    return std::nullopt;
  }
  const auto end = r.optional(run, "end_date", expect_date);
  if (!end || !start) return std::nullopt;
  const auto step = r.enter("end_date");
  const double days = static_cast<double>(model::days_between(*start, *end)) + 1;
  if (days < 1) {
    r.error("expected a date on or after the start date (" + quoted_date(*start) + "), got " + describe(*end_date));
    return std::nullopt;
  }
  if (days > kMaxHorizonDays) {
    r.expected("a date at most " + std::string(kMaxHorizonText) + " after the start date", *end_date);
    return std::nullopt;
  }
  // The run ends at the end of end_date whatever its start time: a run from 06:00 is shorter.
  return days - start_hour / 24;
}

// The clock time of time 0; "24:00" is the next day's start, so it is refused.
std::optional<double> expect_start_time(JsonReader& r, const Json& value) {
  const auto hour = expect_time_of_day(r, value);
  if (hour && *hour >= 24) {
    r.expected(R"(a time of day from "00:00" to "23:59")", value);
    return std::nullopt;
  }
  return hour;
}

std::optional<double> read_run(JsonReader& r, const Json& run, model::RunSettings& out,
                               const std::optional<model::Date>& start) {
  if (!r.expect_object(run)) return std::nullopt;
  r.check_keys(run, {"horizon", "end_date", "warm_up", "replications", "seed", "trajectory_period", "precision",
                     "steady_state", "start_time"});
  out.start_hour = r.optional(run, "start_time", expect_start_time).value_or(out.start_hour);
  const auto horizon = read_horizon(r, run, start, out.start_hour);
  const auto warm_up = r.optional(run, "warm_up", &JsonReader::expect_duration);
  if (horizon && warm_up && *warm_up >= *horizon) {
    const Json* written = JsonReader::find(run, "horizon");
    const std::string length = written != nullptr ? describe(*written)
                                                  : io::format_shortest(*horizon) + " days, to " +
                                                        describe(run.at("end_date"));
    r.error_at("warm_up", "expected a duration shorter than the horizon (" + length + "), got " +
                              describe(run.at("warm_up")));
  }
  out.horizon = horizon.value_or(out.horizon);
  out.warm_up = warm_up.value_or(out.warm_up);
  const auto replications =
      r.optional(run, "replications", &JsonReader::expect_integer, std::uint64_t{1}, kMaxReplications,
                 "an integer from 1 to 1000000");
  out.replications = static_cast<std::uint32_t>(replications.value_or(out.replications));
  out.seed = r.optional(run, "seed", &JsonReader::expect_integer, std::uint64_t{0},
                        std::numeric_limits<std::uint64_t>::max(), "a non-negative integer")
                 .value_or(out.seed);
  out.trajectory_period = r.optional(run, "trajectory_period", expect_trajectory_period);
  out.precision = r.optional(run, "precision", expect_precision);
  out.steady_state = r.optional(run, "steady_state", &JsonReader::expect_boolean).value_or(false);
  return horizon;
}

void read_patient_type(JsonReader& r, const Json& json, model::PatientType& out) {
  r.check_keys(json, {"name", "priority", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  out.priority = r.optional(json, "priority", expect_priority).value_or(out.priority);
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
}

void read_pathway(JsonReader& r, const Json& json, model::Pathway& out) {
  r.check_keys(json, {"name", "start", "end", "target", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  out.start = r.required(json, "start", &JsonReader::expect_string).value_or("");
  out.end = r.required(json, "end", &JsonReader::expect_string).value_or("");
  out.target = r.required(json, "target", expect_positive_duration).value_or(0);
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
}

// ---- Arrivals -------------------------------------------------------------------------------------

// The mean of the series over the run (over all of it when the run's dates are unknown): the
// source's rate before any profile, for reports; the engine reads the series day by day.
double series_mean(const std::vector<model::DailyArrivals>& series, const ScenarioContext& context) {
  const auto run = context.run_days();
  double sum = 0;
  std::size_t days = 0;
  for (const auto& day : series) {
    if (run && (day.date < run->first || run->second < day.date)) continue;
    sum += day.arrivals;
    ++days;
  }
  return days == 0 ? 0 : sum / static_cast<double>(days);
}

void read_arrival(JsonReader& r, const Json& json, model::ArrivalSource& out, const ScenarioContext& context) {
  r.check_keys(json, {"name", "to", "rate", "patient_type", "profile", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  out.to = r.required(json, "to", &JsonReader::expect_string).value_or("");
  const Json* profile = JsonReader::find(json, "profile");
  const bool series_given = profile != nullptr && profile->is_object() && profile->contains("daily_series");
  const bool hourly_given = profile != nullptr && profile->is_object() && profile->contains("hourly_rates");
  const auto rate = series_given || hourly_given ? r.optional(json, "rate", &JsonReader::expect_rate)
                                                 : r.required(json, "rate", &JsonReader::expect_rate);
  out.rate_per_day = rate.value_or(0);
  out.patient_type = r.optional(json, "patient_type", &JsonReader::expect_string).value_or("");
  out.profile = r.optional(json, "profile", expect_arrival_profile, context);
  if (series_given && rate) {
    const auto step = r.enter("rate");
    r.warning("is ignored: the profile's daily_series gives the arrivals of each day");
  }
  if (out.profile && !out.profile->daily_series.empty())
    out.rate_per_day = series_mean(out.profile->daily_series, context);
  if (out.profile && hourly_given) apply_hourly_rates(r, json, rate, out);
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
}

// ---- Services -------------------------------------------------------------------------------------

void read_route(JsonReader& r, const Json& json, model::Route& out) {
  r.check_keys(json, {"to", "probability", "transfer_delay", "keeps_bed"});
  out.to = r.required(json, "to", &JsonReader::expect_string).value_or("");
  out.probability = r.optional(json, "probability", expect_probability).value_or(out.probability);
  out.transfer_delay = r.optional(json, "transfer_delay", expect_distribution);
  out.keeps_bed_during_delay =
      r.optional(json, "keeps_bed", &JsonReader::expect_boolean).value_or(out.keeps_bed_during_delay);
}

std::optional<std::vector<model::Route>> expect_routes(JsonReader& r, const Json& next) {
  if (!r.expect_array(next, "an array of routes")) return std::nullopt;
  std::vector<model::Route> routes;
  for (std::size_t i = 0; i < next.size(); ++i) {
    const auto step = r.enter(i);
    model::Route route;
    if (r.expect_object(next.at(i))) read_route(r, next.at(i), route);
    routes.push_back(std::move(route));
  }
  return routes;
}

struct WhenFullSpec {
  model::WhenFull rule = model::WhenFull::Block;
  std::string divert_to;
};

std::optional<WhenFullSpec> expect_when_full(JsonReader& r, const Json& value) {
  if (is_text(value, "block")) return WhenFullSpec{model::WhenFull::Block, ""};
  if (is_text(value, "lose")) return WhenFullSpec{model::WhenFull::Lose, ""};
  if (value.is_object()) {
    r.check_keys(value, {"divert"});
    const auto to = r.required(value, "divert", &JsonReader::expect_string);
    if (!to) return std::nullopt;
    return WhenFullSpec{model::WhenFull::Divert, *to};
  }
  r.expected(R"("block", "lose" or {"divert": "<service>"})", value);
  return std::nullopt;
}

std::optional<model::Setting> expect_setting(JsonReader& r, const Json& value) {
  if (is_text(value, "hospital")) return model::Setting::Hospital;
  if (is_text(value, "community")) return model::Setting::Community;
  r.expected(R"("hospital" or "community")", value);
  return std::nullopt;
}

void read_type_override(JsonReader& r, const Json& json, model::TypeOverride& out) {
  r.check_keys(json, {"service_time", "next", "priority", "patience", "escalate"});
  out.service_time = r.optional(json, "service_time", expect_distribution);
  out.routes = r.optional(json, "next", expect_routes);
  out.priority = r.optional(json, "priority", expect_priority);
  out.patience = r.optional(json, "patience", expect_distribution);
  out.escalate = r.optional(json, "escalate", expect_escalation);
}

// Keyed by patient type, in file order; whether each type exists is a graph check.
std::optional<std::vector<model::TypeOverride>> expect_type_overrides(JsonReader& r, const Json& by_type) {
  if (!r.expect_object(by_type)) return std::nullopt;
  std::vector<model::TypeOverride> overrides;
  for (auto it = by_type.begin(); it != by_type.end(); ++it) {
    if (it.key().starts_with('$')) continue;
    const auto step = r.enter(it.key());
    model::TypeOverride type_override;
    type_override.patient_type = it.key();
    if (r.expect_object(it.value())) read_type_override(r, it.value(), type_override);
    overrides.push_back(std::move(type_override));
  }
  return overrides;
}

// renege_to names where patients who give up go; with no patience anywhere, nobody does.
void warn_about_idle_renege_to(JsonReader& r, const Json& json, const model::Service& service) {
  if (JsonReader::find(json, "renege_to") == nullptr || service.patience) return;
  const bool any_type_patience = std::any_of(service.by_type.begin(), service.by_type.end(),
                                             [](const model::TypeOverride& t) { return t.patience.has_value(); });
  if (any_type_patience) return;
  const auto step = r.enter("renege_to");
  r.warning("has no effect: without a patience here, nobody gives up waiting");
}

// An unlimited service has no open bed-days to pay for: a cost per open bed-day there is a slip.
void read_service_costs(JsonReader& r, const Json& json, model::Service& out, const ScenarioContext& context) {
  out.costs = r.optional(json, "costs", expect_costs, context.currency, model::CostPayer::Service)
                  .value_or(model::CostRates{});
  const Json* capacity = JsonReader::find(json, "capacity");
  const bool unlimited = capacity != nullptr && is_text(*capacity, "unlimited");
  if (unlimited && out.costs[model::CostDriver::OpenBedDay] != 0) {
    const auto step = r.enter("costs");
    r.error_at("per_open_bed_day", "cannot be charged: the capacity is \"unlimited\", so no beds are open to pay for");
  }
}

void read_service(JsonReader& r, const Json& json, model::Service& out, const ScenarioContext& context) {
  r.check_keys(json, {"name", "capacity", "service_time", "queue_limit", "when_full", "patience", "renege_to",
                      "wait_target", "setting", "unit", "escalate", "next", "by_type", "requires", "sessions", "initial",
                      "costs", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  // A clinic or panel has sessions instead of a capacity (io/sessions_json.hpp).
  if (JsonReader::find(json, "sessions") != nullptr) {
    out.sessions = r.optional(json, "sessions", expect_sessions, context);
    if (JsonReader::find(json, "capacity") != nullptr) {
      r.error_at("capacity", "expected no \"capacity\" beside \"sessions\": a clinic's sessions and their slots "
                             "are its capacity, and an appointment needs no bed");
    }
  } else if (auto capacity = r.required(json, "capacity", expect_capacity, context)) {
    out.capacity = capacity->capacity;
    out.capacity_changes = std::move(capacity->changes);
    out.roster = std::move(capacity->roster);
  }
  out.service_time = r.required(json, "service_time", expect_distribution).value_or(out.service_time);
  out.queue_limit = r.optional(json, "queue_limit", expect_queue_limit).value_or(Limit{});
  if (const auto when_full = r.optional(json, "when_full", expect_when_full)) {
    out.when_full = when_full->rule;
    out.divert_to = when_full->divert_to;
  }
  out.patience = r.optional(json, "patience", expect_distribution);
  out.renege_to = r.optional(json, "renege_to", &JsonReader::expect_string).value_or(out.renege_to);
  out.wait_target = r.optional(json, "wait_target", expect_positive_duration);
  out.setting = r.optional(json, "setting", expect_setting).value_or(model::Setting::Unset);
  out.unit = r.optional(json, "unit", expect_unit_word).value_or(out.unit);
  out.escalate = r.optional(json, "escalate", expect_escalation).value_or(std::vector<model::EscalationStep>{});
  out.routes = r.optional(json, "next", expect_routes).value_or(std::vector<model::Route>{});
  out.by_type = r.optional(json, "by_type", expect_type_overrides).value_or(std::vector<model::TypeOverride>{});
  out.requires_resources =
      r.optional(json, "requires", expect_resource_needs).value_or(std::vector<model::ResourceNeed>{});
  if (auto initial = r.optional(json, "initial", expect_initial_state, context)) {
    out.initial_waiting = std::move(initial->waiting);
    out.initial_in_service = std::move(initial->in_service);
  }
  read_service_costs(r, json, out, context);
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
  warn_about_idle_renege_to(r, json, out);
}

// ---- The document ---------------------------------------------------------------------------------

model::Scenario read_scenario(JsonReader& r, const Json& document, ScenarioContext& context) {
  model::Scenario scenario;
  if (!r.expect_object(document)) return scenario;
  r.check_keys(document, {"name", "description", "notes", "start_date", "run", "patient_types", "arrivals",
                          "resources", "services", "pathways", "headlines", "variants", "currency", "bank_holidays"});
  scenario.name = r.required(document, "name", expect_scenario_name).value_or("");
  scenario.description = r.optional(document, "description", &JsonReader::expect_string).value_or("");
  scenario.notes = r.optional(document, "notes", expect_notes).value_or(std::vector<std::string>{});

  context.start_date = scenario.start_date;
  if (JsonReader::find(document, "start_date") != nullptr) {
    context.start_date = r.optional(document, "start_date", expect_date);
    scenario.start_date = context.start_date.value_or(scenario.start_date);
  }
  scenario.bank_holidays =
      r.optional(document, "bank_holidays", expect_bank_holidays).value_or(std::vector<model::Date>{});
  if (const Json* run = r.require(document, "run")) {
    const auto step = r.enter("run");
    context.horizon = read_run(r, *run, scenario.run, context.start_date);
    context.start_hour = scenario.run.start_hour;
  }
  const std::size_t errors_before_types = r.error_count();
  read_optional_objects(r, document, "patient_types", "an array of patient types", scenario.patient_types,
                        read_patient_type);
  if (r.error_count() == errors_before_types) context.patient_types = model::patient_type_names(scenario);

  read_required_objects(r, document, "arrivals", "a non-empty array of arrival sources", scenario.arrivals,
                        [&](JsonReader& reader, const Json& json, model::ArrivalSource& out) {
                          read_arrival(reader, json, out, context);
                        });
  scenario.currency = r.optional(document, "currency", expect_currency).value_or(scenario.currency);
  context.currency = scenario.currency;
  read_optional_objects(r, document, "resources", "an array of shared resource pools", scenario.resources,
                        [&](JsonReader& reader, const Json& json, model::Resource& out) {
                          read_resource(reader, json, out, context);
                        });
  read_required_objects(r, document, "services", "a non-empty array of services", scenario.services,
                        [&](JsonReader& reader, const Json& json, model::Service& out) {
                          read_service(reader, json, out, context);
                        });
  read_optional_objects(r, document, "pathways", "an array of pathways", scenario.pathways, read_pathway);
  read_headlines(r, document, scenario, r.error_count() == 0);
  return scenario;
}

bool has_error(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

// Reads one document (the base, or a variant merged into it): fields, then the graph checks.
std::vector<Diagnostic> read_document(const Json& document, const std::filesystem::path& csv_folder,
                                      model::Scenario& out, std::vector<CsvFileRead>& csv_files) {
  std::vector<Diagnostic> diagnostics;
  JsonReader reader(diagnostics);
  ScenarioContext context;
  context.csv_folder = csv_folder;
  context.csv_files_read = &csv_files;
  out = read_scenario(reader, document, context);
  if (!has_error(diagnostics)) {
    auto graph_diagnostics = model::check_scenario(out);
    diagnostics.insert(diagnostics.end(), graph_diagnostics.begin(), graph_diagnostics.end());
  }
  return diagnostics;
}

bool same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.path == b.path && a.message == b.message;
}

// The base, then every variant: problems of the base and the variants' own (names, overlay shape,
// scales) first, all together; only if there are none, each merged variant, whose problems are
// reported as "variant 'name': " + the loader's message, at the pointer the planner wrote.
LoadedScenarioSet load_set(const Json& document, const std::string& source, const std::filesystem::path& csv_folder,
                           const Json* replacement_variants) {
  LoadedScenarioSet set;
  std::vector<Diagnostic> diagnostics = read_document(document, csv_folder, set.base, set.csv_files);
  std::vector<VariantOverlay> overlays;
  const Json* variants = replacement_variants;
  if (variants == nullptr && document.is_object()) variants = JsonReader::find(document, "variants");
  // Without an object at the top there is nothing to merge into; the base's error says why.
  if (variants != nullptr && document.is_object()) {
    JsonReader reader(diagnostics);
    overlays = read_variants(reader, document, *variants);
  }

  std::vector<Diagnostic> errors;
  for (auto& d : diagnostics) (d.severity == Severity::Error ? errors : set.warnings).push_back(std::move(d));
  if (!errors.empty()) throw ScenarioError(source, std::move(errors));

  const std::vector<Diagnostic> base_warnings = set.warnings;
  for (const VariantOverlay& overlay : overlays) {
    model::Scenario scenario;
    const std::vector<Diagnostic> found = read_document(overlay.document, csv_folder, scenario, set.csv_files);
    for (const Diagnostic& d : found) {
      // The base's own warnings were given once already.
      const bool repeated = std::any_of(base_warnings.begin(), base_warnings.end(),
                                        [&](const Diagnostic& b) { return same_diagnostic(b, d); });
      if (repeated) continue;
      Diagnostic located{d.severity, overlay.source_path(d.path), "variant '" + overlay.name + "': " + d.message};
      (d.severity == Severity::Error ? errors : set.warnings).push_back(std::move(located));
    }
    if (has_error(found)) continue;
    overlay.apply_scales(scenario);
    if (!overlay.service_time_scales.empty() || !overlay.arrival_scales.empty()) {
      // A scale can carry a sound distribution or rate beyond what the engine honours.
      std::vector<Diagnostic> scaled;
      model::check_engine_limits(scenario, scaled);
      for (const Diagnostic& d : scaled) {
        errors.push_back({Severity::Error, overlay.source_path(d.path),
                          "variant '" + overlay.name + "': after its scales, " + d.message});
      }
      if (!scaled.empty()) continue;
    }
    scenario.name = overlay.name;
    if (!overlay.description.empty()) scenario.description = overlay.description;
    scenario.notes.insert(scenario.notes.end(), overlay.notes.begin(), overlay.notes.end());
    set.variants.push_back({overlay.name, overlay.description, overlay.notes, overlay.changes, std::move(scenario)});
  }
  if (!errors.empty()) throw ScenarioError(source, std::move(errors));
  return set;
}

std::string read_scenario_text(const std::filesystem::path& path) {
  try {
    return read_text_file(path);
  } catch (const std::system_error& e) {
    throw ScenarioError(path.string(), {{Severity::Error, "", "cannot read file: " + e.code().message()}});
  }
}

// Loads with load_set and gives every diagnostic its line, column and named pointer in `text`.
// Variants given apart from the file (a sweep's points) are not in it: their pointers stay bare.
LoadedScenarioSet load_located(const std::string& text, const Json& document, const std::string& source,
                               const std::filesystem::path& csv_folder, const Json* replacement_variants) {
  const auto in_file = replacement_variants == nullptr
                           ? nullptr
                           : +[](std::string_view pointer) { return !pointer.starts_with("/variants"); };
  try {
    LoadedScenarioSet set = load_set(document, source, csv_folder, replacement_variants);
    locate_diagnostics(text, document, set.warnings, in_file);
    set.text = text;
    return set;
  } catch (const ScenarioError& e) {
    std::vector<Diagnostic> located = e.diagnostics();
    locate_diagnostics(text, document, located, in_file);
    throw ScenarioError(e.source(), std::move(located));
  }
}

}  // namespace

LoadedScenarioSet parse_scenario_set(const std::string& text, const std::string& source,
                                     const std::filesystem::path& csv_folder) {
  return load_located(text, parse_json_text(text, source), source, csv_folder, nullptr);
}

LoadedScenarioSet load_scenario_set(const std::filesystem::path& path) {
  return parse_scenario_set(read_scenario_text(path), path.string(), path.parent_path());
}

LoadedScenarioSet load_scenario_set(const std::filesystem::path& path, const std::string& variants_json) {
  const std::string text = read_scenario_text(path);
  const Json document = parse_json_text(text, path.string());
  const Json variants = parse_json_text(variants_json, "variants");
  return load_located(text, document, path.string(), path.parent_path(), &variants);
}

LoadedScenario parse_scenario(const std::string& text, const std::string& source) {
  return parse_scenario(text, source, std::filesystem::path());
}

LoadedScenario parse_scenario(const std::string& text, const std::string& source,
                              const std::filesystem::path& csv_folder) {
  LoadedScenarioSet set = parse_scenario_set(text, source, csv_folder);
  return {std::move(set.base), std::move(set.warnings)};
}

LoadedScenario load_scenario(const std::filesystem::path& path) {
  LoadedScenarioSet set = load_scenario_set(path);
  return {std::move(set.base), std::move(set.warnings)};
}

std::optional<model::Precision> parse_precision(const std::string& text) {
  if (const auto share = parse_percent(text)) {
    if (*share > 0 && *share < 1) return model::Precision{true, *share};
    return std::nullopt;
  }
  // A plain decimal: digits and one point, no sign, exponent, "inf" or "nan".
  const bool plain = !text.empty() && text != "." &&
                     std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
                     std::count(text.begin(), text.end(), '.') <= 1;
  double value = 0;
  if (plain) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  }
  if (!(value > 0) || !std::isfinite(value)) return std::nullopt;
  return model::Precision{false, value};
}

void record_csv_file(std::vector<CsvFileRead>& files, const std::string& name, const std::string& text) {
  const bool known = std::any_of(files.begin(), files.end(), [&](const CsvFileRead& f) { return f.name == name; });
  if (!known) files.push_back({name, text});
}

}  // namespace carepath::io
