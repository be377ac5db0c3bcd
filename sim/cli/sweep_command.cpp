// SPDX-License-Identifier: MIT
// `carepath sweep`: one what-if variant per value of --set, each run with the scenario's seed (or
// --seed), so every point sees the same arrivals and service times and the curve is smooth rather
// than noisy. A point meets the goals in a replication when that replication's values satisfy
// every --goal; the answer is the first (smallest) value whose share of such replications reaches
// --share. Output goes to results/<name>-sweep-<PATH>/ (sweep.csv, sweep.json), beside the run's
// results/<name>/ rather than in it: a later `carepath run` replaces its folder whole and would
// delete a sweep inside it, and a sweep creating results/<name>/ first would leave a folder that
// run refuses to replace, as it holds no summary.json.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output_folder.hpp"
#include "cli/sweep.hpp"

#include <carepath/io/provenance.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include "io/atomic_dir.hpp"
#include "io/durable_file.hpp"
#include "io/missing_values.hpp"
#include "io/number_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <new>
#include <ostream>
#include <string>
#include <vector>

namespace carepath::cli {
namespace {

using io::number_or_null;
using nlohmann::ordered_json;

constexpr const char* kSweepCsvFile = "sweep.csv";
constexpr const char* kSweepJsonFile = "sweep.json";  // The file every sweep folder holds.
constexpr double kDefaultShare = 0.9;

struct MetricRow {
  std::string kind;
  std::string name;
  const char* metric;
  const char* unit;
  stats::Estimate estimate;
};

struct Point {
  std::string text;
  double value = 0;
  std::vector<MetricRow> rows;
  double share = std::numeric_limits<double>::quiet_NaN();  ///< Meeting every goal; NaN without goals.
};

// The variant name of one point: "capacity_14". Names allow only [A-Za-z0-9_.-].
std::string point_name(const SweepRange& range, const std::string& text) {
  std::string name = range.key + (range.from_date.empty() ? "" : "_" + range.from_date) + "_" + text;
  for (char& c : name) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                         c == '.' || c == '-';
    if (!allowed) c = '_';
  }
  return name.substr(0, 64);
}

ordered_json sweep_variants(const SweepRange& range) {
  ordered_json variants = ordered_json::array();
  for (std::size_t i = 0; i < range.values.size(); ++i) {
    ordered_json value = range.integers ? ordered_json(static_cast<std::int64_t>(std::llround(range.values[i])))
                                        : ordered_json(range.values[i]);
    ordered_json change = range.from_date.empty()
                              ? ordered_json{{range.key, std::move(value)}}
                              : ordered_json{{"capacity_change", {{"from", range.from_date}, {"capacity", std::move(value)}}}};
    variants.push_back({{"name", point_name(range, range.texts[i])}, {range.part, {{range.name, std::move(change)}}}});
  }
  return variants;
}

// What the points add to the base's warnings, said once each against --set rather than against
// the variants the sweep made up: a flat capacity replacing a roster is the same warning at
// every point.
std::vector<Diagnostic> point_warnings(const io::LoadedScenarioSet& set, const io::LoadedScenario& base,
                                       const SweepRange& range) {
  std::vector<Diagnostic> warnings;
  const std::string where = "--set " + range.path;
  for (const Diagnostic& d : set.warnings) {
    const bool from_base = std::any_of(base.warnings.begin(), base.warnings.end(), [&](const Diagnostic& b) {
      return b.path == d.path && b.message == d.message;
    });
    if (from_base) continue;
    std::string message = d.message;
    // "variant 'capacity_3': ..." names a made-up variant; the point is in the path instead.
    if (message.starts_with("variant '")) {
      const std::size_t end = message.find("': ");
      if (end != std::string::npos) message.erase(0, end + 3);
    }
    const bool repeated = std::any_of(warnings.begin(), warnings.end(),
                                      [&](const Diagnostic& w) { return w.message == message; });
    if (!repeated) warnings.push_back({Severity::Warning, where, std::move(message)});
  }
  return warnings;
}

std::optional<std::size_t> index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

// The replication's value of the goal's metric; NaN when there is nothing to measure.
double goal_value(const Goal& goal, const run::BatchResult& batch, const stats::ReplicationResult& r) {
  if (goal.kind == "system") return r.system.*stats::kSystemMetrics[goal.metric_index].field;
  if (goal.kind == "cost") return r.cost.*stats::kCostMetrics[goal.metric_index].field;
  if (goal.cost && goal.kind == "resource") {
    const auto pool = index_of(batch.labels.resources, goal.name);
    return pool && *pool < r.resource_costs.size()
               ? r.resource_costs[*pool].*stats::kCostMetrics[goal.metric_index].field
               : std::nan("");
  }
  if (goal.cost) {
    const auto s = index_of(batch.labels.services, goal.name);
    return s && *s < r.service_costs.size() ? r.service_costs[*s].*stats::kCostMetrics[goal.metric_index].field
                                            : std::nan("");
  }
  if (goal.kind == "service") {
    const auto s = index_of(batch.labels.services, goal.name);
    return s ? r.services[*s].*stats::kServiceMetrics[goal.metric_index].field : std::nan("");
  }
  if (goal.kind == "resource") {
    const auto pool = index_of(batch.labels.resources, goal.name);
    return pool ? r.resources[*pool].*stats::kResourceMetrics[goal.metric_index].field : std::nan("");
  }
  if (goal.kind == "clinic") {
    const auto clinic = index_of(batch.labels.clinics, goal.name);
    return clinic ? r.clinics[*clinic].*stats::kClinicMetrics[goal.metric_index].field : std::nan("");
  }
  const auto p = index_of(batch.labels.pathways, goal.name);
  return p ? r.pathways[*p].*stats::kPathwayMetrics[goal.metric_index].field : std::nan("");
}

double share_meeting(const std::vector<Goal>& goals, const run::BatchResult& batch) {
  if (goals.empty() || batch.replications.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::size_t met = 0;
  for (const stats::ReplicationResult& r : batch.replications) {
    // NaN meets no goal: a replication with nothing to measure cannot show the goal is met.
    const bool all = std::all_of(goals.begin(), goals.end(),
                                 [&](const Goal& g) { return g.met_by(goal_value(g, batch, r)); });
    if (all) ++met;
  }
  return static_cast<double>(met) / static_cast<double>(batch.replications.size());
}

std::vector<MetricRow> metric_rows(const run::BatchResult& batch) {
  std::vector<MetricRow> rows;
  for (const stats::ServiceSummary& s : batch.summary.services) {
    for (std::size_t m = 0; m < stats::kServiceMetrics.size(); ++m) {
      rows.push_back({"service", s.name, stats::kServiceMetrics[m].name, stats::kServiceMetrics[m].unit, s.metrics[m]});
    }
  }
  for (std::size_t m = 0; m < stats::kSystemMetrics.size(); ++m) {
    rows.push_back({"system", "system", stats::kSystemMetrics[m].name, stats::kSystemMetrics[m].unit,
                    batch.summary.system[m]});
  }
  for (const stats::PathwaySummary& p : batch.summary.pathways) {
    for (std::size_t m = 0; m < stats::kPathwayMetrics.size(); ++m) {
      rows.push_back({"pathway", p.name, stats::kPathwayMetrics[m].name, stats::kPathwayMetrics[m].unit, p.metrics[m]});
    }
  }
  // Costs under the names their KPIs have: cost.METRIC for the total, service.NAME.cost_METRIC,
  // resource.NAME.cost_METRIC.
  const auto cost_rows = [&](const stats::CostSummary& c, const auto& table) {
    for (const auto& metric : table) {
      rows.push_back({c.kind, c.name, metric.name, metric.unit, c.metrics[stats::cost_metric_index(metric.field)]});
    }
  };
  for (const stats::CostSummary& c : batch.summary.costs) {
    if (c.kind == "service") {
      cost_rows(c, stats::kServiceCostMetrics);
    } else if (c.kind == "resource") {
      cost_rows(c, stats::kResourceCostMetrics);
    } else {
      cost_rows(c, stats::kCostMetrics);
    }
  }
  for (const stats::ResourceSummary& pool : batch.summary.resources) {
    for (std::size_t m = 0; m < stats::kResourceMetrics.size(); ++m) {
      rows.push_back({"resource", pool.name, stats::kResourceMetrics[m].name, stats::kResourceMetrics[m].unit,
                      pool.metrics[m]});
    }
  }
  return rows;
}

const MetricRow* find_row(const Point& point, const std::string& kind, const std::string& name,
                          const std::string& metric) {
  for (const MetricRow& row : point.rows) {
    if (row.kind == kind && row.name == name && metric == row.metric) return &row;
  }
  return nullptr;
}

std::string percent(double share) { return io::format_fixed(share * 100, 0) + "%"; }

// "Smallest services.x.capacity meeting every goal in >= 90% of replications: 14", or why none does.
// How far a point's means fall short of the goals, each gap relative to its goal's value, summed:
// 0 when every mean meets its goal.
double goal_shortfall(const std::vector<Goal>& goals, const Point& point) {
  double total = 0;
  for (const Goal& goal : goals) {
    const auto row = std::find_if(point.rows.begin(), point.rows.end(), [&](const MetricRow& r) {
      return r.kind == goal.kind && r.name == goal.name && goal.metric == r.metric;
    });
    if (row == point.rows.end() || !std::isfinite(row->estimate.mean)) {
      total += 1;  // Nothing measured: as far from the goal as a gap of the goal's own size.
      continue;
    }
    if (goal.met_by(row->estimate.mean)) continue;
    total += std::abs(row->estimate.mean - goal.value) / std::max(std::abs(goal.value), 1e-9);
  }
  return total;
}

std::string answer(const SweepRange& range, const std::vector<Goal>& goals, const std::vector<Point>& points,
                   double share) {
  const std::string threshold = ">= " + percent(share) + " of replications";
  for (const Point& point : points) {
    if (point.share >= share) return "Smallest " + range.path + " meeting every goal in " + threshold + ": " + point.text;
  }
  // Closest to meeting the goals: the largest share of replications meeting them, and among equal
  // shares (often all 0%) the smallest shortfall of the means from the goals.
  const auto best = std::min_element(points.begin(), points.end(), [&](const Point& a, const Point& b) {
    if (a.share != b.share) return a.share > b.share;
    return goal_shortfall(goals, a) < goal_shortfall(goals, b);
  });
  return "No value in " + points.front().text + ".." + points.back().text + " meets every goal in " + threshold +
         " (closest: " + best->text + ", " + percent(best->share) + ")";
}

void write_csv(const std::vector<Point>& points, std::ostream& out) {
  out << "value,kind,name,metric,unit,mean,ci_low,ci_high,share_meeting_goals\n";
  for (const Point& point : points) {
    for (const MetricRow& row : point.rows) {
      out << point.text << ',' << row.kind << ',' << row.name << ',' << row.metric << ',' << row.unit << ','
          << io::format_shortest(row.estimate.mean) << ',' << io::format_shortest(row.estimate.ci_low) << ','
          << io::format_shortest(row.estimate.ci_high) << ',' << io::format_shortest(point.share) << '\n';
    }
  }
}


ordered_json sweep_json(const std::string& scenario, const SweepRange& range, const std::vector<Goal>& goals,
                        double share, std::uint64_t seed, std::size_t replications, const std::vector<Point>& points,
                        const std::string& sentence) {
  ordered_json goal_texts = ordered_json::array();
  for (const Goal& g : goals) goal_texts.push_back(g.text);
  ordered_json point_list = ordered_json::array();
  for (const Point& point : points) {
    ordered_json metrics = ordered_json::array();
    for (const MetricRow& row : point.rows) {
      metrics.push_back({{"kind", row.kind},
                         {"name", row.name},
                         {"metric", row.metric},
                         {"unit", row.unit},
                         {"mean", number_or_null(row.estimate.mean)},
                         {"ci95", {number_or_null(row.estimate.ci_low), number_or_null(row.estimate.ci_high)}},
                         {"n", row.estimate.n}});
      if (std::string note = io::missing_note(row.estimate); !note.empty()) metrics.back()["note"] = std::move(note);
    }
    point_list.push_back({{"value", range.integers ? ordered_json(std::llround(point.value)) : ordered_json(point.value)},
                          {"share_meeting_goals", number_or_null(point.share)},
                          {"metrics", std::move(metrics)}});
  }
  return ordered_json{{"scenario", scenario},
                      {"set", range.path},
                      {"seed", seed},
                      {"replications", replications},
                      {"goals", std::move(goal_texts)},
                      {"share", goals.empty() ? ordered_json(nullptr) : ordered_json(share)},
                      {"answer", sentence.empty() ? ordered_json(nullptr) : ordered_json(sentence)},
                      {"points", std::move(point_list)}};
}

// The console table: one row per value; columns the goal metrics (mean [CI]) and the share, or,
// without goals, the swept service's wait_mean and utilisation (a swept pool's utilisation and the
// waits it caused; the system's time in system for a source).
void print_table(const SweepRange& range, const std::vector<Goal>& goals, const std::vector<Point>& points,
                 std::ostream& out) {
  struct Column {
    std::string kind, name, metric;
  };
  std::vector<Column> columns;
  for (const Goal& g : goals) columns.push_back({g.kind, g.name, g.metric});
  if (goals.empty() && range.part == "services") {
    columns.push_back({"service", range.name, "wait_mean"});
    columns.push_back({"service", range.name, "utilisation"});
  } else if (goals.empty() && range.part == "resources") {
    columns.push_back({"resource", range.name, "utilisation"});
    columns.push_back({"resource", range.name, "delayed_wait_mean"});
  } else if (goals.empty()) {
    columns.push_back({"system", "system", "time_in_system_mean"});
  }
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header{range.key};
  for (const Column& c : columns) {
    header.push_back(c.kind == "system" || c.kind == "cost" ? c.kind + "." + c.metric : c.name + "." + c.metric);
  }
  if (!goals.empty()) header.emplace_back("meeting goals");
  table.push_back(header);
  for (const Point& point : points) {
    std::vector<std::string> cells{point.text};
    for (const Column& c : columns) {
      const MetricRow* row = find_row(point, c.kind, c.name, c.metric);
      cells.push_back(row == nullptr ? "-"
                                     : io::format_fixed(row->estimate.mean, 3) + " [" +
                                           io::format_fixed(row->estimate.ci_low, 3) + ", " +
                                           io::format_fixed(row->estimate.ci_high, 3) + "]");
    }
    if (!goals.empty()) cells.push_back(percent(point.share));
    table.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& row : table) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : table) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out << (i == 0 ? "" : "  ") << row[i] << (i + 1 == row.size() ? "" : std::string(widths[i] - row[i].size(), ' '));
    }
    out << '\n';
  }
}

}  // namespace

