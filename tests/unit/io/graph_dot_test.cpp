// SPDX-License-Identifier: MIT
// DOT export: what each vertex and edge says, and that the same scenario always gives the same
// bytes.
#include <carepath/io/graph_dot.hpp>

#include <carepath/time.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace carepath::io {
namespace {

using testing::HasSubstr;
using testing::Not;

model::Service service(std::string name, std::optional<std::uint32_t> capacity, model::DistributionSpec time) {
  model::Service s;
  s.name = std::move(name);
  s.capacity = capacity;
  s.service_time = std::move(time);
  return s;
}

// referrals (2.7/day) -> clinic (3 servers) -> ward 0.2 | exit 0.8; ward -> exit.
model::Scenario clinic_and_ward() {
  model::Scenario s;
  s.name = "clinic-and-ward";
  s.arrivals = {{"referrals", "clinic", 2.7, {}}};
  s.services = {service("clinic", 3, model::Exponential{minutes(30)}),
                service("ward", std::nullopt, model::Deterministic{days(4)})};
  s.services[0].queue_limit = 10;
  s.services[0].routes = {{"ward", 0.2}, {model::kExit, 0.8}};
  return s;
}

std::string dot(const model::Scenario& scenario) {
  std::ostringstream out;
  write_graph_dot(scenario, out);
  return out.str();
}

TEST(WriteGraphDot, DrawsSourcesServicesRoutesAndTheExit) {
  EXPECT_EQ(dot(clinic_and_ward()),
            "digraph G {\n"
            "rankdir=LR;\n"
            "0[label=\"referrals\\n2.7/day\", shape=ellipse];\n"
            "1[label=\"clinic\\n3 servers\\nmean 30 min\\nqueue limit 10\", shape=box];\n"
            "2[label=\"ward\\nunlimited\\nmean 4 days\", shape=box];\n"
            "3[label=\"exit\", shape=doublecircle];\n"
            "0->1 ;\n"
            "1->2 [label=\"0.2\"];\n"
            "1->3 [label=\"0.8\"];\n"
            "2->3 ;\n"
            "}\n");
}

TEST(WriteGraphDot, DrawsDiversionsGivingUpAndTypeRoutesDashed) {
  auto scenario = clinic_and_ward();
  scenario.services[0].when_full = model::WhenFull::Divert;
  scenario.services[0].divert_to = "ward";
  scenario.services[1].patience = model::Exponential{days(1)};
  model::TypeOverride frail;
  frail.patient_type = "frail";
  frail.routes = std::vector<model::Route>{{"ward", 1.0}};
  scenario.services[0].by_type = {frail};
  const std::string text = dot(scenario);
  EXPECT_THAT(text, HasSubstr("1->2 [label=\"frail\", style=dashed];\n"));
  EXPECT_THAT(text, HasSubstr("1->2 [label=\"when full\", style=dashed];\n"));
  EXPECT_THAT(text, HasSubstr("2->3 [label=\"gives up\", style=dashed];\n"));
}

TEST(WriteGraphDot, SaysWhenCapacityFollowsASchedule) {
  auto scenario = clinic_and_ward();
  scenario.services[0].capacity_changes = {model::CapacityChange{scenario.start_date, 4}};
  scenario.services[0].roster = {model::RosterShift{}};
  EXPECT_THAT(dot(scenario), HasSubstr("3 servers at the start, then dated changes\\nweekly roster"));
}

TEST(WriteGraphDot, SaysAClinicsSessionsAndSlotsAWeek) {
  auto scenario = clinic_and_ward();
  scenario.services[0].capacity.reset();
  scenario.services[0].sessions = model::ClinicSessions{
      .timetable = {{.weekdays = {true, false, false, true, false, false, false}, .at_hour = 9, .slots = 6}},
      .changes = {},
      .did_not_attend = 0,
      .not_attended = model::NotAttended::Rebook};
  EXPECT_THAT(dot(scenario), HasSubstr("clinic\\n2 sessions, 12 slots a week\\nmean 30 min"));
}

TEST(WriteGraphDot, IsTheSameEveryTime) {
  const auto scenario = clinic_and_ward();
  EXPECT_EQ(dot(scenario), dot(scenario));
}

TEST(WriteGraphDot, LabelsOnlyRoutesNotEveryoneTakes) {
  auto scenario = clinic_and_ward();
  scenario.services[0].routes = {{"ward", 1.0}};
  EXPECT_THAT(dot(scenario), HasSubstr("1->2 ;\n"));
}

TEST(WriteGraphDot, ShowsServiceTimesInReadableUnits) {
  auto scenario = clinic_and_ward();
  scenario.services[0].service_time = model::Deterministic{hours(1)};
  scenario.services[1].service_time = model::Deterministic{weeks(18)};
  const auto text = dot(scenario);
  EXPECT_THAT(text, HasSubstr("mean 1 hour\\n"));
  EXPECT_THAT(text, HasSubstr("mean 18 weeks\""));
}

TEST(WriteGraphDot, ShowsSlowArrivalsPerWeekOrYear) {
  auto scenario = clinic_and_ward();
  scenario.arrivals = {{"weekly", "clinic", 3.0 / 7, {}}, {"rare", "clinic", 12.0 / 365, {}}};
  const auto text = dot(scenario);
  EXPECT_THAT(text, HasSubstr("weekly\\n3/week"));
  EXPECT_THAT(text, HasSubstr("rare\\n12/year"));
}

TEST(WriteGraphDot, SaysServerInTheSingular) {
  auto scenario = clinic_and_ward();
  scenario.services[0].capacity = 1;
  EXPECT_THAT(dot(scenario), HasSubstr("clinic\\n1 server\\n"));
}

TEST(WriteGraphDot, MarksALossSystem) {
  auto scenario = clinic_and_ward();
  scenario.services[0].queue_limit = 0;
  EXPECT_THAT(dot(scenario), HasSubstr("no waiting room"));
}

TEST(WriteGraphDot, EscapesQuotesAndBackslashesInNames) {
  auto scenario = clinic_and_ward();
  scenario.arrivals[0].name = R"(say "hi" \ bye)";
  EXPECT_THAT(dot(scenario), HasSubstr(R"(label="say \"hi\" \\ bye\n)"));
}

TEST(WriteGraphDot, LeavesOutRoutesToUnknownServices) {
  auto scenario = clinic_and_ward();
  scenario.services[0].routes = {{"nowhere", 0.5}, {model::kExit, 0.5}};
  const auto text = dot(scenario);
  EXPECT_THAT(text, HasSubstr("1->3 [label=\"0.5\"];\n"));
  EXPECT_THAT(text, Not(HasSubstr("1->2")));
}

}  // namespace
}  // namespace carepath::io
