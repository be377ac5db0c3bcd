// SPDX-License-Identifier: MIT
#include "io/pathsimr_calendar.hpp"

#include <carepath/io/number_format.hpp>
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

namespace carepath::io {

namespace {

constexpr std::array<std::string_view, 5> kColumns{"metric", "node", "start", "end", "value"};

// A row as read, before it is put in order with the others of its node and metric.
struct CalendarRow {
  PathsimrPeriod period;
  bool open_end = false;
  const PathsimrRow* row = nullptr;
};

struct Reader {
  const std::string& file;
  std::vector<ImportProblem>& problems;

  void problem(const PathsimrCell& cell, std::string message) { problems.push_back(problem_at(file, cell, std::move(message))); }

  std::optional<double> number(const PathsimrCell& cell, std::string_view column, bool whole) {
    const std::optional<double> value = parse_pathsimr_number(cell.text);
    if (!value || !std::isfinite(*value) || *value < 0 || (whole && *value != std::floor(*value))) {
      problem(cell, std::string(column) + ": expected " + (whole ? "a whole number >= 0" : "a number >= 0") + ", got '" +
                        (cell.missing() ? std::string("NA") : cell.text) + "'");
      return std::nullopt;
    }
    return value;
  }
};

// The rows of one (metric, node) in order of start, checked to tile [0, end of cycle).
std::optional<PathsimrCycle> make_cycle(std::vector<CalendarRow> rows, Reader& reader) {
  std::stable_sort(rows.begin(), rows.end(),
                   [](const CalendarRow& a, const CalendarRow& b) { return a.period.start < b.period.start; });
  PathsimrCycle cycle;
  bool sound = true;
  double previous_end = 0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const CalendarRow& row = rows[k];
    const std::vector<PathsimrCell>& cells = row.row->cells;
    if (row.period.start != previous_end) {
      reader.problem(cells[2], k == 0 ? "the first period must start at 0, got " + format_shortest(row.period.start)
                                      : "a period must start where the one before ends (" +
                                            format_shortest(previous_end) + "), got " +
                                            format_shortest(row.period.start));
      sound = false;
    }
    if (row.open_end && rows.size() > 1) {
      reader.problem(cells[3], "end: a node with several periods needs every end, as the last one's end is the cycle's length");
      sound = false;
    } else if (!row.open_end && !(row.period.end > row.period.start)) {
      reader.problem(cells[3], "end: expected a time after the start (" + format_shortest(row.period.start) + "), got " +
                                   format_shortest(row.period.end));
      sound = false;
    }
    previous_end = row.period.end;
    cycle.periods.push_back(row.period);
    cycle.line = row.row->line;
  }
  if (!sound) return std::nullopt;
  if (rows.size() == 1) cycle.periods.front().end = std::numeric_limits<double>::infinity();
  return cycle;
}

}  // namespace

PathsimrCalendar read_pathsimr_calendar(std::string_view text, const std::string& file, const PathsimrNetwork& network,
                                        const std::string& network_file, std::vector<ImportProblem>& problems) {
  PathsimrCalendar calendar;
  Reader reader{file, problems};
  const std::vector<PathsimrRow> rows = read_pathsimr_csv(text, file, problems);
  if (rows.empty()) {
    problems.push_back({file, 0, 0, "empty: expected the header metric,node,start,end,value and a row per period"});
    return calendar;
  }
  const PathsimrRow& header = rows.front();
  bool header_sound = header.cells.size() == kColumns.size();
  for (std::size_t k = 0; header_sound && k < kColumns.size(); ++k) header_sound = header.cells[k].text == kColumns[k];
  if (!header_sound) {
    problems.push_back({file, header.line, 1, "expected the header metric,node,start,end,value"});
    return calendar;
  }
  std::vector<std::string> services;
  for (const PathsimrNode& node : network.nodes) {
    if (!node.exit) services.push_back(node.name);
  }

  std::map<std::string, std::vector<CalendarRow>> capacity_rows;
  std::map<std::string, std::vector<CalendarRow>> arrival_rows;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const PathsimrRow& row = rows[i];
    if (row.cells.size() != kColumns.size()) {
      problems.push_back({file, row.line, 1, "expected 5 cells (metric,node,start,end,value), got " +
                                                 std::to_string(row.cells.size())});
      continue;
    }
    const std::vector<PathsimrCell>& cells = row.cells;
    const bool is_capacity = cells[0].text == "cap";
    if (!is_capacity && cells[0].text != "ext_arr") {
      reader.problem(cells[0], "metric: expected cap or ext_arr, got '" + cells[0].text + "'");
      continue;
    }
    const std::string& node = cells[1].text;
    const std::optional<std::size_t> index = network.find(node);
    if (!index) {
      reader.problem(cells[1], model::unknown_name_message("node", node, services));
      continue;
    }
    if (network.nodes[*index].exit) {
      reader.problem(cells[1], "node '" + node + "' is an exit in the network template (no probabilities in its row), "
                               "so it has no " + (is_capacity ? "capacity" : "arrivals"));
      continue;
    }
    CalendarRow entry;
    entry.row = &row;
    const std::optional<double> start = reader.number(cells[2], "start", false);
    entry.open_end = cells[3].missing();
    const std::optional<double> end =
        entry.open_end ? std::optional<double>(std::numeric_limits<double>::infinity()) : reader.number(cells[3], "end", false);
    const std::optional<double> value = reader.number(cells[4], "value", is_capacity);
    // A bad value still leaves the period's place known, so that its order is checked too.
    if (!start || !end) continue;
    entry.period = {*start, *end, value.value_or(0)};
    (is_capacity ? capacity_rows : arrival_rows)[node].push_back(entry);
  }

  for (auto& [node, entries] : capacity_rows) {
    if (std::optional<PathsimrCycle> cycle = make_cycle(entries, reader)) calendar.capacity[node] = *cycle;
  }
  for (auto& [node, entries] : arrival_rows) {
    if (std::optional<PathsimrCycle> cycle = make_cycle(entries, reader)) calendar.arrivals[node] = *cycle;
  }
  for (const PathsimrNode& node : network.nodes) {
    if (!node.exit && !capacity_rows.contains(node.name)) {
      problems.push_back({network_file, node.line, 1, "node '" + node.name + "' has no cap rows in " + file +
                                                          ": every service node needs its capacity"});
    }
  }
  return calendar;
}

}  // namespace carepath::io
