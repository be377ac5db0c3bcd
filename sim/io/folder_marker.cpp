// SPDX-License-Identifier: MIT
#include <carepath/io/folder_marker.hpp>

#include <carepath/io/durable_file.hpp>
#include <carepath/version.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace carepath::io {

namespace fs = std::filesystem;

namespace {

// Paths relative to `folder`, '/'-separated, so that a marker reads the same on any system.
std::string relative_name(const fs::path& path, const fs::path& folder) {
  return path.lexically_relative(folder).generic_string();
}

// Every entry under `folder` but the marker: its files (anything that is not a folder, links
// included) and its folders, each as a relative name.
struct FolderContents {
  std::vector<std::string> files;
  std::vector<std::string> folders;
};

FolderContents contents(const fs::path& folder) {
  FolderContents found;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
    const std::string name = relative_name(entry.path(), folder);
    if (name == kFolderMarkerFile) continue;
    if (entry.is_directory() && !entry.is_symlink()) {
      found.folders.push_back(name);
    } else {
      found.files.push_back(name);
    }
  }
  std::sort(found.files.begin(), found.files.end());
  std::sort(found.folders.begin(), found.folders.end());
  return found;
}

// The files a marker lists; throws ReplaceRefused when it cannot be read as one.
std::set<std::string> listed_files(const fs::path& target) {
  const fs::path marker = target / kFolderMarkerFile;
  std::ifstream in(marker);
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
  const auto files = document.is_object() ? document.find("files") : document.end();
  if (!in || document.is_discarded() || files == document.end() || !files->is_array()) {
    throw ReplaceRefused("'" + target.string() + "' has a " + kFolderMarkerFile +
                         " file that carepath cannot read, so it cannot tell which files are its own; "
                         "not replacing it (move or delete the folder, or choose another --out)");
  }
  std::set<std::string> listed;
  for (const nlohmann::json& name : *files) {
    if (name.is_string()) listed.insert(name.get<std::string>());
  }
  return listed;
}

std::string named_list(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 5;
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i) text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > kShown) text += " and " + std::to_string(names.size() - kShown) + " more";
  return text;
}

}  // namespace

void check_replaceable(const fs::path& target, const std::string& main_file) {
  const fs::file_status status = fs::symlink_status(target);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw ReplaceRefused("'" + target.string() + "' exists and is not a folder; not replacing it");
  }
  if (fs::is_empty(target)) return;
  if (!fs::exists(fs::symlink_status(target / kFolderMarkerFile))) {
    if (fs::exists(target / main_file)) {
      throw ReplaceRefused("'" + target.string() + "' holds " + main_file + " but no " + kFolderMarkerFile +
                           " file: it was written by an older carepath, or holds other files, and carepath "
                           "cannot tell its own files from yours; not replacing it (delete or move the folder "
                           "once you have kept what you need, or choose another --out)");
    }
    throw ReplaceRefused("'" + target.string() + "' exists and has no " + kFolderMarkerFile +
                         " file, so it is not a folder carepath wrote; not replacing it (choose another --out)");
  }
  const std::set<std::string> listed = listed_files(target);
  const FolderContents found = contents(target);
  std::vector<std::string> foreign;
  for (const std::string& file : found.files) {
    if (listed.count(file) == 0) foreign.push_back(file);
  }
  // A folder of files is judged by its files; an empty one cannot be carepath's (it writes none).
  for (const std::string& folder : found.folders) {
    if (fs::is_empty(target / folder)) foreign.push_back(folder + "/");
  }
  if (foreign.empty()) return;
  std::sort(foreign.begin(), foreign.end());
  throw ReplaceRefused("'" + target.string() + "' holds files carepath did not write: " + named_list(foreign) +
                       "; not replacing it (move them elsewhere, or choose another --out)");
}

void write_folder_marker(const fs::path& folder, bool in_progress) {
  nlohmann::ordered_json marker;
  marker["written_by"] = "carepath " + std::string(version());
  marker["about"] = in_progress
                        ? "a carepath run is writing this folder; if no carepath is running, the next run into "
                          "the same place removes it"
                        : "the files carepath wrote here; a later run may replace this folder only while it "
                          "holds nothing else";
  marker["files"] = in_progress ? std::vector<std::string>{} : contents(folder).files;
  DurableFile file(folder / kFolderMarkerFile);
  file.stream() << marker.dump(2) << '\n';
  file.close();
}

}  // namespace carepath::io
