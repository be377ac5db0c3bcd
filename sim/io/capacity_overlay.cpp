// SPDX-License-Identifier: MIT
#include "io/capacity_overlay.hpp"

#include "io/calendar_json.hpp"
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
    "to keep them, change capacity with capacity_delta, capacity_scale or capacity_change instead "
    "(README \"Changing capacity in a variant\")";

struct DatedCapacity {
  model::Date from;
  Json written;  // {"from": ..., "capacity": ...} as the variant wrote it.
};

std::optional<DatedCapacity> expect_dated_capacity(JsonReader& r, const Json& value) {
  if (!r.expect_object(value)) return std::nullopt;
  r.check_keys(value, {"from", "capacity"});
  const auto from = r.required(value, "from", expect_date);
  const auto capacity = r.required(value, "capacity", expect_server_count);
  if (!from || !capacity) return std::nullopt;
  return DatedCapacity{*from, value};
}

// One change or a list of them, each on a different date.
std::optional<std::vector<DatedCapacity>> expect_dated_capacities(JsonReader& r, const Json& value) {
  std::vector<DatedCapacity> changes;
  const std::size_t errors_before = r.error_count();
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto step = r.enter(i);
      auto change = expect_dated_capacity(r, value.at(i));
      if (!change) continue;
      const bool repeated = std::any_of(changes.begin(), changes.end(),
                                        [&](const DatedCapacity& c) { return c.from == change->from; });
      if (repeated) r.error("expected one change per date, got a second for " + quoted_date(change->from));
      changes.push_back(std::move(*change));
    }
  } else if (value.is_object()) {
    if (auto change = expect_dated_capacity(r, value)) changes.push_back(std::move(*change));
  } else {
    r.expected(R"(a dated change {"from": "2023-01-02", "capacity": 40}, or an array of them)", value);
  }
  if (r.error_count() != errors_before) return std::nullopt;
  return changes;
}

// The date a change of the merged document holds from, if it is written as a date; a malformed one
// is the loader's to report.
std::optional<model::Date> date_of(const Json& change) {
  if (!change.is_object()) return std::nullopt;
  const Json* from = JsonReader::find(change, "from");
  if (from == nullptr) return std::nullopt;
  std::vector<Diagnostic> ignored;
  JsonReader scratch(ignored);
  return expect_date(scratch, *from);
}

// Adds each change to the schedule's list in date order, replacing the one on the same date.
void merge_dated_changes(Json& schedule, const std::vector<DatedCapacity>& added) {
  if (!schedule.contains("changes") || !schedule["changes"].is_array()) schedule["changes"] = Json::array();
  Json& changes = schedule["changes"];
  for (const DatedCapacity& change : added) {
    std::size_t at = changes.size();
    bool same_date = false;
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const auto date = date_of(changes.at(i));
      if (!date || *date < change.from) continue;
      at = i;
      same_date = *date == change.from;
      break;
    }
    if (same_date) {
      changes.at(at) = change.written;
    } else {
      changes.insert(changes.begin() + static_cast<std::ptrdiff_t>(at), change.written);
    }
  }
}

// "the base (3)", "the change from 2023-01-02 (1)", "roster shift 2 (4)".
struct CapacitySlot {
  Json* value;
  std::string label;
};

std::vector<CapacitySlot> capacity_slots(Json& schedule) {
  std::vector<CapacitySlot> slots;
  if (schedule.contains("base")) slots.push_back({&schedule["base"], "the base"});
  for (const char* list : {"changes", "roster"}) {
    if (!schedule.contains(list) || !schedule[list].is_array()) continue;
    Json& entries = schedule[list];
    for (std::size_t i = 0; i < entries.size(); ++i) {
      Json& entry = entries.at(i);
      if (!entry.is_object() || !entry.contains("capacity")) continue;
      std::string label = std::string(list) == "changes" ? "the change" : "roster shift " + std::to_string(i + 1);
      if (const Json* from = JsonReader::find(entry, "from"); from != nullptr && from->is_string()) {
        label += std::string(list) == "changes" ? " from " + from->get<std::string>()
                                                : " (from " + from->get<std::string>() + ")";
      }
      slots.push_back({&entry["capacity"], std::move(label)});
    }
  }
  return slots;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

// Shifts or scales every capacity of the schedule; a result below zero becomes 0 (delta) and a
// non-zero one that rounds to 0 stays 0 (scale), both said in a warning naming each place.
void reshape(JsonReader& r, Json& schedule, std::string_view key, const std::optional<std::int64_t>& delta,
             const std::optional<double>& scale) {
  std::vector<std::string> clamped;
  for (CapacitySlot& slot : capacity_slots(schedule)) {
    if (!slot.value->is_number_integer()) continue;  // The loader reports it.
    const std::int64_t before = slot.value->get<std::int64_t>();
    std::int64_t after = before;
    if (delta) after = before + *delta;
    if (scale) after = std::llround(static_cast<double>(before) * *scale);
    // A delta that reaches exactly 0 closes the service as asked; below 0, or a scale rounding a
    // non-zero capacity away, is more than the planner wrote.
    if (after < 0 || (scale && after == 0 && before > 0)) {
      clamped.push_back(slot.label + " (" + std::to_string(before) + ")");
      after = 0;
    }
    *slot.value = after;
  }
  if (!clamped.empty()) {
    const auto step = r.enter(key);
    r.warning("leaves no capacity at " + joined(clamped) + ": set to 0 (closed) there");
  }
}

std::vector<std::string> dated_change_texts(const Json& schedule) {
  std::vector<std::string> texts;
  const Json* changes = JsonReader::find(schedule, "changes");
  if (changes == nullptr || !changes->is_array()) return texts;
  for (const Json& change : *changes) {
    const Json* from = change.is_object() ? JsonReader::find(change, "from") : nullptr;
    if (from != nullptr) texts.push_back(from->is_string() ? from->get<std::string>() : from->dump());
  }
  return texts;
}

std::size_t shift_count(const Json& schedule) {
  const Json* roster = schedule.is_object() ? JsonReader::find(schedule, "roster") : nullptr;
  return roster != nullptr && roster->is_array() ? roster->size() : 0;
}

}  // namespace

