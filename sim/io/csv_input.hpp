// SPDX-License-Identifier: MIT
// A CSV file that a scenario names ("daily_series": "data/ae_daily.csv"), read with
// csv_reader.hpp. Its path is relative to the scenario's folder, and every problem in it is
// reported at the JSON pointer of the key that named it, prefixed by the file as the scenario
// writes it, with the line and the column: `data/ae_daily.csv: line 14: arrivals: expected a
// non-negative number, got 'abc'`. The typed field readers below report in that form.
#pragma once

#include <carepath/io/csv_reader.hpp>
#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/calendar.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

class CsvInput {
 public:
  /// Reads the file named by `value` (a string) at the reader's current position. Returns nullopt
  /// after reporting there why it cannot be used: not a string, unreadable, or a bad header.
  [[nodiscard]] static std::optional<CsvInput> open(JsonReader& r, const Json& value, const ScenarioContext& context,
                                                    std::vector<std::string> required,
                                                    std::vector<std::string> optional);

  [[nodiscard]] const std::vector<CsvRow>& rows() const { return table_.rows; }
  /// The field of `row` in `column`, or nullptr when the header has no such (optional) column.
  [[nodiscard]] const std::string* field(const CsvRow& row, std::string_view column) const;

  /// Records `line N: <column>: <message>`.
  void problem(const CsvRow& row, std::string_view column, std::string message);

  // Typed fields of required columns; each records why a field is not one and returns nullopt.
  std::optional<double> non_negative_number(const CsvRow& row, std::string_view column);
  std::optional<std::uint32_t> count(const CsvRow& row, std::string_view column, std::uint32_t max);
  /// A duration of at most model::kMaxHorizonDays (model/engine_limits.hpp): how long a patient present at
  /// the start has waited or been in service.
  std::optional<double> age(const CsvRow& row, std::string_view column);
  std::optional<model::Date> date(const CsvRow& row, std::string_view column);

  /// Reports every recorded problem at the reader's current position (the first few of a long
  /// list, then how many more), and returns whether there were none.
  bool report(JsonReader& r);

 private:
  CsvInput(std::string name, CsvTable table, std::vector<CsvProblem> problems)
      : name_(std::move(name)), table_(std::move(table)), problems_(std::move(problems)) {}

  std::string name_;  // As the scenario writes it.
  CsvTable table_;
  std::vector<CsvProblem> problems_;
};

}  // namespace carepath::io
