// SPDX-License-Identifier: MIT
// What the rules of one part of a scenario need to know about the rest: where the CSV files it
// names are, the start date and horizon that dated entries are checked against, and the patient
// types. scenario_json.cpp reads those first and fills this in; a value that could not be read is
// nullopt, and the checks that need it are skipped rather than reported a second time.
#pragma once

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/calendar.hpp>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace carepath::io {

struct ScenarioContext {
  /// CSV paths in the scenario are relative to this folder; empty means the current directory.
  std::filesystem::path csv_folder;
  std::optional<model::Date> start_date;
  std::optional<double> horizon;  ///< Days.
  double start_hour = 0;          ///< The clock time of time 0 on the start date (run.start_time).
  std::optional<std::vector<std::string>> patient_types;
  std::string currency = "GBP";  ///< The scenario's, for money written with a currency sign (io/costs_json.hpp).
  /// Where CSV inputs record each file they read, for the results folder's provenance; may be null.
  std::vector<CsvFileRead>* csv_files_read = nullptr;

  /// The first and the last day of the run: a run of 100 days from 1 March covers 1 March to 8
  /// June, and from 06:00 on 1 March to 06:00 on 9 June, so 9 June too. nullopt when the start
  /// date or the horizon is unknown, or the horizon is so long that its dates would leave the
  /// calendar (such a run is refused by the engine anyway).
  [[nodiscard]] std::optional<std::pair<model::Date, model::Date>> run_days() const {
    constexpr double kLongestCalendarRun = 3'000'000;  // days: about 8,000 years
    if (!start_date || !horizon || !(*horizon > 0 && *horizon <= kLongestCalendarRun)) return std::nullopt;
    const double calendar_days = std::ceil(*horizon + start_hour / 24);
    return std::pair{*start_date, model::date_after(*start_date, static_cast<long>(calendar_days) - 1)};
  }
};

}  // namespace carepath::io
