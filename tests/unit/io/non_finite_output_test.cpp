// SPDX-License-Identifier: MIT
// The writers' last line of defence (io/missing_values.hpp, io/number_format.hpp): whatever
// the statistics hold (NaN, +inf, -inf, values beyond a float's range), no results file ever
// says "nan" or "inf"; a CSV cell is empty, a JSON value null with a "note" saying why, and
// non_finite_warnings names each metric that had values but came out not finite. The results
// here are made by hand, every number of them non-finite or huge, for the base, a variant and
// their comparison.
#include <carepath/io/number_format.hpp>
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_writer.hpp>

#include "io/missing_values.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <chrono>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "scratch_dir.hpp"

namespace carepath::io {
namespace {

namespace fs = std::filesystem;
using carepath::testing::ScratchDir;
using ::testing::Contains;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kHuge = 1e300;  // finite, but no float holds it

// The estimates an overflow gives: an infinite mean, a NaN spread; and the other oddities.
stats::Estimate overflowed() { return {kInf, kNaN, kNaN, kNaN, 1e308, kInf, 2}; }
stats::Estimate negative_overflow() { return {-kInf, kNaN, -kInf, kInf, -kInf, 0, 3}; }
stats::Estimate nothing() { return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, 0}; }
stats::Estimate single() { return {kHuge, kNaN, kHuge, kHuge, kHuge, kHuge, 1}; }

model::Scenario scenario() {
  model::Scenario s;
  s.name = "odd";
  s.run.horizon = 3;
  s.run.replications = 2;
  s.start_date = model::Date{2024y, std::chrono::January, 1d};
  return s;
}

stats::TrajectoryBands bands(std::size_t cells) {
  stats::TrajectoryBands b;
  const std::vector<double> odd{kInf, -kInf, kNaN, kHuge, -kHuge};
  for (auto* v : {&b.mean, &b.p5, &b.p25, &b.p50, &b.p75, &b.p95}) {
    for (std::size_t i = 0; i < cells; ++i) v->push_back(odd[i % odd.size()]);
  }
  b.n.assign(cells, 2);
  return b;
}

run::BatchResult odd_result() {
  run::BatchResult result;
  result.scenario_name = "odd";
  result.labels.services = {"ward"};
  result.labels.pathways = {"stroke"};
  result.labels.pathway_targets = {kInf};
  result.labels.patient_types = {"adult", "child"};
  for (int rep = 0; rep < 2; ++rep) {
    stats::ReplicationResult r;
    r.services.resize(1);
    r.pathways.resize(1);
    r.by_type.resize(2);
    for (const auto& m : stats::kServiceMetrics) r.services[0].*m.field = rep == 0 ? kInf : -kInf;
    for (const auto& m : stats::kSystemMetrics) r.system.*m.field = kNaN;
    for (const auto& m : stats::kPathwayMetrics) r.pathways[0].*m.field = kHuge * 1e10;
    for (auto& t : r.by_type) {
      for (const auto& m : stats::kTypeServiceMetrics) t.*m.field = -kInf;
    }
    result.replications.push_back(r);
  }
  stats::ServiceSummary service;
  service.name = "ward";
  for (std::size_t i = 0; i < service.metrics.size(); ++i) {
    service.metrics[i] = i % 4 == 0 ? overflowed() : i % 4 == 1 ? negative_overflow() : i % 4 == 2 ? nothing() : single();
  }
  result.summary.services.push_back(service);
  for (auto& e : result.summary.system) e = overflowed();
  stats::PathwaySummary pathway;
  pathway.name = "stroke";
  pathway.target = kInf;
  for (auto& e : pathway.metrics) e = negative_overflow();
  result.summary.pathways.push_back(pathway);
  for (const char* type : {"adult", "child"}) {
    stats::TypeServiceSummary row;
    row.patient_type = type;
    row.service = "ward";
    for (auto& e : row.metrics) e = overflowed();
    result.summary.by_type.push_back(row);
  }
  result.trajectories.calendar = stats::trajectory_calendar(scenario().start_date, 3);
  for (const auto& m : stats::kServiceTrajectoryMetrics) {
    result.trajectories.series.push_back({stats::TrajectoryKind::Service, "ward", m.name, m.unit});
  }
  const std::size_t series = result.trajectories.series.size();
  result.trajectories.days = bands(3 * series);
  result.trajectories.period = model::TrajectoryPeriod::Day;
  result.trajectories.weeks = bands(std::size_t{result.trajectories.calendar.weeks()} * series);
  return result;
}

run::ComparisonResult odd_comparison() {
  run::ComparisonResult comparison;
  comparison.base = odd_result();
  comparison.variants.push_back({"more", odd_result()});
  run::VariantDifferences differences{"more", {}, {}};
  for (const stats::Estimate& e : {overflowed(), negative_overflow(), nothing(), single()}) {
    differences.differences.push_back({"service", "ward", "wait_mean", "days", kInf, -kInf, e});
  }
  comparison.differences.push_back(differences);
  return comparison;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "nan", "inf", "-inf", "infinity" as a word of their own (a cell, a JSON value), any case.
const std::regex kNonFiniteText(R"((^|[^A-Za-z_])-?(nan|inf|infinity)([^A-Za-z_]|$))", std::regex::icase);

std::vector<fs::path> files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  return files;
}

TEST(NonFiniteOutputTest, NumbersAreNeverWrittenAsNanOrInf) {
  for (const double v : {kNaN, kInf, -kInf}) {
    EXPECT_EQ(format_shortest(v), "") << v;
    EXPECT_EQ(format_fixed(v, 2), "-") << v;
  }
}

TEST(NonFiniteOutputTest, NoResultsFileSaysNanOrInf) {
  ScratchDir scratch;
  const model::Scenario base = scenario();
  model::ScenarioVariant variant{"more", "", {}, {}, scenario()};
  write_results(base, {variant}, odd_comparison(), scratch.path() / "out");
  const std::vector<fs::path> files = files_under(scratch.path() / "out");
  ASSERT_GE(files.size(), 20U);  // base, variant and comparison files, the report, the marker
  for (const fs::path& file : files) {
    if (file.filename() == kReportHtmlFile) continue;  // its script names Infinity and NaN itself; checked below
    const std::string text = read_text(file);
    std::smatch found;
    EXPECT_FALSE(std::regex_search(text, found, kNonFiniteText)) << file << ": '" << found.str() << "'";
  }
}

// The report shows numbers through report_format.cpp; a missing one is a dash, never "nan".
TEST(NonFiniteOutputTest, ReportShowsNoNanOrInf) {
  ScratchDir scratch;
  write_results(scenario(), odd_result(), scratch.path() / "out");
  const std::string html = read_text(scratch.path() / "out" / kReportHtmlFile);
  for (const char* bad : {">nan", ">inf", ">-inf", "nan<", "inf<", "nan%", "inf%", "\"nan\"", "\"inf\""}) {
    EXPECT_THAT(html, ::testing::Not(HasSubstr(bad))) << bad;
  }
}

TEST(NonFiniteOutputTest, EveryNullInSummaryJsonHasANote) {
  ScratchDir scratch;
  write_results(scenario(), odd_result(), scratch.path() / "out");
  const nlohmann::json summary = nlohmann::json::parse(read_text(scratch.path() / "out" / kSummaryJsonFile));
  const nlohmann::json& metrics = summary.at("services").at(0).at("metrics");
  EXPECT_EQ(metrics.at("arrivals").at("note"), "not a finite number: a replication's value was infinite or undefined");
  EXPECT_EQ(metrics.at("completions").at("note"), "not a finite number: a replication's value was infinite or undefined");
  EXPECT_EQ(metrics.at("losses").at("note"), "nothing to measure: no replication had a value");
  EXPECT_EQ(metrics.at("diverted").at("note"), "one replication with a value: no standard deviation");
  EXPECT_EQ(metrics.at("diverted").at("mean"), kHuge);
  std::size_t nulls_without_note = 0;
  const auto check = [&](const nlohmann::json& estimate) {
    bool has_null = estimate.at("mean").is_null() || estimate.at("sd").is_null() || estimate.at("min").is_null() ||
                    estimate.at("max").is_null() || estimate.at("ci95").at(0).is_null() ||
                    estimate.at("ci95").at(1).is_null();
    if (has_null && !estimate.contains("note")) ++nulls_without_note;
  };
  for (const auto& [name, estimate] : metrics.items()) check(estimate);
  for (const auto& [name, estimate] : summary.at("system").items()) check(estimate);
  EXPECT_EQ(nulls_without_note, 0U);
}

TEST(NonFiniteOutputTest, TrajectoryAndComparisonNullsHaveANote) {
  ScratchDir scratch;
  model::ScenarioVariant variant{"more", "", {}, {}, scenario()};
  write_results(scenario(), {variant}, odd_comparison(), scratch.path() / "out");
  const nlohmann::json trajectories =
      nlohmann::json::parse(read_text(scratch.path() / "out" / kTrajectoriesJsonFile));
  EXPECT_THAT(trajectories.at("series").at(0).at("day").at("note").get<std::string>(), HasSubstr("not finite"));
  // Cell i holds the i % 5th odd value, so series 3 (of 15) holds kHuge on every day.
  ASSERT_EQ(stats::kServiceTrajectoryMetrics.size(), 15U);
  EXPECT_EQ(trajectories.at("series").at(3).at("day").at("mean").at(0), kHuge);  // kept, not made a float inf
  const nlohmann::json comparison = nlohmann::json::parse(read_text(scratch.path() / "out" / kComparisonJsonFile));
  for (const auto& difference : comparison.at("variants").at(0).at("differences")) {
    EXPECT_TRUE(difference.contains("note")) << difference.dump();
  }
}

TEST(NonFiniteOutputTest, WarningsNameEachMetricThatOverflowed) {
  const std::vector<std::string> warnings = non_finite_warnings(odd_result());
  EXPECT_THAT(warnings, Contains("service 'ward', arrivals: values are not finite numbers (infinite or undefined); "
                                 "written as empty CSV cells and JSON null"));
  EXPECT_THAT(warnings, Contains(HasSubstr("system, ")));
  EXPECT_THAT(warnings, Contains(HasSubstr("pathway 'stroke', ")));
  EXPECT_THAT(warnings, Contains(HasSubstr("patient type 'child' at service 'ward', ")));
  EXPECT_THAT(warnings, Contains(HasSubstr("trajectory of service 'ward', ")));
  // Nothing to measure and a single replication are normal, not warned about.
  EXPECT_THAT(warnings, ::testing::Not(Contains(HasSubstr("'ward', losses:"))));
  EXPECT_THAT(warnings, ::testing::Not(Contains(HasSubstr("'ward', diverted:"))));
}

}  // namespace
}  // namespace carepath::io
