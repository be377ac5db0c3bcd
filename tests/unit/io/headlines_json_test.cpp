// SPDX-License-Identifier: MIT
// "headlines" in the scenario format (io/headlines_json.cpp, stats/kpi_ref.cpp): the forms a
// planner may write, each stored in its long form; the defaults for a scenario that names none;
// and located errors naming what is wrong.
#include "scenario_documents.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carepath::io {
namespace {

using nlohmann::json;
using test_documents::error_lines;
using test_documents::minimal_scenario;
using test_documents::parse;

// An emergency department whose admitted patients wait for a ward that blocks when full, with a
// pathway over both.
json department() {
  return json::parse(R"({
    "name": "ed",
    "run": { "horizon": "30d" },
    "arrivals": [ { "name": "a", "to": "ed", "rate": "20/day" } ],
    "services": [
      { "name": "ed", "capacity": 4, "service_time": { "distribution": "exponential", "mean": "3h" },
        "next": [ { "to": "ward", "probability": 0.3 }, { "to": "exit", "probability": 0.7 } ] },
      { "name": "ward", "capacity": 10, "queue_limit": 0, "when_full": "block",
        "service_time": { "distribution": "exponential", "mean": "4d" } } ],
    "pathways": [ { "name": "four_hours", "start": "ed", "end": "ed", "target": "4h" } ]
  })");
}

std::vector<std::string> kpis(const model::Scenario& s) {
  std::vector<std::string> out;
  for (const auto& h : s.headlines) out.push_back(h.kpi + (h.label.empty() ? "" : " | " + h.label));
  return out;
}

TEST(Headlines, DefaultsArePathwaySharesThenBlockedBedDaysWhereBlockingCanHappen) {
  EXPECT_THAT(kpis(parse(department()).scenario),
              ::testing::ElementsAre("pathway.four_hours.within_target", "service.ed.blocked_bed_days"));
}

TEST(Headlines, WithoutPathwaysOrBlockingTheDefaultsAreMeanWaits) {
  EXPECT_THAT(kpis(parse(minimal_scenario()).scenario), ::testing::ElementsAre("service.s.wait_mean"));
}

TEST(Headlines, EveryFormIsStoredInItsLongForm) {
  json document = department();
  document["headlines"] = json::parse(R"([
    "four_hours.within_target",
    { "kpi": "service.ward.utilisation", "label": "Ward occupancy" },
    "system.losses" ])");
  EXPECT_THAT(kpis(parse(document).scenario),
              ::testing::ElementsAre("pathway.four_hours.within_target", "service.ward.utilisation | Ward occupancy",
                                     "system.losses"));
}

// A clinic's slot metrics are named clinic.NAME.METRIC, for services with sessions only.
TEST(Headlines, AClinicsMetricsAreNamedByItsService) {
  json document = department();
  document["services"].push_back(json::parse(R"({ "name": "clinic",
    "sessions": { "timetable": [ { "days": "mon", "at": "09:00", "slots": 4 } ] },
    "service_time": { "distribution": "deterministic", "value": "1h" } })"));
  document["arrivals"].push_back(json::parse(R"({ "name": "b", "to": "clinic", "rate": "1/day" })"));
  document["headlines"] = json::parse(R"([ "clinic.clinic.slots_wasted" ])");
  EXPECT_THAT(kpis(parse(document).scenario), ::testing::ElementsAre("clinic.clinic.slots_wasted"));
  document["headlines"] = json::parse(R"([ "clinic.ward.slots_wasted", "clinic.clinic.slot_wasted" ])");
  EXPECT_THAT(error_lines(document),
              ::testing::ElementsAre("/headlines/0: unknown clinic 'ward' (known: clinic)",
                                     "/headlines/1: unknown clinic metric 'slot_wasted'; did you mean 'slots_wasted'? "
                                     "(known: sessions, slots_offered, slots_used, follow_ups, slots_wasted, not_attended, "
                                     "unused_slots, slot_use, \u2026)"));
}

TEST(Headlines, ProblemsAreLocatedAndSayWhatIsWrong) {
  json document = department();
  document["headlines"] = json::parse(R"([
    "four_hour.within_target",
    { "kpi": "service.ward.wait_maen", "label": 3 },
    { "label": "no kpi" },
    7,
    "four_hours.within_target",
    "pathway.four_hours.within_target" ])");
  EXPECT_THAT(error_lines(document),
              ::testing::ElementsAre(
                  "/headlines/0: unknown kind, pathway or service 'four_hour'; did you mean 'four_hours'? (known: "
                  "service, pathway, resource, clinic, system, cost, four_hours, ed, \u2026)",
                  "/headlines/1/label: expected a string, got 3",
                  "/headlines/1/kpi: unknown service metric 'wait_maen'; did you mean 'wait_mean'? (known: arrivals, "
                  "completions, losses, diverted, reneges, loss_probability, wait_mean, wait_p50, \u2026)",
                  "/headlines/2: missing required key 'kpi'",
                  "/headlines/3: expected a KPI such as \"pathway.ae_4h.within_target\", or {\"kpi\": ..., "
                  "\"label\": \"4-hour share\"}, got 7",
                  "/headlines/5: repeats the headline pathway.four_hours.within_target"));
  document["headlines"] = json::array();
  EXPECT_THAT(error_lines(document),
              ::testing::ElementsAre("/headlines: expected from 1 to 20 KPIs (leave \"headlines\" out for the "
                                     "defaults), got []"));
}

}  // namespace
}  // namespace carepath::io
