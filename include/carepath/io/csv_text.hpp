// SPDX-License-Identifier: MIT
// A text field of the result CSV files. Names are restricted to [A-Za-z0-9_.-] in scenario files,
// but a Scenario built in code need not be, so a field is quoted the RFC 4180 way when it must be.
#pragma once

#include <string>
#include <string_view>

namespace carepath::io {

[[nodiscard]] inline std::string csv_text(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace carepath::io
