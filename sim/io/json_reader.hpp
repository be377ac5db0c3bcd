// SPDX-License-Identifier: MIT
// JsonReader walks a parsed scenario document and turns every rule it breaks into a Diagnostic,
// instead of stopping at the first. It keeps an explicit JSON-pointer path stack
// (/services/2/capacity), so each field rule is one line that knows where it is:
// `r.required(run, "horizon", &JsonReader::expect_duration)` reports a missing key, a wrong type or
// a bad unit at /run/horizon and returns nullopt; the caller goes on reading the rest. Values are
// read only through find(), never operator[], which is undefined behaviour on a const json for a
// missing key. scenario_json.cpp holds the rules of the format; read it next.
#pragma once

#if !defined(JSON_DIAGNOSTICS) || !JSON_DIAGNOSTICS
// Every user of this header must see the same nlohmann ABI, and type errors must name their path.
#error "compile the users of io/json_reader.hpp with JSON_DIAGNOSTICS=1"
#endif

#include <carepath/error.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace carepath::io {

/// nlohmann's parse error text without its exception id: "line 4, column 9: syntax error ...".
[[nodiscard]] std::string syntax_message(std::string_view what);

/// `key` as one token of a JSON pointer (RFC 6901): "~" is written "~0" and "/" "~1".
[[nodiscard]] std::string escape_pointer_token(std::string_view key);

/// Keeps object keys in file order, so diagnostics about keys come out in the order they were written.
using Json = nlohmann::ordered_json;

/// What a duration must look like, for messages that quote it.
inline constexpr std::string_view kDurationRule = R"(a duration with a unit, such as "4h" or "28d")";

/// `value` compactly, as JSON, shortened with "…" when long: `-3`, `"4 fortnights"`, `[1,2]`.
[[nodiscard]] std::string describe(const Json& value);

/// Whether `value` is the string `text`. Comparing a Json with a C string builds a temporary Json,
/// which GCC 12 at -O3 reports as an out-of-bounds access (a false -Warray-bounds); this does not.
[[nodiscard]] inline bool is_text(const Json& value, std::string_view text) {
  return value.is_string() && value.get_ref<const std::string&>() == text;
}

class JsonReader {
 public:
  explicit JsonReader(std::vector<Diagnostic>& sink) : sink_(sink) {}

  /// Holds one key or index on the path until it goes out of scope.
  class [[nodiscard]] Step {
   public:
    explicit Step(JsonReader& reader, std::string token) : reader_(reader) {
      reader_.path_.push_back(std::move(token));
    }
    ~Step() { reader_.path_.pop_back(); }
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

   private:
    JsonReader& reader_;
  };

  [[nodiscard]] Step enter(std::string_view key);
  [[nodiscard]] Step enter(std::size_t index);

  /// Errors recorded so far (warnings not counted): a rule compares counts to learn whether the
  /// rules it called found anything.
  [[nodiscard]] std::size_t error_count() const;

  /// The current position as a JSON pointer; "" is the whole document.
  [[nodiscard]] std::string path() const;

  /// Records a problem at the current position.
  void error(std::string message);
  /// Records a problem at `key` inside the current position.
  void error_at(std::string_view key, std::string message);
  /// Records something that is allowed but probably not what the planner meant; it does not stop a run.
  void warning(std::string message);

  /// `expected <what>, got <value>` at the current position.
  void expected(std::string_view what, const Json& value);

  // Shape of the value at the current position. Each returns false after reporting a mismatch.
  bool expect_object(const Json& value);
  bool expect_array(const Json& value, std::string_view of_what);

  /// Reports each key of `object` not in `known` as unknown, suggesting the closest known key.
  /// Keys starting with '$' ("$schema", "$comment") are annotations and always allowed.
  void check_keys(const Json& object, const std::vector<std::string>& known);

  /// object[key], or nullptr when it is absent (nothing is reported).
  [[nodiscard]] static const Json* find(const Json& object, std::string_view key);
  /// object[key], or nullptr after reporting `missing required key 'key'`.
  [[nodiscard]] const Json* require(const Json& object, std::string_view key);

  // Value rules: each reads the value at the current position, or reports why not and returns
  // nullopt.
  std::optional<std::string> expect_string(const Json& value);
  std::optional<bool> expect_boolean(const Json& value);
  /// A whole number from `min` to `max`; `description` says what was expected, e.g. "a positive integer".
  std::optional<std::uint64_t> expect_integer(const Json& value, std::uint64_t min, std::uint64_t max,
                                              std::string_view description);
  /// Any finite number.
  std::optional<double> expect_number(const Json& value);
  /// A duration string such as "4h", in days; never negative.
  std::optional<double> expect_duration(const Json& value);
  /// A rate string such as "2.7/day", per day; always above zero.
  std::optional<double> expect_rate(const Json& value);

  /// Reads object[key] with `rule`, reporting a missing key. `rule` is a member such as
  /// &JsonReader::expect_duration or any callable taking (JsonReader&, const Json&, args...) and
  /// returning a std::optional.
  template <class Rule, class... Args>
  auto required(const Json& object, std::string_view key, Rule&& rule, Args&&... args) {
    return read(require(object, key), key, std::forward<Rule>(rule), std::forward<Args>(args)...);
  }

  /// Same, for a key that may be absent: then nullopt and nothing is reported.
  template <class Rule, class... Args>
  auto optional(const Json& object, std::string_view key, Rule&& rule, Args&&... args) {
    return read(find(object, key), key, std::forward<Rule>(rule), std::forward<Args>(args)...);
  }

 private:
  template <class Rule, class... Args>
  auto read(const Json* value, std::string_view key, Rule&& rule, Args&&... args)
      -> std::invoke_result_t<Rule, JsonReader&, const Json&, Args...> {
    if (value == nullptr) return std::nullopt;
    const Step step = enter(key);
    return std::invoke(std::forward<Rule>(rule), *this, *value, std::forward<Args>(args)...);
  }

  std::vector<Diagnostic>& sink_;
  std::vector<std::string> path_;  // Escaped JSON-pointer tokens.
};

}  // namespace carepath::io
