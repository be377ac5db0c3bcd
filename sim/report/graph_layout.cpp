// SPDX-License-Identifier: MIT
#include "report/graph_layout.hpp"

#include <algorithm>
#include <numeric>

namespace carepath::report {

namespace {

constexpr double kMargin = 12;
constexpr double kLayerGap = 70;   // Room for the probability labels between columns.
constexpr double kNodeGap = 18;
constexpr double kDummyHeight = 6;
constexpr double kBackLane = 16;   // Each edge that closes a cycle gets its own lane underneath.
constexpr int kSweeps = 8;

using Edge = std::pair<std::size_t, std::size_t>;

// Depth-first search from the nodes nobody routes to (the sources), then from any node left: an
// edge to a node still on the stack closes a cycle. Iterative, as a scenario may be a long chain.
std::vector<bool> find_back_edges(std::size_t n, const std::vector<Edge>& edges) {
  std::vector<std::vector<std::size_t>> out(n);
  std::vector<std::size_t> in_degree(n, 0);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    out[edges[e].first].push_back(e);
    ++in_degree[edges[e].second];
  }
  std::vector<std::size_t> roots;
  for (std::size_t v = 0; v < n; ++v) if (in_degree[v] == 0) roots.push_back(v);
  for (std::size_t v = 0; v < n; ++v) if (in_degree[v] != 0) roots.push_back(v);

  enum class State { New, OnStack, Done };
  std::vector<State> state(n, State::New);
  std::vector<bool> back(edges.size(), false);
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // (node, next outgoing edge)
  for (const std::size_t root : roots) {
    if (state[root] != State::New) continue;
    state[root] = State::OnStack;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next == out[v].size()) {
        state[v] = State::Done;
        stack.pop_back();
        continue;
      }
      const std::size_t e = out[v][next++];
      const std::size_t w = edges[e].second;
      if (state[w] == State::OnStack) {
        back[e] = true;
      } else if (state[w] == State::New) {
        state[w] = State::OnStack;
        stack.emplace_back(w, 0);
      }
    }
  }
  return back;
}

// Longest path from a source over the acyclic edges (Kahn's order), pinned nodes one layer right
// of everything else.
std::vector<std::size_t> assign_layers(std::size_t n, const std::vector<Edge>& edges,
                                       const std::vector<bool>& back, const std::vector<bool>& pinned) {
  std::vector<std::vector<std::size_t>> out(n);
  std::vector<std::size_t> in_degree(n, 0);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (back[e]) continue;
    out[edges[e].first].push_back(edges[e].second);
    ++in_degree[edges[e].second];
  }
  std::vector<std::size_t> layer(n, 0);
  std::vector<std::size_t> ready;
  for (std::size_t v = n; v-- > 0;) if (in_degree[v] == 0) ready.push_back(v);
  while (!ready.empty()) {
    const std::size_t v = ready.back();
    ready.pop_back();
    for (const std::size_t w : out[v]) {
      layer[w] = std::max(layer[w], layer[v] + 1);
      if (--in_degree[w] == 0) ready.push_back(w);
    }
  }
  bool any_free = false;
  std::size_t last = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (v < pinned.size() && pinned[v]) continue;
    any_free = true;
    last = std::max(last, layer[v]);
  }
  for (std::size_t v = 0; v < n && v < pinned.size(); ++v) {
    if (pinned[v]) layer[v] = any_free ? last + 1 : 0;
  }
  return layer;
}

std::vector<std::size_t> positions(const std::vector<std::vector<std::size_t>>& layers, std::size_t n) {
  std::vector<std::size_t> pos(n, 0);
  for (const auto& layer : layers) {
    for (std::size_t i = 0; i < layer.size(); ++i) pos[layer[i]] = i;
  }
  return pos;
}

// Reorders one layer by the mean position of each node's neighbours in the adjacent layer; a
// node without neighbours there keeps its place. stable_sort keeps ties in their current order,
// so the result is deterministic.
void sort_by_barycentre(std::vector<std::size_t>& layer, const std::vector<std::vector<std::size_t>>& neighbours,
                        const std::vector<std::size_t>& pos) {
  std::vector<std::pair<double, std::size_t>> keyed;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const auto& adjacent = neighbours[layer[i]];
    double key = static_cast<double>(i);
    if (!adjacent.empty()) {
      double sum = 0;
      for (const std::size_t w : adjacent) sum += static_cast<double>(pos[w]);
      key = sum / static_cast<double>(adjacent.size());
    }
    keyed.emplace_back(key, layer[i]);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < layer.size(); ++i) layer[i] = keyed[i].second;
}

}  // namespace

std::size_t count_crossings(const std::vector<std::vector<std::size_t>>& layers, const std::vector<Edge>& edges) {
  std::size_t n = 0;
  for (const auto& layer : layers) {
    for (const std::size_t v : layer) n = std::max(n, v + 1);
  }
  std::vector<std::size_t> layer_of(n, 0);
  for (std::size_t l = 0; l < layers.size(); ++l) {
    for (const std::size_t v : layers[l]) layer_of[v] = l;
  }
  const std::vector<std::size_t> pos = positions(layers, n);
  std::size_t crossings = 0;
  for (std::size_t a = 0; a < edges.size(); ++a) {
    for (std::size_t b = a + 1; b < edges.size(); ++b) {
      const auto [u1, v1] = edges[a];
      const auto [u2, v2] = edges[b];
      if (layer_of[u1] != layer_of[u2] || layer_of[v1] != layer_of[v2]) continue;
      const bool above = pos[u1] < pos[u2];
      const bool below = pos[u1] > pos[u2];
      if ((above && pos[v1] > pos[v2]) || (below && pos[v1] < pos[v2])) ++crossings;
    }
  }
  return crossings;
}

