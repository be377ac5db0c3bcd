// SPDX-License-Identifier: MIT
// Small checks of generated HTML for the report tests: are the tags balanced (every element
// closed, in order, except the void ones), and what do the charts say they plot. Not an HTML
// parser: enough for markup we generate ourselves, where every attribute value is quoted and text
// is escaped (so a bare '<' in text would itself be a failure).
#pragma once

#include <cstddef>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace carepath::testing {

/// "" when balanced, else a description of the first problem.
inline std::string unbalanced_tags(const std::string& html) {
  static const std::set<std::string> kVoid = {"area", "base", "br", "col", "embed", "hr", "img",
                                              "input", "link", "meta", "source", "track", "wbr"};
  std::vector<std::string> open;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) return "unterminated comment";
      continue;
    }
    const std::size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '!') continue;  // <!DOCTYPE html>
    const bool closing = tag[0] == '/';
    const bool self_closing = tag.back() == '/';
    const std::size_t name_start = closing ? 1 : 0;
    const std::size_t name_end = tag.find_first_of(" \t\n/", name_start);
    const std::string name = tag.substr(name_start, name_end == std::string::npos ? std::string::npos : name_end - name_start);
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
      }
      open.pop_back();
      // Script and style bodies are not markup: skip to their end tag.
    } else if (!self_closing && !kVoid.count(name)) {
      open.push_back(name);
      if (name == "script" || name == "style") {
        const std::size_t close = html.find("</" + name + ">", i);
        if (close == std::string::npos) return "unclosed <" + name + ">";
        i = close;
      }
    }
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return "";
}

/// The data-points value of every <svg class="chart"> in order.
inline std::vector<long> chart_points(const std::string& html) {
  static const std::regex kChart(R"re(<svg class="chart"[^>]*data-points="(\d+)")re");
  std::vector<long> points;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kChart); it != std::sregex_iterator(); ++it) {
    points.push_back(std::stol((*it)[1].str()));
  }
  return points;
}

/// How many times `needle` occurs in `text`.
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t i = text.find(needle); i != std::string::npos; i = text.find(needle, i + needle.size())) ++count;
  return count;
}

}  // namespace carepath::testing
