// SPDX-License-Identifier: MIT
#include "io/sessions_json.hpp"

#include "io/calendar_json.hpp"
#include "io/capacity_json.hpp"
#include "io/field_rules.hpp"

#include <algorithm>
#include <utility>

namespace carepath::io {
namespace {

// The engine keeps a patient's follow-ups to come in one byte.
constexpr std::uint64_t kMaxFollowUps = 255;

// "slots": a positive integer, or {"new": 6, "follow_up": 4} reserving follow-up slots apart.
std::optional<std::pair<std::uint32_t, std::optional<std::uint32_t>>> expect_slots(JsonReader& r, const Json& value) {
  if (!value.is_object()) {
    const auto slots = r.expect_integer(value, 1, kMaxServers,
                                        R"(a positive integer or {"new": 6, "follow_up": 4} (leave a session out to cancel it))");
    if (!slots) return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(*slots), std::optional<std::uint32_t>{}};
  }
  r.check_keys(value, {"new", "follow_up"});
  const auto fresh = r.required(value, "new", expect_server_count);
  const auto follow_up = r.required(value, "follow_up", expect_server_count);
  if (!fresh || !follow_up) return std::nullopt;
  if (*fresh + *follow_up == 0) {
    r.expected("at least one slot (leave a session out to cancel it)", value);
    return std::nullopt;
  }
  return std::pair{*fresh, std::optional<std::uint32_t>{*follow_up}};
}

void read_session(JsonReader& r, const Json& json, model::Session& out) {
  r.check_keys(json, {"days", "at", "slots"});
  out.weekdays = r.required(json, "days", expect_weekdays).value_or(out.weekdays);
  out.at_hour = r.required(json, "at", expect_time_of_day).value_or(out.at_hour);
  if (out.at_hour >= 24) {
    r.error_at("at", R"(expected a time of day before "24:00", got "24:00": a session at midnight is at "00:00" of the next day)");
  }
  if (const auto slots = r.required(json, "slots", expect_slots)) {
    out.slots = slots->first;
    out.follow_up_slots = slots->second;
  }
}

void read_timetable(JsonReader& r, const Json& json, std::vector<model::Session>& out, EmptyList empty) {
  const Json* list = r.require(json, "timetable");
  if (list == nullptr) return;
  const auto step = r.enter("timetable");
  read_objects(r, *list, R"(an array of sessions {"days": "mon", "at": "09:00", "slots": 8})", empty, out,
               read_session);
}

void read_change(JsonReader& r, const Json& json, model::SessionChange& out, std::optional<model::Date>& previous,
                 const ScenarioContext& context) {
  r.check_keys(json, {"from", "timetable"});
  if (const auto from = r.required(json, "from", expect_date)) {
    const auto step = r.enter("from");
    check_change_date(r, json.at("from"), *from, previous, context);
    out.from = *from;
    previous = *from;
  }
  // From this date on, an empty timetable closes the clinic.
  read_timetable(r, json, out.timetable, EmptyList::Allowed);
}

struct FollowUps {
  std::uint32_t count = 0;
  double interval = 0;
};

std::optional<FollowUps> expect_follow_ups(JsonReader& r, const Json& value) {
  if (!r.expect_object(value)) return std::nullopt;
  r.check_keys(value, {"count", "interval"});
  const auto count = r.required(value, "count", &JsonReader::expect_integer, std::uint64_t{0}, kMaxFollowUps,
                                "an integer from 0 to 255");
  const auto interval = r.required(value, "interval", expect_positive_duration);
  if (!count || !interval) return std::nullopt;
  return FollowUps{static_cast<std::uint32_t>(*count), *interval};
}

std::optional<model::NotAttended> expect_not_attended(JsonReader& r, const Json& value) {
  if (is_text(value, "rebook")) return model::NotAttended::Rebook;
  if (is_text(value, "discharge")) return model::NotAttended::Discharge;
  r.expected(R"("rebook" or "discharge")", value);
  return std::nullopt;
}

// Slots kept for follow-ups that no patient ever needs are always wasted: probably a slip.
void warn_about_idle_follow_up_slots(JsonReader& r, const model::ClinicSessions& sessions) {
  if (sessions.follow_ups > 0) return;
  const auto reserves = [](const std::vector<model::Session>& timetable) {
    return std::any_of(timetable.begin(), timetable.end(),
                       [](const model::Session& s) { return s.follow_up_slots.value_or(0) > 0; });
  };
  bool any = reserves(sessions.timetable);
  for (const model::SessionChange& change : sessions.changes) any = any || reserves(change.timetable);
  if (any) {
    r.warning("slots are reserved for follow-ups, but there are no \"follow_ups\": those slots are never used");
  }
}

}  // namespace

std::optional<model::ClinicSessions> expect_sessions(JsonReader& r, const Json& value, const ScenarioContext& context) {
  if (!r.expect_object(value)) return std::nullopt;
  r.check_keys(value, {"timetable", "changes", "did_not_attend", "not_attended", "follow_ups"});
  const std::size_t errors_before = r.error_count();
  model::ClinicSessions sessions;
  read_timetable(r, value, sessions.timetable, EmptyList::Rejected);
  std::optional<model::Date> previous;
  read_optional_objects(r, value, "changes", "an array of dated timetables", sessions.changes,
                        [&](JsonReader& reader, const Json& change, model::SessionChange& out) {
                          read_change(reader, change, out, previous, context);
                        });
  if (const auto share = r.optional(value, "did_not_attend", expect_probability)) {
    if (*share >= 1) {
      r.error_at("did_not_attend", "expected a share below 1, got 1: nobody would ever be seen");
    }
    sessions.did_not_attend = *share;
  }
  sessions.not_attended = r.optional(value, "not_attended", expect_not_attended).value_or(sessions.not_attended);
  if (const auto follow_ups = r.optional(value, "follow_ups", expect_follow_ups)) {
    sessions.follow_ups = follow_ups->count;
    sessions.follow_up_interval = follow_ups->interval;
  }
  warn_about_idle_follow_up_slots(r, sessions);
  if (r.error_count() != errors_before) return std::nullopt;
  return sessions;
}

}  // namespace carepath::io
