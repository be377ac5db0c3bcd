// SPDX-License-Identifier: MIT
// Arrival profiles: shapes by hour, weekday and month (arrays or named entries), growth as a
// percentage or a fraction, dated surges, and daily series inline or from CSV, which must cover
// the run and replace the rate.
#include "scenario_documents.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace carepath::io {
namespace {

using namespace carepath::io::test_documents;
using testing::ElementsAre;
using testing::IsEmpty;

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

nlohmann::json with_profile(const char* profile) {
  auto document = minimal_scenario();
  document["start_date"] = "2022-12-01";
  document["run"]["horizon"] = "14d";
  document["arrivals"][0]["profile"] = nlohmann::json::parse(profile);
  return document;
}

model::ArrivalProfile profile_of(const char* profile) {
  const auto source = parse(with_profile(profile)).scenario.arrivals.at(0);
  EXPECT_TRUE(source.profile.has_value());
  return source.profile.value_or(model::ArrivalProfile{});
}

TEST(ArrivalProfile, IsAbsentUnlessGiven) {
  EXPECT_EQ(parse(minimal_scenario()).scenario.arrivals[0].profile, std::nullopt);
}

TEST(ArrivalProfile, DefaultsToAFlatProfile) {
  const auto p = profile_of("{}");
  EXPECT_EQ(p.hour_of_day, model::ArrivalProfile::filled<24>(1.0));
  EXPECT_EQ(p.day_of_week, model::ArrivalProfile::filled<7>(1.0));
  EXPECT_EQ(p.month_of_year, model::ArrivalProfile::filled<12>(1.0));
  EXPECT_DOUBLE_EQ(p.yearly_growth, 0);
  EXPECT_THAT(p.surges, IsEmpty());
  EXPECT_THAT(p.daily_series, IsEmpty());
}

TEST(ArrivalProfile, ReadsTheHourOfDayAsWritten) {
  const auto p =
      profile_of(R"({"hour_of_day": [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 1, 1, 0.5]})");
  EXPECT_DOUBLE_EQ(p.hour_of_day[0], 0);
  EXPECT_DOUBLE_EQ(p.hour_of_day[9], 4);
  EXPECT_DOUBLE_EQ(p.hour_of_day[23], 0.5);
}

TEST(ArrivalProfile, ReadsAnHourOfWeekShapeAndLeavesTheOtherShapesFlat) {
  nlohmann::json week = nlohmann::json::array();
  for (int k = 0; k < 168; ++k) week.push_back(k % 24 < 8 ? 0.5 : 2.0);
  const auto p = profile_of(nlohmann::json{{"hour_of_week", week}}.dump().c_str());
  ASSERT_EQ(p.hour_of_week.size(), 168u);
  EXPECT_DOUBLE_EQ(p.hour_of_week[0], 0.5);
  EXPECT_DOUBLE_EQ(p.hour_of_week[167], 2.0);
  EXPECT_EQ(p.hour_of_day, model::ArrivalProfile::filled<24>(1.0));
  EXPECT_EQ(p.day_of_week, model::ArrivalProfile::filled<7>(1.0));
  EXPECT_THAT(profile_of("{}").hour_of_week, IsEmpty());
}

// hourly_rates are loaded as the hour shape, with the source's rate their sum a day: the engine's
// hour_of_day x rate then gives each hour its rate as written.
TEST(ArrivalProfile, HourlyRatesBecomeTheHourShapeAndTheirSumTheRate) {
  const char* rates = R"({"hourly_rates": [0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6, 6, 5, 4, 4, 5, 5, 4, 3, 2, 0, 0, 0, 0]})";
  auto document = with_profile(rates);
  document["arrivals"][0].erase("rate");
  const auto source = parse(document).scenario.arrivals.at(0);
  EXPECT_DOUBLE_EQ(source.rate_per_day, 52);
  EXPECT_DOUBLE_EQ(source.profile->hour_of_day[8], 3);
  EXPECT_DOUBLE_EQ(source.profile->hour_of_day[0], 0);
  document["arrivals"][0]["rate"] = "364/week";  // the same, in other units
  EXPECT_DOUBLE_EQ(parse(document).scenario.arrivals.at(0).rate_per_day, 52);
  document["arrivals"][0]["rate"] = "53/day";
  EXPECT_THAT(error_lines(document),
              ElementsAre("/arrivals/0/rate: expected no rate, or the sum of the profile's hourly_rates (52 a day), "
                          "got \"53/day\""));
}

TEST(ArrivalProfile, AllZeroHourlyRatesAreASourceWithoutArrivals) {
  auto document = with_profile(R"({"hourly_rates": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]})");
  document["arrivals"][0].erase("rate");
  const auto source = parse(document).scenario.arrivals.at(0);
  EXPECT_DOUBLE_EQ(source.rate_per_day, 0);
  EXPECT_EQ(source.profile->hour_of_day, model::ArrivalProfile::filled<24>(1.0));
}

TEST(ArrivalProfile, ReadsNamedDaysAndMonthsLeavingTheOthersAtOne) {
  const auto p = profile_of(R"({"day_of_week": {"mon": 1.2, "sun": 0.8}, "month_of_year": {"jan": 1.15, "dec": 1.2}})");
  EXPECT_DOUBLE_EQ(p.day_of_week[0], 1.2);
  EXPECT_DOUBLE_EQ(p.day_of_week[1], 1);
  EXPECT_DOUBLE_EQ(p.day_of_week[6], 0.8);
  EXPECT_DOUBLE_EQ(p.month_of_year[0], 1.15);
  EXPECT_DOUBLE_EQ(p.month_of_year[5], 1);
  EXPECT_DOUBLE_EQ(p.month_of_year[11], 1.2);
}

TEST(ArrivalProfile, ReadsDaysAndMonthsAsArraysMondayAndJanuaryFirst) {
  const auto p = profile_of(
      R"({"day_of_week": [1, 2, 3, 4, 5, 6, 7], "month_of_year": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]})");
  EXPECT_DOUBLE_EQ(p.day_of_week[0], 1);
  EXPECT_DOUBLE_EQ(p.day_of_week[6], 7);
  EXPECT_DOUBLE_EQ(p.month_of_year[0], 0);
  EXPECT_DOUBLE_EQ(p.month_of_year[11], 11);
}

TEST(ArrivalProfile, ReadsGrowthAsAPercentageOrAFraction) {
  EXPECT_DOUBLE_EQ(profile_of(R"({"yearly_growth": "3%"})").yearly_growth, 0.03);
  EXPECT_DOUBLE_EQ(profile_of(R"({"yearly_growth": "-1.5%"})").yearly_growth, -0.015);
  EXPECT_DOUBLE_EQ(profile_of(R"({"yearly_growth": "+2%"})").yearly_growth, 0.02);
  EXPECT_DOUBLE_EQ(profile_of(R"({"yearly_growth": 0.03})").yearly_growth, 0.03);
  EXPECT_DOUBLE_EQ(profile_of(R"({"yearly_growth": -0.5})").yearly_growth, -0.5);
}

TEST(ArrivalProfile, WarnsAboutAGrowthThatIsProbablyAPercentage) {
  EXPECT_THAT(warning_lines(with_profile(R"({"yearly_growth": 3})")),
              ElementsAre("/arrivals/0/profile/yearly_growth: "
                          R"(a yearly growth of 3 is 300% a year; for 3% a year write "3%")"));
  EXPECT_THAT(warning_lines(with_profile(R"({"yearly_growth": "300%"})")), IsEmpty());
}

TEST(ArrivalProfile, RejectsAFallOfAHundredPercentOrMore) {
  EXPECT_THAT(error_lines(with_profile(R"({"yearly_growth": -1})")),
              ElementsAre("/arrivals/0/profile/yearly_growth: "
                          R"(expected a yearly growth above -100%, such as "3%", "-1.5%" or 0.03, got -1)"));
}

TEST(ArrivalProfile, ReadsSurgesWithBothDatesIncluded) {
  const auto p = profile_of(R"({"surges": [{"from": "2022-12-15", "to": "2022-12-15", "multiplier": 1.3}]})");
  ASSERT_EQ(p.surges.size(), 1U);
  EXPECT_EQ(p.surges[0].from, model::Date(year{2022}, month{12}, day{15}));
  EXPECT_EQ(p.surges[0].to, p.surges[0].from);
  EXPECT_DOUBLE_EQ(p.surges[0].multiplier, 1.3);
}

TEST(ArrivalProfile, WarnsAboutASurgeOutsideTheRun) {
  // 14 days from 1 December 2022: to 14 December.
  EXPECT_THAT(warning_lines(with_profile(R"({"surges": [
      {"from": "2022-11-01", "to": "2022-11-30", "multiplier": 2},
      {"from": "2022-11-01", "to": "2022-12-01", "multiplier": 2},
      {"from": "2022-12-15", "to": "2023-01-15", "multiplier": 2}]})")),
              ElementsAre("/arrivals/0/profile/surges/0: "
                          R"(this surge never applies: it ends before the run starts ("2022-12-01"))",
                          "/arrivals/0/profile/surges/2: "
                          R"(this surge never applies: it starts after the last day of the run ("2022-12-14"))"));
}

