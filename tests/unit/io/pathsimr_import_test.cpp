// SPDX-License-Identifier: MIT
// The PathSimR mapping, case by case: R's distributions as carepath's, calendar cycles as weekly
// rosters and hourly shapes (exact, rounded with a warning, or refused), probabilities rescaled and
// names made carepath's, each with the warning that says so. The templates as a whole, through
// the program, are in tests/cli/import_pathsimr_cli_test.cpp.
#include <carepath/io/pathsimr_import.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace carepath::io {
namespace {

using nlohmann::json;

// A -> B (an exit) with this service distribution; B's row empty.
std::string network(const std::string& dist, const std::string& param) {
  return ",A,B,serv_dist,serv_dist_param,ext_queue,int_queue,A,B,A,B\nA,0,1," + dist + "," + param +
         ",Inf,0,,,,\nB,,,,,,,,,,\n";
}

struct Imported {
  json scenario;
  std::vector<std::string> warnings;
};

Imported import(const std::string& network_text, const std::string& calendar_text, const std::string& unit = "h") {
  const PathsimrImport result =
      import_pathsimr_text(network_text, "net.csv", calendar_text, "cal.csv", {unit, true});
  Imported imported{json::parse(result.scenario_json), {}};
  for (const ImportProblem& warning : result.warnings) imported.warnings.push_back(format_import_problem(warning, true));
  return imported;
}

const std::string kConstant = "metric,node,start,end,value\ncap,A,0,,4\next_arr,A,0,,1\n";

TEST(PathsimrImport, RDistributionsBecomeCarepathsWithTheSameLaw) {
  EXPECT_EQ(import(network("exp", "0.25"), kConstant).scenario["services"][0]["service_time"],
            json::parse(R"({"distribution": "exponential", "mean": "4h"})"));
  EXPECT_EQ(import(network("unif", "1;3"), kConstant).scenario["services"][0]["service_time"],
            json::parse(R"({"distribution": "uniform", "min": "1h", "max": "3h"})"));
  EXPECT_EQ(import(network("unif", "2;2"), kConstant).scenario["services"][0]["service_time"],
            json::parse(R"({"distribution": "deterministic", "value": "2h"})"));
  // rgamma(1, shape 4, rate 2): mean 2, sd 1.
  EXPECT_EQ(import(network("gamma", "4;2"), kConstant).scenario["services"][0]["service_time"],
            json::parse(R"({"distribution": "gamma", "mean": "2h", "sd": "1h"})"));
  EXPECT_EQ(import(network("weibull", "1.5;3"), kConstant).scenario["services"][0]["service_time"],
            json::parse(R"({"distribution": "weibull", "shape": 1.5, "scale": "3h"})"));
  // meanlog 0, sdlog 1: mean e^0.5 = 1.6487..., sd mean * sqrt(e - 1) = 2.1612...
  const json lognormal = import(network("lnorm", "0;1"), kConstant).scenario["services"][0]["service_time"];
  EXPECT_EQ(lognormal["distribution"], "lognormal");
  EXPECT_NEAR(std::stod(lognormal["mean"].get<std::string>()), 1.6487212707, 1e-9);
  EXPECT_NEAR(std::stod(lognormal["sd"].get<std::string>()), 2.1611974158, 1e-9);
}

TEST(PathsimrImport, UnknownDistributionsAndBadParametersAreLocated) {
  try {
    (void)import(network("pois", "3"), kConstant);
    FAIL() << "expected a PathsimrImportError";
  } catch (const PathsimrImportError& e) {
    EXPECT_STREQ(e.what(), "net.csv:2:7: unknown distribution 'pois'; carepath has an equivalent of exp, unif, lnorm, "
                           "gamma, weibull, norm");
  }
  try {
    (void)import(network("unif", "3;1"), kConstant);
    FAIL() << "expected a PathsimrImportError";
  } catch (const PathsimrImportError& e) {
    EXPECT_STREQ(e.what(), "net.csv:2:12: expected min;max with 0 <= min <= max for unif, got '3;1'");
  }
}

TEST(PathsimrImport, AModelNobodyArrivesAtIsRefused) {
  try {
    (void)import(network("exp", "1"), "metric,node,start,end,value\ncap,A,0,,4\next_arr,A,0,,0\n");
    FAIL() << "expected a PathsimrImportError";
  } catch (const PathsimrImportError& e) {
    EXPECT_STREQ(e.what(), "cal.csv: no node has ext_arr above 0: no patient would ever arrive");
  }
}

TEST(PathsimrImport, ADailyCycleIsARosterEveryDayAndHourlyRates) {
  const Imported imported = import(network("exp", "1"),
                                   "metric,node,start,end,value\n"
                                   "cap,A,0,6,2\ncap,A,6,12,3\n"  // a 12-hour cycle: twice a day
                                   "ext_arr,A,0,8,1\next_arr,A,8,24,2\n");
  EXPECT_EQ(imported.scenario["services"][0]["capacity"], json::parse(R"({"base": 0, "roster": [
      {"days": "mon-sun", "from": "00:00", "to": "06:00", "capacity": 2},
      {"days": "mon-sun", "from": "06:00", "to": "12:00", "capacity": 3},
      {"days": "mon-sun", "from": "12:00", "to": "18:00", "capacity": 2},
      {"days": "mon-sun", "from": "18:00", "to": "24:00", "capacity": 3}]})"));
  EXPECT_EQ(imported.scenario["arrivals"][0]["profile"]["hourly_rates"],
            json::parse("[1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2]"));
  EXPECT_TRUE(imported.warnings.empty());
}

