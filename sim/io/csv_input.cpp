// SPDX-License-Identifier: MIT
#include "io/csv_input.hpp"

#include <carepath/io/calendar_text.hpp>
#include "io/field_rules.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/io/text_file.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace carepath::io {
namespace {

// Enough to show what is wrong with a file; the rest of a badly exported one adds nothing.
constexpr std::size_t kShownProblems = 10;

std::string quoted(const std::string& field) { return "'" + field + "'"; }

// A plain decimal, as in durations: no sign, no "inf" or "nan", which std::from_chars would take.
std::optional<double> plain_number(const std::string& text) {
  if (text.empty() || !((text.front() >= '0' && text.front() <= '9') || text.front() == '.')) return std::nullopt;
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(number)) return std::nullopt;
  return number;
}

// Reports at the reader's position, in line order (rows are checked column by column after the
// file's own problems were found), the first few of a long list and then how many more.
void report_problems(JsonReader& r, const std::string& file, std::vector<CsvProblem>& problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
  for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i) {
    const CsvProblem& p = problems[i];
    r.error(file + ": " + (p.line > 0 ? "line " + std::to_string(p.line) + ": " : std::string()) + p.message);
  }
  if (problems.size() > kShownProblems) {
    r.error(file + ": " + std::to_string(problems.size() - kShownProblems) + " more problems not shown");
  }
}

// What a path that is not a regular file names, for the message that refuses it.
std::string_view kind_of(std::filesystem::file_type type) {
  switch (type) {
    case std::filesystem::file_type::directory: return "a folder";
    case std::filesystem::file_type::fifo: return "a named pipe (FIFO)";
    case std::filesystem::file_type::character: return "a character device";
    case std::filesystem::file_type::block: return "a block device";
    case std::filesystem::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

}  // namespace

std::optional<CsvInput> CsvInput::open(JsonReader& r, const Json& value, const ScenarioContext& context,
                                       std::vector<std::string> required, std::vector<std::string> optional) {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    r.expected("the path of a CSV file", value);
    return std::nullopt;
  }
  const auto& name = value.get_ref<const std::string&>();
  const std::filesystem::path path = context.csv_folder / name;
  // Checked before opening: opening a FIFO blocks until a writer comes, and a device such as
  // /dev/zero never ends. A missing file is left to the read below, which names the error.
  std::error_code status_error;
  const auto type = std::filesystem::status(path, status_error).type();
  if (!status_error && type != std::filesystem::file_type::regular) {
    r.error(name + ": expected a regular CSV file, got " + std::string(kind_of(type)));
    return std::nullopt;
  }
  std::string text;
  try {
    text = read_text_file(path);
  } catch (const std::system_error& e) {
    // Say where it looked: CSV paths are relative to the scenario's folder, not to where carepath runs.
    const std::string where = context.csv_folder.empty() ? "in the current folder"
                                                         : "beside the scenario, as '" + path.generic_string() + "'";
    r.error(name + ": cannot read file: " + e.code().message() + " (looked " + where + ")");
    return std::nullopt;
  }
  if (context.csv_files_read != nullptr) record_csv_file(*context.csv_files_read, name, text);
  std::vector<CsvProblem> problems;
  auto table = parse_csv(text, required, optional, problems);
  if (!table) {
    report_problems(r, name, problems);
    return std::nullopt;
  }
  return CsvInput(name, std::move(*table), std::move(problems));
}

const std::string* CsvInput::field(const CsvRow& row, std::string_view column) const {
  const auto index = table_.column(column);
  return index ? &row.fields[*index] : nullptr;
}

void CsvInput::problem(const CsvRow& row, std::string_view column, std::string message) {
  problems_.push_back({row.line, std::string(column) + ": " + std::move(message)});
}

std::optional<double> CsvInput::non_negative_number(const CsvRow& row, std::string_view column) {
  const std::string& text = *field(row, column);
  const auto number = plain_number(text);
  if (!number) problem(row, column, "expected a non-negative number, got " + quoted(text));
  return number;
}

std::optional<std::uint32_t> CsvInput::count(const CsvRow& row, std::string_view column, std::uint32_t max) {
  const std::string& text = *field(row, column);
  std::uint32_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || number > max) {
    problem(row, column, "expected a whole number from 0 to " + std::to_string(max) + ", got " + quoted(text));
    return std::nullopt;
  }
  return number;
}

std::optional<double> CsvInput::age(const CsvRow& row, std::string_view column) {
  const std::string& text = *field(row, column);
  const auto in_days = parse_duration(text);
  if (!in_days) {
    problem(row, column, "expected " + std::string(kDurationRule) + ", got " + quoted(text));
  } else if (*in_days > kMaxHorizonDays) {
    problem(row, column, "expected a duration of at most " + std::string(kMaxHorizonText) + ", got " + quoted(text));
    return std::nullopt;
  }
  return in_days;
}

std::optional<model::Date> CsvInput::date(const CsvRow& row, std::string_view column) {
  const std::string& text = *field(row, column);
  const ParsedDate parsed = parse_iso_date(text);
  if (!parsed.date) problem(row, column, date_problem_message(parsed, quoted(text)));
  return parsed.date;
}

bool CsvInput::report(JsonReader& r) {
  const bool sound = problems_.empty();
  report_problems(r, name_, problems_);
  problems_.clear();
  return sound;
}

}  // namespace carepath::io
