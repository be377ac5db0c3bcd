// SPDX-License-Identifier: MIT
// Where a pointer lands in the scenario text (io/json_locations.cpp): the line and column an
// editor jumps to, and the pointer with elements named.
#include "io/json_locations.hpp"

#include <gtest/gtest.h>

namespace carepath::io {
namespace {

constexpr std::string_view kText = R"({
  "name": "x",
  "services": [
    { "name": "triage", "capacity": 2 },
    { "name": "ward",
      "notes": ["a \"quoted\" , ] } note", {"nested": [1, 2]}],
      "capacity": -3 }
  ],
  "run": { "horizon": "10d" }
})";

TEST(JsonLocations, FindsTheKeyOfAMemberAndTheStartOfAnElement) {
  const auto capacity = locate(kText, "/services/1/capacity");
  ASSERT_TRUE(capacity.has_value());
  EXPECT_EQ(capacity->line, 7u);
  EXPECT_EQ(capacity->column, 7u);
  const auto ward = locate(kText, "/services/1");
  ASSERT_TRUE(ward.has_value());
  EXPECT_EQ(ward->line, 5u);
  EXPECT_EQ(ward->column, 5u);
  const auto horizon = locate(kText, "/run/horizon");
  ASSERT_TRUE(horizon.has_value());
  EXPECT_EQ(horizon->line, 9u);
  EXPECT_EQ(horizon->column, 12u);
  const auto document = locate(kText, "");
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->line, 1u);
}

TEST(JsonLocations, APointerThatLeadsNowhereHasNoPlace) {
  EXPECT_FALSE(locate(kText, "/services/2").has_value());
  EXPECT_FALSE(locate(kText, "/services/1/beds").has_value());
  EXPECT_FALSE(locate(kText, "/name/0").has_value());
}

TEST(JsonLocations, NamesElementsThatHaveANameAndKeepsIndicesOtherwise) {
  const Json document = Json::parse(kText);
  EXPECT_EQ(named_pointer(document, "/services/1/capacity"), "/services[ward]/capacity");
  EXPECT_EQ(named_pointer(document, "/services/1/notes/1/nested/0"), "/services[ward]/notes/1/nested/0");
  EXPECT_EQ(named_pointer(document, "/services/7/capacity"), "/services/7/capacity");
  EXPECT_EQ(named_pointer(document, "/a~1b"), "/a~1b");
}

}  // namespace
}  // namespace carepath::io
