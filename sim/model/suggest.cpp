// SPDX-License-Identifier: MIT
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <numeric>

namespace carepath::model {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::string unknown_name_message(std::string_view what, std::string_view name,
                                 const std::vector<std::string>& known) {
  std::string message = "unknown " + std::string(what) + " '" + std::string(name) + "'";
  // A typo changes a few characters; beyond a third of the name it is a different word.
  const std::size_t threshold = std::max<std::size_t>(2, name.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = threshold + 1;
  for (const auto& candidate : known) {
    const std::size_t d = edit_distance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  if (best != nullptr) message += "; did you mean '" + *best + "'?";
  if (!known.empty()) {
    constexpr std::size_t kShown = 8;
    message += " (known: ";
    for (std::size_t i = 0; i < known.size() && i < kShown; ++i) {
      if (i > 0) message += ", ";
      message += known[i];
    }
    if (known.size() > kShown) message += ", …";
    message += ")";
  }
  return message;
}

}  // namespace carepath::model
