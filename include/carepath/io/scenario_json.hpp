// SPDX-License-Identifier: MIT
// Reading scenarios. Every problem in the file is collected and thrown together as one
// ScenarioError: syntax errors with line and column, then each field that is missing, of the
// wrong type, out of range or unknown, named by its JSON pointer with the value found and what
// was expected, then graph problems (unknown names, probabilities, dead ends, loops).
//
//   try { auto s = carepath::io::load_scenario("scenarios/examples/mm1.json"); }
//   catch (const carepath::ScenarioError& e) { std::cerr << e.what(); }
#pragma once

#include <carepath/error.hpp>
#include <carepath/model/scenario.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace carepath::io {

/// A scenario and the warnings found while reading it (errors throw instead).
struct LoadedScenario {
  model::Scenario scenario;
  std::vector<Diagnostic> warnings;
};

/// Reads and checks a scenario file. Throws ScenarioError listing every error. CSV files the
/// scenario names (daily series, initial waiting lists) are found relative to its folder.
[[nodiscard]] LoadedScenario load_scenario(const std::filesystem::path& path);

/// Same, from text; `source` names it in messages. CSV files it names are found relative to the
/// current directory.
[[nodiscard]] LoadedScenario parse_scenario(const std::string& text, const std::string& source);

/// Same, with CSV files found relative to `csv_folder` (empty: the current directory).
[[nodiscard]] LoadedScenario parse_scenario(const std::string& text, const std::string& source,
                                            const std::filesystem::path& csv_folder);

/// "30min", "4h", "3d", "18w" -> days. Returns nullopt for anything else.
[[nodiscard]] std::optional<double> parse_duration(const std::string& text);

/// "120/day", "5/h", "900/year" -> per day. Returns nullopt for anything else.
[[nodiscard]] std::optional<double> parse_rate(const std::string& text);

/// "3%", "-1.5%" -> 0.03, -0.015 (a fraction). Returns nullopt for anything else.
[[nodiscard]] std::optional<double> parse_percent(const std::string& text);

}  // namespace carepath::io
