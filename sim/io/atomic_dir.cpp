// SPDX-License-Identifier: MIT
#include <carepath/io/atomic_dir.hpp>

#include <carepath/io/durable_file.hpp>
#include <carepath/run/batch.hpp>

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <system_error>

namespace carepath::io {

namespace fs = std::filesystem;

namespace {

// "results/mm1/" has an empty filename; the folder meant is "results/mm1".
fs::path normalised_target(const fs::path& dir) {
  fs::path target = fs::absolute(dir).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  return target;
}

// The root, the current folder and the folders above it are never results folders: replacing one
// would pull the ground from under the user's shell (an empty current folder passes every other check).
void check_not_an_ancestor_of_here(const fs::path& target) {
  std::error_code error;
  const fs::path here = fs::current_path(error).lexically_normal();
  const bool is_root = target == target.root_path();
  const fs::path relative = here.lexically_relative(target);
  const bool holds_here = !error && !relative.empty() && *relative.begin() != "..";
  if (is_root || holds_here) {
    throw ReplaceRefused("'" + target.string() + "' is the current folder or holds it; not replacing it (choose a "
                         "folder inside it, such as results/NAME)");
  }
}

fs::path create_staging_folder(const fs::path& target) {
  // unique_sibling includes the pid and 64 random bits, so a clash means something is badly wrong;
  // a few attempts cover the astronomically unlikely case without looping forever.
  constexpr int kAttempts = 4;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    fs::path staging = unique_sibling(target, "tmp");
    if (fs::create_directory(staging)) return staging;
  }
  throw std::runtime_error("cannot create a staging folder beside '" + target.string() + "'");
}

// Swaps two folders in one step (Linux renameat2, RENAME_EXCHANGE): the target is never absent
// and never partial, even if the process dies right here. False where the file system does not
// offer the exchange, and the caller falls back to two renames.
bool exchange(const fs::path& a, const fs::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
  const int error = errno;
  if (error == EINVAL || error == ENOSYS || error == ENOTSUP) return false;
  throw fs::filesystem_error("cannot put the new folder in place", a, b, std::error_code(error, std::generic_category()));
}

}  // namespace

AtomicDir::AtomicDir(const fs::path& target, std::string main_file, const std::atomic<bool>* stop)
    : target_(normalised_target(target)), main_file_(std::move(main_file)), stop_(stop) {
  check_not_an_ancestor_of_here(target_);
  check_replaceable(target_, main_file_);
  leftovers_ = clean_leftovers(target_);
  fs::create_directories(target_.parent_path());
  staging_ = create_staging_folder(target_);
  try {
    write_folder_marker(staging_, true);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
    throw;
  }
}

AtomicDir::~AtomicDir() {
  if (committed_) return;
  // Cleanup on the error path must not throw over the error being reported.
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void AtomicDir::check_stop() const {
  if (stop_ != nullptr && stop_->load(std::memory_order_relaxed)) throw run::Interrupted();
}

void AtomicDir::commit() {
  write_folder_marker(staging_, false);
  sync_directory(staging_);
  // Checked again: the target may have appeared or changed while the files were being written.
  check_replaceable(target_, main_file_);
  // The last moment a Ctrl-C can still mean "write nothing".
  check_stop();

  if (fs::exists(fs::symlink_status(target_)) && exchange(staging_, target_)) {
    // The staging name now holds the old folder (with its marker, so a crash leaves it cleanable).
    committed_ = true;
    sync_directory(target_.parent_path());
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
    return;
  }
  // POSIX rename cannot replace a non-empty folder, so the old one is moved aside first. Between
  // the two renames the target is briefly absent, but it is never partial.
  fs::path old_folder;
  if (fs::exists(fs::symlink_status(target_))) {
    old_folder = unique_sibling(target_, "old");
    fs::rename(target_, old_folder);
  }
  try {
    fs::rename(staging_, target_);
  } catch (...) {
    if (!old_folder.empty()) {
      std::error_code ignored;
      fs::rename(old_folder, target_, ignored);
    }
    throw;
  }
  committed_ = true;
  sync_directory(target_.parent_path());

  if (!old_folder.empty()) {
    // The new results are already in place; a leftover hidden folder is untidy but harmless
    // (the next run removes it), so failing to delete it does not fail the run.
    std::error_code ignored;
    fs::remove_all(old_folder, ignored);
  }
}

}  // namespace carepath::io
