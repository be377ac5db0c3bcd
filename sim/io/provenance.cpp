// SPDX-License-Identifier: MIT
// provenance.json and inputs/ (include/carepath/io/provenance.hpp). The copies are written from
// the bytes the loader read, not read again from disk, so the SHA-256 in the record is that of
// what was run even if the file changed a moment later. Library versions are those of the headers
// compiled against (Boost and nlohmann are header-only; oneTBB's headers match its library by
// Debian's packaging). The reading side, for `carepath rerun`, is at the end.
#include "io/provenance_json.hpp"

#include <carepath/io/durable_file.hpp>
#include <carepath/io/text_file.hpp>
#include <carepath/version.hpp>

#include <carepath/io/sha256.hpp>

#include <boost/version.hpp>
#include <oneapi/tbb/version.h>

#include <stdexcept>
#include <system_error>

namespace carepath::io {

namespace {

using nlohmann::ordered_json;

std::string compiler() {
#if defined(__clang__)
  return "Clang " __clang_version__;
#elif defined(__GNUC__)
  return "GCC " __VERSION__;
#else
  return "unknown";
#endif
}

std::string dotted(int major, int minor, int patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

// A CSV named inside the scenario's folder keeps its place relative to the scenario's copy, so
// the copied scenario finds it; anything else goes to inputs/outside/.
std::string csv_copy_name(const std::string& name, std::size_t index) {
  const std::filesystem::path path(name);
  bool inside = path.is_relative() && !path.empty();
  for (const auto& part : path) inside = inside && part != "..";
  if (inside) return (std::filesystem::path(kInputsFolder) / path.lexically_normal()).generic_string();
  return (std::filesystem::path(kInputsFolder) / "outside" / (std::to_string(index + 1) + "-" + path.filename().string()))
      .generic_string();
}

ordered_json input_json(const InputFile& input) {
  return ordered_json{{"file", input.file}, {"sha256", input.sha256}, {"copy", input.copy}};
}

std::string string_at(const ordered_json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) {
    throw std::runtime_error(where + ": no string \"" + key + "\"");
  }
  return found->get<std::string>();
}

// A copy read back must be exactly what was run: otherwise a rerun would quietly run something else.
InputFile read_input(const std::filesystem::path& dir, const ordered_json& entry, const std::string& where) {
  InputFile input{string_at(entry, "file", where), string_at(entry, "copy", where), string_at(entry, "sha256", where), {}};
  const std::filesystem::path copy = dir / input.copy;
  try {
    input.contents = read_text_file(copy);
  } catch (const std::system_error& e) {
    throw std::runtime_error(copy.string() + ": cannot read the copy of " + input.file + ": " + e.code().message());
  }
  if (sha256_hex(input.contents) != input.sha256) {
    throw std::runtime_error(copy.string() + ": the copy of " + input.file +
                             " was changed after the run (its SHA-256 is not the one in provenance.json)");
  }
  return input;
}

InputCheck check_file(const std::string& file, const std::filesystem::path& place, const std::string& sha256) {
  InputCheck check{file, place, InputCheck::State::Unchanged};
  try {
    if (sha256_hex(read_text_file(place)) != sha256) check.state = InputCheck::State::Changed;
  } catch (const std::system_error&) {
    check.state = InputCheck::State::Missing;
  }
  return check;
}

}  // namespace

Provenance make_provenance(const std::filesystem::path& scenario_file, std::string scenario_text,
                           const std::vector<CsvFileRead>& csv_files, std::vector<std::string> command_line) {
  Provenance provenance;
  provenance.scenario.file = scenario_file.string();
  provenance.scenario.copy = (std::filesystem::path(kInputsFolder) / scenario_file.filename()).generic_string();
  provenance.scenario.sha256 = sha256_hex(scenario_text);
  provenance.scenario.contents = std::move(scenario_text);
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(scenario_file, error);
  provenance.scenario_location = error ? scenario_file.string() : absolute.lexically_normal().string();
  for (std::size_t i = 0; i < csv_files.size(); ++i) {
    const CsvFileRead& csv = csv_files[i];
    provenance.csv_inputs.push_back({csv.name, csv_copy_name(csv.name, i), sha256_hex(csv.text), csv.text});
  }
  provenance.command_line = std::move(command_line);
  return provenance;
}

ordered_json build_json() {
  return ordered_json{
      {"carepath_version", std::string(version())},
      {"git_commit", std::string(build_commit())},
      {"scenario_format", std::string(scenario_format_version())},
      {"compiler", compiler()},
      {"libraries",
       {{"boost", dotted(BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100)},
        {"onetbb", dotted(TBB_VERSION_MAJOR, TBB_VERSION_MINOR, TBB_VERSION_PATCH)},
        {"nlohmann_json", dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)}}},
  };
}

