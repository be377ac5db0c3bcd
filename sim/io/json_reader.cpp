// SPDX-License-Identifier: MIT
#include "io/json_reader.hpp"

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <cmath>

namespace carepath::io {
namespace {

// Long enough to show a small array or object whole, short enough to keep a diagnostic on one line.
constexpr std::size_t kDescribedLength = 60;

constexpr std::string_view kRateRule = R"(a rate above zero, such as "2.7/day" or "5/h")";

std::string compact(const Json& scalar) {
  // Strings came through the parser, so they are valid UTF-8; replace keeps a hand-built one from throwing.
  return scalar.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Writes `value` as compact JSON, stopping soon after `out` passes `limit`. Each level of nesting
// writes a character before descending, so the limit also bounds the recursion depth: a hostile
// file nested a million levels deep cannot overflow the stack here.
void append_compact(const Json& value, std::string& out, std::size_t limit) {
  if (out.size() > limit) return;
  if (value.is_array()) {
    out += '[';
    for (auto it = value.begin(); it != value.end() && out.size() <= limit; ++it) {
      if (it != value.begin()) out += ',';
      append_compact(*it, out, limit);
    }
    out += ']';
  } else if (value.is_object()) {
    out += '{';
    for (auto it = value.begin(); it != value.end() && out.size() <= limit; ++it) {
      if (it != value.begin()) out += ',';
      out += compact(Json(it.key())) + ':';
      append_compact(it.value(), out, limit);
    }
    out += '}';
  } else {
    out += compact(value);
  }
}

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

}  // namespace

// nlohmann's "[json.exception.parse_error.101] parse error at line 4, column 9: syntax error ..."
// becomes "line 4, column 9: syntax error ...": the position and its own words, without the id.
std::string syntax_message(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    const auto end = what.find("] ");
    if (end != std::string_view::npos) what.remove_prefix(end + 2);
  }
  constexpr std::string_view kPositionPrefix = "parse error at ";
  if (what.starts_with(kPositionPrefix)) what.remove_prefix(kPositionPrefix.size());
  return std::string(what);
}

std::string escape_pointer_token(std::string_view key) {
  std::string token;
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

std::string describe(const Json& value) {
  std::string text;
  append_compact(value, text, kDescribedLength);
  if (text.size() <= kDescribedLength) return text;
  std::size_t cut = kDescribedLength - 1;
  while (cut > 0 && is_utf8_continuation(text[cut])) --cut;
  text.resize(cut);
  return text + "…";
}

JsonReader::Step JsonReader::enter(std::string_view key) { return Step(*this, escape_pointer_token(key)); }

JsonReader::Step JsonReader::enter(std::size_t index) { return Step(*this, std::to_string(index)); }

std::size_t JsonReader::error_count() const {
  return static_cast<std::size_t>(std::count_if(sink_.begin(), sink_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::string JsonReader::path() const {
  std::string pointer;
  for (const auto& token : path_) pointer += '/' + token;
  return pointer;
}

void JsonReader::error(std::string message) {
  sink_.push_back({Severity::Error, path(), std::move(message)});
}

void JsonReader::error_at(std::string_view key, std::string message) {
  const Step step = enter(key);
  error(std::move(message));
}

void JsonReader::warning(std::string message) {
  sink_.push_back({Severity::Warning, path(), std::move(message)});
}

void JsonReader::expected(std::string_view what, const Json& value) {
  error("expected " + std::string(what) + ", got " + describe(value));
}

bool JsonReader::expect_object(const Json& value) {
  if (value.is_object()) return true;
  expected("an object", value);
  return false;
}

bool JsonReader::expect_array(const Json& value, std::string_view what) {
  if (value.is_array()) return true;
  expected(what, value);
  return false;
}

void JsonReader::check_keys(const Json& object, const std::vector<std::string>& known) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key.starts_with('$')) continue;
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      error_at(key, model::unknown_name_message("key", key, known));
    }
  }
}

const Json* JsonReader::find(const Json& object, std::string_view key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const Json* JsonReader::require(const Json& object, std::string_view key) {
  const Json* value = find(object, key);
  if (value == nullptr) error("missing required key '" + std::string(key) + "'");
  return value;
}

std::optional<std::string> JsonReader::expect_string(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  expected("a string", value);
  return std::nullopt;
}

std::optional<bool> JsonReader::expect_boolean(const Json& value) {
  if (value.is_boolean()) return value.get<bool>();
  expected("true or false", value);
  return std::nullopt;
}

std::optional<std::uint64_t> JsonReader::expect_integer(const Json& value, std::uint64_t min, std::uint64_t max,
                                                        std::string_view description) {
  // The parser stores every non-negative integer as unsigned, so a signed one here is negative.
  const bool non_negative_integer =
      value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0);
  if (!non_negative_integer || value.get<std::uint64_t>() < min) {
    expected(description, value);
    return std::nullopt;
  }
  const auto number = value.get<std::uint64_t>();
  if (number > max) {
    error("expected at most " + std::to_string(max) + ", got " + describe(value));
    return std::nullopt;
  }
  return number;
}

std::optional<double> JsonReader::expect_number(const Json& value) {
  if (value.is_number() && std::isfinite(value.get<double>())) return value.get<double>();
  expected("a number", value);
  return std::nullopt;
}

std::optional<double> JsonReader::expect_duration(const Json& value) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (const auto in_days = parse_duration(text)) return in_days;
    if (text.starts_with('-') && parse_duration(text.substr(1))) {
      expected("a duration that is not negative", value);
      return std::nullopt;
    }
  }
  expected(kDurationRule, value);
  return std::nullopt;
}

std::optional<double> JsonReader::expect_rate(const Json& value) {
  if (value.is_string()) {
    const auto per_day = parse_rate(value.get_ref<const std::string&>());
    if (per_day && *per_day > 0) return per_day;
  }
  expected(kRateRule, value);
  return std::nullopt;
}

}  // namespace carepath::io
