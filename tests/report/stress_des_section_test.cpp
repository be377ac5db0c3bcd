// SPDX-License-Identifier: MIT
// The STRESS-DES section: every checklist item in order, filled from the inputs the report has,
// and the empty ones named, both in the items and in the closing list.
#include "report/stress_des_section.hpp"

#include "fixtures.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace carepath::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const std::filesystem::path kData = std::filesystem::path(CAREPATH_SOURCE_DIR) / "tests/report/data";

std::vector<std::string> empty_items(const io::ReportInputs& inputs) {
  std::vector<std::string> numbers;
  for (const StressItem& item : stress_des_items(inputs)) {
    if (!item.missing.empty()) numbers.push_back(item.number);
  }
  return numbers;
}

nlohmann::ordered_json provenance() {
  return {{"carepath_version", "0.2.0"},
          {"git_commit", "abc"},
          {"compiler", "GCC 12.2.0"},
          {"libraries", {{"boost", "1.74.0"}, {"onetbb", "2021.8.0"}, {"nlohmann_json", "3.11.2"}}},
          {"inputs", nlohmann::ordered_json::array()},
          {"run", {{"threads", 2}, {"ranks", 1}}}};
}

TEST(StressDes, EveryItemInTheChecklistOrder) {
  std::vector<std::string> numbers;
  for (const StressItem& item : stress_des_items(testing::fixture_inputs(kData))) numbers.push_back(item.number);
  EXPECT_THAT(numbers, ElementsAre("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5.1", "2.5.2", "2.5.3", "2.5.4",
                                   "2.5.5", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4",
                                   "6.1"));
}

TEST(StressDes, WithProvenanceAndVariantsNothingIsEmpty) {
  io::ReportInputs inputs = testing::fixture_inputs(kData);
  inputs.provenance = provenance();
  EXPECT_THAT(empty_items(inputs), IsEmpty());
  const std::string html = render_stress_des_section(inputs);
  EXPECT_THAT(html, HasSubstr("Every item of the checklist is filled."));
  EXPECT_THAT(html, HasSubstr("carepath 0.2.0 (commit <code>abc</code>)"));
}

TEST(StressDes, RunLengthSaysTheStartTimeWhenTheRunHasOne) {
  io::ReportInputs inputs = testing::base_only_inputs(kData);
  const std::string date = inputs.summary["run"]["start_date"].get<std::string>();
  EXPECT_THAT(render_stress_des_section(inputs), HasSubstr(" from " + date + ", terminating"));
  inputs.summary["run"]["start_time"] = "06:00";
  EXPECT_THAT(render_stress_des_section(inputs), HasSubstr(" from 06:00 on " + date + ", terminating"));
}

TEST(StressDes, NamesWhatTheScenarioLeavesEmpty) {
  io::ReportInputs inputs = testing::base_only_inputs(kData);
  inputs.scenario["description"] = "";
  inputs.scenario["notes"] = nlohmann::ordered_json::array();
  for (auto& service : inputs.scenario["services"]) service["notes"] = nlohmann::ordered_json::array();
  for (auto& arrival : inputs.scenario["arrivals"]) arrival["notes"] = nlohmann::ordered_json::array();
  EXPECT_THAT(empty_items(inputs),
              ElementsAre("1.1", "1.3", "2.3", "3.1", "3.2", "3.3", "3.4", "5.1", "5.2", "5.3", "5.4"));
  const std::string html = render_stress_des_section(inputs);
  EXPECT_THAT(html, HasSubstr("Empty: the scenario has no description."));
  EXPECT_THAT(html, HasSubstr("<b>Left empty by this scenario:</b> 1.1 Purpose of the model; 1.3 Experimentation aims;"));
  EXPECT_THAT(html, Not(HasSubstr("Every item of the checklist is filled.")));
}

}  // namespace
}  // namespace carepath::report
