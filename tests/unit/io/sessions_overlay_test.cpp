// SPDX-License-Identifier: MIT
// Schedule-safe slot what-ifs for clinics and panels (io/sessions_overlay.cpp): slots_delta and
// slots_scale keep every session and every dated timetable change and move every slot count (new
// and follow-up alike); a count forced to 0 is warned about naming the session, and a session
// left with no slot is not held; a variant that replaces "sessions" and loses dated changes is
// warned about, naming their dates.
#include "scenario_documents.hpp"

#include <carepath/io/scenario_json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carepath::io {
namespace {

using nlohmann::json;
using test_documents::error_lines;
using test_documents::lines_of;
using test_documents::minimal_scenario;
using test_documents::parse_set;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A clinic with a Monday session of 4 new and 4 follow-up slots and a Thursday session of 2, and
// from 1 Feb a Friday session of 1 added; one follow-up each.
json clinic_scenario(const json& variant) {
  json document = minimal_scenario();
  json& s = document["services"][0];
  s.erase("capacity");
  s["sessions"] = json::parse(R"({
    "timetable": [ { "days": "mon", "at": "09:30", "slots": { "new": 4, "follow_up": 4 } },
                   { "days": "thu", "at": "14:00", "slots": 2 } ],
    "changes": [ { "from": "2024-02-01", "timetable": [
                   { "days": "mon", "at": "09:30", "slots": { "new": 4, "follow_up": 4 } },
                   { "days": "thu", "at": "14:00", "slots": 2 },
                   { "days": "fri", "at": "13:30", "slots": 1 } ] } ],
    "follow_ups": { "count": 1, "interval": "2w" } })");
  json v = variant;
  v["name"] = "v";
  document["variants"] = json::array({v});
  return document;
}

// Every (new, follow-up) slot count of a timetable, in order.
std::vector<std::pair<std::uint32_t, std::uint32_t>> slots_of(const std::vector<model::Session>& timetable) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> slots;
  for (const model::Session& s : timetable) slots.emplace_back(s.slots, s.follow_up_slots.value_or(0));
  return slots;
}

using Slots = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

TEST(SessionsOverlay, DeltaMovesEverySlotCountAndKeepsTheDatedChanges) {
  const auto set = parse_set(clinic_scenario(json::parse(R"({ "services": { "s": { "slots_delta": 1 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::ClinicSessions& sessions = *set.variants[0].scenario.services[0].sessions;
  EXPECT_EQ(slots_of(sessions.timetable), (Slots{{5, 5}, {3, 0}}));
  ASSERT_EQ(sessions.changes.size(), 1u);
  EXPECT_EQ(slots_of(sessions.changes[0].timetable), (Slots{{5, 5}, {3, 0}, {2, 0}}));
  EXPECT_TRUE(set.warnings.empty());
  EXPECT_EQ(slots_of(set.base.services[0].sessions->timetable), (Slots{{4, 4}, {2, 0}}));  // the base is untouched
  EXPECT_THAT(set.variants[0].changes, ElementsAre("service 's': slots +1 at every session"));
}

TEST(SessionsOverlay, ScaleRoundsEachCount) {
  const auto set = parse_set(clinic_scenario(json::parse(R"({ "services": { "s": { "slots_scale": 1.5 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::ClinicSessions& sessions = *set.variants[0].scenario.services[0].sessions;
  EXPECT_EQ(slots_of(sessions.timetable), (Slots{{6, 6}, {3, 0}}));
  EXPECT_EQ(slots_of(sessions.changes[0].timetable), (Slots{{6, 6}, {3, 0}, {2, 0}}));  // 1.5 rounds to 2
  EXPECT_THAT(set.variants[0].changes, ElementsAre("service 's': slots \u00d71.5 at every session"));
}

TEST(SessionsOverlay, ASessionLeftWithNoSlotIsNotHeldAndAForcedZeroIsWarned) {
  const auto set = parse_set(clinic_scenario(json::parse(R"({ "services": { "s": { "slots_delta": -2 } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  const model::ClinicSessions& sessions = *set.variants[0].scenario.services[0].sessions;
  // Monday 2 + 2; Thursday 2 - 2 = 0 as asked (not held, no warning); Friday's 1 - 2 is forced.
  EXPECT_EQ(slots_of(sessions.timetable), (Slots{{2, 2}}));
  EXPECT_EQ(slots_of(sessions.changes[0].timetable), (Slots{{2, 2}}));
  EXPECT_THAT(lines_of(set.warnings),
              ElementsAre("/variants/0/services/s/slots_delta: leaves no slots at the fri 13:30 session from "
                          "2024-02-01: set to 0 there (a session with no slot is not held)"));
}

TEST(SessionsOverlay, ReplacingTheSessionsWarnsNamingTheDroppedDates) {
  const auto set = parse_set(clinic_scenario(json::parse(R"({ "services": { "s": { "sessions": {
      "timetable": [ { "days": "mon", "at": "09:30", "slots": 6 } ] } } } })")));
  ASSERT_EQ(set.variants.size(), 1u);
  EXPECT_THAT(lines_of(set.warnings),
              ElementsAre("/variants/0/services/s/sessions: replaces the base's sessions and drops its dated timetable "
                          "change from 2024-02-01; to keep them, change slots with slots_delta or slots_scale instead "
                          "(README \"Changing capacity in a variant\")"));
}

TEST(SessionsOverlay, ErrorsSayWhatIsWrong) {
  EXPECT_THAT(error_lines(clinic_scenario(json::parse(R"({ "services": { "s": { "slots_delta": 1, "slots_scale": 2 } } })"))),
              ElementsAre("/variants/0/services/s/slots_scale: cannot be used with slots_delta in the same variant; "
                          "use one of them"));
  EXPECT_THAT(error_lines(clinic_scenario(json::parse(R"({ "services": { "s": { "slots_scale": 0 } } })"))),
              ElementsAre(HasSubstr("/variants/0/services/s/slots_scale: expected a number above 0 and at most 1000")));
  json plain = minimal_scenario();
  plain["variants"] = json::parse(R"([ { "name": "v", "services": { "s": { "slots_delta": 1 } } } ])");
  EXPECT_THAT(error_lines(plain),
              ElementsAre(HasSubstr("/variants/0/services/s/slots_delta: needs sessions to change, but the service "
                                    "has none")));
}

}  // namespace
}  // namespace carepath::io
