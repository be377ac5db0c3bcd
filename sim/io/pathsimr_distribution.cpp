// SPDX-License-Identifier: MIT
#include "io/pathsimr_distribution.hpp"

#include <carepath/io/number_format.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace carepath::io {

namespace {

struct FunctionRule {
  std::string_view name;
  std::size_t parameters;
  std::string_view usage;  ///< What the parameter cell must hold, for messages.
};

constexpr std::array<FunctionRule, 6> kFunctions{{
    {"exp", 1, "rate > 0"},
    {"unif", 2, "min;max with 0 <= min <= max"},
    {"lnorm", 2, "meanlog;sdlog with sdlog > 0"},
    {"gamma", 2, "shape;rate, both > 0"},
    {"weibull", 2, "shape;scale, both > 0"},
    {"norm", 2, "mean;sd with sd > 0"},
}};

std::string known_functions() {
  std::string list;
  for (const FunctionRule& rule : kFunctions) list += (list.empty() ? "" : ", ") + std::string(rule.name);
  return list;
}

bool in_range(std::string_view function, const std::vector<double>& p) {
  if (function == "exp") return p[0] > 0;
  if (function == "unif") return p[0] >= 0 && p[0] <= p[1];
  if (function == "lnorm") return p[1] > 0;
  if (function == "norm") return p[1] > 0;
  return p[0] > 0 && p[1] > 0;  // gamma, weibull
}

}  // namespace

std::optional<PathsimrDistribution> read_pathsimr_distribution(const std::string& file, const PathsimrCell& function,
                                                               const PathsimrCell& parameters,
                                                               std::vector<ImportProblem>& problems) {
  const auto* rule = std::find_if(kFunctions.begin(), kFunctions.end(),
                                  [&](const FunctionRule& r) { return r.name == function.text; });
  if (rule == kFunctions.end()) {
    problems.push_back(problem_at(file, function, "unknown distribution '" + function.text +
                                                      "'; carepath has an equivalent of " + known_functions()));
    return std::nullopt;
  }
  const std::string expected = "expected " + std::string(rule->usage) + " for " + function.text;
  if (parameters.missing()) {
    problems.push_back(problem_at(file, parameters, "missing parameters: " + expected));
    return std::nullopt;
  }
  PathsimrDistribution distribution{function.text, {}};
  std::string_view rest = parameters.text;
  while (true) {
    const std::size_t semicolon = rest.find(';');
    const std::string_view part = rest.substr(0, semicolon);
    const std::optional<double> value = parse_pathsimr_number(part);
    if (!value || !std::isfinite(*value)) {
      problems.push_back(problem_at(file, parameters, "parameter '" + std::string(part) +
                                                          "' is not a finite number: " + expected +
                                                          ", got '" + parameters.text + "'"));
      return std::nullopt;
    }
    distribution.parameters.push_back(*value);
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  if (distribution.parameters.size() != rule->parameters || !in_range(rule->name, distribution.parameters)) {
    problems.push_back(problem_at(file, parameters, expected + ", got '" + parameters.text + "'"));
    return std::nullopt;
  }
  return distribution;
}

std::string duration_text(double value, const std::string& unit) { return format_shortest(value) + unit; }

nlohmann::ordered_json pathsimr_distribution_json(const PathsimrDistribution& distribution, const std::string& unit) {
  const std::vector<double>& p = distribution.parameters;
  const std::string& f = distribution.function;
  if (f == "exp") return {{"distribution", "exponential"}, {"mean", duration_text(1 / p[0], unit)}};
  if (f == "unif") {
    // carepath's uniform needs min < max; R's runif with min == max always gives min.
    if (p[0] == p[1]) return {{"distribution", "deterministic"}, {"value", duration_text(p[0], unit)}};
    return {{"distribution", "uniform"}, {"min", duration_text(p[0], unit)}, {"max", duration_text(p[1], unit)}};
  }
  if (f == "lnorm") {
    const double variance_log = p[1] * p[1];
    const double mean = std::exp(p[0] + variance_log / 2);
    const double sd = mean * std::sqrt(std::expm1(variance_log));
    return {{"distribution", "lognormal"}, {"mean", duration_text(mean, unit)}, {"sd", duration_text(sd, unit)}};
  }
  if (f == "gamma") {
    return {{"distribution", "gamma"},
            {"mean", duration_text(p[0] / p[1], unit)},
            {"sd", duration_text(std::sqrt(p[0]) / p[1], unit)}};
  }
  if (f == "weibull") {
    return {{"distribution", "weibull"}, {"shape", p[0]}, {"scale", duration_text(p[1], unit)}};
  }
  return {{"distribution", "normal"}, {"mean", duration_text(p[0], unit)}, {"sd", duration_text(p[1], unit)}};
}

}  // namespace carepath::io
