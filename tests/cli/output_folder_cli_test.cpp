// SPDX-License-Identifier: MIT
// The results folder as the user meets it (sim/cli/output_folder.hpp, sim/io/atomic_dir.hpp):
// --out never deletes a file carepath did not write, an --out that cannot be written is an exit-2
// error before anything is simulated (the "long" scenario would take minutes, so a quick answer
// shows it was not run), a disk that fills up while writing is an exit-2 error that leaves
// nothing behind, memory running out is an exit-2 message naming the sizes, and a staging folder
// of a killed run is removed by the next run into the same place. The full disk is a 64 KiB
// tmpfs, which needs root; the test says it skipped where mounting is not allowed.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr const char* kTinyScenario = R"({
  "name": "tiny",
  "run": { "horizon": "30d", "replications": 2, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2/day" } ],
  "services": [ { "name": "clinic", "capacity": 1,
                  "service_time": { "distribution": "exponential", "mean": "8h" } } ]
})";

class OutputFolderCliTest : public CliWorkspace {
 protected:
  OutputFolderCliTest() : CliWorkspace("output") {
    write("tiny.json", kTinyScenario);
    write("long.json", kLongScenario);
  }

  // Runs carepath, timing it.
  [[nodiscard]] Outcome timed(const std::string& args, double& seconds) const {
    const auto start = std::chrono::steady_clock::now();
    Outcome o = carepath(args);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return o;
  }
};

// The black-box test's data loss: a folder of the user's that happens to hold a summary.json.
TEST_F(OutputFolderCliTest, FolderWithASummaryJsonButNoMarkerIsNotReplaced) {
  fs::create_directory(work() / "analysis");
  write("analysis/summary.json", "{}");
  write("analysis/model.R", "precious");
  double seconds = 0;
  const Outcome o = timed("run long.json --out analysis", seconds);
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("holds summary.json but no .carepath-results file"));
  EXPECT_THAT(o.err, HasSubstr("not replacing it"));
  EXPECT_LT(seconds, 10.0);
  EXPECT_EQ(read_text(work() / "analysis" / "model.R"), "precious");
  EXPECT_EQ(entries(work() / "analysis"), (std::vector<std::string>{"model.R", "summary.json"}));
}

TEST_F(OutputFolderCliTest, RunReplacesItsOwnFolderButNotOneHoldingAnotherFile) {
  ASSERT_EQ(carepath("run tiny.json --quiet --out out").status, 0);
  EXPECT_TRUE(fs::is_regular_file(work() / "out" / ".carepath-results"));
  const Outcome again = carepath("run tiny.json --quiet --seed 9 --out out");
  ASSERT_EQ(again.status, 0) << again.err;

  write("out/my_plot.png", "precious");
  double seconds = 0;
  const Outcome o = timed("run long.json --out out", seconds);
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("holds files carepath did not write: my_plot.png;"));
  EXPECT_LT(seconds, 10.0);
  EXPECT_EQ(read_text(work() / "out" / "my_plot.png"), "precious");
}

TEST_F(OutputFolderCliTest, SweepAndCalibrateFoldersAreMarkedToo) {
  const Outcome sweep = carepath("sweep tiny.json --set services.clinic.capacity=1:2:1 --quiet --out swept");
  ASSERT_EQ(sweep.status, 0) << sweep.err;
  EXPECT_THAT(read_text(work() / "swept" / ".carepath-results"), HasSubstr("\"sweep.json\""));
  write("swept/notes.txt", "precious");
  const Outcome again = carepath("sweep tiny.json --set services.clinic.capacity=1:2:1 --quiet --out swept");
  EXPECT_EQ(again.status, 2);
  EXPECT_THAT(again.err, HasSubstr("notes.txt"));
}

TEST_F(OutputFolderCliTest, UnwritableOutIsBadInputBeforeSimulating) {
  write("a_file", "");
  double seconds = 0;
  const Outcome o = timed("run long.json --out a_file/results", seconds);
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("cannot write to 'a_file/results'"));
  EXPECT_THAT(o.err, HasSubstr("Not a directory"));
  EXPECT_THAT(o.err, Not(HasSubstr("internal")));
  EXPECT_LT(seconds, 10.0);
}

