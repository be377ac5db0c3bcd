// SPDX-License-Identifier: MIT
// The calibration format as field rules (calibration_json.hpp), read with JsonReader so that every
// problem in the file is reported at once, at its JSON pointer.
#include <carepath/io/calibration_json.hpp>

#include <carepath/error.hpp>
#include <carepath/io/text_file.hpp>
#include <carepath/model/suggest.hpp>

#include "io/calendar_json.hpp"
#include "io/json_reader.hpp"
#include "io/json_text.hpp"

#include <algorithm>
#include <string>
#include <system_error>
#include <variant>

namespace carepath::io {
namespace {

using run::CalibrationBound;
using run::CalibrationFigure;
using run::CalibrationRole;
using run::CalibrationSample;
using run::CalibrationStatistic;
using stats::TrajectoryKind;

const std::vector<std::string> kTopKeys{"scenario", "notes", "figures"};
const std::vector<std::string> kFigureKeys{"id",       "figure",    "source",        "kind",   "name",   "names",
                                           "metric",   "from",      "to",            "statistic", "observed",
                                           "tolerance", "why_tolerance", "role", "sample", "bound", "variant",
                                           "kpi",       "at"};
// A figure names either a whole-run KPI ("kpi", "at") or daily values (these).
const std::vector<std::string> kDailyKeys{"kind", "name", "names", "metric", "from", "to", "statistic"};

// unknown_name_message shortens long lists; a metric list is short enough to give whole, and the
// planner needs every name to choose from.
std::string unknown_metric_message(std::string_view what, const std::string& metric,
                                   const std::vector<std::string>& known) {
  std::string message = model::unknown_name_message(what, metric, known);
  const std::size_t list = message.rfind("(known: ");
  if (list == std::string::npos) return message;
  message.resize(list);
  message += "(known: ";
  for (std::size_t i = 0; i < known.size(); ++i) message += (i == 0 ? "" : ", ") + known[i];
  return message + ")";
}

template <class Table>
std::vector<std::string> metric_names(const Table& table) {
  std::vector<std::string> names;
  for (const auto& m : table) names.emplace_back(m.name);
  return names;
}

std::optional<TrajectoryKind> expect_kind(JsonReader& r, const Json& value) {
  if (is_text(value, "service")) return TrajectoryKind::Service;
  if (is_text(value, "pathway")) return TrajectoryKind::Pathway;
  if (is_text(value, "resource")) return TrajectoryKind::Resource;
  r.expected(R"("service", "pathway" or "resource" (or, for any other KPI, "kpi" in place of "kind"))", value);
  return std::nullopt;
}

std::vector<std::string> trajectory_metrics(TrajectoryKind kind) {
  switch (kind) {
    case TrajectoryKind::Service: return metric_names(stats::kServiceTrajectoryMetrics);
    case TrajectoryKind::Pathway: return metric_names(stats::kPathwayTrajectoryMetrics);
    case TrajectoryKind::Resource: return metric_names(stats::kResourceTrajectoryMetrics);
  }
  return {};
}

const char* kind_word(TrajectoryKind kind) {
  switch (kind) {
    case TrajectoryKind::Service: return "service";
    case TrajectoryKind::Pathway: return "pathway";
    case TrajectoryKind::Resource: return "shared pool";
  }
  return "";
}

std::optional<CalibrationStatistic> expect_statistic(JsonReader& r, const Json& value) {
  if (is_text(value, "sum")) return CalibrationStatistic::Sum;
  if (is_text(value, "mean")) return CalibrationStatistic::Mean;
  if (is_text(value, "last")) return CalibrationStatistic::Last;
  if (is_text(value, "max")) return CalibrationStatistic::Max;
  if (is_text(value, "change")) return CalibrationStatistic::Change;
  r.expected(R"("sum", "mean", "last", "max" or "change")", value);
  return std::nullopt;
}

std::optional<CalibrationRole> expect_role(JsonReader& r, const Json& value) {
  if (is_text(value, "input_check")) return CalibrationRole::InputCheck;
  if (is_text(value, "behaviour")) return CalibrationRole::Behaviour;
  r.expected(R"("input_check" or "behaviour")", value);
  return std::nullopt;
}

std::optional<CalibrationSample> expect_sample(JsonReader& r, const Json& value) {
  if (is_text(value, "in")) return CalibrationSample::In;
  if (is_text(value, "out")) return CalibrationSample::Out;
  r.expected(R"("in" (tuned to) or "out" (out-of-sample))", value);
  return std::nullopt;
}

std::optional<CalibrationBound> expect_bound(JsonReader& r, const Json& value) {
  if (is_text(value, "two_sided")) return CalibrationBound::TwoSided;
  if (is_text(value, "at_most")) return CalibrationBound::AtMost;
  if (is_text(value, "at_least")) return CalibrationBound::AtLeast;
  r.expected(R"("two_sided", "at_most" or "at_least")", value);
  return std::nullopt;
}

std::optional<double> expect_tolerance(JsonReader& r, const Json& value) {
  if (value.is_number() && value.get<double>() >= 0) return value.get<double>();
  r.expected("a number at least 0 (in the metric's unit)", value);
  return std::nullopt;
}

std::optional<std::string> expect_text(JsonReader& r, const Json& value) {
  if (value.is_string() && !value.get_ref<const std::string&>().empty()) return value.get<std::string>();
  r.expected("a non-empty string", value);
  return std::nullopt;
}

std::optional<std::vector<std::string>> expect_names(JsonReader& r, const Json& value) {
  if (!value.is_array() || value.empty()) {
    r.expected("a non-empty array of service or pathway names", value);
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    if (auto name = expect_text(r, value[i])) names.push_back(std::move(*name));
  }
  if (names.size() != value.size()) return std::nullopt;
  return names;
}

std::optional<CalibrationFigure> read_figure(JsonReader& r, const Json& value) {
  if (!r.expect_object(value)) return std::nullopt;
  r.check_keys(value, kFigureKeys);
  const std::size_t errors_before = r.error_count();
  CalibrationFigure f;
  f.id = r.required(value, "id", expect_text).value_or("");
  f.figure = r.required(value, "figure", expect_text).value_or("");
  f.source = r.required(value, "source", expect_text).value_or("");
  // A whole-run KPI, resolved against the scenario later (check_calibration_against).
  const Json* kpi_text = JsonReader::find(value, "kpi");
  std::optional<TrajectoryKind> kind;
  std::optional<std::vector<std::string>> names;
  std::optional<model::Date> from;
  std::optional<model::Date> to;
  std::optional<CalibrationStatistic> statistic;
  if (kpi_text != nullptr) {
    if (const auto text = r.required(value, "kpi", expect_text)) f.name = *text;
    f.at = r.optional(value, "at", expect_date);
    for (const std::string& key : kDailyKeys) {
      if (JsonReader::find(value, key) != nullptr) {
        r.error_at(key, "is not allowed with \"kpi\": a KPI figure is read from the whole run (or to \"at\"); "
                        "kind, name, metric, from, to and statistic are for daily values");
      }
    }
  } else {
    if (JsonReader::find(value, "at") != nullptr) {
      r.error_at("at", "is allowed only with \"kpi\" (a window of daily values has \"from\" and \"to\")");
    }
    kind = r.required(value, "kind", expect_kind);
    f.name = r.required(value, "name", expect_text).value_or("");
    names = r.optional(value, "names", expect_names);
    const auto metric = r.required(value, "metric", &JsonReader::expect_string);
    if (metric && kind) {
      const auto known = trajectory_metrics(*kind);
      if (std::find(known.begin(), known.end(), *metric) == known.end()) {
        const auto step = r.enter("metric");
        r.error(unknown_metric_message(std::string(kind_word(*kind)) + " trajectory metric", *metric, known));
      }
      f.metric = *metric;
    }
    from = r.required(value, "from", expect_date);
    to = r.required(value, "to", expect_date);
    if (from && to && std::chrono::sys_days(*to) < std::chrono::sys_days(*from)) {
      const auto step = r.enter("to");
      r.error("expected a date on or after \"from\" (" + quoted_date(*from) + "), got " + quoted_date(*to));
    }
    statistic = r.required(value, "statistic", expect_statistic);
  }
  const auto observed = r.required(value, "observed", &JsonReader::expect_number);
  const auto tolerance = r.required(value, "tolerance", expect_tolerance);
  f.why_tolerance = r.required(value, "why_tolerance", expect_text).value_or("");
  const auto role = r.optional(value, "role", expect_role);
  const auto sample = r.optional(value, "sample", expect_sample);
  const auto bound = r.optional(value, "bound", expect_bound);
  f.variant = r.optional(value, "variant", expect_text).value_or("");
  // An echo of an input was built in, so it cannot be out-of-sample.
  if (role == CalibrationRole::InputCheck && sample == CalibrationSample::Out) {
    r.error_at("sample", R"(expected "in" or no "sample" for an input check (it echoes an input), got "out")");
  }
  if (r.error_count() != errors_before) return std::nullopt;
  if (kpi_text == nullptr) {
    f.kind = *kind;
    f.names = names ? *names : std::vector<std::string>{f.name};
    f.from = *from;
    f.to = *to;
    f.statistic = *statistic;
  } else {
    f.statistic = CalibrationStatistic::Run;
  }
  f.observed = *observed;
  f.tolerance = *tolerance;
  f.role = role.value_or(CalibrationRole::Behaviour);
  f.sample = sample.value_or(CalibrationSample::In);
  f.bound = bound.value_or(CalibrationBound::TwoSided);
  return f;
}

std::optional<std::vector<std::string>> expect_notes(JsonReader& r, const Json& value) {
  if (!r.expect_array(value, "an array of strings")) return std::nullopt;
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto step = r.enter(i);
    if (auto note = r.expect_string(value[i])) notes.push_back(std::move(*note));
  }
  return notes;
}

}  // namespace

