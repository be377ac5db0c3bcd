// SPDX-License-Identifier: MIT
// "Did you mean …?": the distance that picks suggestions, and when a suggestion is worth making.
#include <carepath/model/suggest.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carepath::model {
namespace {

using testing::HasSubstr;
using testing::Not;

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("ward", "ward"), 0U);
  EXPECT_EQ(edit_distance("wrd", "ward"), 1U);       // insertion
  EXPECT_EQ(edit_distance("wardd", "ward"), 1U);     // deletion
  EXPECT_EQ(edit_distance("word", "ward"), 1U);      // substitution
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("abc", ""), 3U);
}

TEST(EditDistance, IsSymmetric) {
  EXPECT_EQ(edit_distance("clinic", "clnc"), edit_distance("clnc", "clinic"));
}

TEST(UnknownNameMessage, SuggestsTheClosestKnownName) {
  EXPECT_EQ(unknown_name_message("service", "wrd", {"clinic", "ward"}),
            "unknown service 'wrd'; did you mean 'ward'? (known: clinic, ward)");
}

TEST(UnknownNameMessage, MakesNoSuggestionForAnUnrelatedName) {
  const auto message = unknown_name_message("service", "radiology", {"clinic", "ward"});
  EXPECT_EQ(message, "unknown service 'radiology' (known: clinic, ward)");
}

TEST(UnknownNameMessage, PrefersTheFirstOfEquallyCloseNames) {
  EXPECT_THAT(unknown_name_message("key", "xb", {"ab", "cb"}), HasSubstr("did you mean 'ab'?"));
}

TEST(UnknownNameMessage, ShortensALongListOfKnownNames) {
  const std::vector<std::string> known{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"};
  const auto message = unknown_name_message("service", "zzzzzz", known);
  EXPECT_THAT(message, HasSubstr("a8, …)"));
  EXPECT_THAT(message, Not(HasSubstr("a9")));
}

TEST(UnknownNameMessage, OmitsTheListWhenNothingIsKnown) {
  EXPECT_EQ(unknown_name_message("key", "x", {}), "unknown key 'x'");
}

}  // namespace
}  // namespace carepath::model
