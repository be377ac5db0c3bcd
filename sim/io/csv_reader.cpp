// SPDX-License-Identifier: MIT
#include <carepath/io/csv_reader.hpp>

#include <carepath/model/suggest.hpp>
#include <algorithm>

namespace carepath::io {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields;
  for (std::size_t start = 0;;) {
    const auto comma = line.find(',', start);
    fields.emplace_back(trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

std::string join(std::span<const std::string> names, std::string_view separator) {
  std::string text;
  for (const auto& name : names) {
    if (!text.empty()) text += separator;
    text += name;
  }
  return text;
}

// "waited,count[,patient_type]": what a header must hold, for messages.
std::string header_rule(std::span<const std::string> required, std::span<const std::string> optional) {
  std::string rule = join(required, ",");
  for (const auto& name : optional) rule += "[," + name + "]";
  return rule;
}

bool check_header(const std::vector<std::string>& columns, std::span<const std::string> required,
                  std::span<const std::string> optional, std::vector<CsvProblem>& problems) {
  const std::size_t problems_before = problems.size();
  std::vector<std::string> known(required.begin(), required.end());
  known.insert(known.end(), optional.begin(), optional.end());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& name = columns[i];
    if (std::find(columns.begin(), columns.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        columns.begin() + static_cast<std::ptrdiff_t>(i)) {
      problems.push_back({1, "column '" + name + "' appears twice"});
    } else if (std::find(known.begin(), known.end(), name) == known.end()) {
      problems.push_back({1, model::unknown_name_message("column", name, known)});
    }
  }
  for (const auto& name : required) {
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      problems.push_back({1, "missing column '" + name + "' (expected the header " +
                                 header_rule(required, optional) + ")"});
    }
  }
  return problems.size() == problems_before;
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns.begin());
}

std::optional<CsvTable> parse_csv(std::string_view text, std::span<const std::string> required,
                   std::span<const std::string> optional, std::vector<CsvProblem>& problems) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  CsvTable table;
  bool header_read = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (trim(line).empty()) continue;
    if (line.find('"') != std::string_view::npos) {
      problems.push_back({line_number, "quoted fields are not supported: write plain values separated by commas"});
      if (!header_read) return std::nullopt;
      continue;
    }
    auto fields = split_fields(line);
    if (!header_read) {
      header_read = true;
      table.columns = std::move(fields);
      if (!check_header(table.columns, required, optional, problems)) return std::nullopt;
      continue;
    }
    if (fields.size() != table.columns.size()) {
      problems.push_back({line_number, "expected " + std::to_string(table.columns.size()) + " fields (" +
                                           join(table.columns, ",") + "), got " + std::to_string(fields.size())});
      continue;
    }
    table.rows.push_back({line_number, std::move(fields)});
  }
  if (!header_read) {
    problems.push_back({0, "expected a header line " + header_rule(required, optional) + ", got an empty file"});
    return std::nullopt;
  }
  return table;
}

}  // namespace carepath::io
