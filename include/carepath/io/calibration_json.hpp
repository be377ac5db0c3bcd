// SPDX-License-Identifier: MIT
// Calibration files (README "Calibration"): a scenario and the documented figures its base run
// must reproduce. Read in two steps, both throwing one ScenarioError with every problem, each
// named by its JSON pointer, the value found and what was expected: parse_calibration checks the
// file on its own (keys, types, metric names, dates, from <= to); check_calibration_against then
// checks the figures against the loaded scenario (service, pathway and pool names, with a
// suggestion; variant names; dates inside the run; KPIs as a headline names them). The scenario path is relative to the calibration file.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/model/variant.hpp>

#include <carepath/run/calibration.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace carepath::io {

struct CalibrationFile {
  std::filesystem::path scenario;  ///< Resolved against the calibration file's folder.
  std::vector<std::string> notes;
  std::vector<run::CalibrationFigure> figures;
};

/// Reads calibration text; `source` names it in messages, `folder` is where the scenario path is from.
[[nodiscard]] CalibrationFile parse_calibration(const std::string& text, const std::string& source,
                                                const std::filesystem::path& folder);

/// Reads a calibration file (a missing or unreadable file is a ScenarioError too).
[[nodiscard]] CalibrationFile load_calibration(const std::filesystem::path& path);

/// Checks every figure's names and dates against `scenario`, or against the variant it names, and
/// resolves each KPI figure's "kpi" (stats::resolve_kpi: any form a headline takes) and its day;
/// returns the file with them resolved, or throws ScenarioError naming `source` and
/// /figures/i/... for each problem.
CalibrationFile check_calibration_against(CalibrationFile file, const model::Scenario& scenario,
                                          const std::vector<model::ScenarioVariant>& variants,
                                          const std::string& source);

}  // namespace carepath::io
