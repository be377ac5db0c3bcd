// SPDX-License-Identifier: MIT
#include "cli/results_diff.hpp"

#include <carepath/io/text_file.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <set>

namespace carepath::cli {

namespace {

std::set<std::string> files_under(const std::filesystem::path& dir) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.insert(entry.path().lexically_relative(dir).generic_string());
  }
  return files;
}

void drop_timing(nlohmann::ordered_json& value) {
  if (value.is_object()) {
    value.erase("wall_seconds");
    value.erase("ranks");  // a folder made by mpirun is rerun as one process, with the same results
    for (auto& member : value) drop_timing(member);
  } else if (value.is_array()) {
    for (auto& item : value) drop_timing(item);
  }
}

bool same_apart_from_timing(const std::string& name, const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (name.ends_with(".json")) {
    auto ja = nlohmann::ordered_json::parse(a, nullptr, false);
    auto jb = nlohmann::ordered_json::parse(b, nullptr, false);
    if (ja.is_discarded() || jb.is_discarded()) return false;
    drop_timing(ja);
    drop_timing(jb);
    return ja == jb;
  }
  if (name.ends_with(".html")) {
    static const std::regex wall_time("<div><b>Wall time</b>[^<]*</div>|[0-9]+ process(es)?; ");
    return std::regex_replace(a, wall_time, "") == std::regex_replace(b, wall_time, "");
  }
  return false;
}

}  // namespace

std::vector<std::string> differing_files(const std::filesystem::path& a, const std::filesystem::path& b) {
  const std::set<std::string> in_a = files_under(a);
  const std::set<std::string> in_b = files_under(b);
  std::set<std::string> all = in_a;
  all.insert(in_b.begin(), in_b.end());
  std::vector<std::string> differing;
  for (const std::string& name : all) {
    if (!in_a.contains(name) || !in_b.contains(name) ||
        !same_apart_from_timing(name, io::read_text_file(a / name), io::read_text_file(b / name))) {
      differing.push_back(name);
    }
  }
  return differing;
}

}  // namespace carepath::cli