TEST_F(OutputFolderCliTest, NothingIsLeftBehindWhenTheRunFails) {
  const Outcome o = carepath("run tiny.json --variant nope --out deep/er/out");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(entries(work()), (std::vector<std::string>{"long.json", "tiny.json"}));
}

// A million replications cannot fit under a 200 MB address-space limit: the vector of their
// results is the first thing allocated. (Much higher limits let the run start and then fail in
// TBB's own thread creation, which carepath cannot catch.)
TEST_F(OutputFolderCliTest, OutOfMemoryIsBadInputNamingTheSizes) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space, so no ulimit -v lets it start";
#endif
  const std::string command = "cd '" + work().string() + "' && ulimit -v 200000 && '" + CAREPATH_EXE +
                              "' run tiny.json --quiet --threads 1 --replications 1000000 2>err.txt";
  const int raw = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 2);
  const std::string err = read_text(work() / "err.txt");
  EXPECT_THAT(err, HasSubstr("out of memory while simulating: 1000000 replications × 30 days of horizon, with per-day trajectories of 1 service"));
  EXPECT_THAT(err, HasSubstr("lower --replications or run.horizon"));
  EXPECT_FALSE(fs::exists(work() / "results"));
}

TEST_F(OutputFolderCliTest, StagingFolderOfAKilledRunIsRemovedByTheNextRun) {
  // A run killed while writing leaves its staging folder, marked as carepath's, with its pid.
  const pid_t ended = ::fork();
  if (ended == 0) std::_Exit(0);
  int ignored = 0;
  ::waitpid(ended, &ignored, 0);
  const fs::path leftover = work() / "results" / (".tiny.tmp-" + std::to_string(ended) + "-0123456789abcdef");
  fs::create_directories(leftover);
  write("results/" + leftover.filename().string() + "/.carepath-results", R"({"files": []})");
  write("results/" + leftover.filename().string() + "/trajectories.csv", "half a fi");

  const Outcome o = carepath("run tiny.json");
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_THAT(o.err, HasSubstr("note: removed " + leftover.string() +
                               ", left by a carepath run that ended before finishing"));
  EXPECT_EQ(entries(work() / "results"), std::vector<std::string>{"tiny"});
}

// A tmpfs of 64 KiB: empty, the check before simulating passes and the disk fills up while the
// results are written; already full, the check itself fails.
class FullDiskCliTest : public OutputFolderCliTest {
 protected:
  FullDiskCliTest() {
    fs::create_directory(work() / "disk");
    const std::string mount = "mount -t tmpfs -o size=64k tmpfs '" + (work() / "disk").string() + "' 2>/dev/null";
    mounted_ = std::system(mount.c_str()) == 0;
  }
  ~FullDiskCliTest() override {
    if (mounted_) static_cast<void>(std::system(("umount '" + (work() / "disk").string() + "'").c_str()));
  }
  bool mounted_ = false;
};

TEST_F(FullDiskCliTest, DiskFillingUpWhileWritingIsBadInputAndLeavesNothing) {
  if (!mounted_) GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  const Outcome o = carepath("run tiny.json --quiet --out disk/out");
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("/disk/.out.tmp-"));
  EXPECT_THAT(o.err, HasSubstr("No space left on device; nothing was written to 'disk/out', which is as it was"));
  EXPECT_THAT(o.err, Not(HasSubstr("internal")));
  EXPECT_THAT(entries(work() / "disk"), IsEmpty());
}

TEST_F(FullDiskCliTest, FullDiskIsBadInputBeforeSimulating) {
  if (!mounted_) GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  std::ofstream(work() / "disk" / "filler") << std::string(64 * 1024, 'x');
  double seconds = 0;
  const Outcome o = timed("run long.json --out disk/out", seconds);
  EXPECT_EQ(o.status, 2);
  EXPECT_THAT(o.err, HasSubstr("No space left on device"));
  EXPECT_LT(seconds, 10.0);
  EXPECT_EQ(entries(work() / "disk"), std::vector<std::string>{"filler"});
}

}  // namespace
