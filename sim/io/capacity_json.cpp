// SPDX-License-Identifier: MIT
#include "io/capacity_json.hpp"

#include "io/calendar_json.hpp"
#include "io/field_rules.hpp"

#include <carepath/model/calendar.hpp>

namespace carepath::io {

void check_change_date(JsonReader& r, const Json& written, const model::Date& from,
                       const std::optional<model::Date>& previous, const ScenarioContext& context) {
  const auto run = context.run_days();
  if (previous && !(*previous < from)) {
    r.error("expected a date after the previous change (" + quoted_date(*previous) + "), got " + describe(written));
  } else if (!previous && context.start_date && from < *context.start_date) {
    r.error("expected a date on or after the start date (" + quoted_date(*context.start_date) + "), got " +
            describe(written));
  } else if (run && run->second < from) {
    r.warning("this change never applies: it comes after the last day of the run (" + quoted_date(run->second) + ")");
  }
}

namespace {

void read_change(JsonReader& r, const Json& json, model::CapacityChange& out, std::optional<model::Date>& previous,
                 const ScenarioContext& context) {
  r.check_keys(json, {"from", "capacity"});
  if (const auto from = r.required(json, "from", expect_date)) {
    const auto step = r.enter("from");
    check_change_date(r, json.at("from"), *from, previous, context);
    out.from = *from;
    previous = *from;
  }
  out.capacity = r.required(json, "capacity", expect_server_count).value_or(0);
}

void read_shift(JsonReader& r, const Json& json, model::RosterShift& out) {
  r.check_keys(json, {"days", "from", "to", "capacity"});
  out.weekdays = r.required(json, "days", expect_weekdays).value_or(out.weekdays);
  const auto from = r.required(json, "from", expect_time_of_day);
  const auto to = r.required(json, "to", expect_time_of_day);
  if (from && to && !(*from < *to)) {
    const std::string hint =
        *to < *from ? R"(; a shift past midnight is written as two, such as "22:00" to "24:00" and "00:00" to "06:00")"
                    : "";
    r.error_at("to", "expected a time after \"from\" (" + describe(json.at("from")) + "), got " +
                         describe(json.at("to")) + hint);
  }
  out.from_hour = from.value_or(out.from_hour);
  out.to_hour = to.value_or(out.to_hour);
  out.capacity = r.required(json, "capacity", expect_server_count).value_or(0);
}

std::optional<CapacitySpec> expect_schedule(JsonReader& r, const Json& json, const ScenarioContext& context) {
  r.check_keys(json, {"base", "changes", "roster"});
  const std::size_t diagnostics_before = r.error_count();
  CapacitySpec spec;
  const auto base = r.required(json, "base", &JsonReader::expect_integer, std::uint64_t{0}, kMaxServers,
                              R"(a non-negative integer (a schedule needs a finite base))");
  if (base) spec.capacity = static_cast<std::uint32_t>(*base);
  std::optional<model::Date> previous;
  read_optional_objects(r, json, "changes", "an array of dated changes", spec.changes,
                        [&](JsonReader& reader, const Json& change, model::CapacityChange& out) {
                          read_change(reader, change, out, previous, context);
                        });
  read_optional_objects(r, json, "roster", "an array of shifts", spec.roster, read_shift);
  if (r.error_count() != diagnostics_before) return std::nullopt;
  return spec;
}

}  // namespace

std::optional<CapacitySpec> expect_capacity(JsonReader& r, const Json& value, const ScenarioContext& context) {
  if (value.is_object()) return expect_schedule(r, value, context);
  if (is_text(value, "unlimited")) return CapacitySpec{};
  const auto servers = r.expect_integer(value, 1, kMaxServers, R"(a positive integer or "unlimited")");
  if (!servers) return std::nullopt;
  return CapacitySpec{static_cast<std::uint32_t>(*servers), {}, {}};
}

}  // namespace carepath::io
