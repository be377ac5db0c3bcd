// SPDX-License-Identifier: MIT
// Ctrl-C and SIGTERM on a long `carepath run` (sim/cli/interrupt.hpp): the program must stop
// within seconds with exit status 130 and "interrupted: no results written", leave an earlier
// results folder exactly as it was, and leave no staging folder behind. The program runs as a
// child process (fork and exec, so that the test knows its pid) in a scratch folder; the signal
// is sent once the run is under way (it prints nothing with --quiet, so the test waits a fixed
// 0.5 s: loading the scenario takes milliseconds, and the run itself about two minutes).
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using carepath::cli_test::read_text;
using ::testing::HasSubstr;

// About a million events per replication and a thousand replications: minutes, on any machine.
constexpr const char* kLongScenario = R"({
  "name": "long",
  "run": { "horizon": "2000d", "replications": 1000, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "240/day" } ],
  "services": [ { "name": "clinic", "capacity": 1,
                  "service_time": { "distribution": "exponential", "mean": "5min" } } ]
})";

struct Outcome {
  bool exited = false;
  int status = -1;
  std::string err;
  double seconds_after_signal = 0;
};

class InterruptTest : public ::testing::Test {
 protected:
  InterruptTest() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("carepath-interrupt-" + std::string(info->name()) + "-" +
                                        std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "long.json") << kLongScenario;
  }
  ~InterruptTest() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // Runs `carepath run long.json ARGS` in the scratch folder; sends `signal` after `delay` unless 0.
  Outcome run(const std::vector<std::string>& args, int signal, std::chrono::milliseconds delay) const {
    const fs::path err = dir_ / "stderr.txt";
    const pid_t child = ::fork();
    if (child == 0) {
      fs::current_path(dir_);
      std::freopen(err.c_str(), "w", stderr);
      std::freopen("/dev/null", "w", stdout);
      std::vector<std::string> all{CAREPATH_EXE, "run", "long.json"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(CAREPATH_EXE, argv.data());
      std::_Exit(127);
    }
    Outcome outcome;
    if (signal != 0) {
      std::this_thread::sleep_for(delay);
      ::kill(child, signal);
    }
    const auto sent = std::chrono::steady_clock::now();
    int raw = 0;
    ::waitpid(child, &raw, 0);
    outcome.seconds_after_signal = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    outcome.exited = WIFEXITED(raw);
    outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    outcome.err = read_text(err);
    return outcome;
  }

  [[nodiscard]] std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(InterruptTest, CtrlCStopsWithoutWritingResults) {
  const Outcome o = run({"--quiet", "--threads", "2"}, SIGINT, std::chrono::milliseconds(500));
  ASSERT_TRUE(o.exited) << "the program was killed by the signal instead of handling it";
  EXPECT_EQ(o.status, 130);
  EXPECT_THAT(o.err, HasSubstr("interrupted: no results written"));
  EXPECT_LT(o.seconds_after_signal, 20.0);
  EXPECT_EQ(entries(), (std::vector<std::string>{"long.json", "stderr.txt"}));
}

TEST_F(InterruptTest, SigtermLeavesAnEarlierResultsFolderAsItWas) {
  const Outcome first = run({"--quiet", "--replications", "2"}, 0, std::chrono::milliseconds(0));
  ASSERT_EQ(first.status, 0) << first.err;
  const fs::path summary = dir_ / "results" / "long" / "summary.json";
  const std::string before = read_text(summary);
  ASSERT_FALSE(before.empty());

  const Outcome o = run({"--threads", "1", "--seed", "4"}, SIGTERM, std::chrono::milliseconds(500));
  ASSERT_TRUE(o.exited);
  EXPECT_EQ(o.status, 130);
  EXPECT_THAT(o.err, HasSubstr("interrupted: no results written"));
  EXPECT_EQ(read_text(summary), before);
  std::vector<std::string> results;
  for (const auto& entry : fs::directory_iterator(dir_ / "results")) results.push_back(entry.path().filename().string());
  EXPECT_EQ(results, std::vector<std::string>{"long"});  // no staging folder left beside it
}

}  // namespace
