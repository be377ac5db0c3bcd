// SPDX-License-Identifier: MIT
// The scenario format (v1) as field rules. Loading runs in phases: parse the text (a syntax error
// stops here, with nlohmann's line and column); read every field, collecting each broken rule;
// then, only if every field was sound, the whole-graph checks of model/graph_checks.cpp, whose
// JSON pointers assume the services were all read in file order.
#include <carepath/io/scenario_json.hpp>

#include "io/json_reader.hpp"
#include "model/graph_checks.hpp"
#include "model/suggest.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <limits>
#include <memory>
#include <system_error>

namespace carepath::io {
namespace {

using model::DistributionSpec;

constexpr std::uint64_t kMaxServers = 1'000'000;
constexpr std::uint64_t kMaxReplications = 1'000'000;
constexpr std::uint64_t kMaxQueueLimit = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMaxNameLength = 64;

constexpr std::string_view kNameRule = "a name of 1 to 64 letters, digits, '_', '.' or '-'";

// ---- Values shared by several objects -----------------------------------------------------------

bool is_valid_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxNameLength && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '.' || c == '-';
         });
}

std::optional<std::string> expect_name(JsonReader& r, const Json& value) {
  auto name = r.expect_string(value);
  if (name && !is_valid_name(*name)) {
    r.expected(kNameRule, value);
    return std::nullopt;
  }
  return name;
}

// The scenario's name becomes a folder, results/<name>/, so it must not climb out of results/.
std::optional<std::string> expect_scenario_name(JsonReader& r, const Json& value) {
  auto name = expect_name(r, value);
  if (name && (*name == "." || *name == "..")) {
    r.expected(R"(a name other than "." or "..", as it names the results folder)", value);
    return std::nullopt;
  }
  return name;
}

std::optional<std::vector<std::string>> expect_notes(JsonReader& r, const Json& value) {
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!r.expect_array(value, "a string or an array of strings")) return std::nullopt;
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    if (auto note = r.expect_string(value.at(i))) notes.push_back(std::move(*note));
  }
  return notes;
}

std::optional<double> expect_positive_duration(JsonReader& r, const Json& value) {
  const auto in_days = r.expect_duration(value);
  if (in_days && *in_days <= 0) {
    r.expected("a duration above zero", value);
    return std::nullopt;
  }
  return in_days;
}

std::optional<double> expect_positive_number(JsonReader& r, const Json& value) {
  const auto number = r.expect_number(value);
  if (number && *number <= 0) {
    r.expected("a number above zero", value);
    return std::nullopt;
  }
  return number;
}

std::optional<double> expect_probability(JsonReader& r, const Json& value) {
  const auto number = r.expect_number(value);
  if (number && !(*number >= 0 && *number <= 1)) {
    r.expected("a probability from 0 to 1", value);
    return std::nullopt;
  }
  return number;
}

// nullopt inside means "unlimited"; the outer optional is empty when the value is bad.
using Limit = std::optional<std::uint32_t>;

std::optional<Limit> expect_limit(JsonReader& r, const Json& value, std::uint64_t min, std::uint64_t max,
                                  std::string_view description) {
  if (value == "unlimited") return Limit{};
  if (const auto number = r.expect_integer(value, min, max, description)) {
    return Limit{static_cast<std::uint32_t>(*number)};
  }
  return std::nullopt;
}

std::optional<Limit> expect_capacity(JsonReader& r, const Json& value) {
  return expect_limit(r, value, 1, kMaxServers, R"(a positive integer or "unlimited")");
}

std::optional<Limit> expect_queue_limit(JsonReader& r, const Json& value) {
  return expect_limit(r, value, 0, kMaxQueueLimit, R"(a non-negative integer or "unlimited")");
}

// ---- Distributions --------------------------------------------------------------------------------

// `"max": "1d"` after `"min": "2d"`: reports at max, quoting both as the planner wrote them.
void report_not_greater(JsonReader& r, const Json& object, std::string_view lower, std::string_view upper) {
  r.error_at(upper, "expected a duration greater than " + std::string(lower) + " (" +
                        describe(object.at(lower)) + "), got " + describe(object.at(upper)));
}

