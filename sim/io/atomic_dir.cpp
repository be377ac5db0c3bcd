// SPDX-License-Identifier: MIT
#include "io/atomic_dir.hpp"

#include "io/durable_file.hpp"

namespace carepath::io {

namespace fs = std::filesystem;

namespace {

// "results/mm1/" has an empty filename; the folder meant is "results/mm1".
fs::path normalised_target(const fs::path& dir) {
  fs::path target = fs::absolute(dir).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  return target;
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

}  // namespace

void check_replaceable(const fs::path& target, const std::string& marker) {
  const fs::file_status status = fs::status(target);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw ReplaceRefused("'" + target.string() + "' exists and is not a folder; not replacing it");
  }
  if (fs::is_empty(target) || fs::exists(target / marker)) return;
  throw ReplaceRefused("'" + target.string() + "' exists and has no " + marker +
                       ", so it does not look like carepath output; not replacing it");
}

AtomicDir::AtomicDir(const fs::path& target, std::string marker)
    : target_(normalised_target(target)), marker_(std::move(marker)) {
  check_replaceable(target_, marker_);
  fs::create_directories(target_.parent_path());
  staging_ = create_staging_folder(target_);
}

AtomicDir::~AtomicDir() {
  if (committed_) return;
  // Cleanup on the error path must not throw over the error being reported.
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void AtomicDir::commit() {
  sync_directory(staging_);
  // Checked again: the target may have appeared while the files were being written.
  check_replaceable(target_, marker_);

  // POSIX rename cannot replace a non-empty folder, so the old one is moved aside first. Between
  // the two renames the target is briefly absent, but it is never partial.
  fs::path old_folder;
  if (fs::exists(target_)) {
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
    // The new results are already in place; a leftover hidden folder is untidy but harmless,
    // so failing to delete it does not fail the run.
    std::error_code ignored;
    fs::remove_all(old_folder, ignored);
  }
}

}  // namespace carepath::io
