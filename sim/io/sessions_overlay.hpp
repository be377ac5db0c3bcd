// SPDX-License-Identifier: MIT
// Schedule-safe what-ifs for clinics and panels, as io/capacity_overlay.hpp is for capacity. A
// variant (or a sweep point) that writes a service's whole "sessions" replaces its timetable and
// drops the base's dated timetable changes. These keys change the slots while keeping every
// session and date: slots_delta adds to every slot count of every session, in the weekly
// timetable and in each dated change's (new and follow-up slots alike: "one more of each");
// slots_scale multiplies them (rounded). A count below zero becomes 0 and a non-zero count that
// rounds to 0 stays 0, each said in a warning naming the session; a session left with no slot
// is left out (no session then). A variant that replaces "sessions" and loses dated changes is
// warned about, naming their dates (an error under --strict). variant_overlay.cpp calls these.
#pragma once

#include "io/json_reader.hpp"

#include <string_view>

namespace carepath::io {

inline constexpr std::string_view kSlotsDeltaKey = "slots_delta";
inline constexpr std::string_view kSlotsScaleKey = "slots_scale";

/// Whether `key` is one of the overlay-only slot keys above (not a key of the base format).
[[nodiscard]] bool is_slots_edit_key(std::string_view key);

/// Applies the slot edits of `change` (a variant's object for one service) to `service` (the
/// service's object in the merged document, after the variant's plain keys were merged in).
/// Reports at the reader's position, the variant's entry for the service. False after an error.
bool apply_slots_edits(JsonReader& r, const Json& change, Json& service);

/// Warns, at the reader's position plus "/sessions", when `replacement` (the variant's sessions)
/// drops dated timetable changes of `base` (the base service's sessions).
void warn_on_dropped_sessions(JsonReader& r, const Json& base, const Json& replacement);

}  // namespace carepath::io
