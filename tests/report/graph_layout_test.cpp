// SPDX-License-Identifier: MIT
#include "report/graph_layout.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace carepath::report {
namespace {

using Edges = std::vector<std::pair<std::size_t, std::size_t>>;

bool overlap(const LayoutBox& a, const LayoutBox& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

void expect_sound(const LayoutInput& input, const GraphLayout& layout) {
  ASSERT_EQ(layout.boxes.size(), input.heights.size());
  for (std::size_t a = 0; a < layout.boxes.size(); ++a) {
    const LayoutBox& box = layout.boxes[a];
    EXPECT_GE(box.x, 0);
    EXPECT_GE(box.y, 0);
    EXPECT_LE(box.x + box.width, layout.width);
    EXPECT_LE(box.y + box.height, layout.height);
    for (std::size_t b = a + 1; b < layout.boxes.size(); ++b) {
      EXPECT_FALSE(overlap(box, layout.boxes[b])) << "nodes " << a << " and " << b << " overlap";
    }
  }
  ASSERT_EQ(layout.edges.size(), input.edges.size());
  for (std::size_t e = 0; e < input.edges.size(); ++e) {
    const auto [from, to] = input.edges[e];
    if (!layout.edges[e].back) {
      EXPECT_LT(layout.boxes[from].layer, layout.boxes[to].layer) << "edge " << from << "->" << to;
    }
    EXPECT_GE(layout.edges[e].points.size(), 2u);
  }
}

// sources 0, 1 -> a 2 -> b 3 -> c 4 -> exit 5, plus a -> exit (a long edge) and b -> exit.
LayoutInput chain_with_long_edges() {
  LayoutInput input;
  input.heights = {40, 40, 50, 50, 50, 30};
  input.edges = {{0, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {2, 5}, {3, 5}};
  input.last_layer = {false, false, false, false, false, true};
  return input;
}

TEST(GraphLayout, LongestPathLayersAndExitLast) {
  const LayoutInput input = chain_with_long_edges();
  const GraphLayout layout = layout_graph(input);
  expect_sound(input, layout);
  EXPECT_EQ(layout.boxes[0].layer, 0u);
  EXPECT_EQ(layout.boxes[2].layer, 1u);
  // Source 1 feeds b directly, but b is one right of a, so its layer is a's + 1 = 2.
  EXPECT_EQ(layout.boxes[3].layer, 2u);
  EXPECT_EQ(layout.boxes[4].layer, 3u);
  EXPECT_EQ(layout.boxes[5].layer, 4u);
  // A long edge passes through a dummy in each layer it crosses: two points per dummy.
  EXPECT_EQ(layout.edges[5].points.size(), 2u + 2u * 2u);
  for (const LayoutEdge& edge : layout.edges) {
    for (std::size_t i = 1; i < edge.points.size(); ++i) {
      EXPECT_LE(edge.points[i - 1].first, edge.points[i].first) << "forward edges run left to right";
    }
  }
}

TEST(GraphLayout, CyclesAreDrawnAsBackEdges) {
  LayoutInput input;
  input.heights = {40, 40, 40, 30};
  input.edges = {{0, 1}, {1, 2}, {2, 1}, {2, 3}, {1, 1}};  // ward -> clinic, and a self-loop.
  input.last_layer = {false, false, false, true};
  const GraphLayout layout = layout_graph(input);
  expect_sound(input, layout);
  EXPECT_FALSE(layout.edges[1].back);
  EXPECT_TRUE(layout.edges[2].back);
  EXPECT_TRUE(layout.edges[4].back);
  // Back edges run in lanes under every box.
  double bottom = 0;
  for (const LayoutBox& box : layout.boxes) bottom = std::max(bottom, box.y + box.height);
  EXPECT_GT(layout.edges[2].points[1].second, bottom);
}

TEST(GraphLayout, BarycentreOrderingRemovesAvoidableCrossings) {
  // Two sources each feeding one of two services, given in crossed order: 0->3, 1->2.
  LayoutInput input;
  input.heights = {40, 40, 40, 40, 30};
  input.edges = {{0, 3}, {1, 2}, {2, 4}, {3, 4}};
  input.last_layer = {false, false, false, false, true};
  const GraphLayout layout = layout_graph(input);
  expect_sound(input, layout);
  std::vector<std::vector<std::size_t>> layers(3);
  for (std::size_t v = 0; v < layout.boxes.size(); ++v) layers[layout.boxes[v].layer].push_back(v);
  for (auto& layer : layers) {
    std::sort(layer.begin(), layer.end(),
              [&](std::size_t a, std::size_t b) { return layout.boxes[a].order < layout.boxes[b].order; });
  }
  EXPECT_EQ(count_crossings(layers, input.edges), 0u);
  EXPECT_EQ(count_crossings({{0, 1}, {2, 3}}, {{0, 3}, {1, 2}}), 1u);
}

TEST(GraphLayout, LargerGraphHasNoOverlaps) {
  // A ladder with skips: 12 nodes, edges i -> i+1 and i -> i+3, one cycle back.
  LayoutInput input;
  input.heights.assign(12, 45);
  for (std::size_t i = 0; i + 1 < 12; ++i) input.edges.emplace_back(i, i + 1);
  for (std::size_t i = 0; i + 3 < 12; ++i) input.edges.emplace_back(i, i + 3);
  input.edges.emplace_back(9, 2);
  expect_sound(input, layout_graph(input));
}

TEST(GraphLayout, EmptyGraph) {
  const GraphLayout layout = layout_graph(LayoutInput{});
  EXPECT_TRUE(layout.boxes.empty());
  EXPECT_TRUE(layout.edges.empty());
}

}  // namespace
}  // namespace carepath::report
