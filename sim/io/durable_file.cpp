// SPDX-License-Identifier: MIT
#include <carepath/io/durable_file.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <random>
#include <string>
#include <system_error>

namespace carepath::io {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_io_error(int error, const std::string& what, const fs::path& path) {
  const std::error_code code = error != 0 ? std::error_code(error, std::generic_category())
                                          : std::make_error_code(std::io_errc::stream);
  throw std::system_error(code, what + " '" + path.string() + "'");
}

// fsync flushes the file itself, not just what one descriptor wrote (Linux and POSIX agree on
// this), so a fresh read-only descriptor suffices. O_DIRECTORY is added for folders so that a
// folder path cannot silently name a file.
void sync_path(const fs::path& path, int extra_flags, const std::string& what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extra_flags);
  if (fd < 0) throw_io_error(errno, what, path);
  const bool synced = ::fsync(fd) == 0;
  const int sync_error = errno;
  ::close(fd);
  if (!synced) throw_io_error(sync_error, what, path);
}

std::string random_hex() {
  std::random_device device;
  const std::uint64_t bits = (std::uint64_t{device()} << 32U) ^ std::uint64_t{device()};
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex(16, '0');
  for (std::size_t i = 0; i < hex.size(); ++i) hex[i] = kDigits[(bits >> (4 * i)) & 0xFU];
  return hex;
}

}  // namespace

namespace {

int create_file(const fs::path& path) {
  constexpr mode_t kPermissions = 0666;  // less the umask, as for any new file
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kPermissions);
  if (fd < 0) throw_io_error(errno, "cannot create", path);
  return fd;
}

}  // namespace

DurableFile::Buffer::Buffer(int fd) : fd_(fd), bytes_(std::size_t{1} << 16U) {
  setp(bytes_.data(), bytes_.data() + bytes_.size());
}

// Writes out the buffered bytes, resuming after a signal (a Ctrl-C lands here) or a short write.
bool DurableFile::Buffer::drain() {
  const char* next = pbase();
  while (error_ == 0 && next < pptr()) {
    const ssize_t written = ::write(fd_, next, static_cast<std::size_t>(pptr() - next));
    if (written >= 0) {
      next += written;
    } else if (errno != EINTR) {
      error_ = errno;
    }
  }
  setp(bytes_.data(), bytes_.data() + bytes_.size());
  return error_ == 0;
}

DurableFile::Buffer::int_type DurableFile::Buffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

int DurableFile::Buffer::sync() { return drain() ? 0 : -1; }

DurableFile::DurableFile(fs::path path) : path_(std::move(path)), fd_(create_file(path_)), buffer_(fd_), out_(&buffer_) {}

DurableFile::~DurableFile() {
  if (fd_ >= 0) ::close(fd_);
}

void DurableFile::close() {
  out_.flush();
  if (buffer_.error() != 0 || !out_) throw_io_error(buffer_.error(), "cannot write", path_);
  const bool synced = ::fsync(fd_) == 0;
  const int sync_error = errno;
  const int fd = fd_;
  fd_ = -1;
  // Linux reports some write errors (NFS, quotas) only at close, so close is checked too.
  if (!synced) {
    ::close(fd);
    throw_io_error(sync_error, "cannot sync", path_);
  }
  if (::close(fd) != 0) throw_io_error(errno, "cannot write", path_);
}

void sync_directory(const fs::path& dir) { sync_path(dir, O_DIRECTORY, "cannot sync folder"); }

fs::path unique_sibling(const fs::path& target, std::string_view purpose) {
  std::string name = "." + target.filename().string() + "." + std::string(purpose) + "-" +
                     std::to_string(::getpid()) + "-" + random_hex();
  return target.parent_path() / name;
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  const fs::path target = fs::absolute(path);
  const fs::path staging = unique_sibling(target, "tmp");
  try {
    DurableFile file(staging);
    file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
    file.close();
    fs::rename(staging, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove(staging, ignored);
    throw;
  }
  sync_directory(target.parent_path());
}

}  // namespace carepath::io
