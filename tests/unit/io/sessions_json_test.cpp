// SPDX-License-Identifier: MIT
// A clinic's or panel's "sessions" (io/sessions_json.cpp): what each field becomes in the model,
// and the warning about follow-up slots nobody needs. Located errors are in tests/errors
// (bad_sessions.json).
#include "scenario_documents.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace carepath;
using namespace carepath::io::test_documents;
using testing::ElementsAre;
using testing::IsEmpty;

nlohmann::json with_sessions(const char* sessions) {
  nlohmann::json document = minimal_scenario();
  document["start_date"] = "2025-01-06";
  document["services"][0].erase("capacity");
  document["services"][0]["sessions"] = nlohmann::json::parse(sessions);
  return document;
}

TEST(Sessions, EveryFieldIsRead) {
  const model::Scenario s = parse(with_sessions(R"({
      "timetable": [ { "days": ["mon", "thu"], "at": "09:30", "slots": 6 } ],
      "changes": [ { "from": "2025-03-03", "timetable": [
        { "days": "wed", "at": "13:00", "slots": { "new": 4, "follow_up": 2 } } ] } ],
      "did_not_attend": 0.1, "not_attended": "discharge",
      "follow_ups": { "count": 2, "interval": "4w" } })")).scenario;
  const model::Service& service = s.services.at(0);
  EXPECT_FALSE(service.capacity.has_value());
  ASSERT_TRUE(service.sessions.has_value());
  const model::ClinicSessions& sessions = *service.sessions;
  ASSERT_EQ(sessions.timetable.size(), 1U);
  EXPECT_EQ(sessions.timetable[0].weekdays, (std::array<bool, 7>{true, false, false, true, false, false, false}));
  EXPECT_DOUBLE_EQ(sessions.timetable[0].at_hour, 9.5);
  EXPECT_EQ(sessions.timetable[0].slots, 6U);
  EXPECT_FALSE(sessions.timetable[0].follow_up_slots.has_value());
  ASSERT_EQ(sessions.changes.size(), 1U);
  EXPECT_EQ(model::format_date(sessions.changes[0].from), "2025-03-03");
  EXPECT_EQ(sessions.changes[0].timetable.at(0).slots, 4U);
  EXPECT_EQ(sessions.changes[0].timetable.at(0).follow_up_slots, 2U);
  EXPECT_DOUBLE_EQ(sessions.did_not_attend, 0.1);
  EXPECT_EQ(sessions.not_attended, model::NotAttended::Discharge);
  EXPECT_EQ(sessions.follow_ups, 2U);
  EXPECT_DOUBLE_EQ(sessions.follow_up_interval, 28);
}

TEST(Sessions, DefaultsRebookAndNoFollowUps) {
  const model::Scenario s = parse(with_sessions(R"({"timetable": [ { "days": "tue", "at": "14:00", "slots": 2 } ]})")).scenario;
  const model::ClinicSessions& sessions = *s.services.at(0).sessions;
  EXPECT_EQ(sessions.did_not_attend, 0.0);
  EXPECT_EQ(sessions.not_attended, model::NotAttended::Rebook);
  EXPECT_EQ(sessions.follow_ups, 0U);
  EXPECT_THAT(warning_lines(with_sessions(R"({"timetable": [ { "days": "tue", "at": "14:00", "slots": 2 } ]})")),
              IsEmpty());
}

TEST(Sessions, WarnsAboutFollowUpSlotsWithoutFollowUps) {
  EXPECT_THAT(warning_lines(with_sessions(R"({"timetable": [ { "days": "tue", "at": "14:00", "slots": 2 } ],
      "changes": [ { "from": "2025-02-03", "timetable": [
        { "days": "tue", "at": "14:00", "slots": { "new": 2, "follow_up": 1 } } ] } ]})")),
              ElementsAre("/services/0/sessions: slots are reserved for follow-ups, but there are no \"follow_ups\": "
                          "those slots are never used"));
}

}  // namespace
