// SPDX-License-Identifier: MIT
// `carepath run` with what-if variants and `carepath sweep`, on the real program: the results
// folder layout (variants/<name>/, comparison.csv, comparison.json, all in one folder), the
// console's headline differences, option errors (exit 2, nothing written), and a sweep of an
// M/M/c capacity whose answer is known from Erlang C.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr const char* kClinicWithVariants = R"({
  "name": "clinic",
  "run": { "horizon": "60d", "warm_up": "5d", "replications": 4, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2/day" } ],
  "services": [
    { "name": "clinic", "capacity": 1, "wait_target": "1d",
      "service_time": { "distribution": "exponential", "mean": "8h" } }
  ],
  "pathways": [ { "name": "seen", "start": "clinic", "end": "clinic", "target": "2d" } ],
  "variants": [
    { "name": "two_staff", "description": "A second clinician.", "notes": ["Funded from April."],
      "services": { "clinic": { "capacity": 2 } } },
    { "name": "quicker", "services": { "clinic": { "service_time_scale": 0.8 } } }
  ]
})";

// M/M/c, lambda = 4/day, mu = 1/day (a = 4 erlangs). Erlang C gives Wq = 0.554 days with 5
// servers (rho = 0.8), 0.142 days with 6 and 0.045 with 7. The goal wait_mean <= 0.3 days sits far
// from both neighbours. Over 900 days (about 3600 patients), a replication's wait_mean has an sd
// of about 0.16 days at c = 5 and 0.04 days at c = 6 (measured with seeds 1 to 3 and 9): at c = 5,
// 0.3 is 1.6 sd below the mean, so about 5% of replications meet the goal, far from the 90% (18
// of 20) needed; at c = 6 it is 4 sd above, so essentially every replication meets it. The
// smallest capacity meeting it in >= 90% of replications is therefore 6, whatever the seed.
constexpr const char* kMmc = R"({
  "name": "mmc_sweep",
  "run": { "horizon": "1000d", "warm_up": "100d", "replications": 20, "seed": 9 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "4/day" } ],
  "services": [
    { "name": "clinic", "capacity": 5, "service_time": { "distribution": "exponential", "mean": "1d" } }
  ]
})";

class WhatIfCliTest : public CliWorkspace {
 protected:
  WhatIfCliTest() : CliWorkspace("whatif") {
    write("clinic.json", kClinicWithVariants);
    write("mmc.json", kMmc);
  }
};

const std::vector<std::string> kOnlyScenarios{"clinic.json", "mmc.json"};

