// SPDX-License-Identifier: MIT
// "escalate" (io/escalation_json.cpp): one step or a list, at a service and per patient type.
// Its errors are in tests/errors/bad_escalation.json.
#include "scenario_documents.hpp"

#include <carepath/io/scenario_json.hpp>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace carepath::io {
namespace {

using test_documents::minimal_scenario;
using test_documents::parse;

TEST(ParseEscalation, ReadsOneStepAsAListOfOne) {
  auto document = minimal_scenario();
  document["services"][0]["escalate"] = {{"after", "12h"}, {"to_priority", 0}};
  const auto steps = parse(document).scenario.services[0].escalate;
  ASSERT_EQ(steps.size(), 1U);
  EXPECT_DOUBLE_EQ(steps[0].after, 0.5);
  EXPECT_EQ(steps[0].to_priority, 0U);
}

TEST(ParseEscalation, ReadsAListAndATypesOwnSteps) {
  auto document = minimal_scenario();
  document["services"][0]["escalate"] = nlohmann::json::parse(
      R"([{ "after": "18w", "to_priority": 1 }, { "after": "52w", "to_priority": 0 }])");
  document["services"][0]["by_type"] =
      nlohmann::json::parse(R"({ "patient": { "escalate": { "after": "0h", "to_priority": 0 } } })");
  const auto service = parse(document).scenario.services[0];
  ASSERT_EQ(service.escalate.size(), 2U);
  EXPECT_DOUBLE_EQ(service.escalate[0].after, 126.0);
  EXPECT_EQ(service.escalate[0].to_priority, 1U);
  EXPECT_DOUBLE_EQ(service.escalate[1].after, 364.0);
  EXPECT_EQ(service.escalate[1].to_priority, 0U);
  ASSERT_EQ(service.by_type.size(), 1U);
  ASSERT_TRUE(service.by_type[0].escalate.has_value());
  ASSERT_EQ(service.by_type[0].escalate->size(), 1U);
  EXPECT_DOUBLE_EQ(service.by_type[0].escalate->front().after, 0.0);
}

TEST(ParseEscalation, NoStepsWithoutTheKey) {
  EXPECT_TRUE(parse(minimal_scenario()).scenario.services[0].escalate.empty());
}

}  // namespace
}  // namespace carepath::io
