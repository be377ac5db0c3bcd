// SPDX-License-Identifier: MIT
// A layered left-to-right layout of the service graph, after Sugiyama, Tagawa and Toda (1981), in
// its simplest form: (1) a depth-first search marks the edges that close a cycle (a patient sent
// back to an earlier service) so that the rest is acyclic; (2) longest-path layering puts every
// node one layer right of its furthest predecessor, sources on the left and the exit alone on the
// right; (3) long edges get a dummy node in each layer they cross; (4) a few sweeps of barycentre
// ordering reduce crossings, keeping the best order seen; (5) layers are stacked into columns.
// Pure geometry, no SVG: graph_svg.cpp draws the result.
#pragma once

#include "report/svg.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace carepath::report {

struct LayoutInput {
  std::vector<double> heights;                          ///< One per node, in pixels.
  std::vector<std::pair<std::size_t, std::size_t>> edges;  ///< (from, to) node indices.
  std::vector<bool> last_layer;  ///< Nodes pinned to the rightmost layer (the exit); may be empty.
  double node_width = 148;
};

struct LayoutBox {
  std::size_t layer = 0;
  std::size_t order = 0;  ///< Position from the top within the layer.
  double x = 0, y = 0, width = 0, height = 0;  ///< Top-left corner and size.
};

struct LayoutEdge {
  std::vector<Point> points;  ///< From the source box's edge to the target box's edge.
  bool back = false;          ///< Closes a cycle: drawn under the graph, right to left.
};

struct GraphLayout {
  std::vector<LayoutBox> boxes;   ///< Same order as LayoutInput::heights.
  std::vector<LayoutEdge> edges;  ///< Same order as LayoutInput::edges.
  double width = 0;
  double height = 0;
};

[[nodiscard]] GraphLayout layout_graph(const LayoutInput& input);

/// Crossings between consecutive layers for a given order: what the barycentre sweeps minimise,
/// exposed for tests. `layers[l]` lists node ids top to bottom; edges go from layer l to l+1.
[[nodiscard]] std::size_t count_crossings(const std::vector<std::vector<std::size_t>>& layers,
                                          const std::vector<std::pair<std::size_t, std::size_t>>& edges);

}  // namespace carepath::report
