// SPDX-License-Identifier: MIT
// The report's service graph from a Scenario (report_graph): the same routes as `carepath graph`
// (both come from io/graph_routes.cpp), each drawn in the style of its kind, and capacity as the
// range a roster or dated changes move it in.
#include <carepath/io/graph_dot.hpp>
#include <carepath/io/report_html.hpp>

#include <carepath/time.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

namespace carepath::io {
namespace {

using testing::Contains;
using testing::ElementsAre;

model::Service service(std::string name, std::optional<std::uint32_t> capacity) {
  model::Service s;
  s.name = std::move(name);
  s.capacity = capacity;
  s.service_time = model::Exponential{hours(1)};
  return s;
}

// referrals -> clinic -> ward 0.2 | exit 0.8; ward -> exit. The clinic diverts to the ward when
// full and frail patients have a route of their own; patients waiting for the ward give up.
model::Scenario clinic_and_ward() {
  model::Scenario s;
  s.name = "clinic-and-ward";
  s.arrivals = {{"referrals", "clinic", 2.7, {}}};
  s.services = {service("clinic", 3), service("ward", 12)};
  s.services[0].routes = {{"ward", 0.2}, {model::kExit, 0.8}};
  s.services[0].when_full = model::WhenFull::Divert;
  s.services[0].divert_to = "ward";
  model::TypeOverride frail;
  frail.patient_type = "frail";
  frail.routes = std::vector<model::Route>{{"ward", 1.0}};
  s.services[0].by_type = {frail};
  s.services[1].patience = model::Exponential{days(1)};
  return s;
}

std::size_t dot_edges(const model::Scenario& scenario) {
  std::ostringstream out;
  write_graph_dot(scenario, out);
  const std::string text = out.str();
  std::size_t edges = 0;
  for (std::size_t at = text.find("->"); at != std::string::npos; at = text.find("->", at + 2)) ++edges;
  return edges;
}

TEST(ReportGraph, HasEveryRouteOfCarepathGraphInItsStyle) {
  const model::Scenario scenario = clinic_and_ward();
  const ReportGraph graph = report_graph(scenario);
  // referrals->clinic, clinic->ward 0.2, clinic->exit 0.8, frail clinic->ward, divert
  // clinic->ward, ward->exit, ward gives up->exit.
  ASSERT_EQ(graph.edges.size(), 7u);
  EXPECT_EQ(graph.edges.size(), dot_edges(scenario));
  std::vector<ReportGraphEdge::Style> styles;
  for (const ReportGraphEdge& edge : graph.edges) styles.push_back(edge.style);
  using Style = ReportGraphEdge::Style;
  EXPECT_THAT(styles, ElementsAre(Style::Route, Style::Route, Style::Route, Style::PerType, Style::Divert,
                                  Style::Route, Style::Renege));
  EXPECT_EQ(graph.edges[3].label, "frail");
}

TEST(ReportGraph, ShowsARosterAsTheRangeItMovesIn) {
  model::Scenario scenario = clinic_and_ward();
  // 3 overnight, 9 from 08:00 to 22:00 every day: never "3 servers" alone, never "0".
  model::RosterShift day_shift;
  day_shift.weekdays.fill(true);
  day_shift.from_hour = 8;
  day_shift.to_hour = 22;
  day_shift.capacity = 9;
  scenario.services[0].roster = {day_shift};
  // A roster around the clock every day leaves the dated capacity unused.
  model::RosterShift all_day = day_shift;
  all_day.from_hour = 0;
  all_day.to_hour = 24;
  all_day.capacity = 5;
  scenario.services[1].roster = {all_day};
  scenario.services[1].capacity = 0;
  const ReportGraph graph = report_graph(scenario);
  EXPECT_THAT(graph.nodes[1].details, Contains("capacity 3\u20139 by roster"));
  EXPECT_THAT(graph.nodes[2].details, Contains("capacity 5 by roster"));
}

TEST(ReportGraph, ShowsDatedChangesAsARange) {
  model::Scenario scenario = clinic_and_ward();
  scenario.services[1].capacity_changes = {model::CapacityChange{scenario.start_date, 16}};
  EXPECT_THAT(report_graph(scenario).nodes[2].details, Contains("capacity 12\u201316 by date"));
}

}  // namespace
}  // namespace carepath::io