TEST(PathsimrImport, AWeeklyCycleIsARosterByDayAndAnHourOfWeekShape) {
  const Imported imported = import(network("exp", "1"),
                                   "metric,node,start,end,value\n"
                                   "cap,A,0,5,4\ncap,A,5,7,2\n"
                                   "ext_arr,A,0,5,12\next_arr,A,5,7,5\n",
                                   "d");
  const json& roster = imported.scenario["services"][0]["capacity"]["roster"];
  ASSERT_EQ(roster.size(), 7u);
  EXPECT_EQ(roster[0], json::parse(R"({"days": "mon", "from": "00:00", "to": "24:00", "capacity": 4})"));
  EXPECT_EQ(roster[6], json::parse(R"({"days": "sun", "from": "00:00", "to": "24:00", "capacity": 2})"));
  const json& source = imported.scenario["arrivals"][0];
  // 12 a day Monday to Friday (0.5 an hour), 5 a day at the weekend: (5 x 12 + 2 x 5) / 168 an hour.
  EXPECT_EQ(source["rate"], "0.4166666666666667/h");
  EXPECT_EQ(source["profile"]["hour_of_week"][0], 0.5);
  EXPECT_EQ(source["profile"]["hour_of_week"][167], 5.0 / 24);
}

TEST(PathsimrImport, PeriodsOffTheMinuteOrHourAreRoundedOrAveragedWithAWarning) {
  const Imported imported = import(network("exp", "1"),
                                   "metric,node,start,end,value\n"
                                   "cap,A,0,8.51,2\ncap,A,8.51,24,3\n"
                                   "ext_arr,A,0,8.5,1\next_arr,A,8.5,24,2\n");
  EXPECT_EQ(imported.scenario["services"][0]["capacity"]["roster"][0]["to"], "08:31");
  EXPECT_EQ(imported.scenario["arrivals"][0]["profile"]["hourly_rates"][8], 1.5);
  EXPECT_EQ(imported.warnings,
            (std::vector<std::string>{
                "cal.csv:3:3: warning: capacity changes of 'A' moved to the nearest minute: carepath's rosters run on "
                "whole minutes",
                "cal.csv:5:3: warning: arrival rates of 'A' averaged within each hour: carepath's arrival shapes are "
                "hourly"}));
}

TEST(PathsimrImport, ProbabilitiesAreRescaledAndNamesMadeCarepathsWithAWarning) {
  const Imported imported =
      import(",A&E,B,C,D,serv_dist,serv_dist_param,ext_queue,int_queue,A&E,B,C,D,A&E,B,C,D\n"
             "A&E,0,0.333,0.333,0.333,exp,1,Inf,0,,,,,,,,\nB,,,,,,,,,,,,,,,,\nC,,,,,,,,,,,,,,,,\nD,,,,,,,,,,,,,,,,\n",
             "metric,node,start,end,value\ncap,A&E,0,,4\next_arr,A&E,0,,1\n");
  EXPECT_EQ(imported.scenario["services"][0]["name"], "A_E");
  EXPECT_DOUBLE_EQ(imported.scenario["services"][0]["next"][0]["probability"].get<double>(), 1.0 / 3);
  EXPECT_EQ(imported.warnings,
            (std::vector<std::string>{
                "net.csv:2:1: warning: node 'A&E' is named 'A_E': carepath names are letters, digits, _ . and -, "
                "unique, and not exit or system",
                "net.csv:2:5: warning: probabilities from 'A&E' sum to 0.999; rescaled to sum to 1, as PathSimR does"}));
}

}  // namespace
}  // namespace carepath::io
