// SPDX-License-Identifier: MIT
#include "io/arrival_profile_json.hpp"

#include "io/calendar_json.hpp"
#include <carepath/io/calendar_text.hpp>
#include "io/csv_input.hpp"
#include "io/field_rules.hpp"

#include <carepath/io/number_format.hpp>
#include <carepath/io/scenario_json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace carepath::io {
namespace {

using model::DailyArrivals;
using model::Date;

// Dates listed when a series misses some: enough to spot a pattern (a missing week, a year end).
constexpr std::size_t kMissingDatesShown = 5;

constexpr std::string_view kHourRule = "an array of 24 numbers, one for each hour from midnight";
constexpr std::string_view kWeekHourRule = "an array of 168 numbers, one for each hour of the week from Monday 00:00";
constexpr std::string_view kHourlyRatesRule =
    "an array of 24 numbers, the patients per hour in each hour from midnight";
constexpr std::string_view kWeekdayRule =
    R"(an object such as {"mon": 1.1, "sun": 0.8} or an array of 7 numbers (Monday first))";
constexpr std::string_view kMonthRule =
    R"(an object such as {"jan": 1.15, "aug": 0.9} or an array of 12 numbers (January first))";
constexpr std::string_view kGrowthRule = R"(a yearly growth above -100%, such as "3%", "-1.5%" or 0.03)";
constexpr std::string_view kSeriesRule =
    R"(the path of a CSV file with the header date,arrivals, or a non-empty array of {"date", "arrivals"})";

// Multipliers as an array of N, or as an object naming some of them (the others stay 1). With no
// `names` (hours), only the array form.
template <std::size_t N>
std::optional<std::array<double, N>> expect_multipliers(JsonReader& r, const Json& value,
                                                        const std::vector<std::string>& names, std::string_view rule) {
  auto multipliers = model::ArrivalProfile::filled<N>(1.0);
  const std::size_t errors_before = r.error_count();
  if (value.is_array() && value.size() == N) {
    for (std::size_t i = 0; i < N; ++i) {
      const auto step = r.enter(i);
      multipliers[i] = expect_multiplier(r, value.at(i)).value_or(1.0);
    }
  } else if (value.is_object() && !names.empty()) {
    r.check_keys(value, names);
    for (std::size_t i = 0; i < N; ++i) {
      multipliers[i] = r.optional(value, names[i], expect_multiplier).value_or(1.0);
    }
  } else {
    r.expected(rule, value);
  }
  if (r.error_count() != errors_before) return std::nullopt;
  return multipliers;
}

// A relative shape is scaled to mean 1 by the engine, which an all-zero shape cannot be.
template <std::size_t N>
std::optional<std::array<double, N>> expect_shape(JsonReader& r, const Json& value,
                                                  const std::vector<std::string>& names, std::string_view rule) {
  const auto shape = expect_multipliers<N>(r, value, names, rule);
  if (shape && std::all_of(shape->begin(), shape->end(), [](double v) { return v == 0; })) {
    r.expected("a shape with at least one number above zero", value);
    return std::nullopt;
  }
  return shape;
}

template <std::size_t N>
std::vector<std::string> to_strings(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

std::optional<std::array<double, 24>> expect_hour_of_day(JsonReader& r, const Json& value) {
  return expect_shape<24>(r, value, {}, kHourRule);
}

std::optional<std::vector<double>> expect_hour_of_week(JsonReader& r, const Json& value) {
  const auto shape = expect_shape<168>(r, value, {}, kWeekHourRule);
  if (!shape) return std::nullopt;
  return std::vector<double>(shape->begin(), shape->end());
}

// Absolute rates, so all zero is allowed: a source with no arrivals.
std::optional<std::array<double, 24>> expect_hourly_rates(JsonReader& r, const Json& value) {
  return expect_multipliers<24>(r, value, {}, kHourlyRatesRule);
}

std::optional<std::array<double, 7>> expect_day_of_week(JsonReader& r, const Json& value) {
  return expect_shape<7>(r, value, to_strings(kWeekdayNames), kWeekdayRule);
}

// Month multipliers are taken as written (not scaled), so a month with no arrivals is allowed.
std::optional<std::array<double, 12>> expect_month_of_year(JsonReader& r, const Json& value) {
  return expect_multipliers<12>(r, value, to_strings(kMonthNames), kMonthRule);
}

std::optional<double> expect_growth(JsonReader& r, const Json& value) {
  std::optional<double> growth;
  if (value.is_string()) growth = parse_percent(value.get<std::string>());
  if (value.is_number() && std::isfinite(value.get<double>())) growth = value.get<double>();
  if (!growth || !(*growth > -1)) {
    r.expected(kGrowthRule, value);
    return std::nullopt;
  }
  // 3 written for 3% would mean quadrupling every year: allowed, but almost surely a slip.
  if (value.is_number() && std::abs(*growth) >= 1) {
    r.warning("a yearly growth of " + describe(value) + " is " + format_shortest(*growth * 100) + "% a year; for " +
              describe(value) + "% a year write \"" + describe(value) + "%\"");
  }
  return growth;
}

void read_surge(JsonReader& r, const Json& json, model::SurgeWindow& out, const ScenarioContext& context) {
  r.check_keys(json, {"from", "to", "multiplier"});
  const auto from = r.required(json, "from", expect_date);
  const auto to = r.required(json, "to", expect_date);
  out.multiplier = r.required(json, "multiplier", expect_multiplier).value_or(1.0);
  if (!from || !to) return;
  out.from = *from;
  out.to = *to;
  if (*to < *from) {
    r.error_at("to", "expected a date on or after \"from\" (" + describe(json.at("from")) + "), got " +
                         describe(json.at("to")));
    return;
  }
  const auto run = context.run_days();
  if (run && *to < run->first) {
    r.warning("this surge never applies: it ends before the run starts (" + quoted_date(run->first) + ")");
  } else if (run && run->second < *from) {
    r.warning("this surge never applies: it starts after the last day of the run (" + quoted_date(run->second) +
              ")");
  }
}

// The series from a CSV file; duplicate dates are reported with the line that gave them first.
std::optional<std::vector<DailyArrivals>> read_series_csv(JsonReader& r, const Json& value,
                                                          const ScenarioContext& context) {
  auto csv = CsvInput::open(r, value, context, {"date", "arrivals"}, {});
  if (!csv) return std::nullopt;
  std::vector<DailyArrivals> series;
  std::map<Date, std::size_t> line_of;
  for (const CsvRow& row : csv->rows()) {
    const auto date = csv->date(row, "date");
    const auto arrivals = csv->non_negative_number(row, "arrivals");
    if (!date || !arrivals) continue;
    const auto [first, inserted] = line_of.emplace(*date, row.line);
    if (!inserted) {
      csv->problem(row, "date", "expected each date once, got '" + model::format_date(*date) +
                                    "' a second time (first on line " + std::to_string(first->second) + ")");
      continue;
    }
    series.push_back({*date, *arrivals});
  }
  if (!csv->report(r)) return std::nullopt;
  return series;
}

void read_daily_arrivals(JsonReader& r, const Json& json, DailyArrivals& out) {
  r.check_keys(json, {"date", "arrivals"});
  out.date = r.required(json, "date", expect_date).value_or(out.date);
  out.arrivals = r.required(json, "arrivals", expect_multiplier).value_or(0);
}

std::optional<std::vector<DailyArrivals>> read_series_inline(JsonReader& r, const Json& value) {
  const std::size_t errors_before = r.error_count();
  std::vector<DailyArrivals> series;
  read_objects(r, value, kSeriesRule, EmptyList::Rejected, series, read_daily_arrivals);
  if (r.error_count() != errors_before) return std::nullopt;
  std::map<Date, std::size_t> index_of;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto [first, inserted] = index_of.emplace(series[i].date, i);
    if (!inserted) {
      const auto step = r.enter(i);
      r.error_at("date", "expected each date once, got " + quoted_date(series[i].date) +
                             " a second time (first at index " + std::to_string(first->second) + ")");
    }
  }
  if (r.error_count() != errors_before) return std::nullopt;
  return series;
}

// `series` is sorted by date. Reports the run's days it lacks, the first few by name.
void check_covers_run(JsonReader& r, const std::vector<DailyArrivals>& series, const ScenarioContext& context,
                      const std::string& prefix) {
  const auto run = context.run_days();
  if (!run) return;
  std::vector<Date> missing;
  auto next = series.begin();
  for (Date day = run->first; !(run->second < day); day = model::date_after(day, 1)) {
    while (next != series.end() && next->date < day) ++next;
    if (next == series.end() || day < next->date) missing.push_back(day);
  }
  if (missing.empty()) return;
  std::string listed;
  for (std::size_t i = 0; i < missing.size() && i < kMissingDatesShown; ++i) {
    listed += (i > 0 ? ", " : "") + model::format_date(missing[i]);
  }
  if (missing.size() > kMissingDatesShown) listed += ", …";
  const std::string count =
      missing.size() == 1 ? "1 day is missing" : std::to_string(missing.size()) + " days are missing";
  r.error(prefix + "expected arrivals for every day of the run (" + model::format_date(run->first) + " to " +
          model::format_date(run->second) + "), but " + count + ": " + listed);
}

std::optional<std::vector<DailyArrivals>> expect_daily_series(JsonReader& r, const Json& value,
                                                              const ScenarioContext& context) {
  std::optional<std::vector<DailyArrivals>> series;
  std::string prefix;
  if (value.is_string()) {
    series = read_series_csv(r, value, context);
    prefix = value.get<std::string>() + ": ";
  } else if (value.is_array()) {
    series = read_series_inline(r, value);
  } else {
    r.expected(kSeriesRule, value);
  }
  if (!series) return std::nullopt;
  std::sort(series->begin(), series->end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  const std::size_t errors_before = r.error_count();
  check_covers_run(r, *series, context, prefix);
  if (r.error_count() != errors_before) return std::nullopt;
  return series;
}

// With a daily series these are in the data already; applying them again would count them twice.
void reject_beside_series(JsonReader& r, const Json& json) {
  for (const char* key : {"day_of_week", "month_of_year", "yearly_growth", "hour_of_week", "hourly_rates"}) {
    if (JsonReader::find(json, key) != nullptr) {
      r.error_at(key, "cannot be combined with a daily_series, which already gives each day's arrivals");
    }
  }
}

// hour_of_week is an hour-of-day and a weekday shape in one, and hourly_rates an hour-of-day shape
// with its level: each excludes the keys it replaces. Reported at the key that replaces them.
void reject_overlapping_shapes(JsonReader& r, const Json& json) {
  const auto reject = [&](const char* key, std::initializer_list<const char*> replaced, const char* why) {
    if (JsonReader::find(json, key) == nullptr) return;
    for (const char* other : replaced) {
      if (JsonReader::find(json, other) != nullptr) {
        r.error_at(key, std::string("cannot be combined with ") + other + ": " + why);
      }
    }
  };
  reject("hour_of_week", {"hour_of_day", "day_of_week"}, "hour_of_week gives each hour of each weekday already");
  reject("hourly_rates", {"hour_of_day", "hour_of_week"}, "hourly_rates give each hour's arrivals already");
}

}  // namespace

void apply_hourly_rates(JsonReader& r, const Json& source, const std::optional<double>& rate,
                        model::ArrivalSource& out) {
  std::array<double, 24>& hours = out.profile->hour_of_day;
  const double per_day = std::accumulate(hours.begin(), hours.end(), 0.0);
  // The sum is a day's arrivals; a rate written beside it must say the same (to rounding).
  if (rate && std::abs(*rate - per_day) > 1e-9 * std::max(*rate, per_day)) {
    r.error_at("rate", "expected no rate, or the sum of the profile's hourly_rates (" + format_shortest(per_day) +
                           " a day), got " + describe(source.at("rate")));
  }
  out.rate_per_day = per_day;
  // No arrivals at all: a rate of 0, and a flat shape, which (unlike all zeros) has a mean of 1.
  if (per_day == 0) hours = model::ArrivalProfile::filled<24>(1.0);
}

std::optional<model::ArrivalProfile> expect_arrival_profile(JsonReader& r, const Json& json,
                                                            const ScenarioContext& context) {
  if (!r.expect_object(json)) return std::nullopt;
  r.check_keys(json, {"hour_of_day", "day_of_week", "month_of_year", "yearly_growth", "surges", "daily_series",
                      "hour_of_week", "hourly_rates"});
  const std::size_t errors_before = r.error_count();
  reject_overlapping_shapes(r, json);
  model::ArrivalProfile profile;
  profile.hour_of_day = r.optional(json, "hour_of_day", expect_hour_of_day).value_or(profile.hour_of_day);
  profile.hour_of_week = r.optional(json, "hour_of_week", expect_hour_of_week).value_or(profile.hour_of_week);
  profile.hour_of_day = r.optional(json, "hourly_rates", expect_hourly_rates).value_or(profile.hour_of_day);
  profile.day_of_week = r.optional(json, "day_of_week", expect_day_of_week).value_or(profile.day_of_week);
  profile.month_of_year = r.optional(json, "month_of_year", expect_month_of_year).value_or(profile.month_of_year);
  profile.yearly_growth = r.optional(json, "yearly_growth", expect_growth).value_or(profile.yearly_growth);
  read_optional_objects(r, json, "surges", "an array of surges", profile.surges,
                        [&](JsonReader& reader, const Json& surge, model::SurgeWindow& out) {
                          read_surge(reader, surge, out, context);
                        });
  if (JsonReader::find(json, "daily_series") != nullptr) {
    reject_beside_series(r, json);
    profile.daily_series =
        r.optional(json, "daily_series", expect_daily_series, context).value_or(profile.daily_series);
  }
  if (r.error_count() != errors_before) return std::nullopt;
  return profile;
}

}  // namespace carepath::io
