// SPDX-License-Identifier: MIT
#include "io/pathsimr_network.hpp"

#include <carepath/io/number_format.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace carepath::io {

namespace {

// PathSimR rescales probabilities that do not sum to 1 (R's sample() does so silently); carepath
// wants them to. Rounding in a spreadsheet (three thirds written 0.333) is rescaled with a
// warning; anything further from 1 is taken for a slip.
constexpr double kExactSum = 1e-9;
constexpr double kRoundingSum = 0.01;

constexpr std::array<std::string_view, 4> kNodeColumns{"serv_dist", "serv_dist_param", "ext_queue", "int_queue"};

struct Reader {
  const std::string& file;
  std::vector<ImportProblem>& problems;

  void problem(const PathsimrCell& cell, std::string message) { problems.push_back(problem_at(file, cell, std::move(message))); }

  std::optional<double> probability(const PathsimrCell& cell, const std::string& from, const std::string& to) {
    const std::optional<double> value = parse_pathsimr_number(cell.text);
    if (!value || !(*value >= 0 && *value <= 1)) {
      problem(cell, "probability from '" + from + "' to '" + to + "': expected a number from 0 to 1, got '" +
                        cell.text + "'");
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> queue_places(const PathsimrCell& cell, std::string_view column) {
    const std::optional<double> value = parse_pathsimr_number(cell.text);
    if (!value || *value < 0 || (std::isfinite(*value) && *value != std::floor(*value))) {
      problem(cell, std::string(column) + ": expected a whole number of places >= 0 or Inf, got '" +
                        (cell.missing() ? std::string("NA") : cell.text) + "'");
      return std::nullopt;
    }
    return value;
  }
};

// A sum as the person who typed the probabilities would write it: 0.999, not 0.9990000000000001.
std::string sum_text(double sum) { return format_shortest(std::round(sum * 1e9) / 1e9); }

bool is_exit_row(const PathsimrRow& row, std::size_t n) {
  for (std::size_t j = 1; j <= n; ++j) {
    const std::optional<double> value = parse_pathsimr_number(row.cells[j].text);
    if (!row.cells[j].missing() && !(value && *value == 0)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::size_t> PathsimrNetwork::find(const std::string& name) const {
  const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const PathsimrNode& node) { return node.name == name; });
  if (it == nodes.end()) return std::nullopt;
  return static_cast<std::size_t>(it - nodes.begin());
}

PathsimrNetwork read_pathsimr_network(std::string_view text, const std::string& file,
                                      std::vector<ImportProblem>& problems) {
  PathsimrNetwork network;
  Reader reader{file, problems};
  const std::vector<PathsimrRow> rows = read_pathsimr_csv(text, file, problems);
  if (rows.size() < 2) {
    problems.push_back({file, 0, 0, "expected a header row and a row per node, got " + std::to_string(rows.size()) + " rows"});
    return network;
  }
  const PathsimrRow& header = rows.front();
  const std::size_t n = rows.size() - 1;
  const std::size_t width = 1 + n + kNodeColumns.size() + 2 * n;
  if (header.cells.size() != width) {
    problems.push_back({file, header.line, 1,
                        "with " + std::to_string(n) + " nodes the header needs 1 + " + std::to_string(n) + " + 4 + 2 x " +
                            std::to_string(n) + " = " + std::to_string(width) + " columns, got " +
                            std::to_string(header.cells.size())});
    return network;
  }
  for (std::size_t k = 0; k < kNodeColumns.size(); ++k) {
    const PathsimrCell& cell = header.cells[1 + n + k];
    if (cell.text != kNodeColumns[k]) {
      reader.problem(cell, "expected the column '" + std::string(kNodeColumns[k]) + "' here (after the " +
                               std::to_string(n) + " probability columns), got '" + cell.text + "'");
    }
  }
  std::vector<const PathsimrRow*> node_rows;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const PathsimrRow& row = rows[i];
    if (row.cells.size() != width) {
      problems.push_back({file, row.line, 1, "expected " + std::to_string(width) + " cells as in the header, got " +
                                                 std::to_string(row.cells.size())});
      continue;
    }
    const PathsimrCell& name = row.cells.front();
    if (name.missing()) {
      reader.problem(name, "a node needs a name in the first column");
      continue;
    }
    if (network.find(name.text)) {
      reader.problem(name, "node '" + name.text + "' is named twice");
      continue;
    }
    const PathsimrCell& column = header.cells[i];
    if (column.text != name.text) {
      reader.problem(column, "probability column " + std::to_string(i) + " names '" + column.text + "', but row " +
                                 std::to_string(i) + " is node '" + name.text + "': the columns follow the rows' order");
    }
    network.nodes.push_back({name.text, row.line, is_exit_row(row, n), {}, {}, 0, 0});
    node_rows.push_back(&row);
  }
  if (network.nodes.size() != n) {
    network.nodes.clear();  // a row that is not a node leaves the others' columns unknown
    return network;
  }

  for (std::size_t i = 0; i < n; ++i) {
    PathsimrNode& node = network.nodes[i];
    const std::vector<PathsimrCell>& cells = node_rows[i]->cells;
    if (node.exit) continue;
    double sum = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const PathsimrCell& cell = cells[1 + j];
      const std::optional<double> p = reader.probability(cell, node.name, network.nodes[j].name);
      if (!p) continue;
      sum += *p;
      const PathsimrCell& delay_function = cells[1 + n + kNodeColumns.size() + j];
      const PathsimrCell& delay_parameters = cells[1 + 2 * n + kNodeColumns.size() + j];
      if (*p == 0) {
        if (!delay_function.missing()) {
          network.warnings.push_back(problem_at(file, delay_function, "transfer delay from '" + node.name + "' to '" +
                                                                          network.nodes[j].name +
                                                                          "' left out: no patient takes that route (probability 0)"));
        }
        continue;
      }
      PathsimrRoute route{j, *p, std::nullopt};
      if (!delay_function.missing()) {
        route.delay = read_pathsimr_distribution(file, delay_function, delay_parameters, problems);
      } else if (!delay_parameters.missing()) {
        reader.problem(delay_parameters, "delay parameters from '" + node.name + "' to '" + network.nodes[j].name +
                                             "' without a distribution in its delay column");
      }
      node.routes.push_back(route);
    }
    if (std::abs(sum - 1) > kRoundingSum) {
      reader.problem(cells[1], "probabilities from '" + node.name + "' sum to " + sum_text(sum) + ", not 1");
    } else if (std::abs(sum - 1) > kExactSum) {
      for (PathsimrRoute& route : node.routes) route.probability /= sum;
      network.warnings.push_back(problem_at(file, cells[1], "probabilities from '" + node.name + "' sum to " +
                                                                sum_text(sum) + "; rescaled to sum to 1, as PathSimR does"));
    }
    const std::size_t base = 1 + n;
    if (std::optional<PathsimrDistribution> service =
            read_pathsimr_distribution(file, cells[base], cells[base + 1], problems)) {
      node.service = *service;
    }
    if (const std::optional<double> places = reader.queue_places(cells[base + 2], "ext_queue")) node.ext_queue = *places;
    if (const std::optional<double> places = reader.queue_places(cells[base + 3], "int_queue")) node.int_queue = *places;
  }
  return network;
}

}  // namespace carepath::io
