// SPDX-License-Identifier: MIT
// Replacing a whole folder at once, so a reader (or a crash) never sees half a result. Files are
// written into a hidden staging folder beside the target; commit() marks the staging folder as
// carepath's with the list of its files (folder_marker.hpp) and swaps it into the target's place
// in one rename, then deletes the old folder. Until commit() the target is untouched, and if
// commit() is never reached the staging folder is removed, or, if the process dies first, by the
// next run into the same place (leftover_folders.hpp). Because a mistyped `--out` must never
// delete someone's work, only a folder that is empty or holds nothing but the files its marker
// lists is ever replaced. Used by results_writer.cpp and the sweep and calibrate commands.
#pragma once

#include <carepath/io/folder_marker.hpp>
#include <carepath/io/leftover_folders.hpp>

#include <atomic>
#include <filesystem>
#include <string>

namespace carepath::io {

class AtomicDir {
 public:
  /// Checks that `target` may be replaced (check_replaceable, with `main_file` for the message
  /// about older folders), removes stale staging folders of ended runs beside it, creates its
  /// parent folders and a staging folder beside it, and writes the in-progress marker there. So a
  /// location that cannot be written fails here, before anything is computed. When `stop` is
  /// given and becomes true, check_stop() and commit() throw run::Interrupted.
  AtomicDir(const std::filesystem::path& target, std::string main_file,
            const std::atomic<bool>* stop = nullptr);
  AtomicDir(const AtomicDir&) = delete;
  AtomicDir& operator=(const AtomicDir&) = delete;
  /// Removes the staging folder if commit() did not happen.
  ~AtomicDir();

  /// Where to write the new folder's files.
  [[nodiscard]] const std::filesystem::path& staging() const noexcept { return staging_; }
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
  /// What the constructor found of earlier runs beside the target.
  [[nodiscard]] const Leftovers& leftovers() const noexcept { return leftovers_; }

  /// Throws run::Interrupted when the stop flag is set; writers call it between files.
  void check_stop() const;

  /// Puts the staging folder in place of the target. The files in it must already be synced.
  void commit();

 private:
  std::filesystem::path target_;
  std::string main_file_;
  const std::atomic<bool>* stop_;
  Leftovers leftovers_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace carepath::io