TEST_F(WhatIfCliTest, RunWritesVariantsAndComparisonInOneFolder) {
  const Outcome o = carepath("run clinic.json --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  const fs::path results = work() / "results" / "clinic";
  EXPECT_EQ(entries(work() / "results"), std::vector<std::string>{"clinic"});
  for (const char* file : {"summary.json", "comparison.csv", "comparison.json"}) {
    EXPECT_TRUE(fs::is_regular_file(results / file)) << file;
  }
  EXPECT_EQ(entries(results / "variants"), (std::vector<std::string>{"quicker", "two_staff"}));
  EXPECT_EQ(entries(results / "variants" / "two_staff"), entries(results / "variants" / "quicker"));
  for (const char* file : {"summary.json", "summary_services.csv", "summary_system.csv", "replications.csv",
                           "summary_pathways.csv"}) {
    EXPECT_TRUE(fs::is_regular_file(results / "variants" / "two_staff" / file)) << file;
  }

  const std::string csv = read_text(results / "comparison.csv");
  EXPECT_THAT(csv, StartsWith("variant,kind,name,metric,unit,base_mean,variant_mean,difference,ci_low,ci_high,n\n"
                              "two_staff,service,clinic,arrivals,patients,"));
  EXPECT_THAT(csv, HasSubstr("\nquicker,system,system,arrivals,patients,"));
  EXPECT_THAT(csv, HasSubstr("\ntwo_staff,pathway,seen,within_target,share,"));

  const auto json = nlohmann::json::parse(read_text(results / "comparison.json"));
  EXPECT_EQ(json.at("base"), "clinic");
  ASSERT_EQ(json.at("variants").size(), 2u);
  const auto& two = json.at("variants").at(0);
  EXPECT_EQ(two.at("name"), "two_staff");
  EXPECT_EQ(two.at("description"), "A second clinician.");
  EXPECT_EQ(two.at("notes"), nlohmann::json::array({"Funded from April."}));
  const auto& first = two.at("differences").at(0);
  for (const char* key : {"kind", "name", "metric", "unit", "base_mean", "variant_mean", "difference", "ci95", "n"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  const auto variant_summary = nlohmann::json::parse(read_text(results / "variants" / "two_staff" / "summary.json"));
  EXPECT_EQ(variant_summary.at("scenario").at("name"), "two_staff");

  // The headlines (here the default: the pathway's share within target), for the base and then
  // for each variant with what it changes, always printed whatever their intervals.
  EXPECT_THAT(o.out, HasSubstr("\nHeadlines (mean [95% CI]):\n  seen within_target  "));
  EXPECT_THAT(o.out, HasSubstr("\ntwo_staff: service 'clinic': capacity 1 \u2192 2\n  seen within_target  "));
  EXPECT_THAT(o.out, HasSubstr("\nquicker: service 'clinic': lengths of stay \u00d70.8\n  seen within_target  "));
  EXPECT_THAT(o.out, HasSubstr(" points ["));
  EXPECT_THAT(o.out, HasSubstr("comparison.csv has every KPI)\n"));

  // comparison.json carries the headlines and the changes for the report's answer cards.
  const auto& headline = two.at("headlines").at(0);
  EXPECT_EQ(headline.at("kpi"), "pathway.seen.within_target");
  EXPECT_EQ(headline.at("label"), "seen within_target");
  EXPECT_EQ(headline.at("unit"), "share");
  EXPECT_EQ(two.at("changes"), nlohmann::json::array({"service 'clinic': capacity 1 \u2192 2"}));
  const auto& same = two.at("differences");
  const auto in_differences = std::find_if(same.begin(), same.end(), [](const nlohmann::json& d) {
    return d.at("kind") == "pathway" && d.at("name") == "seen" && d.at("metric") == "within_target";
  });
  ASSERT_NE(in_differences, same.end());
  EXPECT_EQ(headline.at("difference"), in_differences->at("difference"));
  EXPECT_EQ(headline.at("detectable"),
            in_differences->at("ci95").at(0).get<double>() > 0 || in_differences->at("ci95").at(1).get<double>() < 0);
  EXPECT_THAT(read_text(results / "report.html"), HasSubstr("<h2>What each variant buys</h2>"));
}

TEST_F(WhatIfCliTest, VariantOptionPicksAndNoVariantsRunsTheBaseAlone) {
  ASSERT_EQ(carepath("run clinic.json --variant quicker --threads 1").status, 0);
  const fs::path results = work() / "results" / "clinic";
  EXPECT_EQ(entries(results / "variants"), std::vector<std::string>{"quicker"});

  // The whole folder is replaced: no variants/ and no comparison left from the run before.
  const Outcome o = carepath("run clinic.json --no-variants --threads 1");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_FALSE(fs::exists(results / "variants"));
  EXPECT_FALSE(fs::exists(results / "comparison.csv"));
  EXPECT_FALSE(fs::exists(results / "comparison.json"));
  EXPECT_THAT(o.out, Not(HasSubstr("Paired differences")));
}

// --window FROM:TO: every table and difference over those dates (the clinic runs 60 days from
// 2024-01-01 with a 5-day warm-up), said on the console, in summary.json, comparison.json and
// the report; dates the run cannot measure are bad usage, a start within the warm-up a warning.
TEST_F(WhatIfCliTest, WindowIsMeasuredAndSaidEverywhere) {
  Outcome o = carepath("run clinic.json --threads 2 --window 2024-01-11:2024-01-31");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("\nMeasured over 2024-01-11 to 2024-01-31 only (--window).\n"));
  EXPECT_THAT(o.out, HasSubstr("\nHeadlines, 2024-01-11 to 2024-01-31 (mean [95% CI]):\n"));
  const fs::path results = work() / "results" / "clinic";
  const nlohmann::json window = {{"from", "2024-01-11"}, {"to", "2024-01-31"}};
  const auto summary = nlohmann::json::parse(read_text(results / "summary.json"));
  EXPECT_EQ(summary.at("run").at("window"), window);
  const auto comparison = nlohmann::json::parse(read_text(results / "comparison.json"));
  EXPECT_EQ(comparison.at("window"), window);
  EXPECT_EQ(comparison.at("variants").at(0).at("headlines").at(0).at("window"), window);
  const std::string report = read_text(results / "report.html");
  EXPECT_THAT(report, HasSubstr("<b>Tables measured over</b>2024-01-11 to 2024-01-31"));
  EXPECT_THAT(report, HasSubstr("Every figure is measured over 2024-01-11 to 2024-01-31 only."));

  o = carepath("run clinic.json --threads 2 --no-variants --window 2024-01-03:2024-01-31");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.err, HasSubstr("warning: --window: 2024-01-03 to 2024-01-31 starts within the warm-up (the first 5 "
                               "days), which is never measured: it is measured from the warm-up's end\n"));
  o = carepath("run clinic.json --strict --window 2024-01-03:2024-01-31");
  EXPECT_EQ(o.status, 2);
  o = carepath("run clinic.json --window 2024-01-01:2024-01-04");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "carepath: --window: 2024-01-01 to 2024-01-04 ends within the warm-up (the first 5 days), which "
                   "is never measured\nsee carepath run --help\n");
  o = carepath("run clinic.json --window 2024-01-11:2024-03-31");
  EXPECT_EQ(o.err, "carepath: --window: 2024-01-11 to 2024-03-31 must lie within the run's days, 2024-01-01 to "
                   "2024-02-29\nsee carepath run --help\n");
  o = carepath("run clinic.json --window 2024-01-11");
  EXPECT_EQ(o.err, "carepath: --window: expected FROM:TO, two dates such as 2025-12-01:2026-03-31, got "
                   "'2024-01-11'\nsee carepath run --help\n");
  o = carepath("run clinic.json --window 2024-01-31:2024-01-11");
  EXPECT_EQ(o.err, "carepath: --window: 2024-01-31 to 2024-01-11 ends before it starts\nsee carepath run --help\n");
}

