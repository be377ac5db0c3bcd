// SPDX-License-Identifier: MIT
// The fixture documents under tests/report/data/ in the formats of the results files
// (summary.json from a real run of clinic_ward.json; trajectories.json, a variant's files and
// comparison.json written by hand in the formats of the issue 4 contract), and the ReportInputs
// they make. Shared by the report tests and the render_report_fixtures program.
#pragma once

#include "report/report_inputs.hpp"
#include <carepath/io/scenario_json.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace carepath::testing {

inline nlohmann::ordered_json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::ordered_json::parse(text.str());
}

/// Every input the report takes, from the fixtures in `data`.
inline io::ReportInputs fixture_inputs(const std::filesystem::path& data) {
  const io::LoadedScenario loaded = io::load_scenario(data / "clinic_ward.json");
  io::ReportInputs inputs;
  inputs.summary = read_json(data / "summary.json");
  inputs.trajectories = read_json(data / "trajectories.json");
  inputs.variants.push_back({"more_clinicians", read_json(data / "variant_more_clinicians_summary.json"),
                             read_json(data / "variant_more_clinicians_trajectories.json")});
  inputs.variants.push_back({"shorter_stays", nullptr, nullptr});
  inputs.comparison = read_json(data / "comparison.json");
  inputs.scenario = io::report_scenario_json(loaded.scenario);
  inputs.graph = io::report_graph(loaded.scenario);
  return inputs;
}

/// Only what a run writes on a branch without trajectories or variants.
inline io::ReportInputs base_only_inputs(const std::filesystem::path& data) {
  io::ReportInputs inputs = fixture_inputs(data);
  inputs.trajectories = nullptr;
  inputs.variants.clear();
  inputs.comparison = nullptr;
  return inputs;
}

}  // namespace carepath::testing
