// SPDX-License-Identifier: MIT
// `mpirun -n N carepath ...` (sim/cli/launch.hpp), registered only when the build has MPI. Each
// run's folder must be the single process's, file for file and byte for byte, whatever the
// number of ranks and threads, but for the fields that say how it was run: threads, ranks and
// wall time (in the JSON documents and in report.html's header and STRESS-DES item 5.4), and
// --threads in provenance.json's command line. Every run is made in the same folder with
// otherwise the same command line, so provenance.json's paths agree too. A rank that fails (its scenario missing where it runs, or a different seed)
// fails the run: exit status 1, its message on stderr, no results folder; so does a Ctrl-C, within
// seconds. Open MPI refuses to run
// as root unless told (CI runs as root), and --oversubscribe lets 3 ranks share 2 cores.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <regex>

namespace carepath::cli_test {
namespace {

using ::testing::HasSubstr;

class MpiCliTest : public CliWorkspace {
 protected:
  MpiCliTest() : CliWorkspace("mpi") {
    write("pool_costs.json", read_text(fs::path(CAREPATH_SOURCE_DIR) / "scenarios/examples/pool_costs.json"));
    write("two.json", kTwoQueuesScenario);
    write("long.json", kLongScenario);
  }

  /// `mpirun` with `launch` (ranks and programs), in work/, as carepath() runs the program.
  [[nodiscard]] Outcome mpirun(const std::string& launch) const {
    const fs::path out = work().parent_path() / "mpi_stdout.txt";
    const fs::path err = work().parent_path() / "mpi_stderr.txt";
    const std::string command = "cd '" + work().string() +
                                "' && OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 '" CAREPATH_MPIEXEC
                                "' --oversubscribe " + launch + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_text(out), read_text(err)};
  }

  /// As mpirun() does, but sends mpirun SIGINT (a Ctrl-C) once rank 0 has said something on stderr
  /// (it installs its handler before), and half a second more for the other ranks.
  [[nodiscard]] Outcome interrupted_mpirun(const std::string& launch) const {
    const fs::path err = work().parent_path() / "mpi_stderr.txt";
    const std::string command = "cd '" + work().string() +
                                "' && { OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 '" CAREPATH_MPIEXEC
                                "' --oversubscribe " + launch + " >/dev/null 2>'" + err.string() +
                                "' & pid=$!; for i in $(seq 300); do [ -s '" + err.string() +
                                "' ] && break; sleep 0.1; done; sleep 0.5; kill -INT $pid; wait $pid; }";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, "", read_text(err)};
  }

  /// Moves work/results to work/<name>, so that the next run writes where this one did.
  void keep_as(const std::string& name) const { fs::rename(work() / "results", work() / name); }

  /// The files of work/<a> and work/<b> that differ beyond how the runs were made.
  [[nodiscard]] std::vector<std::string> differing(const std::string& a, const std::string& b) const {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(work() / a)) {
      if (!entry.is_regular_file()) continue;
      const fs::path relative = entry.path().lexically_relative(work() / a);
      const fs::path other = work() / b / relative;
      if (!fs::exists(other) || apart_from_how(entry.path()) != apart_from_how(other)) names.push_back(relative.string());
    }
    for (const auto& entry : fs::recursive_directory_iterator(work() / b)) {
      if (entry.is_regular_file() && !fs::exists(work() / a / entry.path().lexically_relative(work() / b))) {
        names.push_back(entry.path().lexically_relative(work() / b).string() + " (only in " + b + ")");
      }
    }
    return names;
  }

 private:
  static void drop_how(nlohmann::ordered_json& value) {
    if (value.is_object()) {
      for (const char* key : {"threads", "ranks", "wall_seconds"}) value.erase(key);
      if (value.contains("command_line")) {  // provenance.json: the runs differ in --threads N alone
        auto& args = value.at("command_line");
        const auto threads = std::find(args.begin(), args.end(), "--threads");
        if (threads != args.end() && threads + 1 != args.end()) args.erase(threads, threads + 2);
      }
      for (auto& member : value) drop_how(member);
    } else if (value.is_array()) {
      for (auto& item : value) drop_how(item);
    }
  }

  static std::string apart_from_how(const fs::path& file) {
    const std::string bytes = read_text(file);
    if (file.extension() == ".json") {
      auto document = nlohmann::ordered_json::parse(bytes);
      drop_how(document);
      return document.dump(1);
    }
    if (file.extension() == ".html") {
      static const std::regex how("<div><b>(Threads|Wall time)</b>[^<]*</div>|<td>[0-9]+ threads, [0-9]+ process[^<]*</td>");
      return std::regex_replace(bytes, how, "");
    }
    return bytes;
  }
};

