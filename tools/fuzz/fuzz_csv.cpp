// SPDX-License-Identifier: MIT
// Fuzzes the CSV readers: the bytes as a table for the plain reader (io/csv_reader.hpp), then as
// the file a scenario names, once as a daily arrival series (dates and counts) and once as a
// waiting list (ages, counts, patient types), so the typed fields of io/csv_input.cpp are reached
// too. Only a ScenarioError may come out.
#include <carepath/io/csv_reader.hpp>

#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>

#include <unistd.h>

#include <system_error>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

// One folder per fuzzing process, so parallel runs do not share the file; removed at exit, which
// is how libFuzzer ends a timed run.
struct ScratchFolder {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("carepath-fuzz-csv-" + std::to_string(::getpid()));
  ScratchFolder() { std::filesystem::create_directories(path); }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

const std::filesystem::path& scratch_folder() {
  static const ScratchFolder folder;
  return folder.path;
}

constexpr const char* kSeriesScenario = R"({"name": "fuzz", "start_date": "2023-01-01", "run": {"horizon": "5d"},
  "arrivals": [{"name": "a", "to": "s", "profile": {"daily_series": "input.csv"}}],
  "services": [{"name": "s", "capacity": 1, "service_time": {"distribution": "exponential", "mean": "1d"}}]})";

constexpr const char* kWaitingScenario = R"({"name": "fuzz", "run": {"horizon": "5d"},
  "patient_types": [{"name": "urgent", "priority": 0}, {"name": "routine"}],
  "arrivals": [{"name": "a", "to": "s", "rate": "1/day"}],
  "services": [{"name": "s", "capacity": "unlimited", "service_time": {"distribution": "exponential", "mean": "1d"},
                "initial": {"waiting": "input.csv", "in_service": "input.csv"}}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> required{"date", "arrivals"};
  const std::vector<std::string> optional{"patient_type"};
  std::vector<carepath::io::CsvProblem> problems;
  (void)carepath::io::parse_csv(text, required, optional, problems);

  std::ofstream(scratch_folder() / "input.csv", std::ios::binary | std::ios::trunc) << text;
  for (const char* scenario : {kSeriesScenario, kWaitingScenario}) {
    try {
      (void)carepath::io::parse_scenario(scenario, "fuzz.json", scratch_folder());
    } catch (const carepath::ScenarioError&) {
      // The expected way to refuse a bad table.
    }
  }
  return 0;
}
