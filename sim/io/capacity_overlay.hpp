// SPDX-License-Identifier: MIT
// Schedule-safe capacity what-ifs. A variant (or a sweep point) that writes a service's whole
// "capacity" replaces its schedule: the base's roster and dated changes are gone. The keys here
// change capacity while keeping the schedule: capacity_delta adds to the base, every dated change
// and every roster shift; capacity_scale multiplies them (rounded to whole servers);
// capacity_change adds one dated change, or changes the one on the same date, leaving the others.
// A variant that replaces a schedule and loses part of it is warned about here, naming what was
// dropped (an error under --strict). variant_overlay.cpp calls these while merging; read it next.
#pragma once

#include "io/json_reader.hpp"

#include <string_view>

namespace carepath::io {

inline constexpr std::string_view kCapacityDeltaKey = "capacity_delta";
inline constexpr std::string_view kCapacityScaleKey = "capacity_scale";
inline constexpr std::string_view kCapacityChangeKey = "capacity_change";

/// Whether `key` is one of the overlay-only capacity keys above (not a key of the base format).
[[nodiscard]] bool is_capacity_edit_key(std::string_view key);

/// Applies the capacity edits of `change` (a variant's object for one service) to `service` (the
/// service's object in the merged document, after the variant's plain keys were merged in).
/// Reports at the reader's position, which is the variant's entry for the service. Returns false
/// after an error.
bool apply_capacity_edits(JsonReader& r, const Json& change, Json& service);

/// Warns, at the reader's position plus "/capacity", when `replacement` (the variant's capacity)
/// drops the roster or dated changes of `base` (the base service's capacity).
void warn_on_dropped_schedule(JsonReader& r, const Json& base, const Json& replacement);

}  // namespace carepath::io
