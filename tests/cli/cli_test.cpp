// SPDX-License-Identifier: MIT
// The CLI contract (STYLE.md §4), checked on the real program: exit 0 on success, 2 with every
// diagnostic on stderr for bad input or usage, and no output folder unless a run succeeded.
#include "cli_workspace.hpp"

#include <carepath/version.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

constexpr const char* kTinyScenario = R"({
  "name": "tiny",
  "run": { "horizon": "30d", "warm_up": "5d", "replications": 2, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2/day" } ],
  "services": [
    { "name": "clinic", "capacity": 1,
      "service_time": { "distribution": "exponential", "mean": "8h" } }
  ]
})";

// The same scenario with an impossible capacity.
constexpr const char* kBadScenario = R"({
  "name": "bad",
  "run": { "horizon": "30d" },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2/day" } ],
  "services": [
    { "name": "clinic", "capacity": -3,
      "service_time": { "distribution": "exponential", "mean": "8h" } }
  ]
})";

class CliTest : public CliWorkspace {
 protected:
  CliTest() : CliWorkspace("cli") {
    write("tiny.json", kTinyScenario);
    write("bad.json", kBadScenario);
  }

  [[nodiscard]] std::vector<std::string> work_entries() const { return entries(work()); }
};

const std::vector<std::string> kOnlyScenarios{"bad.json", "tiny.json"};

TEST_F(CliTest, HelpExitsZeroWithUsage) {
  for (const char* args : {"--help", "-h", "help"}) {
    const Outcome o = carepath(args);
    EXPECT_EQ(o.status, 0) << args;
    EXPECT_THAT(o.out, StartsWith("usage: carepath <command>")) << args;
    EXPECT_THAT(o.err, IsEmpty()) << args;
  }
}

TEST_F(CliTest, CommandHelpDescribesItsOptions) {
  for (const char* args : {"run --help", "help run", "run tiny.json --bogus -h"}) {
    const Outcome o = carepath(args);
    EXPECT_EQ(o.status, 0) << args;
    EXPECT_THAT(o.out, StartsWith("usage: carepath run SCENARIO")) << args;
    EXPECT_THAT(o.out, HasSubstr("--replications N")) << args;
  }
  EXPECT_THAT(carepath("graph --help").out, HasSubstr("--out FILE"));
  EXPECT_THAT(carepath("validate --help").out, StartsWith("usage: carepath validate SCENARIO"));
}

TEST_F(CliTest, VersionPrintsTheVersion) {
  const Outcome o = carepath("--version");
  EXPECT_EQ(o.status, 0);
  EXPECT_THAT(o.out, StartsWith("carepath " + std::string(carepath::version()) + " (commit "));
  // A build in a git checkout names a 40-digit commit; a copy without .git says "unknown".
  EXPECT_THAT(o.out, MatchesRegex("carepath [0-9]+\\.[0-9]+\\.[0-9]+ \\(commit ([0-9a-f]{40}(-dirty)?|unknown), "
                                  "scenario format [0-9]+\\.[0-9]+\\)\n"));
}

TEST_F(CliTest, NoCommandIsAUsageError) {
  const Outcome o = carepath("");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "carepath: no command given\nsee carepath --help\n");
}

TEST_F(CliTest, UnknownCommandSuggestsTheClosest) {
  const Outcome o = carepath("rnu tiny.json");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, StartsWith("carepath: unknown command 'rnu'; did you mean 'run'?"));
  EXPECT_THAT(o.err, HasSubstr("\nsee carepath --help\n"));
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  const Outcome o = carepath("run tiny.json --thread 2");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, StartsWith("carepath: unknown option '--thread'; did you mean '--threads'?"));
  EXPECT_THAT(o.err, HasSubstr("\nsee carepath run --help\n"));
  EXPECT_EQ(work_entries(), kOnlyScenarios);
}

