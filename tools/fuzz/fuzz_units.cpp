// SPDX-License-Identifier: MIT
// Fuzzes the grammar of durations ("4h"), rates ("2.7/day"), percentages ("-1.5%"), dates
// ("2023-01-31"), times of day ("09:30") and weekdays ("mon-fri"). Beyond not crashing, each accepted value must keep the promise its reader
// documents: durations finite and never negative, rates finite and never negative, percentages
// finite, dates that print back as the text read, times of day from 0 to 24 hours. A broken promise aborts, which libFuzzer
// reports like a crash.
#include <carepath/io/calendar_text.hpp>

#include <carepath/io/scenario_json.hpp>
#include <carepath/model/calendar.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void require(bool promise) {
  if (!promise) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (const auto days = carepath::io::parse_duration(text)) require(std::isfinite(*days) && *days >= 0);
  if (const auto per_day = carepath::io::parse_rate(text)) require(std::isfinite(*per_day) && *per_day >= 0);
  if (const auto fraction = carepath::io::parse_percent(text)) require(std::isfinite(*fraction));
  const carepath::io::ParsedDate parsed = carepath::io::parse_iso_date(text);
  if (parsed.date) require(carepath::model::format_date(*parsed.date) == text);
  if (const auto hours = carepath::io::parse_time_of_day(text)) require(*hours >= 0 && *hours <= 24);
  (void)carepath::io::parse_weekdays(text);
  return 0;
}
