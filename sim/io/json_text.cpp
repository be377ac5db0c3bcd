// SPDX-License-Identifier: MIT
#include "io/json_text.hpp"

#include <carepath/error.hpp>

#include <algorithm>

namespace carepath::io {
namespace {

using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

// The DOM builder nlohmann's own parse() uses, with two additions: nesting stops at
// kMaxNestingDepth, and the position of an error is kept, which nlohmann's out_of_range
// exception (a number that overflows a double) does not carry. The parser calls these members
// by name on this type, so hiding the base's members is enough; none is virtual.
class LimitedDomParser : public DomParser {
 public:
  explicit LimitedDomParser(Json& result) : DomParser(result, true) {}

  bool start_object(std::size_t elements) { return enter() && DomParser::start_object(elements); }
  bool start_array(std::size_t elements) { return enter() && DomParser::start_array(elements); }
  bool end_object() {
    --depth_;
    return DomParser::end_object();
  }
  bool end_array() {
    --depth_;
    return DomParser::end_array();
  }

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
    error_end_ = position;
    error_token_ = last_token;
    return DomParser::parse_error(position, last_token, ex);
  }

  [[nodiscard]] bool too_deep() const noexcept { return too_deep_; }
  [[nodiscard]] std::size_t error_end() const noexcept { return error_end_; }
  [[nodiscard]] const std::string& error_token() const noexcept { return error_token_; }

 private:
  bool enter() {
    if (++depth_ <= kMaxNestingDepth) return true;
    too_deep_ = true;
    return false;
  }

  std::size_t depth_ = 0;
  bool too_deep_ = false;
  std::size_t error_end_ = 0;
  std::string error_token_;
};

// "line L, column C" of byte `offset`, counted as nlohmann counts them (bytes, from 1).
std::string position_text(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

// Where the bracket that went one level too deep is. Only called after the parser stopped there,
// so the text up to that point is valid JSON and strings are the only thing to skip.
std::size_t too_deep_offset(const std::string& text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return text.size();
}

ScenarioError located_error(const std::string& source, std::string message) {
  return ScenarioError(source, {{Severity::Error, "", std::move(message)}});
}

}  // namespace

Json parse_json_text(const std::string& text, const std::string& source) {
  Json document;
  LimitedDomParser parser(document);
  try {
    (void)Json::sax_parse(text, &parser);
  } catch (const Json::out_of_range& e) {
    // The only out_of_range the parser raises (406): a number beyond the range of a double.
    const std::size_t start = parser.error_end() - std::min(parser.error_end(), parser.error_token().size());
    throw located_error(source, position_text(text, start) + ": number " + parser.error_token() +
                                    " is out of range: expected a number from -1.7e308 to 1.7e308");
  } catch (const Json::exception& e) {
    throw located_error(source, syntax_message(e.what()));
  }
  if (parser.too_deep()) {
    throw located_error(source, position_text(text, too_deep_offset(text)) + ": arrays and objects nested more than " +
                                    std::to_string(kMaxNestingDepth) + " levels deep (a scenario needs about 10)");
  }
  return document;
}

}  // namespace carepath::io
