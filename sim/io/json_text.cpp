// SPDX-License-Identifier: MIT
#include "io/json_text.hpp"

#include <carepath/error.hpp>

#include <algorithm>
#include <cctype>

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

// The two slips people make most in hand-written JSON, said in words: a comma after the last
// member or element, and a comma missing between two of them. `at` is the offset of the character
// the parser stopped at; "" when the error is neither.
std::string plain_syntax_message(const std::string& text, std::size_t at) {
  if (at >= text.size()) return "";
  const char stopped = text[at];
  std::size_t before = at;
  while (before > 0 && std::isspace(static_cast<unsigned char>(text[before - 1])) != 0) --before;
  if ((stopped == '}' || stopped == ']') && before > 0 && text[before - 1] == ',') {
    return position_text(text, before - 1) + ": a comma before '" + std::string(1, stopped) +
           "' (a trailing comma) is not allowed in JSON: remove it";
  }
  // A string is reported where it ends; the comma belongs before where it starts.
  std::size_t start = at;
  if (stopped == '"') {
    if (at == 0) return "";
    do {
      --start;
    } while (start > 0 && !(text[start] == '"' && text[start - 1] != '\\'));
    if (text[start] != '"') return "";
  } else if (stopped != '{' && stopped != '[') {
    return "";
  }
  before = start;
  while (before > 0 && std::isspace(static_cast<unsigned char>(text[before - 1])) != 0) --before;
  // What can end a value: a closing bracket or quote, a digit, or the last letter of true, false, null.
  const bool after_value =
      before > 0 && std::string_view("}]\"0123456789el").find(text[before - 1]) != std::string_view::npos;
  if (!after_value) return "";
  return position_text(text, start) + ": a comma is missing before this, after the value that ends at " +
         position_text(text, before - 1);
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
  } catch (const Json::parse_error& e) {
    // e.byte counts the characters read, the one the parser stopped at included.
    std::string plain = e.byte > 0 ? plain_syntax_message(text, e.byte - 1) : "";
    throw located_error(source, plain.empty() ? syntax_message(e.what()) : std::move(plain));
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