ordered_json run_settings_json(const run::ComparisonResult& comparison) {
  ordered_json variants = ordered_json::array();
  for (const run::NamedBatch& variant : comparison.variants) variants.push_back(variant.name);
  ordered_json run{{"seed", comparison.base.seed},
                   {"replications", comparison.base.replications.size()},
                   {"threads", comparison.base.threads},
                   {"ranks", comparison.base.ranks},
                   {"variants", std::move(variants)}};
  if (const auto& precision = comparison.base.precision) {
    run["precision"] = stats::precision_text(precision->rule.target);
    run["max_replications"] = precision->rule.cap;
  }
  return run;
}

ordered_json provenance_json(const Provenance& provenance, ordered_json run) {
  ordered_json document = build_json();
  document["command_line"] = provenance.command_line;
  ordered_json scenario = input_json(provenance.scenario);
  scenario["location"] = provenance.scenario_location;
  document["scenario"] = std::move(scenario);
  ordered_json inputs = ordered_json::array();
  for (const InputFile& input : provenance.csv_inputs) inputs.push_back(input_json(input));
  document["inputs"] = std::move(inputs);
  if (!run.contains("ranks")) run["ranks"] = 1;
  document["run"] = std::move(run);
  return document;
}

void write_provenance(const std::filesystem::path& dir, const Provenance& provenance, const ordered_json& run) {
  const auto write_copy = [&](const InputFile& input) {
    const std::filesystem::path copy = dir / input.copy;
    std::filesystem::create_directories(copy.parent_path());
    DurableFile file(copy);
    file.stream() << input.contents;
    file.close();
    sync_directory(copy.parent_path());
  };
  write_copy(provenance.scenario);
  for (const InputFile& input : provenance.csv_inputs) write_copy(input);
  DurableFile file(dir / kProvenanceJsonFile);
  file.stream() << provenance_json(provenance, run).dump(2) << '\n';
  file.close();
}

void write_provenance(const std::filesystem::path& dir, const Provenance& provenance,
                      const std::vector<RunSetting>& run) {
  ordered_json settings = ordered_json::object();
  for (const RunSetting& setting : run) settings[setting.name] = setting.value;
  write_provenance(dir, provenance, settings);
}

RecordedProvenance read_provenance(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kProvenanceJsonFile;
  std::string text;
  try {
    text = read_text_file(path);
  } catch (const std::system_error& e) {
    throw std::runtime_error(path.string() + ": cannot read it (" + e.code().message() +
                             "); only folders written by carepath 0.2.0 or later can be rerun");
  }
  RecordedProvenance recorded;
  const ordered_json document = ordered_json::parse(text, nullptr, false);
  if (!document.is_object() || !document.contains("scenario") || !document["scenario"].is_object()) {
    throw std::runtime_error(path.string() + ": not a carepath provenance record");
  }
  const std::string where = path.string();
  recorded.provenance.scenario = read_input(dir, document["scenario"], where);
  recorded.provenance.scenario_location = string_at(document["scenario"], "location", where);
  if (document.contains("inputs") && document["inputs"].is_array()) {
    for (const ordered_json& entry : document["inputs"]) recorded.provenance.csv_inputs.push_back(read_input(dir, entry, where));
  }
  if (document.contains("command_line") && document["command_line"].is_array()) {
    for (const ordered_json& arg : document["command_line"]) {
      if (arg.is_string()) recorded.provenance.command_line.push_back(arg.get<std::string>());
    }
  }
  const auto recorded_string = [&](const char* key) {
    const auto found = document.find(key);
    return found != document.end() && found->is_string() ? found->get<std::string>() : std::string("unknown");
  };
  recorded.carepath_version = recorded_string("carepath_version");
  recorded.git_commit = recorded_string("git_commit");
  if (const auto run = document.find("run"); run != document.end() && run->is_object()) {
    if (const auto threads = run->find("threads"); threads != run->end() && threads->is_number_unsigned()) {
      recorded.threads = threads->get<unsigned>();
    }
  }
  return recorded;
}

std::vector<InputCheck> check_inputs(const Provenance& provenance, std::filesystem::path scenario) {
  if (scenario.empty()) scenario = provenance.scenario_location;
  std::vector<InputCheck> checks{check_file(provenance.scenario.file, scenario, provenance.scenario.sha256)};
  for (const InputFile& input : provenance.csv_inputs) {
    checks.push_back(check_file(input.file, scenario.parent_path() / input.file, input.sha256));
  }
  return checks;
}

}  // namespace carepath::io
