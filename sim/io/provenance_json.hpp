// SPDX-License-Identifier: MIT
// provenance.json's document (include/carepath/io/provenance.hpp): the build, the run's settings
// and the record as written. Private, because they are nlohmann values and the public API names
// no nlohmann type; io::write_results writes the record of a run with them, and a program its own
// through the public write_provenance. Implemented in provenance.cpp.
#pragma once

#include <carepath/io/provenance.hpp>
#include <carepath/run/compare.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

namespace carepath::io {

// The build: carepath version, commit, scenario format, compiler and library versions.
[[nodiscard]] nlohmann::ordered_json build_json();

// provenance.json's document. `run` holds the run's settings (seed, replications, threads, ranks...)
// as the caller describes them; without ranks, 1 (one process) is added.
[[nodiscard]] nlohmann::ordered_json provenance_json(const Provenance& provenance, nlohmann::ordered_json run);

// The run settings a comparison was run with: seed, replications, threads, ranks and the variants run
// (and how replications were chosen, when by precision).
[[nodiscard]] nlohmann::ordered_json run_settings_json(const run::ComparisonResult& comparison);

// Writes provenance.json and the copies under inputs/ into `dir`, an existing folder.
void write_provenance(const std::filesystem::path& dir, const Provenance& provenance, const nlohmann::ordered_json& run);

}  // namespace carepath::io
