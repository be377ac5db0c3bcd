// SPDX-License-Identifier: MIT
#include <carepath/io/pathsimr_csv.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace carepath::io {

namespace {

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// One line into cells. `quote_open` is set when a quoted cell does not end on this line: R writes
// none that span lines, so that is a stray quote.
std::vector<PathsimrCell> split_line(std::string_view line, std::size_t line_number, bool& quote_open) {
  std::vector<PathsimrCell> cells;
  std::size_t pos = 0;
  while (true) {
    PathsimrCell cell;
    cell.line = line_number;
    const std::size_t start = pos;
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    cell.column = pos + 1;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < line.size()) {
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            cell.text += '"';
            pos += 2;
            continue;
          }
          ++pos;
          closed = true;
          break;
        }
        cell.text += line[pos++];
      }
      if (!closed) {
        quote_open = true;
        return cells;
      }
      const std::size_t comma = line.find(',', pos);
      pos = comma == std::string_view::npos ? line.size() : comma;
    } else {
      const std::size_t comma = line.find(',', start);
      const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
      cell.text = std::string(trim(line.substr(start, end - start)));
      pos = end;
    }
    if (cell.text == "NA") cell.text.clear();
    cells.push_back(std::move(cell));
    if (pos >= line.size()) break;
    ++pos;  // the comma
  }
  return cells;
}

}  // namespace

std::string format_import_problem(const ImportProblem& problem, bool warning) {
  std::string text = problem.file;
  if (problem.line != 0) text += ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column);
  text += ": ";
  if (warning) text += "warning: ";
  return text + problem.message;
}

std::vector<PathsimrRow> read_pathsimr_csv(std::string_view text, const std::string& file,
                                           std::vector<ImportProblem>& problems) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<PathsimrRow> rows;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    bool quote_open = false;
    PathsimrRow row{line_number, split_line(line, line_number, quote_open)};
    if (quote_open) {
      problems.push_back({file, line_number, row.cells.empty() ? 1 : row.cells.back().column,
                          "a quote opens a cell that does not end on this line"});
      continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<double> parse_pathsimr_number(std::string_view text) {
  if (text == "Inf" || text == "inf") return std::numeric_limits<double>::infinity();
  if (text.empty() || text.front() == '+') return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value,
                                            std::chars_format::general);
  if (error != std::errc{} || end != text.data() + text.size() || std::isnan(value)) return std::nullopt;
  // from_chars reads "inf" and "infinity" too; only R's own spelling is a number here.
  if (std::isinf(value)) return std::nullopt;
  return value;
}

ImportProblem problem_at(const std::string& file, const PathsimrCell& cell, std::string message) {
  return {file, cell.line, cell.column, std::move(message)};
}

}  // namespace carepath::io
