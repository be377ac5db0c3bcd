// SPDX-License-Identifier: MIT
// Fuzzes the scenario loader end to end: any bytes as a scenario file, its variants merged and
// every rule checked, CSV files it names looked up beside the seed files. The loader's promise is
// "a located ScenarioError or a scenario, never a crash": anything else that escapes (another
// exception, a sanitizer report, a hang past -timeout) is a finding. Every finding becomes a
// tests/errors/bad_*.json case (README "Fuzzing").
#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // CSV paths are resolved against tests/errors, whose data/ folder holds good and bad tables.
    (void)carepath::io::parse_scenario_set(text, "fuzz.json", CAREPATH_FUZZ_CSV_FOLDER);
  } catch (const carepath::ScenarioError&) {
    // The expected way to refuse a bad file.
  }
  return 0;
}
