// SPDX-License-Identifier: MIT
// A sweep's points and goals from text (run/sweep.hpp runs and judges them), checked against the
// scenario: --set PATH=FROM:TO:STEP names one key of one service, source or pool
// (services.<name>.<key>, arrivals.<name>.<key>, resources.<name>.<key>, or
// services.<name>.capacity_from.<date>) and the values to give it; several make the full grid;
// --points FILE.csv lists the points instead. Each point becomes a what-if variant of the base,
// {"services": {name: {key: value}}}, loaded by the normal loader (so capacity_delta and
// capacity_scale keep rosters). --goal 'KIND.NAME.METRIC>=VALUE' states what a replication must
// achieve; --cost PATH=PRICE prices a key. The option names are those of `carepath sweep`, and
// each error names the option it is about.
#pragma once

#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/run/sweep.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::io {

/// A sweep's option that cannot be used: what() is "OPTION: what is wrong", e.g. "--set: the key
/// services.a.capacity is given twice".
class SweepOptionError : public std::invalid_argument {
 public:
  SweepOptionError(const std::string& option, const std::string& message);
};

/// Parses the PATH of --set (no values) or a column of --points (`option`); throws
/// SweepOptionError for a bad form or an unknown service, source or pool.
[[nodiscard]] run::SweepRange parse_sweep_key(const std::string& path, const model::Scenario& base,
                                              const std::string& option);

/// Parses --set; throws SweepOptionError (naming --set) for a bad form or an unknown service or source.
[[nodiscard]] run::SweepRange parse_sweep_range(const std::string& text, const model::Scenario& base);

/// The full grid of the ranges of --set (at most 1,000 points), the first key changing slowest;
/// throws SweepOptionError for a key given twice or two capacity_from keys of one service.
[[nodiscard]] run::SweepGrid full_grid(std::vector<run::SweepRange> ranges);

/// The points of --points FILE.csv: a header of keys (as --set writes them, without values) and a
/// row of numbers per point. Throws SweepOptionError for a bad key, a bad number or a file that
/// cannot be read.
[[nodiscard]] run::SweepGrid read_sweep_points(const std::string& file, const model::Scenario& base);

/// The grid's points as the "variants" of the scenario, one per point in order, each setting
/// every key (capacity_from as that dated capacity_change), for load_scenario_set.
[[nodiscard]] std::string grid_variants_text(const run::SweepGrid& grid);

/// What the points' variants add to the base's warnings, once each, located at the grid's source
/// (--set or --points) rather than at made-up variants.
[[nodiscard]] std::vector<Diagnostic> grid_point_warnings(const LoadedScenarioSet& set, const LoadedScenario& base,
                                                          const run::SweepGrid& grid);

/// Parses --cost PATH=PRICE ("£120", "120") against the grid's keys; throws SweepOptionError for
/// an unknown key or a bad price.
[[nodiscard]] run::KeyPrice parse_key_price(const std::string& text, const run::SweepGrid& grid);

/// Parses --goal; the value may carry the metric's unit: a percentage for a share ("76%"), a
/// duration for a time ("4h", "18w"). KIND may be left out when NAME is one pathway's or one
/// service's. Throws SweepOptionError for a bad form, an unknown kind, name or metric.
[[nodiscard]] run::Goal parse_goal(const std::string& text, const model::Scenario& base);

/// "in >= 90% of replications", "with 95% confidence (one-sided bound of each goal's mean
/// beyond the goal, Bonferroni over 2 goals)".
[[nodiscard]] std::string sweep_rule_text(const run::SweepRule& rule, std::size_t goals);

}  // namespace carepath::io
