// SPDX-License-Identifier: MIT
#include "io/sessions_overlay.hpp"

#include "io/field_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carepath::io {
namespace {

constexpr std::string_view kKeepHint =
    "to keep them, change slots with slots_delta or slots_scale instead (README \"Changing capacity in a variant\")";

// The slot counts of one session: its "slots", or its "new" and "follow_up".
std::vector<Json*> slot_counts(Json& session) {
  if (!session.is_object() || !session.contains("slots")) return {};
  Json& slots = session["slots"];
  if (!slots.is_object()) return {&slots};
  std::vector<Json*> counts;
  for (const char* kind : {"new", "follow_up"}) {
    if (slots.contains(kind)) counts.push_back(&slots[kind]);
  }
  return counts;
}

// "the mon 09:30 session" or "the mon 09:30 session from 2023-04-01": how a planner finds it.
std::string session_label(const Json& session, const std::string& from) {
  const Json* days = JsonReader::find(session, "days");
  const Json* at = JsonReader::find(session, "at");
  std::string label = "the " + (days != nullptr ? (days->is_string() ? days->get<std::string>() : days->dump()) : "?") +
                      " " + (at != nullptr && at->is_string() ? at->get<std::string>() : "?") + " session";
  return from.empty() ? label : label + " from " + from;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

// Shifts or scales every slot count of one timetable, leaving out sessions with no slot left.
void reshape_timetable(Json& timetable, const std::string& from, const std::optional<std::int64_t>& delta,
                       const std::optional<double>& scale, std::vector<std::string>& clamped) {
  if (!timetable.is_array()) return;  // The loader reports it.
  Json kept = Json::array();
  for (Json& session : timetable) {
    bool any_left = false;
    bool forced = false;
    for (Json* count : slot_counts(session)) {
      if (!count->is_number_integer()) {
        any_left = true;  // Malformed: kept for the loader to report.
        continue;
      }
      const std::int64_t before = count->get<std::int64_t>();
      std::int64_t after = delta ? before + *delta : std::llround(static_cast<double>(before) * scale.value_or(1));
      // A delta that reaches exactly 0 removes the slots as asked; below 0, or a scale rounding
      // slots away, is more than the planner wrote.
      if (after < 0 || (scale && after == 0 && before > 0)) {
        forced = true;
        after = 0;
      }
      *count = after;
      any_left = any_left || after > 0;
    }
    if (forced) clamped.push_back(session_label(session, from));
    if (any_left || slot_counts(session).empty()) kept.push_back(std::move(session));
  }
  timetable = std::move(kept);
}

std::vector<std::string> change_dates(const Json& sessions) {
  std::vector<std::string> dates;
  const Json* changes = sessions.is_object() ? JsonReader::find(sessions, "changes") : nullptr;
  if (changes == nullptr || !changes->is_array()) return dates;
  for (const Json& change : *changes) {
    const Json* from = change.is_object() ? JsonReader::find(change, "from") : nullptr;
    if (from != nullptr) dates.push_back(from->is_string() ? from->get<std::string>() : from->dump());
  }
  return dates;
}

}  // namespace

bool is_slots_edit_key(std::string_view key) { return key == kSlotsDeltaKey || key == kSlotsScaleKey; }

bool apply_slots_edits(JsonReader& r, const Json& change, Json& service) {
  const bool any = JsonReader::find(change, kSlotsDeltaKey) != nullptr || JsonReader::find(change, kSlotsScaleKey) != nullptr;
  if (!any) return true;
  const std::size_t errors_before = r.error_count();
  const auto delta = r.optional(change, kSlotsDeltaKey, expect_schedule_delta, "slots to add to every session");
  const auto scale =
      r.optional(change, kSlotsScaleKey, expect_schedule_scale, "1.25 means 25% more slots at every session");
  if (delta && scale) r.error_at(kSlotsScaleKey, "cannot be used with slots_delta in the same variant; use one of them");
  const std::string_view key = JsonReader::find(change, kSlotsDeltaKey) != nullptr ? kSlotsDeltaKey : kSlotsScaleKey;
  Json* sessions = service.is_object() && service.contains("sessions") ? &service["sessions"] : nullptr;
  if (sessions == nullptr) {
    r.error_at(key, "needs sessions to change, but the service has none (it is not a clinic or panel; change its "
                    "capacity with capacity_delta or capacity_scale)");
  }
  if (r.error_count() != errors_before) return false;
  if (!sessions->is_object() || (!delta && !scale)) return true;  // The loader reports a malformed one.
  std::vector<std::string> clamped;
  if (sessions->contains("timetable")) reshape_timetable((*sessions)["timetable"], "", delta, scale, clamped);
  if (sessions->contains("changes") && (*sessions)["changes"].is_array()) {
    for (Json& dated : (*sessions)["changes"]) {
      if (!dated.is_object() || !dated.contains("timetable")) continue;
      const Json* from = JsonReader::find(dated, "from");
      reshape_timetable(dated["timetable"], from != nullptr && from->is_string() ? from->get<std::string>() : "?",
                        delta, scale, clamped);
    }
  }
  if (!clamped.empty()) {
    const auto step = r.enter(key);
    r.warning("leaves no slots at " + joined(clamped) + ": set to 0 there (a session with no slot is not held)");
  }
  return true;
}

void warn_on_dropped_sessions(JsonReader& r, const Json& base, const Json& replacement) {
  const std::vector<std::string> kept = change_dates(replacement);
  std::vector<std::string> lost;
  for (const std::string& date : change_dates(base)) {
    if (std::find(kept.begin(), kept.end(), date) == kept.end()) lost.push_back(date);
  }
  if (lost.empty()) return;
  const auto step = r.enter("sessions");
  r.warning("replaces the base's sessions and drops " +
            std::string(lost.size() == 1 ? "its dated timetable change from " : "its dated timetable changes from ") +
            joined(lost) + "; " + std::string(kKeepHint));
}

}  // namespace carepath::io
