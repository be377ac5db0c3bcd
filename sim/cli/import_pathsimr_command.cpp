// SPDX-License-Identifier: MIT
// `carepath import-pathsimr NETWORK.csv CALENDAR.csv [--out FILE]`: the scenario that
// io/pathsimr_import.hpp maps from PathSimR's templates, checked by the scenario loader before it
// is shown or written, so that what comes out is always a scenario `run` accepts.
//
// The file written follows the rule of the results folder (README "The results folder"): carepath
// never replaces a file it did not write. A JSON file has no room for a hidden marker file, so the
// scenario marks itself: "$written_by" names the command and "$sha256" is the SHA-256 of the text
// with that value zeroed. An existing FILE is replaced only when both are there and the hash
// still matches, that is, when this command wrote it and nobody has edited it since (an analyst's
// tuned copy is never lost); --force replaces any file. Keys starting with `$` are ignored by the
// loader, so the marker changes nothing else.
#include "cli/commands.hpp"

#include <carepath/io/scenario_json.hpp>

#include <carepath/io/durable_file.hpp>
#include <carepath/io/folder_marker.hpp>
#include <carepath/io/pathsimr_import.hpp>
#include <carepath/io/sha256.hpp>
#include <carepath/io/text_file.hpp>
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>

namespace carepath::cli {

namespace {

constexpr std::string_view kWrittenBy = R"("$written_by": "carepath import-pathsimr")";
constexpr std::string_view kHashKey = R"("$sha256": ")";
constexpr std::size_t kHashDigits = 64;

// The scenario's text with the marker as its first two members.
std::string marked(const std::string& scenario_json) {
  std::string text = "{\n  " + std::string(kWrittenBy) + ",\n  " + std::string(kHashKey) +
                     std::string(kHashDigits, '0') + "\",\n" + scenario_json.substr(2);
  const std::size_t hash_at = text.find(kHashKey) + kHashKey.size();
  text.replace(hash_at, kHashDigits, io::sha256_hex(text));
  return text;
}

// Whether `text` is a scenario this command wrote and nobody has changed since.
bool unedited_import(std::string text) {
  if (text.find(kWrittenBy) == std::string::npos) return false;
  const std::size_t key = text.find(kHashKey);
  if (key == std::string::npos || key + kHashKey.size() + kHashDigits > text.size()) return false;
  const std::size_t hash_at = key + kHashKey.size();
  const std::string recorded = text.substr(hash_at, kHashDigits);
  text.replace(hash_at, kHashDigits, std::string(kHashDigits, '0'));
  return io::sha256_hex(text) == recorded;
}

void check_replaceable(const std::filesystem::path& target, bool force) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::symlink_status(target, error);
  if (!std::filesystem::exists(status)) return;
  if (!std::filesystem::is_regular_file(status)) {
    throw io::ReplaceRefused("'" + target.string() + "' exists and is not a regular file; not replacing it");
  }
  if (force || unedited_import(io::read_text_file(target))) return;
  throw io::ReplaceRefused("'" + target.string() +
                           "' exists and was not written by carepath import-pathsimr, or was edited since; not "
                           "replacing it: choose another --out, or add --force to replace it");
}

}  // namespace

int import_pathsimr_command(const Options& options, std::ostream& out, std::ostream& err) {
  io::PathsimrImportOptions import_options;
  if (options.time_unit) {
    const std::vector<std::string>& units = io::pathsimr_time_units();
    if (std::find(units.begin(), units.end(), *options.time_unit) == units.end()) {
      throw UsageError("--time-unit: " + model::unknown_name_message("time unit", *options.time_unit, units),
                       "import-pathsimr");
    }
    import_options.time_unit = *options.time_unit;
    import_options.time_unit_given = true;
  }
  // Refused before reading anything, as `run` refuses a results folder before simulating.
  if (options.out) check_replaceable(*options.out, options.force);

  io::PathsimrImport imported;
  try {
    imported = io::import_pathsimr(options.scenario, options.calendar, import_options);
  } catch (const io::PathsimrImportError& e) {
    err << e.what() << '\n';
    return kBadInput;
  }
  // Under --strict, what would be changed on the way is refused instead, as for a scenario.
  for (const io::ImportProblem& warning : imported.warnings) {
    err << io::format_import_problem(warning, !options.strict) << '\n';
  }
  if (options.strict && !imported.warnings.empty()) return kBadInput;

  const std::string text = marked(imported.scenario_json);
  const std::string source = options.out ? options.out->string() : "<imported scenario>";
  // A mapping carepath's loader refused would be this importer's bug; said, not written.
  const io::LoadedScenario loaded = io::parse_scenario(text, source);
  report_warnings(options, source, loaded.warnings, err);

  if (!options.out) {
    out << text;
    return kSuccess;
  }
  io::write_file_atomically(*options.out, text);
  err << "wrote " << options.out->string() << " (" << loaded.scenario.services.size() << " services, "
      << loaded.scenario.arrivals.size() << " arrival sources, " << imported.warnings.size() << " warnings)\n";
  return kSuccess;
}

}  // namespace carepath::cli
