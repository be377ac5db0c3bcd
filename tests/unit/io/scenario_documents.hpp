// SPDX-License-Identifier: MIT
// Helpers for the tests of the scenario format: the smallest valid scenario, to which a test adds
// the one thing it is about, and the diagnostics that parsing a document gives.
#pragma once

#include <carepath/io/scenario_json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace carepath::io::test_documents {

/// One arrival source "a" at one service "s" (capacity 1), over 100 days from the default start.
inline nlohmann::json minimal_scenario() {
  return nlohmann::json::parse(R"({
    "name": "m",
    "run": { "horizon": "100d" },
    "arrivals": [ { "name": "a", "to": "s", "rate": "1/day" } ],
    "services": [ { "name": "s", "capacity": 1,
                    "service_time": { "distribution": "exponential", "mean": "1d" } } ]
  })");
}

inline LoadedScenario parse(const nlohmann::json& document, const std::filesystem::path& csv_folder = {}) {
  return parse_scenario(document.dump(), "test.json", csv_folder);
}

/// The scenario and its variants, as `carepath run` loads them.
inline LoadedScenarioSet parse_set(const nlohmann::json& document) {
  return parse_scenario_set(document.dump(), "test.json");
}

inline std::vector<Diagnostic> errors_of_text(const std::string& text, const std::filesystem::path& csv_folder = {}) {
  try {
    (void)parse_scenario(text, "test.json", csv_folder);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError for " << text;
  return {};
}

inline std::vector<Diagnostic> errors_of(const nlohmann::json& document, const std::filesystem::path& csv_folder = {}) {
  return errors_of_text(document.dump(), csv_folder);
}

/// "path: message" for each diagnostic, which reads well in a failing expectation.
inline std::vector<std::string> lines_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& d : diagnostics) lines.push_back(d.path + ": " + d.message);
  return lines;
}

inline std::vector<std::string> error_lines(const nlohmann::json& document,
                                            const std::filesystem::path& csv_folder = {}) {
  return lines_of(errors_of(document, csv_folder));
}

inline std::vector<std::string> warning_lines(const nlohmann::json& document,
                                              const std::filesystem::path& csv_folder = {}) {
  return lines_of(parse(document, csv_folder).warnings);
}

/// The folder of this test's data files (CSV inputs).
inline std::filesystem::path data_folder() { return std::filesystem::path(CAREPATH_SOURCE_DIR) / "tests/unit/io/data"; }

}  // namespace carepath::io::test_documents
