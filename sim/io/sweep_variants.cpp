// SPDX-License-Identifier: MIT
// A sweep's points as what-if variants of the base (include/carepath/io/sweep_options.hpp), one
// per point, named after its values, and the warnings they add to the base's.
#include <carepath/io/sweep_options.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace carepath::io {
namespace {

using nlohmann::ordered_json;
using run::SweepGrid;
using run::SweepRange;

// The variant name of one point: "capacity_14", "capacity_3_capacity_4". Names allow only
// [A-Za-z0-9_.-] and 64 characters; a longer name would lose what makes it unique.
std::string point_name(const SweepGrid& grid, std::size_t p) {
  std::string name;
  for (std::size_t k = 0; k < grid.keys.size(); ++k) {
    const SweepRange& key = grid.keys[k];
    name += (k == 0 ? "" : "_") + key.key + (key.from_date.empty() ? "" : "_" + key.from_date) + "_" +
            key.texts[grid.at[p][k]];
  }
  for (char& c : name) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                         c == '.' || c == '-';
    if (!allowed) c = '_';
  }
  if (grid.keys.size() > 1 && name.size() > 64) return "point_" + std::to_string(p + 1);
  return name.substr(0, 64);
}

ordered_json grid_variants(const SweepGrid& grid) {
  ordered_json variants = ordered_json::array();
  for (std::size_t p = 0; p < grid.at.size(); ++p) {
    ordered_json variant{{"name", point_name(grid, p)}};
    for (std::size_t k = 0; k < grid.keys.size(); ++k) {
      const SweepRange& key = grid.keys[k];
      const double v = key.values[grid.at[p][k]];
      ordered_json value = key.integers ? ordered_json(static_cast<std::int64_t>(std::llround(v))) : ordered_json(v);
      ordered_json& change = variant[key.part][key.name];
      if (key.from_date.empty()) {
        change[key.key] = std::move(value);
      } else {
        change["capacity_change"] = {{"from", key.from_date}, {"capacity", std::move(value)}};
      }
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

}  // namespace

// What the points add to the base's warnings, said once each against --set rather than against
// the variants the sweep made up: a flat capacity replacing a roster is the same warning at
// every point.
std::vector<Diagnostic> grid_point_warnings(const LoadedScenarioSet& set, const LoadedScenario& base,
                                            const SweepGrid& grid) {
  std::vector<Diagnostic> warnings;
  const std::string& where = grid.source;
  for (const Diagnostic& d : set.warnings) {
    const bool from_base = std::any_of(base.warnings.begin(), base.warnings.end(), [&](const Diagnostic& b) {
      return b.path == d.path && b.message == d.message;
    });
    if (from_base) continue;
    std::string message = d.message;
    // "variant 'capacity_3': ..." names a made-up variant; the point is in the path instead.
    if (message.starts_with("variant '")) {
      const std::size_t end = message.find("': ");
      if (end != std::string::npos) message.erase(0, end + 3);
    }
    const bool repeated = std::any_of(warnings.begin(), warnings.end(),
                                      [&](const Diagnostic& w) { return w.message == message; });
    if (!repeated) warnings.push_back({Severity::Warning, where, std::move(message)});
  }
  return warnings;
}

std::string grid_variants_text(const SweepGrid& grid) { return grid_variants(grid).dump(); }

}  // namespace carepath::io