std::optional<DistributionSpec> read_exponential(JsonReader& r, const Json& d) {
  const auto mean = r.required(d, "mean", expect_positive_duration);
  if (!mean) return std::nullopt;
  return model::Exponential{*mean};
}

std::optional<DistributionSpec> read_deterministic(JsonReader& r, const Json& d) {
  const auto value = r.required(d, "value", &JsonReader::expect_duration);
  if (!value) return std::nullopt;
  return model::Deterministic{*value};
}

std::optional<DistributionSpec> read_uniform(JsonReader& r, const Json& d) {
  const auto min = r.required(d, "min", &JsonReader::expect_duration);
  const auto max = r.required(d, "max", &JsonReader::expect_duration);
  if (!min || !max) return std::nullopt;
  if (!(*min < *max)) {
    report_not_greater(r, d, "min", "max");
    return std::nullopt;
  }
  return model::Uniform{*min, *max};
}

std::optional<DistributionSpec> read_triangular(JsonReader& r, const Json& d) {
  const auto min = r.required(d, "min", &JsonReader::expect_duration);
  const auto mode = r.required(d, "mode", &JsonReader::expect_duration);
  const auto max = r.required(d, "max", &JsonReader::expect_duration);
  if (!min || !mode || !max) return std::nullopt;
  if (!(*min < *max)) {
    report_not_greater(r, d, "min", "max");
    return std::nullopt;
  }
  if (*mode < *min || *mode > *max) {
    r.error_at("mode", "expected a duration from min to max (" + describe(d.at("min")) + " to " +
                           describe(d.at("max")) + "), got " + describe(d.at("mode")));
    return std::nullopt;
  }
  return model::Triangular{*min, *mode, *max};
}

template <class MeanAndSd>
std::optional<DistributionSpec> read_mean_and_sd(JsonReader& r, const Json& d) {
  const auto mean = r.required(d, "mean", expect_positive_duration);
  const auto sd = r.required(d, "sd", expect_positive_duration);
  if (!mean || !sd) return std::nullopt;
  return MeanAndSd{*mean, *sd};
}

std::optional<DistributionSpec> read_weibull(JsonReader& r, const Json& d) {
  const auto shape = r.required(d, "shape", expect_positive_number);
  const auto scale = r.required(d, "scale", expect_positive_duration);
  if (!shape || !scale) return std::nullopt;
  return model::Weibull{*shape, *scale};
}

