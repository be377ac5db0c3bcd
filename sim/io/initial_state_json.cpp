// SPDX-License-Identifier: MIT
#include "io/initial_state_json.hpp"

#include "io/csv_input.hpp"
#include "io/field_rules.hpp"
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <numeric>

namespace carepath::io {
namespace {

using model::InitialCohort;

// Per list and in all: a waiting list of a million is already far beyond any one service, and
// every patient costs memory before the run starts.
constexpr std::uint32_t kMaxInitialPatients = 1'000'000;

constexpr std::string_view kListRule =
    R"(an array of cohorts, {"histogram": [...]} or the path of a CSV file)";

// The key for a patient's age in the list: how long they have waited, or been in service.
struct ListKind {
  std::string age_key;
};

// nullopt when the type is known (or the types themselves could not be read); else the message.
std::optional<std::string> unknown_type(const std::string& type, const ScenarioContext& context) {
  if (type.empty() || !context.patient_types) return std::nullopt;
  const auto& known = *context.patient_types;
  if (std::find(known.begin(), known.end(), type) != known.end()) return std::nullopt;
  return model::unknown_name_message("patient type", type, known);
}

std::optional<std::string> expect_patient_type(JsonReader& r, const Json& value, const ScenarioContext& context) {
  auto type = r.expect_string(value);
  if (!type) return std::nullopt;
  if (const auto message = unknown_type(*type, context)) {
    r.error(*message);
    return std::nullopt;
  }
  return type;
}

std::optional<std::uint32_t> expect_count(JsonReader& r, const Json& value) {
  const auto count = r.expect_integer(value, 0, kMaxInitialPatients, "a non-negative integer");
  if (!count) return std::nullopt;
  return static_cast<std::uint32_t>(*count);
}

// Bins and cohorts both have a `count`; their total is limited.
template <class Counted>
bool within_limit(JsonReader& r, const std::vector<Counted>& groups) {
  const std::uint64_t total = std::accumulate(groups.begin(), groups.end(), std::uint64_t{0},
                                              [](std::uint64_t sum, const Counted& g) { return sum + g.count; });
  if (total <= kMaxInitialPatients) return true;
  r.error("expected at most " + std::to_string(kMaxInitialPatients) + " patients in all, got " + std::to_string(total));
  return false;
}

void read_cohort(JsonReader& r, const Json& json, InitialCohort& out, const ListKind& kind,
                 const ScenarioContext& context) {
  r.check_keys(json, {kind.age_key, "count", "patient_type"});
  out.elapsed = r.required(json, kind.age_key, expect_age).value_or(0);
  out.count = r.required(json, "count", expect_count).value_or(0);
  out.patient_type = r.optional(json, "patient_type", expect_patient_type, context).value_or("");
}

struct HistogramBin {
  double from = 0;
  double to = 0;
  std::uint32_t count = 0;
  std::string patient_type;
};

void read_bin(JsonReader& r, const Json& json, HistogramBin& out, const ScenarioContext& context) {
  r.check_keys(json, {"from", "to", "count", "patient_type"});
  const auto from = r.required(json, "from", expect_age);
  const auto to = r.required(json, "to", expect_age);
  if (from && to && !(*from < *to)) {
    r.error_at("to", "expected a duration greater than from (" + describe(json.at("from")) + "), got " +
                         describe(json.at("to")));
  }
  out.from = from.value_or(0);
  out.to = to.value_or(0);
  out.count = r.required(json, "count", expect_count).value_or(0);
  out.patient_type = r.optional(json, "patient_type", expect_patient_type, context).value_or("");
}

// A bin of n patients from `from` to `to` becomes n patients at the middles of n equal slices, so
// the bin's mean age is its midpoint and no two patients share an age.
std::vector<InitialCohort> expand(const std::vector<HistogramBin>& bins) {
  std::vector<InitialCohort> cohorts;
  for (const HistogramBin& bin : bins) {
    const double width = (bin.to - bin.from) / bin.count;
    for (std::uint32_t i = 0; i < bin.count; ++i) {
      cohorts.push_back({bin.from + (i + 0.5) * width, 1, bin.patient_type});
    }
  }
  return cohorts;
}

std::optional<std::vector<InitialCohort>> read_histogram(JsonReader& r, const Json& json,
                                                         const ScenarioContext& context) {
  r.check_keys(json, {"histogram"});
  std::vector<HistogramBin> bins;
  read_required_objects(
      r, json, "histogram", "a non-empty array of bins", bins,
      [&](JsonReader& reader, const Json& bin, HistogramBin& out) { read_bin(reader, bin, out, context); });
  // Checked before expanding, so a hostile file cannot make the loader allocate without bound.
  if (!within_limit(r, bins)) return std::nullopt;
  return expand(bins);
}

std::optional<std::vector<InitialCohort>> read_cohorts_csv(JsonReader& r, const Json& value, const ListKind& kind,
                                                           const ScenarioContext& context) {
  auto csv = CsvInput::open(r, value, context, {kind.age_key, "count"}, {"patient_type"});
  if (!csv) return std::nullopt;
  std::vector<InitialCohort> cohorts;
  for (const CsvRow& row : csv->rows()) {
    const auto age = csv->age(row, kind.age_key);
    const auto count = csv->count(row, "count", kMaxInitialPatients);
    std::string type;
    if (const std::string* field = csv->field(row, "patient_type")) {
      type = *field;
      if (const auto message = unknown_type(type, context)) csv->problem(row, "patient_type", *message);
    }
    if (age && count) cohorts.push_back({*age, *count, std::move(type)});
  }
  if (!csv->report(r)) return std::nullopt;
  return cohorts;
}

std::optional<std::vector<InitialCohort>> expect_cohorts(JsonReader& r, const Json& value, const ListKind& kind,
                                                         const ScenarioContext& context) {
  const std::size_t errors_before = r.error_count();
  std::optional<std::vector<InitialCohort>> cohorts;
  if (value.is_string()) {
    cohorts = read_cohorts_csv(r, value, kind, context);
  } else if (value.is_object()) {
    cohorts = read_histogram(r, value, context);
  } else if (value.is_array()) {
    cohorts.emplace();
    read_objects(r, value, kListRule, EmptyList::Allowed, *cohorts,
                 [&](JsonReader& reader, const Json& json, InitialCohort& out) {
                   read_cohort(reader, json, out, kind, context);
                 });
  } else {
    r.expected(kListRule, value);
  }
  if (r.error_count() != errors_before || !cohorts || !within_limit(r, *cohorts)) return std::nullopt;
  return cohorts;
}

}  // namespace

std::optional<InitialState> expect_initial_state(JsonReader& r, const Json& json, const ScenarioContext& context) {
  if (!r.expect_object(json)) return std::nullopt;
  r.check_keys(json, {"waiting", "in_service"});
  const std::size_t errors_before = r.error_count();
  InitialState state;
  state.waiting = r.optional(json, "waiting", expect_cohorts, ListKind{"waited"}, context).value_or(state.waiting);
  state.in_service =
      r.optional(json, "in_service", expect_cohorts, ListKind{"elapsed"}, context).value_or(state.in_service);
  if (r.error_count() != errors_before) return std::nullopt;
  return state;
}

}  // namespace carepath::io
