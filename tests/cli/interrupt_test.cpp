// SPDX-License-Identifier: MIT
// Ctrl-C and SIGTERM on a long `carepath run` (sim/cli/interrupt.hpp): the program must stop
// within seconds with exit status 130 and "interrupted: no results written", leave an earlier
// results folder exactly as it was, and leave no staging folder behind. The program runs as a
// child process (fork and exec, so that the test knows its pid) in a scratch folder; the signal
// is sent once the run is under way (it prints nothing with --quiet, so the test waits a fixed
// 0.5 s: loading the scenario takes milliseconds, and the run itself about two minutes), or, for
// a Ctrl-C after the simulation, once the results are being written: the test watches for
// summary.json in the staging folder (the first file written; the trajectories of a 100,000-day
// horizon then take seconds more).
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
using carepath::cli_test::kLongScenario;
using carepath::cli_test::read_text;
using ::testing::HasSubstr;

// A few events a day over a long horizon: simulated in a fraction of a second, but its per-day
// trajectories (asked for with --trajectories day: by default a horizon this long turns them
// off) take seconds to write, about 140 MB.
constexpr const char* kLongWriteScenario = R"({
  "name": "long_write",
  "run": { "horizon": "100000d", "replications": 2, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "1/day" } ],
  "services": [ { "name": "clinic", "capacity": 1,
                  "service_time": { "distribution": "exponential", "mean": "5h" } } ]
})";

// The same results folder (the name decides it), but quick to write: the run after an interruption.
constexpr const char* kShortWriteScenario = R"({
  "name": "long_write",
  "run": { "horizon": "10d", "replications": 2, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "1/day" } ],
  "services": [ { "name": "clinic", "capacity": 1,
                  "service_time": { "distribution": "exponential", "mean": "5h" } } ]
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
    std::ofstream(dir_ / "long_write.json") << kLongWriteScenario;
    std::ofstream(dir_ / "short_write.json") << kShortWriteScenario;
  }
  ~InterruptTest() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // Starts `carepath run SCENARIO ARGS` in the scratch folder.
  pid_t start(const std::string& scenario, const std::vector<std::string>& args) const {
    const fs::path err = dir_ / "stderr.txt";
    const pid_t child = ::fork();
    if (child == 0) {
      fs::current_path(dir_);
      std::freopen(err.c_str(), "w", stderr);
      std::freopen("/dev/null", "w", stdout);
      std::vector<std::string> all{CAREPATH_EXE, "run", scenario};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(CAREPATH_EXE, argv.data());
      std::_Exit(127);
    }
    return child;
  }

  // Waits for `child`, timing from `sent`.
  Outcome finish(pid_t child, std::chrono::steady_clock::time_point sent) const {
    Outcome outcome;
    int raw = 0;
    ::waitpid(child, &raw, 0);
    outcome.seconds_after_signal = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    outcome.exited = WIFEXITED(raw);
    outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    outcome.err = read_text(dir_ / "stderr.txt");
    return outcome;
  }

  // Runs `carepath run long.json ARGS` in the scratch folder; sends `signal` after `delay` unless 0.
  Outcome run(const std::vector<std::string>& args, int signal, std::chrono::milliseconds delay) const {
    const pid_t child = start("long.json", args);
    if (signal != 0) {
      std::this_thread::sleep_for(delay);
      ::kill(child, signal);
    }
    return finish(child, std::chrono::steady_clock::now());
  }

  // Waits (at most a minute) until a staging folder beside results/NAME holds summary.json: the
  // simulation is over and the writing has begun.
  [[nodiscard]] bool wait_for_writing(const std::string& name) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    const std::string prefix = "." + name + ".tmp-";
    while (std::chrono::steady_clock::now() < deadline) {
      std::error_code ignored;
      for (const auto& entry : fs::directory_iterator(dir_ / "results", ignored)) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0 && fs::exists(entry.path() / "summary.json")) {
          return true;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
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
  EXPECT_EQ(entries(), (std::vector<std::string>{"long.json", "long_write.json", "short_write.json", "stderr.txt"}));
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

// A Ctrl-C once the replications are done used to be ignored: everything was written, exit 0.
TEST_F(InterruptTest, CtrlCWhileWritingStopsAndWritesNothing) {
  const pid_t child = start("long_write.json", {"--quiet", "--threads", "2", "--trajectories", "day"});
  ASSERT_TRUE(wait_for_writing("long_write"));
  ::kill(child, SIGINT);
  const Outcome o = finish(child, std::chrono::steady_clock::now());
  ASSERT_TRUE(o.exited) << "the program was killed by the signal instead of handling it";
  EXPECT_EQ(o.status, 130);
  EXPECT_THAT(o.err, HasSubstr("interrupted: no results written"));
  EXPECT_TRUE(fs::is_empty(dir_ / "results"));  // neither results nor a staging folder
}

// A second Ctrl-C ends the program at once, in the middle of a file: the results folder is not
// touched, and the staging folder left behind is removed by the next run into the same place.
TEST_F(InterruptTest, SecondCtrlCWhileWritingLeavesNoPartialResults) {
  const pid_t child = start("long_write.json", {"--quiet", "--threads", "2", "--trajectories", "day"});
  ASSERT_TRUE(wait_for_writing("long_write"));
  ::kill(child, SIGINT);
  ::kill(child, SIGINT);
  const Outcome o = finish(child, std::chrono::steady_clock::now());
  EXPECT_FALSE(fs::exists(dir_ / "results" / "long_write"));

  const Outcome next = finish(start("short_write.json", {"--threads", "2"}), std::chrono::steady_clock::now());
  ASSERT_EQ(next.status, 0) << next.err;
  if (!o.exited) {
    // Killed mid-file (the usual case): its staging folder was there, and the next run says so.
    EXPECT_THAT(next.err, HasSubstr("note: removed "));
    EXPECT_THAT(next.err, HasSubstr("left by a carepath run that ended before finishing"));
  }
  std::vector<std::string> results;
  for (const auto& entry : fs::directory_iterator(dir_ / "results")) results.push_back(entry.path().filename().string());
  EXPECT_EQ(results, std::vector<std::string>{"long_write"});
}

}  // namespace
