// SPDX-License-Identifier: MIT
// What-if variants at the JSON level. A scenario's "variants" entry names services, arrival
// sources and shared pools ("resources") and the keys it changes; read_variants checks the variant's own rules (its name, the
// shape of its overlay, service_time_scale and scale) at /variants/i/..., and merges each overlay
// into a copy of the base document: a key's value replaces the base's, a name the base lacks adds
// a new service or source at the end of its list. scenario_json.cpp then runs the normal loader on
// each merged document, so every rule of the format applies to every variant, and source_path()
// points what it finds back at the key the planner wrote. Scales are applied afterwards, to the
// loaded Scenario (apply_scales), because a duration string cannot be multiplied in JSON.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace carepath::io {

/// Keys a variant may not have: removing is not supported (README "Variants").
inline constexpr std::string_view kRemoveServicesKey = "remove_services";
inline constexpr std::string_view kRemoveArrivalsKey = "remove_arrivals";
/// The overlay keys that are not keys of the base format.
inline constexpr std::string_view kServiceTimeScaleKey = "service_time_scale";
inline constexpr std::string_view kArrivalScaleKey = "scale";

/// A service or source of the merged document that the variant touched.
struct OverlaidEntry {
  std::string name;
  std::vector<std::string> keys;  ///< Keys the variant set, as JSON-pointer tokens.
  bool added = false;             ///< New in the variant: every key of it is the variant's.
};

struct VariantOverlay {
  std::size_t index = 0;  ///< Position in /variants.
  std::string name;
  std::string description;
  std::vector<std::string> notes;
  Json document;  ///< The base document with the overlay merged in, without "variants".
  std::vector<std::pair<std::string, double>> service_time_scales;  ///< Service name, factor.
  std::vector<std::pair<std::string, double>> arrival_scales;       ///< Source name, factor.
  std::vector<std::optional<OverlaidEntry>> services;  ///< By index in document["services"].
  std::vector<std::optional<OverlaidEntry>> arrivals;  ///< By index in document["arrivals"].
  std::vector<std::optional<OverlaidEntry>> resources; ///< By index in document["resources"].
  /// What the variant changes, one line each in the planner's words ("service 'ward': capacity +2
  /// at every date and shift"), for the report's answer card.
  std::vector<std::string> changes;

  /// A pointer into `document`, as a pointer into the file: one inside a key the variant set
  /// (or inside a service or source it added) becomes /variants/i/services/<name>/<key>/…;
  /// anything else is the base's, and is returned unchanged.
  [[nodiscard]] std::string source_path(const std::string& merged_pointer) const;

  /// Multiplies the service times and arrival rates of `scenario` (read from `document`).
  void apply_scales(model::Scenario& scenario) const;
};

/// Reads `variants` (the document's own "variants", or a replacement for them, e.g. a sweep's
/// points), reporting at /variants/i/... . Returns one overlay per variant that had no problem of
/// its own. `document` is the base document; it is only read.
[[nodiscard]] std::vector<VariantOverlay> read_variants(JsonReader& r, const Json& document, const Json& variants);

}  // namespace carepath::io
