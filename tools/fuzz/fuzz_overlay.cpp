// SPDX-License-Identifier: MIT
// Fuzzes the variant overlay (io/variant_overlay.cpp) as `carepath sweep` uses it: the bytes as the
// "variants" array of a fixed base scenario that has a bit of everything a variant can touch
// (patient types, by_type overrides, routes with delays, a profile, initial patients, a
// roster). Each variant is merged, loaded by every rule, and scaled. Only a ScenarioError may
// come out.
#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace {

constexpr const char* kBase = R"({
  "name": "base", "start_date": "2023-01-02", "run": {"horizon": "30d", "warm_up": "2d", "replications": 2},
  "patient_types": [{"name": "urgent", "priority": 0}, {"name": "routine"}],
  "arrivals": [
    {"name": "referrals", "to": "ae", "rate": "20/day", "patient_type": "routine",
     "profile": {"day_of_week": {"sat": 0.8, "sun": 0.7}, "surges": [{"from": "2023-01-09", "to": "2023-01-15", "multiplier": 1.5}]}},
    {"name": "ambulances", "to": "ae", "rate": "5/day", "patient_type": "urgent"}],
  "services": [
    {"name": "ae", "capacity": {"base": 3, "roster": [{"days": "mon-fri", "from": "08:00", "to": "20:00", "capacity": 6}]},
     "service_time": {"distribution": "lognormal", "mean": "4h", "sd": "2h"},
     "patience": {"distribution": "exponential", "mean": "12h"}, "renege_to": "exit",
     "next": [{"to": "ward", "probability": 0.3, "transfer_delay": {"distribution": "uniform", "min": "1h", "max": "3h"}},
              {"to": "exit", "probability": 0.7}],
     "by_type": {"urgent": {"priority": 0, "service_time": {"distribution": "gamma", "mean": "6h", "sd": "3h"}}}},
    {"name": "ward", "capacity": 20, "queue_limit": 10, "when_full": {"divert": "overflow"},
     "service_time": {"distribution": "weibull", "shape": 1.5, "scale": "5d"},
     "initial": {"waiting": [{"waited": "2d", "count": 3}], "in_service": {"histogram": [{"from": "0d", "to": "4d", "count": 10}]}}},
    {"name": "overflow", "capacity": "unlimited", "service_time": {"distribution": "empirical", "values": [1, 2, 3], "unit": "d"}}]
})";

// The base scenario as a file, in a folder of this process's own, removed at exit (which is how
// libFuzzer ends a timed run).
struct BaseFile {
  std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("carepath-fuzz-overlay-" + std::to_string(::getpid()));
  BaseFile() {
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "base.json", std::ios::binary | std::ios::trunc) << kBase;
  }
  BaseFile(const BaseFile&) = delete;
  BaseFile& operator=(const BaseFile&) = delete;
  ~BaseFile() {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
};

std::filesystem::path base_file() {
  static const BaseFile file;
  return file.folder / "base.json";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string variants(reinterpret_cast<const char*>(data), size);
  try {
    (void)carepath::io::load_scenario_set(base_file(), variants);
  } catch (const carepath::ScenarioError&) {
    // The expected way to refuse a bad variant.
  }
  return 0;
}
