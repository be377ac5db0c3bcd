// SPDX-License-Identifier: MIT
#include "io/distribution_json.hpp"

#include "io/field_rules.hpp"
#include "model/engine_limits.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace carepath::io {
namespace {

using model::DistributionSpec;

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

// The normal is truncated at zero by redrawing negative draws, which raises the mean; when it
// rises by more than 1% the planner is told the mean the run will have.
std::optional<DistributionSpec> read_normal(JsonReader& r, const Json& d) {
  auto spec = read_mean_and_sd<model::Normal>(r, d);
  if (!spec || model::sampler_breach(*spec)) return spec;  // A breach is reported by the caller.
  const auto& normal = std::get<model::Normal>(*spec);
  const double drawn_mean = model::mean_of(*spec);
  if (std::isfinite(drawn_mean) && drawn_mean > 1.01 * normal.mean) {
    char digits[32];
    const auto written = std::to_chars(digits, digits + sizeof digits, drawn_mean, std::chars_format::general, 4);
    r.warning("negative draws of this normal are drawn again (truncation at zero), so its times have mean " +
              std::string(digits, written.ptr) + " days, not " + describe(d.at("mean")));
  }
  return spec;
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
      {"normal", {"mean", "sd"}, read_normal},
  };
  return rules;
}

}  // namespace

std::optional<DistributionSpec> expect_distribution(JsonReader& r, const Json& d) {
  if (!r.expect_object(d)) return std::nullopt;
  // Which other keys belong here depends on the distribution, so without it nothing else can be checked.
  const auto name = r.required(d, "distribution", &JsonReader::expect_string);
  if (!name) return std::nullopt;
  const auto& rules = distribution_rules();
  const auto rule =
      std::find_if(rules.begin(), rules.end(), [&](const auto& candidate) { return candidate.name == *name; });
  if (rule == rules.end()) {
    std::vector<std::string> known;
    for (const auto& candidate : rules) known.push_back(candidate.name);
    r.error_at("distribution", model::unknown_name_message("distribution", *name, known));
    return std::nullopt;
  }
  std::vector<std::string> keys{"distribution"};
  keys.insert(keys.end(), rule->keys.begin(), rule->keys.end());
  r.check_keys(d, keys);
  auto spec = rule->read(r, d);
  if (!spec) return std::nullopt;
  if (const auto breach = model::sampler_breach(*spec)) {
    // Reported at the key as written, so the message quotes the value with its unit.
    const Json& value = breach->index ? d.at(breach->key).at(*breach->index) : d.at(breach->key);
    const auto key_step = r.enter(breach->key);
    std::optional<JsonReader::Step> index_step;
    if (breach->index) index_step.emplace(r, std::to_string(*breach->index));
    r.expected(breach->rule, value);
    return std::nullopt;
  }
  return spec;
}

}  // namespace carepath::io
