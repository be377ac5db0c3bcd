// SPDX-License-Identifier: MIT
// Calibration files: what is read, and the exact message for each kind of mistake.
#include <carepath/io/calibration_json.hpp>

#include <carepath/error.hpp>
#include <carepath/io/scenario_json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace carepath::io {
namespace {

constexpr const char* kFigure = R"({ "id": "seen", "figure": "40 seen", "source": "doc.txt:1", "kind": "service",
  "name": "clinic", "metric": "completions", "from": "2024-01-03", "to": "2024-01-12", "statistic": "sum",
  "observed": 40, "tolerance": 2, "why_tolerance": "exact" })";

// The short form of a headline KPI, read at the end of 10 January.
constexpr const char* kKpiFigure = R"({ "id": "waited", "figure": "a day", "source": "doc.txt:2",
  "kpi": "clinic.wait_mean", "at": "2024-01-10", "observed": 1, "tolerance": 0.5, "why_tolerance": "w" })";

// kKpiFigure with `key` set to `value` (JSON text).
std::string kpi_figure_with(const std::string& key, const std::string& value) {
  nlohmann::json f = nlohmann::json::parse(kKpiFigure);
  f[key] = nlohmann::json::parse(value);
  return f.dump();
}

std::string file_with(const std::string& figure) {
  return R"({ "scenario": "clinic.json", "figures": [ )" + figure + " ] }";
}

// A figure with `key` replaced by `value` (JSON text), or removed when `value` is empty.
std::string figure_with(const std::string& key, const std::string& value) {
  nlohmann::json f = nlohmann::json::parse(kFigure);
  if (value.empty()) {
    f.erase(key);
  } else {
    f[key] = nlohmann::json::parse(value);
  }
  return f.dump();
}

