// SPDX-License-Identifier: MIT
// The exact text a planner sees for each kind of bad scenario. Every bad_<what>.expected in this
// folder is one case: loading bad_<what>.json (which may be missing on purpose) must throw a
// ScenarioError whose what() is the .expected file, line for line. Files are loaded by their path
// relative to the repository, as a planner would name them, so that is the path the messages show.
// To add a case, add the two files; nothing here changes.
#include <carepath/io/scenario_json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace carepath {
namespace {

namespace fs = std::filesystem;

const fs::path kCasesFolder = "tests/errors";

fs::path source_dir() { return CAREPATH_SOURCE_DIR; }

std::vector<std::string> files_named(std::string_view extension) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_dir() / kCasesFolder)) {
    const auto name = entry.path().filename();
    if (name.string().starts_with("bad_") && name.extension() == extension) names.push_back(name.stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One test over every case, rather than one test per case: ctest learns the test list when the
// program is built, and a case added afterwards must still run.
TEST(BadScenario, ReportsExactlyTheExpectedDiagnostics) {
  const auto cases = files_named(".expected");
  // Relative paths in the .expected files hold only from the repository root.
  fs::current_path(source_dir());
  for (const auto& name : cases) {
    SCOPED_TRACE(name);
    const fs::path scenario = kCasesFolder / (name + ".json");
    std::string expected = read_text(kCasesFolder / (name + ".expected"));
    if (expected.ends_with('\n')) expected.pop_back();
    try {
      (void)io::load_scenario(scenario);
      ADD_FAILURE() << scenario << " loaded without error";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(e.what(), expected);
    }
  }
}

TEST(BadScenarioCases, EveryScenarioHasItsExpectedDiagnostics) {
  const auto scenarios = files_named(".json");
  const auto expectations = files_named(".expected");
  for (const auto& name : scenarios) {
    EXPECT_TRUE(std::binary_search(expectations.begin(), expectations.end(), name)) << name << ".expected is missing";
  }
  EXPECT_FALSE(expectations.empty());
}

}  // namespace
}  // namespace carepath
