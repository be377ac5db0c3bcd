// SPDX-License-Identifier: MIT
// Text from scenario files (names, descriptions, notes) goes into report.html; escaping it here,
// in one place, is what keeps a note such as "beds < 300 & rising" from breaking the page or
// injecting markup. Used by every part of sim/report/.
#pragma once

#include <string>
#include <string_view>

namespace carepath::report {

/// Escapes & < > " ' for use in HTML text and in double- or single-quoted attribute values.
[[nodiscard]] std::string escape_html(std::string_view text);

}  // namespace carepath::report