std::string error_of(const std::string& text) {
  try {
    (void)parse_calibration(text, "cal.json", "dir");
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CalibrationJsonTest, ReadsAFigure) {
  const CalibrationFile file = parse_calibration(file_with(kFigure), "cal.json", "dir");
  EXPECT_EQ(file.scenario, std::filesystem::path("dir/clinic.json"));
  ASSERT_EQ(file.figures.size(), 1u);
  const run::CalibrationFigure& f = file.figures[0];
  EXPECT_EQ(f.id, "seen");
  EXPECT_EQ(f.kind, stats::TrajectoryKind::Service);
  EXPECT_EQ(f.names, std::vector<std::string>{"clinic"});
  EXPECT_EQ(f.metric, "completions");
  EXPECT_EQ(model::format_date(f.from), "2024-01-03");
  EXPECT_EQ(f.statistic, run::CalibrationStatistic::Sum);
  EXPECT_EQ(f.observed, 40);
  EXPECT_EQ(f.tolerance, 2);
  // Without role, sample and bound: a two-sided in-sample behavioural target of the base run.
  EXPECT_EQ(f.role, run::CalibrationRole::Behaviour);
  EXPECT_EQ(f.sample, run::CalibrationSample::In);
  EXPECT_EQ(f.bound, run::CalibrationBound::TwoSided);
  EXPECT_EQ(f.variant, "");
}

TEST(CalibrationJsonTest, RoleSampleBoundAndVariantAreRead) {
  nlohmann::json figure = nlohmann::json::parse(kFigure);
  figure["role"] = "input_check";
  figure["bound"] = "at_most";
  figure["statistic"] = "max";
  run::CalibrationFigure f = parse_calibration(file_with(figure.dump()), "cal.json", "dir").figures.at(0);
  EXPECT_EQ(f.role, run::CalibrationRole::InputCheck);
  EXPECT_EQ(f.bound, run::CalibrationBound::AtMost);
  EXPECT_EQ(f.statistic, run::CalibrationStatistic::Max);
  figure["statistic"] = "change";
  EXPECT_EQ(parse_calibration(file_with(figure.dump()), "cal.json", "dir").figures.at(0).statistic,
            run::CalibrationStatistic::Change);
  figure["role"] = "behaviour";
  figure["sample"] = "out";
  figure["bound"] = "at_least";
  figure["variant"] = "last_year";
  f = parse_calibration(file_with(figure.dump()), "cal.json", "dir").figures.at(0);
  EXPECT_EQ(f.role, run::CalibrationRole::Behaviour);
  EXPECT_EQ(f.sample, run::CalibrationSample::Out);
  EXPECT_EQ(f.bound, run::CalibrationBound::AtLeast);
  EXPECT_EQ(f.variant, "last_year");
}

TEST(CalibrationJsonTest, AnInputCheckCannotBeOutOfSample) {
  nlohmann::json figure = nlohmann::json::parse(kFigure);
  figure["role"] = "input_check";
  figure["sample"] = "out";
  EXPECT_EQ(error_of(file_with(figure.dump())),
            R"(cal.json: /figures/0/sample: expected "in" or no "sample" for an input check (it echoes an input), got "out")");
  EXPECT_EQ(error_of(file_with(figure_with("role", R"("echo")"))),
            R"(cal.json: /figures/0/role: expected "input_check" or "behaviour", got "echo")");
  EXPECT_EQ(error_of(file_with(figure_with("sample", R"("both")"))),
            R"(cal.json: /figures/0/sample: expected "in" (tuned to) or "out" (out-of-sample), got "both")");
  EXPECT_EQ(error_of(file_with(figure_with("bound", R"("ceiling")"))),
            R"(cal.json: /figures/0/bound: expected "two_sided", "at_most" or "at_least", got "ceiling")");
}

TEST(CalibrationJsonTest, NamesAreRead) {
  const CalibrationFile file =
      parse_calibration(file_with(figure_with("names", R"(["a", "b"])")), "cal.json", "dir");
  EXPECT_EQ(file.figures[0].names, (std::vector<std::string>{"a", "b"}));
}

TEST(CalibrationJsonTest, ErrorsNameThePathTheValueAndTheRule) {
  EXPECT_EQ(error_of(file_with(figure_with("metric", R"("completion")"))),
            "cal.json: /figures/0/metric: unknown service trajectory metric 'completion'; did you mean "
            "'completions'? (known: queue_end, occupancy_mean, arrivals, completions, losses, reneges, "
            "blocked_bed_days, wait_mean, wait_p90, within_target, capacity_mean, present_end, over_target_end, "
            "exit_block_bed_days, delayed_discharge_bed_days)");
  nlohmann::json pathway = nlohmann::json::parse(figure_with("kind", R"("pathway")"));
  pathway["metric"] = "breaches";
  EXPECT_EQ(error_of(file_with(pathway.dump())),
            "cal.json: /figures/0/metric: unknown pathway trajectory metric 'breaches' (known: completions, "
            "time_mean, time_p90, within_target, in_pathway_end, over_target_end)");
  EXPECT_EQ(error_of(file_with(figure_with("statistic", R"("median")"))),
            R"(cal.json: /figures/0/statistic: expected "sum", "mean", "last", "max" or "change", got "median")");
  EXPECT_EQ(error_of(file_with(figure_with("kind", R"("system")"))),
            R"(cal.json: /figures/0/kind: expected "service", "pathway" or "resource" (or, for any other KPI, "kpi" in place of "kind"), got "system")");
  EXPECT_EQ(error_of(file_with(figure_with("to", R"("2024-01-01")"))),
            R"(cal.json: /figures/0/to: expected a date on or after "from" ("2024-01-03"), got "2024-01-01")");
  EXPECT_EQ(error_of(file_with(figure_with("tolerance", "-1"))),
            "cal.json: /figures/0/tolerance: expected a number at least 0 (in the metric's unit), got -1");
  EXPECT_EQ(error_of(file_with(figure_with("observed", ""))),
            "cal.json: /figures/0: missing required key 'observed'");
  EXPECT_EQ(error_of(file_with(figure_with("tolrance", "1"))),
            "cal.json: /figures/0/tolrance: unknown key 'tolrance'; did you mean 'tolerance'? (known: id, figure, "
            "source, kind, name, names, metric, from, \u2026)");
  EXPECT_EQ(error_of(R"({ "scenario": "s.json", "figures": [] })"),
            "cal.json: /figures: expected a non-empty array of figures, got []");
  EXPECT_EQ(error_of(R"({ "figures": [ )" + std::string(kFigure) + " ] }"),
            "cal.json: missing required key 'scenario'");
}

TEST(CalibrationJsonTest, FiguresAreCheckedAgainstTheScenario) {
  const LoadedScenarioSet loaded = parse_scenario_set(R"({ "name": "clinic", "start_date": "2024-01-01",
    "run": { "horizon": "20d", "replications": 1 },
    "arrivals": [ { "name": "referrals", "to": "clinic", "rate": "2/day" } ],
    "services": [ { "name": "clinic", "capacity": 1,
      "service_time": { "distribution": "deterministic", "value": "4h" } } ],
    "variants": [ { "name": "busier", "arrivals": { "referrals": { "scale": 2 } } } ] })", "s.json");
  auto check = [&](const std::string& figure) -> std::string {
    try {
      check_calibration_against(parse_calibration(file_with(figure), "cal.json", "dir"), loaded.base, loaded.variants,
                                "cal.json");
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_EQ(check(kFigure), "(no error)");
  EXPECT_EQ(check(figure_with("name", R"("clinik")")),
            "cal.json: /figures/0/name: unknown service 'clinik'; did you mean 'clinic'? (known: clinic)");
  EXPECT_EQ(check(figure_with("names", R"(["clinic", "ward"])")),
            "cal.json: /figures/0/names/1: unknown service 'ward' (known: clinic)");
  EXPECT_EQ(check(figure_with("to", R"("2024-01-21")")),
            R"(cal.json: /figures/0/to: expected a date within the run ("2024-01-01" to "2024-01-20"), got "2024-01-21")");
  EXPECT_EQ(check(figure_with("variant", R"("busier")")), "(no error)");
  EXPECT_EQ(check(figure_with("variant", R"("busy")")),
            "cal.json: /figures/0/variant: unknown variant 'busy' (known: busier)");
  EXPECT_EQ(check(kKpiFigure), "(no error)");
  // The reason is resolve_kpi's, as for a headline; only its start is this file's.
  EXPECT_EQ(check(kpi_figure_with("kpi", R"("clinik.wait_mean")")).rfind("cal.json: /figures/0/kpi: unknown kind", 0), 0u);
  EXPECT_EQ(check(kpi_figure_with("at", R"("2024-02-01")")),
            R"(cal.json: /figures/0/at: expected a date within the run ("2024-01-01" to "2024-01-20"), got "2024-02-01")");
  const CalibrationFile resolved =
      check_calibration_against(parse_calibration(file_with(kKpiFigure), "cal.json", "dir"), loaded.base,
                                loaded.variants, "cal.json");
  const run::CalibrationFigure& f = resolved.figures.at(0);
  ASSERT_TRUE(f.kpi.has_value());
  EXPECT_EQ(stats::kpi_text(*f.kpi), "service.clinic.wait_mean");  // the short form, resolved
  EXPECT_EQ(model::format_date(f.from), "2024-01-01");
  EXPECT_EQ(model::format_date(f.to), "2024-01-10");
}

TEST(CalibrationJsonTest, AKpiFigureTakesNoDailyKeysAndADayOnlyWithAKpi) {
  const run::CalibrationFigure f = parse_calibration(file_with(kKpiFigure), "cal.json", "dir").figures.at(0);
  EXPECT_EQ(f.statistic, run::CalibrationStatistic::Run);
  ASSERT_TRUE(f.at.has_value());
  EXPECT_EQ(model::format_date(*f.at), "2024-01-10");
  EXPECT_EQ(error_of(file_with(kpi_figure_with("metric", R"("wait_mean")"))),
            "cal.json: /figures/0/metric: is not allowed with \"kpi\": a KPI figure is read from the whole run (or "
            "to \"at\"); kind, name, metric, from, to and statistic are for daily values");
  EXPECT_EQ(error_of(file_with(figure_with("at", R"("2024-01-10")"))),
            "cal.json: /figures/0/at: is allowed only with \"kpi\" (a window of daily values has \"from\" and "
            "\"to\")");
  nlohmann::json pool = nlohmann::json::parse(figure_with("kind", R"("resource")"));
  pool["metric"] = "visits";
  EXPECT_EQ(error_of(file_with(pool.dump())),
            "cal.json: /figures/0/metric: unknown shared pool trajectory metric 'visits' (known: busy_mean, "
            "capacity_mean, visits_delivered, visits_missed, caseload_mean)");
}

}  // namespace
}  // namespace carepath::io