TEST_F(WhatIfCliTest, VariantOptionErrorsAreUsageErrors) {
  Outcome o = carepath("run clinic.json --variant two_stuff");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err,
            "carepath: --variant: unknown variant 'two_stuff'; did you mean 'two_staff'? (known: two_staff, quicker)\n"
            "see carepath run --help\n");
  o = carepath("run clinic.json --variant quicker --no-variants");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "carepath: --variant and --no-variants contradict each other\nsee carepath run --help\n");
  EXPECT_EQ(entries(work()), kOnlyScenarios);
}

TEST_F(WhatIfCliTest, SweepFindsTheSmallestCapacityMeetingAWaitGoal) {
  const Outcome o = carepath(
      "sweep mmc.json --set services.clinic.capacity=5:8:1 --goal 'service.clinic.wait_mean<=0.3' --threads 2");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("Smallest services.clinic.capacity meeting every goal in >= 90% of replications: 6\n"));
  EXPECT_THAT(o.out, HasSubstr("clinic.wait_mean"));
  const fs::path folder = work() / "results" / "mmc_sweep-sweep-services.clinic.capacity";
  EXPECT_THAT(o.err, HasSubstr("wrote results/mmc_sweep-sweep-services.clinic.capacity\n"));
  EXPECT_EQ(entries(folder),
            (std::vector<std::string>{".carepath-results", "inputs", "provenance.json", "sweep.csv", "sweep.json"}));

  const std::string csv = read_text(folder / "sweep.csv");
  EXPECT_THAT(csv, StartsWith("value,kind,name,metric,unit,mean,ci_low,ci_high,share_meeting_goals\n"
                              "5,service,clinic,arrivals,patients,"));
  EXPECT_THAT(csv, HasSubstr("\n6,service,clinic,wait_mean,days,"));
  const auto json = nlohmann::json::parse(read_text(folder / "sweep.json"));
  ASSERT_EQ(json.at("points").size(), 4u);
  EXPECT_EQ(json.at("points").at(0).at("value"), 5);
  EXPECT_LT(json.at("points").at(0).at("share_meeting_goals").get<double>(), 0.5);
  EXPECT_GE(json.at("points").at(1).at("share_meeting_goals").get<double>(), 0.9);
  EXPECT_EQ(json.at("answer"), "Smallest services.clinic.capacity meeting every goal in >= 90% of replications: 6");

  // A goal no value meets says so, with the best value.
  const Outcome none = carepath(
      "sweep mmc.json --set services.clinic.capacity=5:6:1 --goal 'service.clinic.wait_mean<0.001' --out none");
  ASSERT_EQ(none.status, 0) << none.err;
  EXPECT_THAT(none.out, HasSubstr("No value in 5..6 meets every goal in >= 90% of replications (closest: "));
}

