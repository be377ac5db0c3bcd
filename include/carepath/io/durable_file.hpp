// SPDX-License-Identifier: MIT
// Files that are on disk when we say they are. A result is only worth renaming into place once its
// bytes have reached the disk, so DurableFile checks that every byte was written and ends with
// fsync, and sync_directory makes a rename itself survive a crash. write_file_atomically combines
// them for a single file (the DOT graph); atomic_dir.hpp does the same for a results folder.
#pragma once

#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string_view>
#include <vector>

namespace carepath::io {

/// A file opened for writing (created or truncated). Failures throw std::system_error naming the
/// file and the system's reason (a full disk is "No space left on device", not a stream's
/// "iostream error": the buffer below writes with ::write and keeps the first errno); the bytes
/// are only known to be safe once close() has returned.
class DurableFile {
 public:
  explicit DurableFile(std::filesystem::path path);
  DurableFile(const DurableFile&) = delete;
  DurableFile& operator=(const DurableFile&) = delete;
  ~DurableFile();

  [[nodiscard]] std::ostream& stream() noexcept { return out_; }

  /// Flushes and closes, checking that every write succeeded, then fsyncs.
  void close();

 private:
  // An output buffer over a file descriptor that remembers why a write failed.
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(int fd);
    [[nodiscard]] int error() const noexcept { return error_; }

   protected:
    int_type overflow(int_type c) override;
    int sync() override;

   private:
    bool drain();
    int fd_;
    int error_ = 0;
    std::vector<char> bytes_;
  };

  std::filesystem::path path_;
  int fd_ = -1;
  Buffer buffer_;
  std::ostream out_;
};

/// fsyncs a folder, so that files created or renamed in it are recorded on disk.
void sync_directory(const std::filesystem::path& dir);

/// A name for a hidden sibling of `target` that no other process will pick:
/// `<parent>/.<name>.<purpose>-<pid>-<random>`.
[[nodiscard]] std::filesystem::path unique_sibling(const std::filesystem::path& target,
                                                   std::string_view purpose);

/// Replaces `path` with `content` in one step: readers see the old file or the new one, never a
/// mix, and a failure leaves the old file untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace carepath::io