TEST_F(MpiCliTest, ARunIsTheSingleProcessRunsOnOneTwoAndThreeRanks) {
  const std::string run = "run pool_costs.json --replications 7 --quiet --out results";
  ASSERT_EQ(carepath(run + " --threads 2").status, 0);
  keep_as("plain");
  const std::vector<std::pair<unsigned, unsigned>> launches{{1, 2}, {2, 1}, {3, 2}};
  for (const auto& [ranks, threads] : launches) {
    SCOPED_TRACE(std::to_string(ranks) + " ranks of " + std::to_string(threads) + " threads");
    const Outcome o = mpirun("-n " + std::to_string(ranks) + " '" CAREPATH_EXE "' " + run + " --threads " +
                             std::to_string(threads));
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.out, "");
    const std::string name = "ranks" + std::to_string(ranks);
    keep_as(name);
    EXPECT_EQ(differing("plain", name), std::vector<std::string>{});
    const auto provenance = nlohmann::json::parse(read_text(work() / name / "provenance.json"));
    EXPECT_EQ(provenance.at("run").at("ranks"), ranks);
  }
}

TEST_F(MpiCliTest, ASweepOverTwoKeysAndASearchAreTheSingleProcesss) {
  const std::string sweep = "sweep two.json --set services.a.capacity=5:6:1 --set services.b.capacity=3:4:1"
                            " --cost services.a.capacity=100 --cost services.b.capacity=150"
                            " --goal 'a.wait_mean<=0.3' --goal 'b.wait_mean<=0.2' --replications 5 --quiet --out results";
  ASSERT_EQ(carepath(sweep + " --threads 2").status, 0);
  keep_as("plain_sweep");
  Outcome o = mpirun("-n 2 '" CAREPATH_EXE "' " + sweep + " --threads 1");
  ASSERT_EQ(o.status, 0) << o.err;
  keep_as("sweep");
  EXPECT_EQ(differing("plain_sweep", "sweep"), std::vector<std::string>{});

  const std::string search = "optimise two.json --set services.a.capacity=5:7:1 --set services.b.capacity=3:5:1"
                             " --cost services.a.capacity=100 --cost services.b.capacity=150"
                             " --goal 'a.wait_mean<=0.3' --goal 'b.wait_mean<=0.2' --quiet --out results";
  ASSERT_EQ(carepath(search + " --threads 2").status, 0);
  keep_as("plain_search");
  o = mpirun("-n 3 '" CAREPATH_EXE "' " + search + " --threads 1");
  ASSERT_EQ(o.status, 0) << o.err;
  keep_as("search");
  EXPECT_EQ(differing("plain_search", "search"), std::vector<std::string>{});
}

TEST_F(MpiCliTest, ARankThatFailsFailsTheRunWithItsMessageAndNothingWritten) {
  fs::create_directories(work().parent_path() / "elsewhere");
  const std::string run = "'" CAREPATH_EXE "' run two.json --quiet --out results";
  Outcome o = mpirun("-n 1 " + run + " : -n 1 -wdir '" + (work().parent_path() / "elsewhere").string() + "' " + run);
  EXPECT_EQ(o.status, 1);
  EXPECT_THAT(o.err, HasSubstr("carepath: rank 1 failed: two.json: cannot read file: No such file or directory\n"));
  EXPECT_EQ(entries(work()), (std::vector<std::string>{"long.json", "pool_costs.json", "two.json"}));

  o = mpirun("-n 2 " + run + " : -n 1 " + run + " --seed 9");
  EXPECT_EQ(o.status, 1);
  EXPECT_THAT(o.err, HasSubstr("carepath: rank 2 failed: it ran scenario 'two_queues', seed 9, replications 0 to 10 "
                               "where rank 0 ran scenario 'two_queues', seed 5, replications 0 to 10: were the ranks "
                               "started with different commands or inputs?\n"));
  EXPECT_EQ(entries(work()), (std::vector<std::string>{"long.json", "pool_costs.json", "two.json"}));
}

// The long run takes minutes; a Ctrl-C ends it within seconds, as without MPI.
TEST_F(MpiCliTest, CtrlCStopsEveryRankAndWritesNothing) {
  const auto started = std::chrono::steady_clock::now();
  const Outcome o = interrupted_mpirun("-n 2 '" CAREPATH_EXE "' run long.json --quiet --threads 1 --out results");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(60));
  EXPECT_NE(o.status, 0);
  EXPECT_THAT(o.err, HasSubstr("interrupted: no results written\n"));
  EXPECT_EQ(entries(work()), (std::vector<std::string>{"long.json", "pool_costs.json", "two.json"}));
}

}  // namespace
}  // namespace carepath::cli_test
