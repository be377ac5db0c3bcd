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
#include <carepath/model/variant.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

/// A scenario and the warnings found while reading it (errors throw instead).
struct LoadedScenario {
  model::Scenario scenario;
  std::vector<Diagnostic> warnings;
};

/// A CSV file a scenario read: its name as the scenario writes it (relative to the scenario's
/// folder) and the text read, for the results folder's copy (io/provenance.hpp).
struct CsvFileRead {
  std::string name;
  std::string text;
};

/// Adds a file to `files` unless one of that name is there already (the base and its variants
/// read the same files).
void record_csv_file(std::vector<CsvFileRead>& files, const std::string& name, const std::string& text);

/// A scenario with its what-if variants ("variants" in the file), each a complete Scenario.
struct LoadedScenarioSet {
  model::Scenario base;
  std::vector<model::ScenarioVariant> variants;  ///< In file order.
  std::vector<Diagnostic> warnings;              ///< The base's, then each variant's new ones.
  std::vector<CsvFileRead> csv_files;            ///< Every CSV file read, in first-read order, once each.
  std::string text;                              ///< The scenario's own text, as read and parsed.
};

/// Reads and checks a scenario file and every variant in it: each variant is the base with its
/// overlay merged in, checked by every rule of the format. Throws ScenarioError listing every
/// error; a variant's are prefixed "variant 'name': " and point into /variants/i/... where the
/// variant wrote the key at fault.
[[nodiscard]] LoadedScenarioSet load_scenario_set(const std::filesystem::path& path);

/// Same, with `variants_json` (JSON text: an array in the format of the file's "variants") in
/// place of the file's own; `carepath sweep` builds its points this way. Text rather than a json
/// value, because the loader is compiled with JSON_DIAGNOSTICS, which changes nlohmann's ABI.
[[nodiscard]] LoadedScenarioSet load_scenario_set(const std::filesystem::path& path, const std::string& variants_json);

/// Same as load_scenario_set, from text; CSV files are found relative to `csv_folder`.
[[nodiscard]] LoadedScenarioSet parse_scenario_set(const std::string& text, const std::string& source,
                                                   const std::filesystem::path& csv_folder = {});

/// Reads and checks a scenario file (its variants too, which must be sound, but only the base is
/// returned). Throws ScenarioError listing every error. CSV files the
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

/// A precision as run.precision and --precision write it: "5%" (above 0%, below 100%) is relative
/// to each KPI's mean, a plain positive decimal such as "0.5" is an absolute half-width.
/// Returns nullopt for anything else.
[[nodiscard]] std::optional<model::Precision> parse_precision(const std::string& text);

}  // namespace carepath::io
