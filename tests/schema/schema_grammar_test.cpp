// SPDX-License-Identifier: MIT
// scenarios/schema.json must accept exactly the durations, rates, percentages, times of day and
// weekdays the loader accepts, so that an editor validating against the schema and `carepath
// validate` never disagree on a value. This test reads the schema's patterns and compares them,
// string by string, with the loader's parsers (sim/io/units.cpp, sim/io/calendar_text.cpp) over
// generated corpora of good and bad spellings. Dates are the one exception: a pattern cannot know
// that February 2023 has 28 days, so there the schema may accept what the loader rejects, but only
// for that reason. validate_scenarios.py checks whole scenario files against the rest of the schema.
#include <carepath/io/scenario_json.hpp>

#include <carepath/io/calendar_text.hpp>
#include "io/money_text.hpp"

#include <gmock/gmock.h>
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

// 7 -> "07", for numbers from 0 to 99.
std::string two_digits(int value) {
  return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

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

TEST(SchemaGrammar, PercentPatternMatchesTheLoader) {
  const auto schema = load_schema();
  const std::regex percent = pattern_at(schema, "/$defs/percent/pattern");
  int accepted = 0;
  for (const std::string sign : {"", "-", "+", "--", " "}) {
    for (const auto& number : kNumbers) {
      for (const std::string suffix : {"%", " %", "%%", "", "% ", "pc"}) {
        const std::string text = sign + number + suffix;
        const auto parsed = carepath::io::parse_percent(text);
        const bool matched = std::regex_match(text, percent);
        EXPECT_EQ(matched, parsed.has_value()) << verdicts(text, matched, parsed.has_value());
        accepted += parsed.has_value();
      }
    }
  }
  EXPECT_GT(accepted, 30);
}

// Every two-digit pair for the hours and the minutes, and a few other shapes.
// The loader also refuses a sign of another currency than the scenario's, which a pattern cannot
// know; here every sign is accepted, as the schema does.
TEST(SchemaGrammar, MoneyPatternMatchesTheLoader) {
  const auto schema = load_schema();
  const std::regex money = pattern_at(schema, "/$defs/money/oneOf/1/pattern");
  int accepted = 0;
  for (const std::string sign : {"", "£", "€", "$", "-", "-£", "£-", "GBP", "\xC2", " "}) {
    for (const std::string amount : {"450", "0", "00", "1,250", "1,250.50", "12,345,678", "1,25", "1,2345", ",450",
                                     "450,", "1,,000", "1.", ".5", "1.2.3", "1e3", " 450", "1,250.5,0", "nan", "",
                                     "1 250", "0.05", "1234.5678"}) {
      const std::string text = sign + amount;
      std::string_view symbol;
      const bool parsed = carepath::io::parse_money(text, symbol).has_value();
      const bool matched = std::regex_match(text, money);
      EXPECT_EQ(matched, parsed) << verdicts(text, matched, parsed);
      accepted += parsed;
    }
  }
  EXPECT_GT(accepted, 30);
}

TEST(SchemaGrammar, TimeOfDayPatternMatchesTheLoader) {
  const auto schema = load_schema();
  const std::regex time = pattern_at(schema, "/$defs/time_of_day/pattern");
  std::vector<std::string> corpus = {"9:00", "09:0", "0900", "09:00:00", " 09:00", "09:00 ", "", ":", "9h", "-1:00"};
  for (int hour = 0; hour < 100; ++hour) {
    for (int minute = 0; minute < 100; ++minute) {
      corpus.push_back(two_digits(hour) + ":" + two_digits(minute));
    }
  }
  int accepted = 0;
  for (const auto& text : corpus) {
    const bool parsed = carepath::io::parse_time_of_day(text).has_value();
    const bool matched = std::regex_match(text, time);
    EXPECT_EQ(matched, parsed) << verdicts(text, matched, parsed);
    accepted += parsed;
  }
  EXPECT_EQ(accepted, 24 * 60 + 1);  // 00:00 to 23:59, and 24:00
}

TEST(SchemaGrammar, WeekdayPatternMatchesTheLoader) {
  const auto schema = load_schema();
  const std::regex days = pattern_at(schema, "/$defs/weekday_range/pattern");
  const std::vector<std::string> words = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "Mon", "monday", "tues", ""};
  int accepted = 0;
  for (const auto& first : words) {
    for (const std::string separator : {"", "-", " - ", ",", "--"}) {
      for (const auto& second : separator.empty() ? std::vector<std::string>{""} : words) {
        const std::string text = first + separator + second;
        const bool parsed = carepath::io::parse_weekdays(text).has_value();
        const bool matched = std::regex_match(text, days);
        EXPECT_EQ(matched, parsed) << verdicts(text, matched, parsed);
        accepted += parsed;
      }
    }
  }
  EXPECT_EQ(accepted, 7 + 7 * 7);
}

TEST(SchemaGrammar, DatePatternAgreesWithTheLoaderExceptOnTheCalendar) {
  const auto schema = load_schema();
  const std::regex date = pattern_at(schema, "/$defs/date/pattern");
  std::vector<std::string> corpus = {"2022-12-1", "22-12-01", "2022/12/01", "2022-12-01 ", "2022-12-01T00:00",
                                     "20221201", "", "2022-1a-01", "+022-12-01"};
  for (const std::string year : {"2022", "2024", "1900", "2000", "0000", "9999"}) {
    for (int month = 0; month <= 13; ++month) {
      for (int day = 0; day <= 32; ++day) {
        corpus.push_back(year + "-" + two_digits(month) + "-" + two_digits(day));
      }
    }
  }
  int accepted = 0;
  for (const auto& text : corpus) {
    const auto parsed = carepath::io::parse_iso_date(text);
    const bool matched = std::regex_match(text, date);
    if (parsed.date) {
      EXPECT_TRUE(matched) << verdicts(text, matched, true);
      ++accepted;
    } else if (matched) {
      // The schema checks the form and the ranges 01-12 and 01-31; the loader alone knows month lengths.
      EXPECT_THAT(parsed.reason, testing::EndsWith(" days")) << verdicts(text, matched, false);
    }
  }
  EXPECT_EQ(accepted, 3 * 365 + 3 * 366);  // 0000 is a leap year in the proleptic calendar, 1900 is not
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
