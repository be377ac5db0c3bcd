// SPDX-License-Identifier: MIT
// Where a JSON pointer lands in the text a document was parsed from, so that an error names a
// line and a column an editor can jump to, and names elements by their "name" where they have
// one: /services/3/capacity reads /services[acute_beds]/capacity. nlohmann::json keeps no source
// positions, so locate() scans the text itself: a small tokenizer that walks only the members and
// elements on the pointer's path and skips everything else without building anything.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/error.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace carepath::io {

struct TextPosition {
  std::uint32_t line = 0;    ///< From 1.
  std::uint32_t column = 0;  ///< From 1, in bytes, as nlohmann counts a syntax error's column.
};

/// Where `pointer` points in `text` (a JSON document that parses): an object member's key, an
/// array element's first character, or the document's. nullopt when the pointer leads nowhere.
[[nodiscard]] std::optional<TextPosition> locate(std::string_view text, std::string_view pointer);

/// `pointer` with each array index whose element is an object with a string "name" written as
/// [name]: "/services/3/capacity" -> "/services[acute_beds]/capacity". Unchanged where the
/// document has no such element.
[[nodiscard]] std::string named_pointer(const Json& document, std::string_view pointer);

/// Fills each diagnostic's line, column and named pointer from the document and its text. Pointers
/// for which `in_text` is false (those into JSON that is not this text) are left as they are.
void locate_diagnostics(std::string_view text, const Json& document, std::vector<Diagnostic>& diagnostics,
                        bool (*in_text)(std::string_view pointer) = nullptr);

}  // namespace carepath::io