CalibrationFile parse_calibration(const std::string& text, const std::string& source,
                                  const std::filesystem::path& folder) {
  const Json document = parse_json_text(text, source);
  std::vector<Diagnostic> diagnostics;
  JsonReader r(diagnostics);
  CalibrationFile file;
  if (r.expect_object(document)) {
    r.check_keys(document, kTopKeys);
    if (const auto scenario = r.required(document, "scenario", expect_text)) file.scenario = folder / *scenario;
    file.notes = r.optional(document, "notes", expect_notes).value_or(std::vector<std::string>{});
    if (const Json* figures = r.require(document, "figures")) {
      const auto step = r.enter("figures");
      if (!figures->is_array() || figures->empty()) {
        r.expected("a non-empty array of figures", *figures);
      } else {
        for (std::size_t i = 0; i < figures->size(); ++i) {
          const auto figure_step = r.enter(i);
          auto figure = read_figure(r, (*figures)[i]);
          if (!figure) continue;
          const auto same = std::find_if(file.figures.begin(), file.figures.end(),
                                         [&](const CalibrationFigure& f) { return f.id == figure->id; });
          if (same != file.figures.end()) {
            r.error_at("id", "duplicate id '" + figure->id + "': each figure needs its own");
          }
          file.figures.push_back(std::move(*figure));
        }
      }
    }
  }
  std::vector<Diagnostic> errors;
  for (Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error) errors.push_back(std::move(d));
  }
  if (!errors.empty()) throw ScenarioError(source, std::move(errors));
  return file;
}