nlohmann::json with_inline_series(int first_day, int last_day) {
  nlohmann::json series = nlohmann::json::array();
  // Written newest first: the loader sorts by date.
  for (int d = last_day; d >= first_day; --d) {
    series.push_back({{"date", "2022-12-" + std::string(d < 10 ? "0" : "") + std::to_string(d)}, {"arrivals", d}});
  }
  auto document = with_profile("{}");
  document["arrivals"][0].erase("rate");
  document["arrivals"][0]["profile"]["daily_series"] = series;
  return document;
}

TEST(ArrivalProfile, ReadsAnInlineSeriesInDateOrderWithoutARate) {
  const auto source = parse(with_inline_series(1, 14)).scenario.arrivals[0];
  const auto& series = source.profile->daily_series;
  ASSERT_EQ(series.size(), 14U);
  EXPECT_EQ(series.front().date, model::Date(year{2022}, month{12}, day{1}));
  EXPECT_DOUBLE_EQ(series.front().arrivals, 1);
  EXPECT_EQ(series.back().date, model::Date(year{2022}, month{12}, day{14}));
  // The rate before any profile is the series' mean over the run: (1 + ... + 14) / 14.
  EXPECT_DOUBLE_EQ(source.rate_per_day, 7.5);
}

TEST(ArrivalProfile, SaysWhichDaysOfTheRunTheSeriesMisses) {
  EXPECT_THAT(error_lines(with_inline_series(3, 12)),
              ElementsAre("/arrivals/0/profile/daily_series: expected arrivals for every day of the run (2022-12-01 "
                          "to 2022-12-14), but 4 days are missing: 2022-12-01, 2022-12-02, 2022-12-13, 2022-12-14"));
  EXPECT_THAT(error_lines(with_inline_series(8, 8)),
              ElementsAre("/arrivals/0/profile/daily_series: expected arrivals for every day of the run (2022-12-01 "
                          "to 2022-12-14), but 13 days are missing: 2022-12-01, 2022-12-02, 2022-12-03, 2022-12-04, "
                          "2022-12-05, …"));
}

