// SPDX-License-Identifier: MIT
#include <carepath/io/leftover_folders.hpp>

#include <carepath/io/folder_marker.hpp>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <string_view>
#include <system_error>

namespace carepath::io {

namespace fs = std::filesystem;

namespace {

// The pid in `.<name>.<purpose>-<pid>-<16 hex digits>` (durable_file.hpp: unique_sibling), or 0
// when `entry` is not such a name for this target.
pid_t leftover_pid(std::string_view entry, std::string_view target_name) {
  const std::string prefix = "." + std::string(target_name) + ".";
  if (entry.substr(0, prefix.size()) != prefix) return 0;
  entry.remove_prefix(prefix.size());
  if (entry.substr(0, 4) != "tmp-" && entry.substr(0, 4) != "old-") return 0;
  entry.remove_prefix(4);
  pid_t pid = 0;
  const auto [end, error] = std::from_chars(entry.data(), entry.data() + entry.size(), pid);
  constexpr std::size_t kRandomDigits = 16;
  const std::string_view rest(end, static_cast<std::size_t>(entry.data() + entry.size() - end));
  if (error != std::errc() || pid <= 0 || rest.size() != 1 + kRandomDigits || rest[0] != '-') return 0;
  return pid;
}

// kill(pid, 0) delivers nothing and only asks whether the process exists; EPERM means it does
// (another user's). A recycled pid makes an ended run look alive, which only keeps its folder.
bool process_alive(pid_t pid) { return pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM; }

bool is_carepaths(const fs::path& folder) {
  std::error_code error;
  if (fs::is_empty(folder, error) && !error) return true;
  return fs::is_regular_file(fs::symlink_status(folder / kFolderMarkerFile, error));
}

}  // namespace

Leftovers clean_leftovers(const fs::path& target) noexcept {
  Leftovers found;
  try {
    std::error_code error;
    fs::directory_iterator it(target.parent_path(), error);
    if (error) return found;
    const std::string target_name = target.filename().string();
    for (const fs::directory_entry& entry : it) {
      const pid_t pid = leftover_pid(entry.path().filename().string(), target_name);
      if (pid == 0 || !fs::is_directory(fs::symlink_status(entry.path(), error))) continue;
      if (!process_alive(pid) && is_carepaths(entry.path()) && fs::remove_all(entry.path(), error) != 0 && !error) {
        found.removed.push_back(entry.path());
      } else {
        found.kept.push_back(entry.path());
      }
    }
  } catch (const std::exception&) {
    // Tidying up is a courtesy: a folder that cannot be listed must not stop the run.
  }
  return found;
}

}  // namespace carepath::io