int sweep_command(const Options& options, std::ostream& out, std::ostream& err) {
  // The base first, to check the names in --set and --goal against it.
  const io::LoadedScenario base = io::load_scenario(options.scenario);
  report_warnings(options, options.scenario.string(), base.warnings, err);
  const SweepRange range = parse_sweep_range(options.set, base.scenario);
  std::vector<Goal> goals;
  for (const std::string& text : options.goals) goals.push_back(parse_goal(text, base.scenario));
  const double share = options.share.value_or(kDefaultShare);

  const std::filesystem::path dir = options.out.value_or(std::filesystem::path("results") /
                                                         (base.scenario.name + "-sweep-" + range.path));
  prepare_output_folder(dir, kSweepJsonFile, err);

  // Every point is checked by the loader before any is run: a value the format refuses (a
  // capacity of 0, a negative scale) is reported at once, as "variant 'capacity_0': ...".
  const io::LoadedScenarioSet set = io::load_scenario_set(options.scenario, sweep_variants(range).dump());
  report_warnings(options, options.scenario.string(), point_warnings(set, base, range), err);

  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.seed = options.seed.value_or(base.scenario.run.seed);
  batch.threads = options.threads.value_or(0);
  batch.trajectories = false;  // the sweep tabulates whole-run values only
  batch.fixed_replications = true;  // every point the same replications, even with run.precision
  batch.stop = &install_interrupt_handler();
  std::vector<Point> points;
  std::size_t replications = 0;
  unsigned threads = 0;
  for (std::size_t i = 0; i < set.variants.size(); ++i) {
    const run::BatchResult result = [&] {
      try {
        return run::run_batch(set.variants[i].scenario, batch);
      } catch (const std::bad_alloc&) {
        throw out_of_memory("simulating", set.variants[i].scenario,
                            batch.replications.value_or(set.variants[i].scenario.run.replications), 1,
                            batch.trajectories);
      }
    }();
    replications = result.replications.size();
    warn_about_non_finite(result, "value " + range.texts[i] + ": ", err);
    threads = result.threads;
    points.push_back({range.texts[i], range.values[i], metric_rows(result), share_meeting(goals, result)});
  }
  const std::string sentence = goals.empty() ? "" : answer(range, goals, points, share);

  write_output(dir, [&] {
    io::AtomicDir folder(dir, kSweepJsonFile, batch.stop);
    {
      io::DurableFile csv(folder.staging() / kSweepCsvFile);
      write_csv(points, csv.stream());
      csv.close();
      io::DurableFile json(folder.staging() / kSweepJsonFile);
      json.stream() << sweep_json(base.scenario.name, range, goals, share, *batch.seed, replications, points, sentence)
                           .dump(2)
                    << '\n';
      json.close();
      io::write_provenance(folder.staging(),
                           io::make_provenance(options.scenario, set.text, set.csv_files, options.command_line),
                           {{"seed", *batch.seed}, {"replications", replications}, {"threads", threads}});
    }
    folder.commit();
  });

  if (!options.quiet) {
    print_table(range, goals, points, out);
    if (!sentence.empty()) out << sentence << '\n';
    err << "wrote " << dir.string() << '\n';
  }
  return kSuccess;
}

}  // namespace carepath::cli
