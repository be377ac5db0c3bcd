// SPDX-License-Identifier: MIT
// The JSON rules for calendar values (dates, times of day, weekdays), built on carepath/io/calendar_text.hpp.
// Checks that need the run's dates, such as "after the start date", are in the rules of the
// objects that hold the dates: capacity_json.cpp and arrival_profile_json.cpp.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/calendar.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

/// An ISO date string such as "2022-12-01" that the calendar has.
std::optional<model::Date> expect_date(JsonReader& r, const Json& value);

/// "HH:MM" from "00:00" to "24:00", in hours after midnight.
std::optional<double> expect_time_of_day(JsonReader& r, const Json& value);

/// "mon", "mon-fri", or an array of those: the days they name, Monday first.
std::optional<std::array<bool, 7>> expect_weekdays(JsonReader& r, const Json& value);

/// A calendar of bank holidays: an array of dates, each once; sorted (Scenario::bank_holidays).
std::optional<std::vector<model::Date>> expect_bank_holidays(JsonReader& r, const Json& value);

/// "2022-12-01" (model::format_date in double quotes), to quote a date the way a scenario writes it.
[[nodiscard]] std::string quoted_date(const model::Date& date);

}  // namespace carepath::io