TEST_F(WhatIfCliTest, SweepOfAScaleWithoutGoalsWritesEveryMetric) {
  const Outcome o = carepath("sweep mmc.json --set arrivals.referrals.scale=0.5:0.7:0.1 --replications 2 --quiet");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, IsEmpty());
  const std::string csv = read_text(work() / "results" / "mmc_sweep-sweep-arrivals.referrals.scale" / "sweep.csv");
  EXPECT_THAT(csv, HasSubstr("\n0.5,system,system,arrivals,patients,"));
  EXPECT_THAT(csv, HasSubstr("\n0.7,service,clinic,wait_mean,days,"));
  EXPECT_THAT(csv, HasSubstr(",\n"));  // The share column is empty without goals.
}

TEST_F(WhatIfCliTest, SweepUsageErrors) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"sweep mmc.json", "carepath: missing --set PATH=FROM:TO:STEP, such as --set services.clinic.capacity=2:6:1\n"},
      {"sweep mmc.json --set services.clinic.capacity",
       "carepath: --set: expected PATH=FROM:TO:STEP, such as services.clinic.capacity=2:6:1, got "
       "'services.clinic.capacity'\n"},
      {"sweep mmc.json --set services.clinc.capacity=1:3:1",
       "carepath: --set: unknown service 'clinc'; did you mean 'clinic'? (known: clinic)\n"},
      {"sweep mmc.json --set wards.clinic.capacity=1:3:1",
       "carepath: --set: expected a path starting 'services.', 'arrivals.' or 'resources.', got 'wards.clinic.capacity'\n"},
      {"sweep mmc.json --set services.clinic.capacity=5:1:1",
       "carepath: --set: TO must not be below FROM, got '5:1:1'\n"},
      {"sweep mmc.json --set services.clinic.capacity=1:5:0", "carepath: --set: STEP must be above zero, got '0'\n"},
      {"sweep mmc.json --set services.clinic.capacity=5:6:1 --goal 'service.clinic.wait_maen<=1'",
       "carepath: --goal: unknown service metric 'wait_maen'; did you mean 'wait_mean'?"},
      {"sweep mmc.json --set services.clinic.capacity=5:6:1 --goal 'service.clinic.wait_mean=1'",
       "carepath: --goal: expected KIND.NAME.METRIC>=VALUE (or <=, >, <)"},
      {"sweep mmc.json --set services.clinic.capacity=5:6:1 --share 0.9",
       "carepath: --share needs at least one --goal\n"},
      {"sweep mmc.json --set services.clinic.capacity=5:6:1 --goal 'system.losses<=1' --share 1.5",
       "carepath: --share: expected a number above 0 and at most 1, such as 0.9, got '1.5'\n"},
  };
  for (const auto& [args, message] : cases) {
    const Outcome o = carepath(args);
    EXPECT_EQ(o.status, 2) << args;
    EXPECT_THAT(o.err, StartsWith(message)) << args;
    EXPECT_THAT(o.err, HasSubstr("see carepath sweep --help\n")) << args;
  }
  EXPECT_EQ(entries(work()), kOnlyScenarios);
}

TEST_F(WhatIfCliTest, SweepValueTheFormatRefusesIsBadInput) {
  const Outcome o = carepath("sweep mmc.json --set services.clinic.capacty=1:2:1");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("mmc.json: /variants/0/services/clinic/capacty: variant 'capacty_1': unknown key "
                               "'capacty'; did you mean 'capacity'?"));
  EXPECT_EQ(entries(work()), kOnlyScenarios);
}

}  // namespace
