// SPDX-License-Identifier: MIT
#include "io/sessions_json.hpp"

#include "io/calendar_json.hpp"
#include "io/capacity_json.hpp"
#include "io/field_rules.hpp"

namespace carepath::io {
namespace {

void read_session(JsonReader& r, const Json& json, model::Session& out) {
  r.check_keys(json, {"days", "at", "slots"});
  out.weekdays = r.required(json, "days", expect_weekdays).value_or(out.weekdays);
  out.at_hour = r.required(json, "at", expect_time_of_day).value_or(out.at_hour);
  if (out.at_hour >= 24) {
    r.error_at("at", R"(expected a time of day before "24:00", got "24:00": a session at midnight is at "00:00" of the next day)");
  }
  if (const auto slots = r.required(json, "slots", &JsonReader::expect_integer, std::uint64_t{1}, kMaxServers,
                                    "a positive integer (leave a session out to cancel it)")) {
    out.slots = static_cast<std::uint32_t>(*slots);
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

std::optional<model::NotAttended> expect_not_attended(JsonReader& r, const Json& value) {
  if (is_text(value, "rebook")) return model::NotAttended::Rebook;
  if (is_text(value, "discharge")) return model::NotAttended::Discharge;
  r.expected(R"("rebook" or "discharge")", value);
  return std::nullopt;
}

}  // namespace

std::optional<model::ClinicSessions> expect_sessions(JsonReader& r, const Json& value, const ScenarioContext& context) {
  if (!r.expect_object(value)) return std::nullopt;
  r.check_keys(value, {"timetable", "changes", "did_not_attend", "not_attended"});
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
  if (r.error_count() != errors_before) return std::nullopt;
  return sessions;
}

}  // namespace carepath::io