// 14 days from 06:00 end at 06:00 on the 15th, a calendar day of the run (README "Starting at a
// time of day").
TEST(ArrivalProfile, ARunFromAStartTimeNeedsTheDayItEndsOn) {
  auto document = with_inline_series(1, 14);
  EXPECT_NO_THROW((void)parse(document));
  document["run"]["start_time"] = "06:00";
  EXPECT_THAT(error_lines(document),
              ElementsAre("/arrivals/0/profile/daily_series: expected arrivals for every day of the run (2022-12-01 "
                          "to 2022-12-15), but 1 day is missing: 2022-12-15"));
}

TEST(ArrivalProfile, CoversAPartDayAtTheEndOfTheRun) {
  auto document = with_inline_series(1, 14);
  document["run"]["horizon"] = "13.5d";  // the run ends at noon on 14 December, which needs a value
  EXPECT_NO_THROW((void)parse(document));
  document["run"]["horizon"] = "14.5d";
  EXPECT_THAT(errors_of(document), testing::SizeIs(1));
}

TEST(ArrivalProfile, WarnsThatARateBesideASeriesIsIgnored) {
  auto document = with_inline_series(1, 14);
  document["arrivals"][0]["rate"] = "100/day";
  const auto loaded = parse(document);
  EXPECT_THAT(lines_of(loaded.warnings),
              ElementsAre("/arrivals/0/rate: is ignored: the profile's daily_series gives the arrivals of each day"));
  EXPECT_DOUBLE_EQ(loaded.scenario.arrivals[0].rate_per_day, 7.5);
}

TEST(ArrivalProfile, StillNeedsARateWithoutASeries) {
  auto document = with_profile(R"({"day_of_week": {"sun": 0.5}})");
  document["arrivals"][0].erase("rate");
  EXPECT_THAT(error_lines(document), ElementsAre("/arrivals/0: missing required key 'rate'"));
}

TEST(ArrivalProfile, ReadsASeriesFromCsvIgnoringDaysOutsideTheRun) {
  auto document = with_profile(R"({"daily_series": "ae_daily.csv",
      "hour_of_day": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]})");
  document["arrivals"][0].erase("rate");
  const auto source = parse(document, data_folder()).scenario.arrivals[0];
  const auto& series = source.profile->daily_series;
  ASSERT_EQ(series.size(), 24U);  // 28 November to 21 December
  EXPECT_EQ(series.front().date, model::Date(year{2022}, month{11}, day{28}));
  EXPECT_DOUBLE_EQ(series.front().arrivals, 128);  // 100 + day of the month
  EXPECT_DOUBLE_EQ(source.rate_per_day, 107.5);    // 101 to 114, over the 14 days of the run
  EXPECT_DOUBLE_EQ(source.profile->hour_of_day[23], 2);
}

TEST(ArrivalProfile, RejectsPatternsTheSeriesAlreadyHolds) {
  auto document = with_inline_series(1, 14);
  document["arrivals"][0]["profile"]["month_of_year"] = {{"dec", 1.2}};
  EXPECT_THAT(error_lines(document),
              ElementsAre("/arrivals/0/profile/month_of_year: cannot be combined with a daily_series, which already "
                          "gives each day's arrivals"));
}

}  // namespace
}  // namespace carepath::io
