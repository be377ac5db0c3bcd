// SPDX-License-Identifier: MIT
// PathSimR's network template, read and checked. One row per node, named in the first column;
// then, for n nodes, n columns of routing probabilities (to each node, in row order), serv_dist,
// serv_dist_param, ext_queue, int_queue, n columns naming the transfer-delay distribution to each
// node and n columns of its parameters. A row whose probabilities are all empty or 0 is an exit
// (PathSimR's own rule). Every problem is located at its cell; see pathsimr_csv.hpp.
#pragma once

#include <carepath/io/pathsimr_csv.hpp>
#include "io/pathsimr_distribution.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

struct PathsimrRoute {
  std::size_t to = 0;  ///< Index into PathsimrNetwork::nodes.
  double probability = 0;
  std::optional<PathsimrDistribution> delay;
};

struct PathsimrNode {
  std::string name;
  std::size_t line = 0;
  bool exit = false;
  std::vector<PathsimrRoute> routes;  ///< Those with a probability above 0, in column order.
  PathsimrDistribution service;
  double ext_queue = 0;  ///< Places for patients from outside; may be infinite.
  double int_queue = 0;  ///< Places for patients from other nodes; may be infinite.
};

struct PathsimrNetwork {
  std::vector<PathsimrNode> nodes;
  /// What was read as written but changed or left out, each at its cell: probabilities rescaled
  /// to sum to 1, delays on routes no patient takes.
  std::vector<ImportProblem> warnings;

  [[nodiscard]] std::optional<std::size_t> find(const std::string& name) const;
};

/// Reads `text` (the file `file`); problems go to `problems`. Without a sound header, or with a
/// row that is not a node, `nodes` is empty; other problems leave the nodes' names and exits known.
[[nodiscard]] PathsimrNetwork read_pathsimr_network(std::string_view text, const std::string& file,
                                                    std::vector<ImportProblem>& problems);

}  // namespace carepath::io
