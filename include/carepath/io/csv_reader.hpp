// SPDX-License-Identifier: MIT
// A deliberately small CSV reader for the tables planners keep beside a scenario: daily arrival
// counts and waiting lists exported from a spreadsheet. A header row names the columns (in any
// order), then one record per line of plain comma-separated fields. There is no quoting, which
// such tables never need, so a quote is reported rather than half-understood. Debian 12 packages
// no well-kept C++ CSV library in its base set, and this is shorter than wrapping one. It knows
// nothing of JSON: csv_input.cpp attaches its problems to the scenario key that named the file.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {

/// One record, with the line it came from (1 is the header).
struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;  ///< One per column, spaces around each trimmed.
};

struct CsvTable {
  std::vector<std::string> columns;  ///< As the header names them.
  std::vector<CsvRow> rows;

  /// Where `name` is in `columns`, if the header has it.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
};

/// A problem with the file; `line` is 0 when it concerns the whole file.
struct CsvProblem {
  std::size_t line = 0;
  std::string message;
};

/// Reads `text`, whose header must name every column of `required` and may name those of
/// `optional`, and nothing else. Blank lines, a UTF-8 byte-order mark and Windows line ends are
/// accepted. Problems are appended to `problems`: a row with a problem is left out, and without
/// a sound header nothing can be read, so the result is nullopt.
[[nodiscard]] std::optional<CsvTable> parse_csv(std::string_view text, std::span<const std::string> required,
                                 std::span<const std::string> optional, std::vector<CsvProblem>& problems);

}  // namespace carepath::io
