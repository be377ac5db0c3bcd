// SPDX-License-Identifier: MIT
#include "io/json_locations.hpp"

#include <algorithm>
#include <string>

namespace carepath::io {
namespace {

/// "~1" is "/" and "~0" is "~" in a pointer's tokens (RFC 6901).
std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::size_t start = 1;
  while (start <= pointer.size()) {
    const std::size_t end = std::min(pointer.find('/', start), pointer.size());
    std::string token;
    for (std::size_t i = start; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end) {
        token += pointer[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    tokens.push_back(std::move(token));
    start = end + 1;
  }
  return tokens;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  [[nodiscard]] std::size_t at() const noexcept { return pos_; }
  [[nodiscard]] bool done() const noexcept { return pos_ >= text_.size(); }
  [[nodiscard]] char peek() const noexcept { return done() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!done()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else {
        return;
      }
    }
  }

  bool consume(char c) {
    skip_space();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  /// Reads a string at the position (after its opening quote was seen at peek()); escapes are
  /// decoded as far as comparing keys needs: \" \\ \/ and the one-letter ones.
  std::string string() {
    std::string out;
    ++pos_;  // the opening quote
    while (!done() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\' && !done()) {
        c = text_[pos_++];
        if (c == 'u') {
          out += "\\u";  // rare in keys; kept so that such a key simply never matches
          continue;
        }
        if (c == 'n') c = '\n';
        if (c == 't') c = '\t';
      }
      out += c;
    }
    ++pos_;  // the closing quote
    return out;
  }

  /// Skips one value of any kind, nested or not.
  void skip_value() {
    skip_space();
    std::size_t depth = 0;
    do {
      skip_space();
      const char c = peek();
      if (c == '"') {
        (void)string();
      } else if (c == '{' || c == '[') {
        ++depth;
        ++pos_;
      } else if (c == '}' || c == ']') {
        if (depth > 0) --depth;
        ++pos_;
      } else if (c == ',' || c == ':') {
        ++pos_;
      } else if (!done()) {
        while (!done() && std::string_view(",:]} \t\r\n").find(text_[pos_]) == std::string_view::npos) ++pos_;
      }
    } while (depth > 0 && !done());
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

TextPosition position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto line = static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t column = line_start == std::string_view::npos || offset == 0 ? offset : offset - line_start - 1;
  return {line, static_cast<std::uint32_t>(column + 1)};
}

/// The index an array token names, or nullopt.
std::optional<std::size_t> index_of(const std::string& token) {
  if (token.empty() || token.size() > 9 || !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoul(token);
}

}  // namespace

std::optional<TextPosition> locate(std::string_view text, std::string_view pointer) {
  Scanner scan(text);
  scan.skip_space();
  std::size_t found = scan.at();
  for (const std::string& token : pointer_tokens(pointer)) {
    scan.skip_space();
    if (scan.peek() == '{') {
      scan.consume('{');
      bool matched = false;
      while (!matched) {
        scan.skip_space();
        if (scan.peek() != '"') return std::nullopt;
        const std::size_t key_at = scan.at();
        const std::string key = scan.string();
        if (!scan.consume(':')) return std::nullopt;
        if (key == token) {
          found = key_at;
          matched = true;
        } else {
          scan.skip_value();
          if (!scan.consume(',')) return std::nullopt;
        }
      }
    } else if (scan.peek() == '[') {
      const auto index = index_of(token);
      if (!index) return std::nullopt;
      scan.consume('[');
      for (std::size_t i = 0; i < *index; ++i) {
        scan.skip_value();
        if (!scan.consume(',')) return std::nullopt;
      }
      scan.skip_space();
      if (scan.peek() == ']') return std::nullopt;
      found = scan.at();
    } else {
      return std::nullopt;
    }
  }
  return position_of(text, found);
}

std::string named_pointer(const Json& document, std::string_view pointer) {
  std::string out;
  const Json* at = &document;
  for (const std::string& token : pointer_tokens(pointer)) {
    const Json* next = nullptr;
    if (at != nullptr && at->is_array()) {
      const auto index = index_of(token);
      if (index && *index < at->size()) next = &(*at)[*index];
      const Json* name = next != nullptr && next->is_object() ? JsonReader::find(*next, "name") : nullptr;
      if (name != nullptr && name->is_string() && !name->get_ref<const std::string&>().empty()) {
        out += "[" + name->get<std::string>() + "]";
        at = next;
        continue;
      }
    } else if (at != nullptr && at->is_object()) {
      next = JsonReader::find(*at, token);
    }
    out += "/" + escape_pointer_token(token);
    at = next;
  }
  return out;
}

void locate_diagnostics(std::string_view text, const Json& document, std::vector<Diagnostic>& diagnostics,
                        bool (*in_text)(std::string_view pointer)) {
  for (Diagnostic& d : diagnostics) {
    if (d.path.empty() || d.line != 0) continue;
    if (in_text != nullptr && !in_text(d.path)) continue;
    if (const auto where = locate(text, d.path)) {
      d.line = where->line;
      d.column = where->column;
    }
    d.named_path = named_pointer(document, d.path);
  }
}

}  // namespace carepath::io
