// SPDX-License-Identifier: MIT
// parse_duration, parse_rate and parse_percent: every unit the format names converts to days (or
// per day, or a fraction), and anything ambiguous is rejected rather than guessed.
#include <carepath/io/scenario_json.hpp>
#include <carepath/time.hpp>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace carepath::io {
namespace {

using Conversion = std::pair<std::string, double>;

class DurationUnit : public testing::TestWithParam<Conversion> {};

TEST_P(DurationUnit, ConvertsToDays) {
  const auto& [text, expected_days] = GetParam();
  const auto parsed = parse_duration(text);
  ASSERT_TRUE(parsed.has_value()) << text;
  EXPECT_DOUBLE_EQ(*parsed, expected_days) << text;
}

INSTANTIATE_TEST_SUITE_P(EveryUnit, DurationUnit,
                         testing::Values(Conversion{"90s", 90.0 / 86400}, Conversion{"90sec", 90.0 / 86400},
                                         Conversion{"90seconds", 90.0 / 86400}, Conversion{"30min", 30.0 / 1440},
                                         Conversion{"30minutes", 30.0 / 1440}, Conversion{"6h", 0.25},
                                         Conversion{"6hr", 0.25}, Conversion{"6hours", 0.25},
                                         Conversion{"3d", 3}, Conversion{"3day", 3}, Conversion{"3days", 3},
                                         Conversion{"2w", 14}, Conversion{"2wk", 14}, Conversion{"2week", 14},
                                         Conversion{"2weeks", 14}));

TEST(ParseDuration, AcceptsOneSpaceBeforeTheUnit) {
  EXPECT_DOUBLE_EQ(parse_duration("4 h").value_or(-1), hours(4));
  EXPECT_DOUBLE_EQ(parse_duration("18 weeks").value_or(-1), weeks(18));
}

TEST(ParseDuration, AcceptsDecimalsExponentsAndZero) {
  EXPECT_DOUBLE_EQ(parse_duration("3.5d").value_or(-1), 3.5);
  EXPECT_DOUBLE_EQ(parse_duration(".5d").value_or(-1), 0.5);
  EXPECT_DOUBLE_EQ(parse_duration("1e2min").value_or(-1), minutes(100));
  EXPECT_EQ(parse_duration("0d"), 0.0);
}

TEST(ParseDuration, RejectsBareNumbers) {
  EXPECT_EQ(parse_duration("365"), std::nullopt);
  EXPECT_EQ(parse_duration("3.5"), std::nullopt);
}

TEST(ParseDuration, RejectsUnknownOrMissingUnits) {
  for (const char* text : {"4 fortnights", "4hrs", "4H", "4 Days", "4m", "4y", "4 ", "4d4h", "4d ", "d", ""}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
  }
}

TEST(ParseDuration, RejectsStraySpaces) {
  for (const char* text : {" 4h", "4h ", "4  h", "4\th", "4 \th"}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
  }
}

TEST(ParseDuration, RejectsSignsAndNonFiniteNumbers) {
  for (const char* text : {"-3d", "-0d", "+3d", "nand", "nan d", "infd", "inf d", "infinityd", "0x10d"}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
  }
}

TEST(ParseDuration, RejectsValuesTooLargeToRepresent) {
  EXPECT_EQ(parse_duration("1e400d"), std::nullopt);
  EXPECT_EQ(parse_duration("1e308w"), std::nullopt);  // Finite as a number, infinite in days.
}

class RateUnit : public testing::TestWithParam<Conversion> {};

TEST_P(RateUnit, ConvertsToPerDay) {
  const auto& [text, expected_per_day] = GetParam();
  const auto parsed = parse_rate(text);
  ASSERT_TRUE(parsed.has_value()) << text;
  EXPECT_DOUBLE_EQ(*parsed, expected_per_day) << text;
}

INSTANTIATE_TEST_SUITE_P(EveryUnit, RateUnit,
                         testing::Values(Conversion{"2/min", 2880}, Conversion{"5/h", 120}, Conversion{"5/hour", 120},
                                         Conversion{"2.7/d", 2.7}, Conversion{"2.7/day", 2.7},
                                         Conversion{"14/w", 2}, Conversion{"14/week", 2},
                                         Conversion{"730/year", 2}));

TEST(ParseRate, ReadsZeroAsZero) { EXPECT_EQ(parse_rate("0/day"), 0.0); }

TEST(ParseRate, RejectsMalformedRates) {
  for (const char* text : {"120", "120/", "/day", "120 /day", "120/ day", "120/day ", "120/days", "120/fortnight",
                           "120/d/d", "120per day", "120day", ""}) {
    EXPECT_EQ(parse_rate(text), std::nullopt) << text;
  }
}

TEST(ParseRate, RejectsSignsAndNonFiniteNumbers) {
  for (const char* text : {"-5/day", "+5/day", "nan/day", "inf/day", "1e308/min"}) {
    EXPECT_EQ(parse_rate(text), std::nullopt) << text;
  }
}

TEST(ParsePercent, ConvertsToAFraction) {
  EXPECT_DOUBLE_EQ(parse_percent("3%").value_or(-9), 0.03);
  EXPECT_DOUBLE_EQ(parse_percent("2.5%").value_or(-9), 0.025);
  EXPECT_DOUBLE_EQ(parse_percent("-1.5%").value_or(-9), -0.015);
  EXPECT_DOUBLE_EQ(parse_percent("+4%").value_or(-9), 0.04);
  EXPECT_DOUBLE_EQ(parse_percent("150%").value_or(-9), 1.5);
  EXPECT_EQ(parse_percent("0%"), 0.0);
}

TEST(ParsePercent, RejectsEverythingElse) {
  for (const char* text : {"3", "0.03", "3 %", "3%%", "%", "-%", "--3%", "+-3%", " 3%", "3% ", "three%", "nan%",
                           "inf%", "1e400%", ""}) {
    EXPECT_EQ(parse_percent(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace carepath::io
