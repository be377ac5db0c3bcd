// SPDX-License-Identifier: MIT
// JSON text to a document, for scenario and calibration files and for the variants `carepath
// sweep` builds. nlohmann's parser is iterative, but what later walks a document recurses once per
// level (copying it, as the variant merge does; comparing or dumping it), and a file nested
// 120,000 levels deep overflowed the stack (issue 9): nesting is limited while parsing. Every
// failure is located by line and column, including a number too large for a double, which
// nlohmann reports without a position. Read json_reader.hpp next, which walks the document.
#pragma once

#include "io/json_reader.hpp"

#include <string>

namespace carepath::io {

/// Arrays and objects nested deeper than this are refused. The format itself needs about 10
/// levels (a distribution inside a route inside a patient type's override inside a variant).
inline constexpr std::size_t kMaxNestingDepth = 100;

/// Parses `text`; throws ScenarioError(source, …) with "line L, column C: …" when it cannot.
[[nodiscard]] Json parse_json_text(const std::string& text, const std::string& source);

}  // namespace carepath::io
