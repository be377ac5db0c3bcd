// SPDX-License-Identifier: MIT
// The CSV files PathSimR reads and writes (its network and calendar templates, R's read.csv and
// write.csv): comma-separated cells, double-quoted where R quoted them ("" inside is a quote),
// `NA` or nothing for a missing value, `Inf` for an unbounded number. Every cell keeps its line and
// column, so that a problem found later, when the cells are given a meaning
// (pathsimr_network.cpp, pathsimr_calendar.cpp), is reported where an editor jumps to:
// `file:line:column: message`. The scenario's own CSV reader (csv_reader.hpp) is stricter on
// purpose (named columns, no quotes); PathSimR's templates repeat column names and R quotes them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {

/// A problem (or, as a warning, a change) found while importing, at a file's line and column
/// (both from 1; 0 when it concerns the whole file).
struct ImportProblem {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

/// `file:line:column: message`, `file: message` when the place is not known; warnings say so
/// after the place, as the scenario loader's do.
[[nodiscard]] std::string format_import_problem(const ImportProblem& problem, bool warning = false);

struct PathsimrCell {
  std::string text;  ///< Unquoted, spaces around it trimmed; "" for NA.
  std::size_t line = 0;
  std::size_t column = 0;  ///< Of the cell's first character, from 1.

  /// R's missing value: an empty cell or NA.
  [[nodiscard]] bool missing() const noexcept { return text.empty(); }
};

struct PathsimrRow {
  std::size_t line = 0;
  std::vector<PathsimrCell> cells;
};

/// The rows of `text` (blank lines skipped, a byte-order mark and Windows line ends accepted). A
/// quote left open at the end of its line is a problem of `file`, and that row is left out.
[[nodiscard]] std::vector<PathsimrRow> read_pathsimr_csv(std::string_view text, const std::string& file,
                                                         std::vector<ImportProblem>& problems);

/// A number as R's read.csv reads one: decimal or exponent notation, or Inf; nullopt otherwise
/// (NaN, hexadecimal, trailing text).
[[nodiscard]] std::optional<double> parse_pathsimr_number(std::string_view text);

/// A problem at `cell`.
[[nodiscard]] ImportProblem problem_at(const std::string& file, const PathsimrCell& cell, std::string message);

}  // namespace carepath::io
