// SPDX-License-Identifier: MIT
// scenarios/schema.json must accept exactly the durations and rates the loader accepts, so that an
// editor validating against the schema and `carepath validate` never disagree on a time. This test
// reads the schema's patterns and compares them, string by string, with io::parse_duration and
// io::parse_rate (sim/io/units.cpp) over a generated corpus of good and bad spellings.
// validate_scenarios.py checks whole scenario files against the rest of the schema.
#include <carepath/io/scenario_json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

nlohmann::json load_schema() {
  std::ifstream in(std::string(CAREPATH_SOURCE_DIR) + "/scenarios/schema.json");
  EXPECT_TRUE(in) << "cannot open scenarios/schema.json";
  return nlohmann::json::parse(in);
}

std::regex pattern_at(const nlohmann::json& schema, const char* pointer) {
  return std::regex(schema.at(nlohmann::json::json_pointer(pointer)).get<std::string>(),
                    std::regex::ECMAScript);
}

std::string verdicts(const std::string& text, bool schema_accepts, bool loader_accepts) {
  return '"' + text + "\": the schema " + (schema_accepts ? "accepts" : "rejects") + " it, the loader " +
         (loader_accepts ? "accepts" : "rejects") + " it";
}

const std::vector<std::string> kNumbers = {
    "0", "1", "12", "3.5", ".5", "5.", "0.0", "00", "000.000", "1e2", "1E-1", "1e+2", "2.5e1", "0e5",
    "-1", "+1", "1e", "e1", ".", "", " 1", "inf", "nan", "0x1A", "1,5", "1..5", "1.5.2"};

const std::vector<std::string> kDurationUnits = {
    "s", "sec", "seconds", "min", "minutes", "h", "hr", "hours", "d", "day", "days", "w", "wk",
    "week", "weeks", "second", "minute", "hour", "D", "Days", "dd", "", "y", "year", "d ", "/d"};

const std::vector<std::string> kRateUnits = {
    "min", "h", "hour", "d", "day", "w", "week", "year", "days", "hours", "years", "H", "", "s"};

const std::vector<std::string> kSeparators = {"", " ", "  ", "\t"};

}  // namespace

TEST(SchemaGrammar, DurationPatternMatchesTheLoader) {
  const auto schema = load_schema();
  const std::regex duration = pattern_at(schema, "/$defs/duration/pattern");
  const std::regex zero = pattern_at(schema, "/$defs/positive_duration/allOf/1/not/pattern");
  int accepted = 0;
  for (const auto& number : kNumbers) {
    for (const auto& separator : kSeparators) {
      for (const auto& unit : kDurationUnits) {
        const std::string text = number + separator + unit;
        const auto parsed = carepath::io::parse_duration(text);
        const bool matched = std::regex_match(text, duration);
        EXPECT_EQ(matched, parsed.has_value()) << verdicts(text, matched, parsed.has_value());
        if (parsed) {
          ++accepted;
          EXPECT_EQ(!std::regex_match(text, zero), *parsed > 0) << '"' << text << '"';
        }
      }
    }
  }
  EXPECT_GT(accepted, 100);  // the corpus exercises the accepting side, not only rejections
}

TEST(SchemaGrammar, RatePatternMatchesTheLoader) {
  const auto schema = load_schema();
  const std::regex rate = pattern_at(schema, "/$defs/rate/allOf/0/pattern");
  const std::regex zero = pattern_at(schema, "/$defs/rate/allOf/1/not/pattern");
  int accepted = 0;
  for (const auto& number : kNumbers) {
    for (const std::string slash : {"/", " /", "/ ", "", "per "}) {
      for (const auto& unit : kRateUnits) {
        const std::string text = number + slash + unit;
        const auto parsed = carepath::io::parse_rate(text);
        const bool matched = std::regex_match(text, rate);
        EXPECT_EQ(matched, parsed.has_value()) << verdicts(text, matched, parsed.has_value());
        if (parsed) {
          ++accepted;
          EXPECT_EQ(!std::regex_search(text, zero), *parsed > 0) << '"' << text << '"';
        }
      }
    }
  }
  EXPECT_GT(accepted, 50);
}

TEST(SchemaGrammar, EmpiricalUnitsAreDurationUnits) {
  const auto schema = load_schema();
  const auto& units = schema.at(nlohmann::json::json_pointer("/$defs/empirical_numbers/properties/unit/enum"));
  for (const auto& unit : units) {
    EXPECT_TRUE(carepath::io::parse_duration("1" + unit.get<std::string>()).has_value()) << unit;
  }
}

TEST(SchemaGrammar, OverflowIsLeftToTheLoader) {
  // The schema checks spelling, not magnitude: "1e400d" is well formed but not a finite number
  // of days, which only the loader can tell.
  EXPECT_FALSE(carepath::io::parse_duration("1e400d").has_value());
}
