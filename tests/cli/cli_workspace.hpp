// SPDX-License-Identifier: MIT
// What the CLI tests share: a scratch folder per test (removed afterwards) with a work/ folder the
// program runs in, so that relative paths and the default results/<name> behave as they do for a
// user, and the real program run there with its exit status, stdout and stderr captured.
// CAREPATH_EXE is the program's path, set by tests/cli/CMakeLists.txt.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace carepath::cli_test {

namespace fs = std::filesystem;

/// Two M/M/c queues side by side, a (4 a day) and b (2 a day), each served in a mean of a day,
/// 5 and 3 servers: the Erlang C grid of the sweep and optimise tests (their tolerances are
/// argued where they use it).
inline constexpr const char* kTwoQueuesScenario = R"({
  "name": "two_queues",
  "run": { "horizon": "1000d", "warm_up": "100d", "replications": 10, "seed": 5 },
  "arrivals": [ { "name": "a_in", "to": "a", "rate": "4/day" },
                { "name": "b_in", "to": "b", "rate": "2/day" } ],
  "services": [
    { "name": "a", "capacity": 5, "service_time": { "distribution": "exponential", "mean": "1d" } },
    { "name": "b", "capacity": 3, "service_time": { "distribution": "exponential", "mean": "1d" } }
  ]
})";

/// A run that lasts minutes on any machine (about a million events per replication, a thousand
/// replications): for the tests that stop one while it runs.
inline constexpr const char* kLongScenario = R"({
  "name": "long",
  "run": { "horizon": "2000d", "replications": 1000, "seed": 3 },
  "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "240/day" } ],
  "services": [ { "name": "clinic", "capacity": 1,
                  "service_time": { "distribution": "exponential", "mean": "5min" } } ]
})";

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The names in `folder`, sorted; none when it does not exist.
inline std::vector<std::string> entries(const fs::path& folder) {
  std::vector<std::string> names;
  if (!fs::exists(folder)) return names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

/// A test fixture owning <temp>/carepath-<prefix>-<test name>-<pid>/work.
class CliWorkspace : public ::testing::Test {
 protected:
  explicit CliWorkspace(const std::string& prefix) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("carepath-" + prefix + "-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(work());
  }
  ~CliWorkspace() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  /// Runs carepath in work/; arguments are passed to the shell as written.
  [[nodiscard]] Outcome carepath(const std::string& args) const {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string command = "cd '" + work().string() + "' && '" + CAREPATH_EXE + "' " + args + " >'" +
                                out.string() + "' 2>'" + err.string() + "'";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_text(out), read_text(err)};
  }

  void write(const std::string& name, const std::string& text) const { std::ofstream(work() / name) << text; }
  [[nodiscard]] fs::path work() const { return dir_ / "work"; }

 private:
  fs::path dir_;
};

}  // namespace carepath::cli_test
