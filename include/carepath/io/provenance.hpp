// SPDX-License-Identifier: MIT
// What produced a results folder, so that a figure in a board paper can be traced and reproduced:
// DIR/provenance.json (carepath version and commit, compiler and library versions, the command
// line, seed, replications, threads, ranks, and each input's SHA-256) and DIR/inputs/, a copy of
// the scenario file and of every CSV file it read, byte for byte, laid out as they were beside the
// scenario. `carepath rerun DIR` runs the copies again (sim/cli/rerun_command.cpp).
//
//   auto provenance = carepath::io::make_provenance("scenarios/x.json", text, loaded.csv_files,
//                                                   {"carepath", "run", "scenarios/x.json"});
//   carepath::io::write_results(loaded.base, loaded.variants, result, dir, &provenance);
//
// A program's own kind of folder (a sweep's, a warm-up's) records itself with write_provenance,
// naming the settings it ran with.
#pragma once

#include <carepath/io/scenario_json.hpp>
#include <carepath/run/compare.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

inline constexpr const char* kProvenanceJsonFile = "provenance.json";
inline constexpr const char* kInputsFolder = "inputs";

/// One input file: the scenario, or a CSV file it read.
struct InputFile {
  std::string file;      ///< As named: the scenario as on the command line, a CSV as the scenario writes it.
  std::string copy;      ///< Its copy, relative to the results folder ("inputs/x.json", "inputs/data/a.csv").
  std::string sha256;    ///< Of `contents`.
  std::string contents;  ///< The bytes read (not in provenance.json: they are the copy).
};

struct Provenance {
  InputFile scenario;
  /// The scenario's absolute path when it was run, so that `rerun --check` finds it from anywhere.
  std::string scenario_location;
  std::vector<InputFile> csv_inputs;      ///< In the order the loader first read them.
  std::vector<std::string> command_line;  ///< argv, program name first.
};

/// Builds the record of a run of `scenario_file`, whose text (as loaded) is `scenario_text` and
/// which read `csv_files`. A CSV named with ".." or an absolute path is copied to
/// inputs/outside/<n>-<file name>: recorded and hashed, but not found there by a rerun.
[[nodiscard]] Provenance make_provenance(const std::filesystem::path& scenario_file, std::string scenario_text,
                                         const std::vector<CsvFileRead>& csv_files,
                                         std::vector<std::string> command_line);

/// One setting a folder's results were made with, recorded under "run" in provenance.json:
/// {"seed", 7}, {"replications", 100}, {"threads", 8}.
struct RunSetting {
  std::string name;
  std::uint64_t value = 0;
};

/// Writes DIR/provenance.json, its "run" the settings given (in order, then "ranks": 1, one
/// process), and the copies under inputs/ into `dir`, an existing folder.
void write_provenance(const std::filesystem::path& dir, const Provenance& provenance,
                      const std::vector<RunSetting>& run);

/// A results folder's record, read back: the provenance (contents from the copies) and what
/// `carepath rerun` compares with the program now.
struct RecordedProvenance {
  Provenance provenance;
  std::string carepath_version;        ///< "unknown" when not recorded.
  std::string git_commit;              ///< "unknown" when not recorded.
  std::optional<unsigned> threads;     ///< The run's threads, when recorded.
};

/// Reads DIR/provenance.json and the copies it names. Throws std::runtime_error naming the file
/// when either is missing or unreadable, or a copy's SHA-256 is not the one recorded (the copy
/// was edited after the run).
[[nodiscard]] RecordedProvenance read_provenance(const std::filesystem::path& dir);

/// Whether each recorded input still has, at its original place, the bytes that were run: the
/// scenario at `scenario` (its recorded location when empty), each CSV beside it.
struct InputCheck {
  std::string file;  ///< As recorded.
  std::filesystem::path looked_at;
  enum class State { Unchanged, Changed, Missing } state = State::Unchanged;
};
[[nodiscard]] std::vector<InputCheck> check_inputs(const Provenance& provenance, std::filesystem::path scenario = {});

}  // namespace carepath::io
