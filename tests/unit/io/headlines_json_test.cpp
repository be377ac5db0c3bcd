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
using test_documents::warning_lines;

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

// A window of dates: the same KPI may be a headline over the whole run and over a window; the
// window must be days of the run and must not end within the warm-up.
TEST(Headlines, AWindowIsTwoDatesOfTheRun) {
  json document = department();
  document["start_date"] = "2024-01-01";
  document["run"]["warm_up"] = "3d";
  document["headlines"] = json::parse(R"([
    "four_hours.within_target",
    { "kpi": "four_hours.within_target", "window": { "from": "2024-01-10", "to": "2024-01-20" } } ])");
  const model::Scenario s = parse(document).scenario;
  ASSERT_EQ(s.headlines.size(), 2u);
  EXPECT_FALSE(s.headlines[0].window);
  ASSERT_TRUE(s.headlines[1].window);
  EXPECT_EQ(model::format_window(*s.headlines[1].window), "2024-01-10 to 2024-01-20");

  document["headlines"] = json::parse(R"([
    { "kpi": "four_hours.within_target", "window": { "from": "2024-01-02", "to": "2024-01-20" } } ])");
  EXPECT_THAT(warning_lines(document),
              ::testing::ElementsAre("/headlines/0/window: the window 2024-01-02 to 2024-01-20 starts within "
                                     "the warm-up (the first 3 days), which is never measured: it is measured from "
                                     "the warm-up's end"));
  document["headlines"] = json::parse(R"([
    { "kpi": "four_hours.within_target", "window": { "from": "2024-01-10", "to": "2024-02-20" } },
    { "kpi": "four_hours.breaches", "window": { "from": "2024-01-01", "to": "2024-01-02" } },
    { "kpi": "four_hours.completions", "window": { "from": "2024-01-05", "to": "2024-01-04" } },
    { "kpi": "four_hours.entered", "window": { "from": "2024-01-05", "until": "2024-01-04" } } ])");
  EXPECT_THAT(error_lines(document),
              ::testing::ElementsAre(
                  "/headlines/0/window: the window 2024-01-10 to 2024-02-20 must lie within the run's days, "
                  "2024-01-01 to 2024-01-30",
                  "/headlines/1/window: the window 2024-01-01 to 2024-01-02 ends within the warm-up (the first 3 "
                  "days), which is never measured",
                  "/headlines/2/window: the window ends before it starts (2024-01-05 to 2024-01-04)",
                  "/headlines/3/window/until: unknown key 'until' (known: from, to)",
                  "/headlines/3/window: missing required key 'to'"));
}

}  // namespace
}  // namespace carepath::io