GraphLayout layout_graph(const LayoutInput& input) {
  const std::size_t real = input.heights.size();
  std::vector<Edge> edges;
  for (const Edge& e : input.edges) {
    if (e.first < real && e.second < real) edges.push_back(e);
  }
  const std::vector<bool> back = find_back_edges(real, edges);
  std::vector<std::size_t> layer = assign_layers(real, edges, back, input.last_layer);
  std::vector<double> height = input.heights;

  // Every edge becomes a chain of segments between adjacent layers, through dummy nodes.
  std::vector<std::vector<std::size_t>> chains(edges.size());
  std::vector<Edge> segments;
  std::vector<bool> drawn_below(edges.size(), false);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto [u, v] = edges[e];
    if (back[e] || layer[v] <= layer[u]) {
      drawn_below[e] = true;
      continue;
    }
    std::vector<std::size_t>& chain = chains[e];
    chain.push_back(u);
    for (std::size_t l = layer[u] + 1; l < layer[v]; ++l) {
      chain.push_back(layer.size());
      layer.push_back(l);
      height.push_back(kDummyHeight);
    }
    chain.push_back(v);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) segments.emplace_back(chain[i], chain[i + 1]);
  }
  const std::size_t n = layer.size();
  const std::size_t layer_count = n == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
  std::vector<std::vector<std::size_t>> layers(layer_count);
  for (std::size_t v = 0; v < n; ++v) layers[layer[v]].push_back(v);

  std::vector<std::vector<std::size_t>> predecessors(n);
  std::vector<std::vector<std::size_t>> successors(n);
  for (const auto& [u, v] : segments) {
    successors[u].push_back(v);
    predecessors[v].push_back(u);
  }
  auto best = layers;
  std::size_t best_crossings = count_crossings(layers, segments);
  for (int sweep = 0; sweep < kSweeps && best_crossings > 0; ++sweep) {
    if (sweep % 2 == 0) {
      for (std::size_t l = 1; l < layer_count; ++l) {
        sort_by_barycentre(layers[l], predecessors, positions(layers, n));
      }
    } else {
      for (std::size_t l = layer_count; l-- > 1;) {
        sort_by_barycentre(layers[l - 1], successors, positions(layers, n));
      }
    }
    const std::size_t crossings = count_crossings(layers, segments);
    if (crossings < best_crossings) {
      best_crossings = crossings;
      best = layers;
    }
  }
  layers = std::move(best);

  // Columns, each centred on the tallest.
  std::vector<double> column_height(layer_count, 0);
  double tallest = 0;
  for (std::size_t l = 0; l < layer_count; ++l) {
    for (const std::size_t v : layers[l]) column_height[l] += height[v];
    column_height[l] += kNodeGap * static_cast<double>(layers[l].empty() ? 0 : layers[l].size() - 1);
    tallest = std::max(tallest, column_height[l]);
  }
  std::vector<LayoutBox> boxes(n);
  for (std::size_t l = 0; l < layer_count; ++l) {
    double y = kMargin + (tallest - column_height[l]) / 2;
    const double x = kMargin + static_cast<double>(l) * (input.node_width + kLayerGap);
    for (std::size_t i = 0; i < layers[l].size(); ++i) {
      const std::size_t v = layers[l][i];
      boxes[v] = {l, i, x, y, input.node_width, height[v]};
      y += height[v] + kNodeGap;
    }
  }

  GraphLayout result;
  result.width = 2 * kMargin + static_cast<double>(layer_count) * input.node_width +
                 static_cast<double>(layer_count == 0 ? 0 : layer_count - 1) * kLayerGap;
  const double bottom = kMargin + tallest;
  std::size_t lanes = 0;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    LayoutEdge edge;
    const LayoutBox& from = boxes[edges[e].first];
    const LayoutBox& to = boxes[edges[e].second];
    if (drawn_below[e]) {
      // Down from the source, along a lane of its own under the graph, up into the target.
      edge.back = true;
      const double lane = bottom + kBackLane * static_cast<double>(++lanes);
      edge.points = {{from.x + from.width / 2 + 10, from.y + from.height},
                     {from.x + from.width / 2 + 10, lane},
                     {to.x + to.width / 2 - 10, lane},
                     {to.x + to.width / 2 - 10, to.y + to.height}};
    } else {
      const auto& chain = chains[e];
      edge.points.emplace_back(from.x + from.width, from.y + from.height / 2);
      for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
        const LayoutBox& dummy = boxes[chain[i]];
        edge.points.emplace_back(dummy.x, dummy.y + dummy.height / 2);
        edge.points.emplace_back(dummy.x + dummy.width, dummy.y + dummy.height / 2);
      }
      edge.points.emplace_back(to.x, to.y + to.height / 2);
    }
    result.edges.push_back(std::move(edge));
  }
  result.height = bottom + kBackLane * static_cast<double>(lanes) + kMargin;
  boxes.resize(real);
  result.boxes = std::move(boxes);
  return result;
}

}  // namespace carepath::report
