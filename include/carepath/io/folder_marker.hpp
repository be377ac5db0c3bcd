// SPDX-License-Identifier: MIT
// The marker that says a folder is carepath's to replace. Every output folder carepath writes
// (results, sweep, calibration) holds a hidden `.carepath-results` file listing the files carepath
// put there; a later run may replace the folder only if it holds nothing else, so a mistyped
// `--out` can never delete a file carepath did not write. The list is taken from the staging
// folder just before it is committed (atomic_dir.cpp), so a writer that adds a file needs no
// extra step. Read next: atomic_dir.hpp, which uses both functions.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace carepath::io {

/// The marker's name inside an output folder.
inline constexpr const char* kFolderMarkerFile = ".carepath-results";

/// Thrown when the target exists but is not something this writer may replace.
class ReplaceRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws ReplaceRefused unless `target` is absent, an empty folder, or a folder whose marker
/// lists every file in it. `main_file` is the file a folder of this kind always holds (summary.json
/// for results): a folder with it but no marker was written by an older carepath, and the
/// message says what to do with it.
void check_replaceable(const std::filesystem::path& target, const std::string& main_file);

/// Writes `folder`'s marker, listing every file under it (recursively, sorted, '/'-separated),
/// and syncs it. With `in_progress`, the list is empty and the marker only claims the folder as
/// a staging folder of a running carepath (see leftover_folders.hpp).
void write_folder_marker(const std::filesystem::path& folder, bool in_progress);

}  // namespace carepath::io