CalibrationFile load_calibration(const std::filesystem::path& path) {
  std::string text;
  try {
    text = read_text_file(path);
  } catch (const std::system_error& e) {
    throw ScenarioError(path.string(), {{Severity::Error, "", "cannot read file: " + e.code().message()}});
  }
  return parse_calibration(text, path.string(), path.parent_path());
}

CalibrationFile check_calibration_against(CalibrationFile file, const model::Scenario& base,
                                          const std::vector<model::ScenarioVariant>& variants, const std::string& source) {
  std::vector<Diagnostic> errors;
  std::vector<std::string> variant_names;
  for (const auto& v : variants) variant_names.push_back(v.name);
  for (std::size_t i = 0; i < file.figures.size(); ++i) {
    CalibrationFigure& f = file.figures[i];
    const std::string at = "/figures/" + std::to_string(i) + "/";
    const model::Scenario* run = &base;
    if (!f.variant.empty()) {
      const auto v = std::find_if(variants.begin(), variants.end(),
                                  [&](const model::ScenarioVariant& candidate) { return candidate.name == f.variant; });
      if (v == variants.end()) {
        errors.push_back({Severity::Error, at + "variant", model::unknown_name_message("variant", f.variant, variant_names)});
        continue;
      }
      run = &v->scenario;
    }
    const model::Scenario& scenario = *run;
    const stats::TrajectoryCalendar calendar = stats::trajectory_calendar(scenario.start_date, scenario.run.horizon, scenario.run.start_hour);
    const model::Date last_day = model::date_after(scenario.start_date, static_cast<long>(calendar.days) - 1);
    const std::string run_span = quoted_date(scenario.start_date) + " to " + quoted_date(last_day);
    if (f.statistic == CalibrationStatistic::Run) {
      auto resolved = stats::resolve_kpi(f.name, scenario);
      if (const auto* reason = std::get_if<std::string>(&resolved)) {
        errors.push_back({Severity::Error, at + "kpi", *reason});
        continue;
      }
      f.kpi = std::get<stats::KpiRef>(std::move(resolved));
      f.name = f.kpi->name;
      f.names = {f.name};
      f.metric = f.kpi->metric;
      f.from = scenario.start_date;
      f.to = f.at.value_or(last_day);
      // The run is cut at the end of `at`, which must leave something measured after the warm-up.
      const SimTime day = model::days_between(scenario.start_date, f.to);
      if (f.at && (day < 0 || day >= static_cast<SimTime>(calendar.days))) {
        errors.push_back({Severity::Error, at + "at",
                          "expected a date within the run (" + run_span + "), got " + quoted_date(f.to)});
      } else if (f.at && day + 1 - scenario.run.start_hour / 24 <= scenario.run.warm_up) {
        errors.push_back({Severity::Error, at + "at",
                          "expected a date after the warm-up (nothing is measured before it ends), got " +
                              quoted_date(f.to)});
      }
      continue;
    }
    std::vector<std::string> known;
    const char* what = f.kind == TrajectoryKind::Service ? "service" : f.kind == TrajectoryKind::Pathway ? "pathway" : "shared pool";
    switch (f.kind) {
      case TrajectoryKind::Service:
        for (const auto& s : scenario.services) known.push_back(s.name);
        break;
      case TrajectoryKind::Pathway:
        for (const auto& p : scenario.pathways) known.push_back(p.name);
        break;
      case TrajectoryKind::Resource:
        for (const auto& p : scenario.resources) known.push_back(p.name);
        break;
    }
    const bool listed = f.names.size() != 1 || f.names.front() != f.name;  // "names" was written
    for (std::size_t j = 0; j < f.names.size(); ++j) {
      if (std::find(known.begin(), known.end(), f.names[j]) != known.end()) continue;
      errors.push_back({Severity::Error, listed ? at + "names/" + std::to_string(j) : at + "name",
                        model::unknown_name_message(what, f.names[j], known)});
    }
    for (const auto& [key, date] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
      const SimTime day = model::days_between(scenario.start_date, date);
      if (day < 0 || day >= static_cast<SimTime>(calendar.days)) {
        errors.push_back({Severity::Error, at + key,
                          "expected a date within the run (" + run_span + "), got " + quoted_date(date)});
      }
    }
  }
  if (!errors.empty()) throw ScenarioError(source, std::move(errors));
  return file;
}

}  // namespace carepath::io