TEST_F(CliTest, NumbersInOptionsAreChecked) {
  EXPECT_EQ(carepath("run tiny.json --threads abc").err,
            "carepath: --threads: expected a positive integer, got 'abc'\n"
            "see carepath run --help\n");
  EXPECT_EQ(carepath("run tiny.json --threads 0").status, 2);
  EXPECT_EQ(carepath("run tiny.json --replications=12x").err,
            "carepath: --replications: expected an integer from 1 to 1000000, got '12x'\n"
            "see carepath run --help\n");
  EXPECT_EQ(carepath("run tiny.json --seed -1").status, 2);
  EXPECT_EQ(carepath("run tiny.json --seed").err,
            "carepath: --seed: expected a value\nsee carepath run --help\n");
  EXPECT_EQ(work_entries(), kOnlyScenarios);
}

TEST_F(CliTest, ScenarioIsRequiredAndSingle) {
  EXPECT_EQ(carepath("run").err, "carepath: missing the scenario file\nsee carepath run --help\n");
  EXPECT_EQ(carepath("validate tiny.json bad.json").status, 2);
  EXPECT_EQ(carepath("validate tiny.json --out x").status, 2);
}

TEST_F(CliTest, ValidateReportsOk) {
  const Outcome o = carepath("validate tiny.json");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "tiny.json: ok (1 service, 1 arrival source)\n");
  EXPECT_EQ(work_entries(), kOnlyScenarios);
}

TEST_F(CliTest, ValidateReportsLocatedErrors) {
  const Outcome o = carepath("validate bad.json");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.out, IsEmpty());
  EXPECT_THAT(o.err, StartsWith("bad.json:6:25: /services[clinic]/capacity: "));
}

TEST_F(CliTest, RunWritesResultsToTheDefaultFolder) {
  const Outcome o = carepath("run tiny.json --replications 3 --seed 7 --threads 1");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("clinic"));
  EXPECT_THAT(o.out, HasSubstr("3 replications, seed 7, 1 thread,"));
  EXPECT_THAT(o.err, HasSubstr("wrote results/tiny\n"));
  EXPECT_THAT(o.out, ::testing::EndsWith("\nReport: results/tiny/report.html\n"));
  EXPECT_THAT(o.err, HasSubstr("] 3/3 replications, "));  // progress: a file gets a line per tenth
  for (const char* file : {"summary.json", "summary_services.csv", "summary_system.csv",
                           "replications.csv", "trajectories.csv", "trajectories.json"}) {
    EXPECT_TRUE(fs::is_regular_file(work() / "results" / "tiny" / file)) << file;
  }
  std::vector<std::string> in_results;
  for (const auto& entry : fs::directory_iterator(work() / "results")) {
    in_results.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(in_results, std::vector<std::string>{"tiny"});
}

TEST_F(CliTest, RunWritesWhereOutSaysAndQuietPrintsNothing) {
  const Outcome o = carepath("run --quiet --out=elsewhere tiny.json");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, IsEmpty());
  EXPECT_THAT(o.err, IsEmpty());
  EXPECT_TRUE(fs::is_regular_file(work() / "elsewhere" / "summary.json"));
}

TEST_F(CliTest, BadScenarioWritesNothing) {
  const Outcome o = carepath("run bad.json --out out");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.out, IsEmpty());
  EXPECT_THAT(o.err, StartsWith("bad.json:6:25: /services[clinic]/capacity: "));
  EXPECT_EQ(work_entries(), kOnlyScenarios);
}

TEST_F(CliTest, MissingScenarioFileIsBadInput) {
  const Outcome o = carepath("run missing.json");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("missing.json"));
  EXPECT_EQ(work_entries(), kOnlyScenarios);
}

TEST_F(CliTest, RunWillNotReplaceAFolderThatIsNotResults) {
  fs::create_directory(work() / "thesis");
  std::ofstream(work() / "thesis" / "chapter1.tex") << "precious";
  const Outcome o = carepath("run tiny.json --out thesis");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("is not a folder carepath wrote"));
  EXPECT_EQ(read_text(work() / "thesis" / "chapter1.tex"), "precious");
}

TEST_F(CliTest, GraphPrintsDot) {
  const Outcome o = carepath("graph tiny.json");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("digraph"));
  EXPECT_THAT(o.out, HasSubstr("clinic"));
}

TEST_F(CliTest, GraphWritesDotToAFile) {
  const Outcome o = carepath("graph tiny.json --out tiny.dot");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.out, IsEmpty());
  EXPECT_THAT(read_text(work() / "tiny.dot"), HasSubstr("digraph"));
}

}  // namespace