bool is_capacity_edit_key(std::string_view key) {
  return key == kCapacityDeltaKey || key == kCapacityScaleKey || key == kCapacityChangeKey;
}

bool apply_capacity_edits(JsonReader& r, const Json& change, Json& service) {
  const bool any = JsonReader::find(change, kCapacityDeltaKey) != nullptr ||
                   JsonReader::find(change, kCapacityScaleKey) != nullptr ||
                   JsonReader::find(change, kCapacityChangeKey) != nullptr;
  if (!any) return true;
  const std::size_t errors_before = r.error_count();
  const auto delta = r.optional(change, kCapacityDeltaKey, expect_schedule_delta, "servers to add");
  const auto scale =
      r.optional(change, kCapacityScaleKey, expect_schedule_scale, "1.1 means 10% more at every date and shift");
  const auto added = r.optional(change, kCapacityChangeKey, expect_dated_capacities);
  if (delta && scale) {
    r.error_at(kCapacityScaleKey, "cannot be used with capacity_delta in the same variant; use one of them");
  }
  const std::string_view first_key = JsonReader::find(change, kCapacityDeltaKey) != nullptr   ? kCapacityDeltaKey
                                     : JsonReader::find(change, kCapacityScaleKey) != nullptr ? kCapacityScaleKey
                                                                                              : kCapacityChangeKey;
  Json* capacity = service.is_object() && service.contains("capacity") ? &service["capacity"] : nullptr;
  if (capacity == nullptr) {
    r.error_at(first_key, "needs a capacity to change, but the service has none");
  } else if (is_text(*capacity, "unlimited")) {
    r.error_at(first_key, "cannot change an unlimited capacity; write \"capacity\" in the variant instead");
  }
  if (r.error_count() != errors_before) return false;
  // A plain number or a malformed value: a plain number becomes a schedule with that base (so that
  // 0 is allowed); anything else is left for the loader to report.
  if (capacity->is_number_integer()) *capacity = Json{{"base", *capacity}};
  if (!capacity->is_object()) return true;
  if (delta || scale) reshape(r, *capacity, delta ? kCapacityDeltaKey : kCapacityScaleKey, delta, scale);
  // After delta and scale: a change written here holds exactly the capacity written.
  if (added) merge_dated_changes(*capacity, *added);
  return true;
}

void warn_on_dropped_schedule(JsonReader& r, const Json& base, const Json& replacement) {
  if (!base.is_object()) return;
  std::vector<std::string> dropped;
  const std::size_t base_shifts = shift_count(base);
  if (base_shifts > 0 && shift_count(replacement) == 0) {
    dropped.push_back("its weekly roster (" + std::to_string(base_shifts) + (base_shifts == 1 ? " shift)" : " shifts)"));
  }
  const std::vector<std::string> kept = replacement.is_object() ? dated_change_texts(replacement) : std::vector<std::string>{};
  std::vector<std::string> lost_dates;
  for (const std::string& date : dated_change_texts(base)) {
    if (std::find(kept.begin(), kept.end(), date) == kept.end()) lost_dates.push_back(date);
  }
  if (!lost_dates.empty()) {
    dropped.push_back(std::string(lost_dates.size() == 1 ? "its dated change from " : "its dated changes from ") +
                      joined(lost_dates));
  }
  if (dropped.empty()) return;
  const auto step = r.enter("capacity");
  r.warning("replaces the base's capacity schedule and drops " + joined(dropped) + "; " + std::string(kKeepHint));
}

}  // namespace carepath::io
