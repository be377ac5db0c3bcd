// SPDX-License-Identifier: MIT
#include "report/json_values.hpp"

#include <limits>

namespace carepath::report {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double as_number(const Json& value) { return value.is_number() ? value.get<double>() : kNaN; }

}  // namespace

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &*it;
}

double number_at(const Json& object, std::string_view key) {
  const Json* value = member(object, key);
  return value ? as_number(*value) : kNaN;
}

double number_at(const Json& object, std::string_view key, std::size_t i) {
  const Json* value = member(object, key);
  if (!value || !value->is_array() || i >= value->size()) return kNaN;
  return as_number((*value)[i]);
}

std::string string_at(const Json& object, std::string_view key) {
  const Json* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::vector<std::string> notes_at(const Json& object, std::string_view key) {
  std::vector<std::string> notes;
  const Json* value = member(object, key);
  if (!value) return notes;
  if (value->is_string()) {
    if (!value->get<std::string>().empty()) notes.push_back(value->get<std::string>());
  } else if (value->is_array()) {
    for (const Json& note : *value) {
      if (note.is_string()) notes.push_back(note.get<std::string>());
    }
  }
  return notes;
}

std::vector<double> numbers_at(const Json& object, std::string_view key) {
  std::vector<double> values;
  for (const Json& value : array_at(object, key)) values.push_back(as_number(value));
  return values;
}

std::vector<std::string> strings_at(const Json& object, std::string_view key) {
  std::vector<std::string> values;
  for (const Json& value : array_at(object, key)) {
    values.push_back(value.is_string() ? value.get<std::string>() : std::string());
  }
  return values;
}

const Json& array_at(const Json& object, std::string_view key) {
  static const Json kEmpty = Json::array();
  const Json* value = member(object, key);
  return value && value->is_array() ? *value : kEmpty;
}

}  // namespace carepath::report
