// SPDX-License-Identifier: MIT
// "Did you mean …?" for unknown names: the closest known name by edit distance, and a short list
// of the names that exist, truncated like SimGrid's unknown-host message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace carepath::model {

/// The Levenshtein distance between two strings.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// `unknown <what> 'name'; did you mean 'x'? (known: a, b, c, …)`. The suggestion is given only
/// when it is close enough to be a plausible typo.
[[nodiscard]] std::string unknown_name_message(std::string_view what, std::string_view name,
                                               const std::vector<std::string>& known);

}  // namespace carepath::model