// Days per `unit`, for empirical values written as bare numbers.
std::optional<double> expect_duration_unit(JsonReader& r, const Json& value) {
  if (value.is_string()) {
    const auto& unit = value.get_ref<const std::string&>();
    // Letters only, so that a "unit" such as "e3d" cannot smuggle a number into "1" + unit.
    const bool letters = !unit.empty() && std::all_of(unit.begin(), unit.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (letters) {
      if (const auto in_days = parse_duration("1" + unit)) return in_days;
    }
  }
  r.expected(R"(a duration unit, such as "h" or "d")", value);
  return std::nullopt;
}

std::optional<double> expect_non_negative_number(JsonReader& r, const Json& value) {
  if (!value.is_number()) {
    r.expected(R"(a number, as "unit" is given)", value);
    return std::nullopt;
  }
  const auto number = r.expect_number(value);
  if (number && *number < 0) {
    r.expected("a number that is not negative", value);
    return std::nullopt;
  }
  return number;
}

std::optional<DistributionSpec> read_empirical(JsonReader& r, const Json& d) {
  const Json* unit = JsonReader::find(d, "unit");
  const auto days_per_unit = r.optional(d, "unit", expect_duration_unit);
  const Json* values = r.require(d, "values");
  if (values == nullptr) return std::nullopt;
  const auto step = r.enter("values");
  const std::string_view rule = unit == nullptr ? "a non-empty array of durations" : "a non-empty array of numbers";
  if (!r.expect_array(*values, rule)) return std::nullopt;
  if (values->empty()) {
    r.expected(rule, *values);
    return std::nullopt;
  }
  model::Empirical empirical;
  bool all_read = true;
  for (std::size_t i = 0; i < values->size(); ++i) {
    const auto value_step = r.enter(i);
    const auto value = unit == nullptr ? r.expect_duration(values->at(i))
                                       : expect_non_negative_number(r, values->at(i));
    all_read = all_read && value.has_value();
    if (value) empirical.values.push_back(*value * days_per_unit.value_or(1));
  }
  if (!all_read || (unit != nullptr && !days_per_unit)) return std::nullopt;
  return empirical;
}

struct DistributionRule {
  std::string name;
  std::vector<std::string> keys;  // Besides "distribution".
  std::optional<DistributionSpec> (*read)(JsonReader&, const Json&);
};

const std::vector<DistributionRule>& distribution_rules() {
  static const std::vector<DistributionRule> rules{
      {"exponential", {"mean"}, read_exponential},
      {"deterministic", {"value"}, read_deterministic},
      {"uniform", {"min", "max"}, read_uniform},
      {"triangular", {"min", "mode", "max"}, read_triangular},
      {"gamma", {"mean", "sd"}, read_mean_and_sd<model::Gamma>},
      {"lognormal", {"mean", "sd"}, read_mean_and_sd<model::Lognormal>},
      {"weibull", {"shape", "scale"}, read_weibull},
      {"empirical", {"values", "unit"}, read_empirical},
  };
  return rules;
}

std::optional<DistributionSpec> expect_distribution(JsonReader& r, const Json& d) {
  if (!r.expect_object(d)) return std::nullopt;
  // Which other keys belong here depends on the distribution, so without it nothing else can be checked.
  const auto name = r.required(d, "distribution", &JsonReader::expect_string);
  if (!name) return std::nullopt;
  const auto& rules = distribution_rules();
  const auto rule = std::find_if(rules.begin(), rules.end(), [&](const auto& candidate) { return candidate.name == *name; });
  if (rule == rules.end()) {
    std::vector<std::string> known;
    for (const auto& candidate : rules) known.push_back(candidate.name);
    r.error_at("distribution", model::unknown_name_message("distribution", *name, known));
    return std::nullopt;
  }
  std::vector<std::string> keys{"distribution"};
  keys.insert(keys.end(), rule->keys.begin(), rule->keys.end());
  r.check_keys(d, keys);
  return rule->read(r, d);
}

// ---- Objects --------------------------------------------------------------------------------------

/// Reads `key` of `object` as an array of objects with `read_element`; every element is read, and
/// `out` gets one entry per element, so indices in `out` match the file.
template <class Element, class ReadElement>
void read_list(JsonReader& r, const Json& object, std::string_view key, std::string_view rule,
               std::vector<Element>& out, ReadElement read_element) {
  const Json* list = r.require(object, key);
  if (list == nullptr) return;
  const auto step = r.enter(key);
  if (!r.expect_array(*list, rule)) return;
  if (list->empty()) {
    r.expected(rule, *list);
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto element_step = r.enter(i);
    Element element;
    if (r.expect_object(list->at(i))) read_element(r, list->at(i), element);
    out.push_back(std::move(element));
  }
}

void read_run(JsonReader& r, const Json& run, model::RunSettings& out) {
  if (!r.expect_object(run)) return;
  r.check_keys(run, {"horizon", "warm_up", "replications", "seed"});
  const auto horizon = r.required(run, "horizon", expect_positive_duration);
  const auto warm_up = r.optional(run, "warm_up", &JsonReader::expect_duration);
  if (horizon && warm_up && *warm_up >= *horizon) {
    r.error_at("warm_up", "expected a duration shorter than the horizon (" + describe(run.at("horizon")) +
                              "), got " + describe(run.at("warm_up")));
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
}

void read_arrival(JsonReader& r, const Json& json, model::ArrivalSource& out) {
  r.check_keys(json, {"name", "to", "rate", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  out.to = r.required(json, "to", &JsonReader::expect_string).value_or("");
  out.rate_per_day = r.required(json, "rate", &JsonReader::expect_rate).value_or(0);
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
}

void read_route(JsonReader& r, const Json& json, model::Route& out) {
  r.check_keys(json, {"to", "probability"});
  out.to = r.required(json, "to", &JsonReader::expect_string).value_or("");
  out.probability = r.optional(json, "probability", expect_probability).value_or(out.probability);
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

void read_service(JsonReader& r, const Json& json, model::Service& out) {
  r.check_keys(json, {"name", "capacity", "service_time", "queue_limit", "next", "notes"});
  out.name = r.required(json, "name", expect_name).value_or("");
  out.capacity = r.required(json, "capacity", expect_capacity).value_or(Limit{});
  out.service_time = r.required(json, "service_time", expect_distribution).value_or(out.service_time);
  out.queue_limit = r.optional(json, "queue_limit", expect_queue_limit).value_or(Limit{});
  out.routes = r.optional(json, "next", expect_routes).value_or(std::vector<model::Route>{});
  out.notes = r.optional(json, "notes", expect_notes).value_or(std::vector<std::string>{});
}

model::Scenario read_scenario(JsonReader& r, const Json& document) {
  model::Scenario scenario;
  if (!r.expect_object(document)) return scenario;
  r.check_keys(document, {"name", "description", "notes", "run", "arrivals", "services"});
  scenario.name = r.required(document, "name", expect_scenario_name).value_or("");
  scenario.description = r.optional(document, "description", &JsonReader::expect_string).value_or("");
  scenario.notes = r.optional(document, "notes", expect_notes).value_or(std::vector<std::string>{});
  if (const Json* run = r.require(document, "run")) {
    const auto step = r.enter("run");
    read_run(r, *run, scenario.run);
  }
  read_list(r, document, "arrivals", "a non-empty array of arrival sources", scenario.arrivals, read_arrival);
  read_list(r, document, "services", "a non-empty array of services", scenario.services, read_service);
  return scenario;
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 4, column 9: syntax error ..."
// becomes "line 4, column 9: syntax error ...": the position and its own words, without the id.
std::string syntax_message(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    const auto end = what.find("] ");
    if (end != std::string_view::npos) what.remove_prefix(end + 2);
  }
  constexpr std::string_view kPositionPrefix = "parse error at ";
  if (what.starts_with(kPositionPrefix)) what.remove_prefix(kPositionPrefix.size());
  return std::string(what);
}

bool has_error(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

ScenarioError unreadable(const std::filesystem::path& path, int error_number) {
  return ScenarioError(path.string(),
                       {{Severity::Error, "", "cannot read file: " + std::generic_category().message(error_number)}});
}

std::string read_file(const std::filesystem::path& path) {
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  const std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw unreadable(path, errno);
  std::string text;
  char buffer[1 << 16];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, count);
  // A directory opens fine on Linux; it is the read that fails, with EISDIR.
  if (std::ferror(file.get())) throw unreadable(path, errno);
  return text;
}

}  // namespace

LoadedScenario parse_scenario(const std::string& text, const std::string& source) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::exception& e) {
    // Covers number overflow (out_of_range.406) as well as syntax errors: both mean unparseable text.
    throw ScenarioError(source, {{Severity::Error, "", syntax_message(e.what())}});
  }

  std::vector<Diagnostic> diagnostics;
  JsonReader reader(diagnostics);
  model::Scenario scenario = read_scenario(reader, document);
  if (!has_error(diagnostics)) {
    auto graph_diagnostics = model::check_scenario(scenario);
    diagnostics.insert(diagnostics.end(), graph_diagnostics.begin(), graph_diagnostics.end());
  }

  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  for (auto& d : diagnostics) (d.severity == Severity::Error ? errors : warnings).push_back(std::move(d));
  if (!errors.empty()) throw ScenarioError(source, std::move(errors));
  return {std::move(scenario), std::move(warnings)};
}

LoadedScenario load_scenario(const std::filesystem::path& path) {
  return parse_scenario(read_file(path), path.string());
}

}  // namespace carepath::io
