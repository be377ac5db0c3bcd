// SPDX-License-Identifier: MIT
// A PathSimR model (its network and calendar templates) as a carepath scenario. Read with
// pathsimr_network.hpp and pathsimr_calendar.hpp, then mapped: each service node becomes a
// service (capacity from the calendar, its cycle as a weekly roster; service time; one queue
// limit), each PathSimR exit node reached by a route a service of unlimited capacity and no time
// (so its patients are still counted by name), each arrival calendar an arrival source (a
// constant rate, hourly rates or an hour-of-week shape). What carepath does differently, or what
// had to change on the way, is said as a warning and in the scenario's notes; what has no
// equivalent at all (a cycle that does not divide a week) is an error. `carepath
// import-pathsimr` (cli/import_pathsimr_command.cpp) writes the result.
#pragma once

#include <carepath/io/pathsimr_csv.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::io {

struct PathsimrImportOptions {
  /// What one unit of PathSimR time is: "min", "h", "d" or "w". PathSimR's times are bare
  /// numbers in whatever unit its user kept to.
  std::string time_unit = "d";
  bool time_unit_given = false;  ///< False: "d" was assumed, and a warning says so.
};

struct PathsimrImport {
  std::string scenario_json;           ///< The scenario, indented JSON ending in a newline.
  std::vector<ImportProblem> warnings;  ///< Also in the scenario's notes.
};

/// Every problem of both templates; what() lists them, one `file:line:column: message` a line.
class PathsimrImportError : public std::runtime_error {
 public:
  explicit PathsimrImportError(const std::vector<ImportProblem>& problems);
  [[nodiscard]] const std::vector<ImportProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<ImportProblem> problems_;
};

/// The time units PathsimrImportOptions::time_unit accepts, for messages.
[[nodiscard]] const std::vector<std::string>& pathsimr_time_units();

/// Reads both files and maps them; throws PathsimrImportError (a file that cannot be read:
/// std::system_error).
[[nodiscard]] PathsimrImport import_pathsimr(const std::filesystem::path& network, const std::filesystem::path& calendar,
                                             const PathsimrImportOptions& options);

/// Same, from the files' text; `network_file` and `calendar_file` name them in messages and the
/// scenario's name comes from the network file's stem.
[[nodiscard]] PathsimrImport import_pathsimr_text(std::string_view network_text, const std::string& network_file,
                                                  std::string_view calendar_text, const std::string& calendar_file,
                                                  const PathsimrImportOptions& options);

}  // namespace carepath::io
