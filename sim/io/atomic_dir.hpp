// SPDX-License-Identifier: MIT
// Replacing a whole folder at once, so a reader (or a crash) never sees half a result. Files are
// written into a hidden staging folder beside the target; commit() moves the old folder aside,
// renames the staging folder into its place and deletes the old one. Until commit() the target
// is untouched, and if commit() is never reached the staging folder is removed. Because a
// mistyped `--out` must never delete someone's work, only a folder that is empty or holds the
// writer's marker file (summary.json for results) is ever replaced. Used by results_writer.cpp.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace carepath::io {

/// Thrown when the target exists but is not something this writer may replace.
class ReplaceRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws ReplaceRefused unless `target` is absent, an empty folder, or a folder holding `marker`.
void check_replaceable(const std::filesystem::path& target, const std::string& marker);

class AtomicDir {
 public:
  /// Checks that `target` may be replaced (see check_replaceable), creates its parent folders and
  /// an empty staging folder beside it.
  AtomicDir(const std::filesystem::path& target, std::string marker);
  AtomicDir(const AtomicDir&) = delete;
  AtomicDir& operator=(const AtomicDir&) = delete;
  /// Removes the staging folder if commit() did not happen.
  ~AtomicDir();

  /// Where to write the new folder's files.
  [[nodiscard]] const std::filesystem::path& staging() const noexcept { return staging_; }
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }

  /// Puts the staging folder in place of the target. The files in it must already be synced.
  void commit();

 private:
  std::filesystem::path target_;
  std::string marker_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace carepath::io
