// SPDX-License-Identifier: MIT
// `carepath sweep`: one what-if variant per point, each run with the scenario's seed (or --seed),
// so every point sees the same arrivals and service times and the curve is smooth rather than
// noisy. A point is a value of one --set key, a point of the full grid of several --set keys, or a
// row of --points FILE.csv. Each point's goals, cost and the answer (the cheapest point meeting
// every goal, its runner-up and their paired difference) are worked out by run/sweep.hpp, the points
// and goals parsed by io/sweep_options.hpp.
// Output goes to results/<name>-sweep-<PATH>/ (sweep.csv, sweep.json), beside the run's
// results/<name>/ rather than in it: a later `carepath run` replaces its folder whole and would
// delete a sweep inside it, and a sweep creating results/<name>/ first would leave a folder that
// run refuses to replace, as it holds no summary.json.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/json_figures.hpp"
#include "cli/output_folder.hpp"

#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/durable_file.hpp>
#include <carepath/io/missing_notes.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/io/provenance.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/io/sweep_options.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/sweep.hpp>
#include <carepath/stats/results.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <new>
#include <ostream>
#include <string>
#include <vector>

namespace carepath::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kSweepCsvFile = "sweep.csv";
constexpr const char* kSweepJsonFile = "sweep.json";  // The file every sweep folder holds.
constexpr double kDefaultShare = 0.9;

using run::Goal;
using run::KeyPrice;
using run::SweepChoice;
using run::SweepGrid;
using run::SweepRange;
using run::SweepRule;
using Point = run::SweepPoint;
using MetricRow = run::SweepMetric;

const MetricRow* find_row(const Point& point, const std::string& kind, const std::string& name,
                          const std::string& metric) {
  for (const MetricRow& row : point.metrics) {
    if (row.kind == kind && row.name == name && metric == row.metric) return &row;
  }
  return nullptr;
}

std::string percent(double share) { return io::format_fixed(share * 100, 0) + "%"; }

// "services.a.capacity=3, services.b.capacity=4"; one key's point is its value alone.
std::string point_text(const SweepGrid& grid, const Point& point) {
  if (grid.keys.size() == 1) return point.texts.front();
  std::string text;
  for (std::size_t k = 0; k < grid.keys.size(); ++k) text += (k == 0 ? "" : ", ") + grid.keys[k].path + "=" + point.texts[k];
  return text;
}

std::string money(double x) { return io::format_fixed(x, 2); }

std::string with_cost(const Point& point) {
  return point.verdict.cost.n == 0 ? "" : " (cost " + money(point.verdict.cost.mean) + ")";
}

// "Smallest services.x.capacity meeting every goal in >= 90% of replications: 14", the cheapest
// point of a grid or a costed sweep, or why none meets the goals.
std::string answer(const SweepGrid& grid, const std::vector<Goal>& goals, const SweepRule& rule,
                   const std::vector<Point>& points, const SweepChoice& choice) {
  const bool costed = points.front().verdict.cost.n > 0;
  const std::string rule_text = io::sweep_rule_text(rule, goals.size());
  if (choice.chosen) {
    const Point& point = points[*choice.chosen];
    if (costed) return "Cheapest point meeting every goal " + rule_text + ": " + point_text(grid, point) + with_cost(point);
    const bool from_file = grid.source.starts_with("--points");
    if (grid.keys.size() == 1 && !from_file) {
      return "Smallest " + grid.keys.front().path + " meeting every goal " + rule_text + ": " + point_text(grid, point);
    }
    return std::string(from_file ? "First row of the points file" : "First point in grid order") +
           " meeting every goal " + rule_text + ": " + point_text(grid, point);
  }
  const Point& closest = points[choice.closest];
  const std::string share = rule.confidence ? "" : ", " + percent(closest.verdict.share);
  if (grid.keys.size() == 1 && grid.source.starts_with("--set")) {
    return "No value in " + points.front().texts.front() + ".." + points.back().texts.front() + " meets every goal " +
           rule_text + " (closest: " + point_text(grid, closest) + share + ")";
  }
  return "No point meets every goal " + rule_text + " (closest: " + point_text(grid, closest) + share + ")";
}

std::string estimate_text(const stats::Estimate& e) {
  return io::format_fixed(e.mean, 3) + " [" + io::format_fixed(e.ci_low, 3) + ", " + io::format_fixed(e.ci_high, 3) + "]";
}

// "Runner-up: ...; runner-up - cheapest, paired over 200 replications: cost 10.00 [..]; goal ..."
std::string runner_up_text(const SweepGrid& grid, const std::vector<Goal>& goals, const std::vector<Point>& points,
                           const SweepChoice& choice, std::size_t replications) {
  if (!choice.chosen) return "";
  if (!choice.runner_up) return "Runner-up: none (no other point meets every goal)";
  const Point& runner_up = points[*choice.runner_up];
  std::string text = "Runner-up: " + point_text(grid, runner_up) + with_cost(runner_up) + "; runner-up - chosen, paired over " +
                     std::to_string(replications) + " replications (95% CI):";
  if (choice.cost_difference.n > 0) text += " cost " + estimate_text(choice.cost_difference) + ";";
  for (std::size_t g = 0; g < goals.size(); ++g) {
    const Goal& goal = goals[g];
    const std::string name = goal.kind == "system" || goal.kind == "cost" ? goal.kind + "." + goal.metric
                                                                          : goal.kind + "." + goal.name + "." + goal.metric;
    text += " " + name + " " + estimate_text(choice.goal_differences[g]) + (g + 1 == goals.size() ? "" : ";");
  }
  return text;
}

// One column per key ("value" when there is one, as before grids), then the metric's row.
void write_csv(const SweepGrid& grid, const std::vector<Point>& points, std::ostream& out) {
  if (grid.keys.size() == 1) {
    out << "value";
  } else {
    for (std::size_t k = 0; k < grid.keys.size(); ++k) out << (k == 0 ? "" : ",") << grid.keys[k].path;
  }
  out << ",kind,name,metric,unit,mean,ci_low,ci_high,share_meeting_goals\n";
  for (const Point& point : points) {
    std::string values;
    for (std::size_t k = 0; k < point.texts.size(); ++k) values += (k == 0 ? "" : ",") + point.texts[k];
    for (const MetricRow& row : point.metrics) {
      out << values << ',' << row.kind << ',' << row.name << ',' << row.metric << ',' << row.unit << ','
          << io::format_shortest(row.estimate.mean) << ',' << io::format_shortest(row.estimate.ci_low) << ','
          << io::format_shortest(row.estimate.ci_high) << ',' << io::format_shortest(point.verdict.share) << '\n';
    }
  }
}

ordered_json number_json(const SweepRange& key, double value) {
  return key.integers ? ordered_json(std::llround(value)) : ordered_json(value);
}

struct SweepSettings {
  std::string scenario;
  std::vector<Goal> goals;
  SweepRule rule;
  std::vector<KeyPrice> prices;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
};

ordered_json sweep_json(const SweepGrid& grid, const SweepSettings& settings, const std::vector<Point>& points,
                        const SweepChoice& choice, const std::string& sentence, const std::string& runner_up) {
  ordered_json goal_texts = ordered_json::array();
  for (const Goal& g : settings.goals) goal_texts.push_back(g.text);
  ordered_json keys = ordered_json::array();
  for (const SweepRange& key : grid.keys) keys.push_back(key.path);
  ordered_json point_list = ordered_json::array();
  for (const Point& point : points) {
    ordered_json metrics = ordered_json::array();
    for (const MetricRow& row : point.metrics) {
      metrics.push_back({{"kind", row.kind},
                         {"name", row.name},
                         {"metric", row.metric},
                         {"unit", row.unit},
                         {"mean", number_or_null(row.estimate.mean)},
                         {"ci95", {number_or_null(row.estimate.ci_low), number_or_null(row.estimate.ci_high)}},
                         {"n", row.estimate.n}});
      if (std::string note = io::missing_note(row.estimate); !note.empty()) metrics.back()["note"] = std::move(note);
    }
    ordered_json values = ordered_json::object();
    for (std::size_t k = 0; k < grid.keys.size(); ++k) values[grid.keys[k].path] = number_json(grid.keys[k], point.values[k]);
    ordered_json entry = ordered_json::object();
    if (grid.keys.size() == 1) entry["value"] = number_json(grid.keys.front(), point.values.front());
    entry["values"] = std::move(values);
    entry["share_meeting_goals"] = number_or_null(point.verdict.share);
    if (!settings.goals.empty()) entry["meets_goals"] = point.verdict.meets;
    entry["cost"] = point.verdict.cost.n > 0 ? estimate_json(point.verdict.cost) : ordered_json(nullptr);
    entry["metrics"] = std::move(metrics);
    point_list.push_back(std::move(entry));
  }
  ordered_json prices = ordered_json::object();
  for (const KeyPrice& p : settings.prices) prices[grid.keys[p.key].path] = p.price;
  const bool costed = !points.empty() && points.front().verdict.cost.n > 0;
  ordered_json differences = ordered_json::array();
  if (choice.runner_up) {
    const auto difference = [&](const std::string& of, const stats::Estimate& e) {
      ordered_json row{{"of", of}};
      row.update(estimate_json(e));
      differences.push_back(std::move(row));
    };
    if (choice.cost_difference.n > 0) difference("cost", choice.cost_difference);
    for (std::size_t g = 0; g < settings.goals.size(); ++g) difference(settings.goals[g].text, choice.goal_differences[g]);
  }
  const auto index_json = [](const std::optional<std::size_t>& p) { return p ? ordered_json(*p) : ordered_json(nullptr); };
  ordered_json out{{"scenario", settings.scenario}};
  if (grid.keys.size() == 1 && grid.source.starts_with("--set")) out["set"] = grid.keys.front().path;
  out["keys"] = std::move(keys);
  out["seed"] = settings.seed;
  out["replications"] = settings.replications;
  out["goals"] = std::move(goal_texts);
  out["share"] = settings.goals.empty() || settings.rule.confidence ? ordered_json(nullptr) : ordered_json(settings.rule.level);
  out["rule"] = settings.goals.empty() ? ordered_json(nullptr)
                                       : ordered_json{{"kind", settings.rule.confidence ? "confidence" : "share"},
                                                      {"level", settings.rule.level},
                                                      {"text", io::sweep_rule_text(settings.rule, settings.goals.size())}};
  out["cost"] = !costed                    ? ordered_json(nullptr)
                : settings.prices.empty() ? ordered_json{{"from", "cost.total"}}
                                          : ordered_json{{"from", "--cost"}, {"per_unit", std::move(prices)}};
  out["answer"] = sentence.empty() ? ordered_json(nullptr) : ordered_json(sentence);
  out["chosen"] = index_json(choice.chosen);
  out["runner_up"] = index_json(choice.runner_up);
  out["closest"] = settings.goals.empty() || choice.chosen ? ordered_json(nullptr) : ordered_json(choice.closest);
  out["runner_up_text"] = runner_up.empty() ? ordered_json(nullptr) : ordered_json(runner_up);
  out["difference"] = std::move(differences);  // runner-up - chosen, paired
  out["points"] = std::move(point_list);
  return out;
}

// The console table: one row per point; columns the keys, the goal metrics (mean [CI]), the
// cost and the share, or, without goals, a one-key sweep's service's wait_mean and utilisation (a
// swept pool's utilisation and the waits it caused; the system's time in system for a source).
void print_table(const SweepGrid& grid, const std::vector<Goal>& goals, const SweepRule& rule,
                 const std::vector<Point>& points, std::ostream& out) {
  struct Column {
    std::string kind, name, metric;
  };
  std::vector<Column> columns;
  for (const Goal& g : goals) columns.push_back({g.kind, g.name, g.metric});
  const SweepRange& first = grid.keys.front();
  if (goals.empty() && grid.keys.size() == 1 && first.part == "services") {
    columns.push_back({"service", first.name, "wait_mean"});
    columns.push_back({"service", first.name, "utilisation"});
  } else if (goals.empty() && grid.keys.size() == 1 && first.part == "resources") {
    columns.push_back({"resource", first.name, "utilisation"});
    columns.push_back({"resource", first.name, "delayed_wait_mean"});
  } else if (goals.empty()) {
    columns.push_back({"system", "system", "time_in_system_mean"});
  }
  const bool costed = points.front().verdict.cost.n > 0;
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header;
  for (const SweepRange& key : grid.keys) header.push_back(grid.keys.size() == 1 ? key.key : key.name + "." + key.key);
  for (const Column& c : columns) {
    header.push_back(c.kind == "system" || c.kind == "cost" ? c.kind + "." + c.metric : c.name + "." + c.metric);
  }
  if (costed) header.emplace_back("cost");
  if (!goals.empty()) header.emplace_back("meeting goals");
  table.push_back(header);
  for (const Point& point : points) {
    std::vector<std::string> cells = point.texts;
    for (const Column& c : columns) {
      const MetricRow* row = find_row(point, c.kind, c.name, c.metric);
      cells.push_back(row == nullptr ? "-" : estimate_text(row->estimate));
    }
    if (costed) cells.push_back(money(point.verdict.cost.mean));
    // Under the confidence rule the share does not decide, so the verdict is shown beside it.
    if (!goals.empty()) {
      cells.push_back(percent(point.verdict.share) + (!rule.confidence ? "" : point.verdict.meets ? " met" : " not met"));
    }
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

SweepGrid sweep_grid(const Options& options, const model::Scenario& base) {
  if (options.points) return io::read_sweep_points(options.points->string(), base);
  std::vector<SweepRange> ranges;
  for (const std::string& text : options.sets) ranges.push_back(io::parse_sweep_range(text, base));
  return io::full_grid(std::move(ranges));
}

// results/<name>-sweep-<PATH>, the paths joined by '+' for a grid, the file's stem for --points.
std::string default_folder(const SweepGrid& grid, const Options& options) {
  if (options.points) return options.points->stem().string();
  std::string name;
  for (const SweepRange& key : grid.keys) name += (name.empty() ? "" : "+") + key.path;
  return name;
}

}  // namespace

int sweep_command(const Options& options, std::ostream& out, std::ostream& err) {
  // The base first, to check the names in --set, --points and --goal against it.
  const io::LoadedScenario base = io::load_scenario(options.scenario);
  report_warnings(options, options.scenario.string(), base.warnings, err);
  const SweepGrid grid = sweep_grid(options, base.scenario);
  SweepSettings settings;
  settings.scenario = base.scenario.name;
  for (const std::string& text : options.goals) settings.goals.push_back(io::parse_goal(text, base.scenario));
  for (const std::string& text : options.costs) settings.prices.push_back(io::parse_key_price(text, grid));
  settings.rule = options.confidence ? SweepRule{true, *options.confidence}
                                     : SweepRule{false, options.share.value_or(kDefaultShare)};
  const std::vector<Goal>& goals = settings.goals;

  const std::filesystem::path dir = options.out.value_or(std::filesystem::path("results") /
                                                         (base.scenario.name + "-sweep-" + default_folder(grid, options)));
  prepare_output_folder(dir, kSweepJsonFile, err, options.ranks);

  // Every point is checked by the loader before any is run: a value the format refuses (a
  // capacity of 0, a negative scale) is reported at once, as "variant 'capacity_0': ...".
  const io::LoadedScenarioSet set = io::load_scenario_set(options.scenario, io::grid_variants_text(grid));
  report_warnings(options, options.scenario.string(), io::grid_point_warnings(set, base, grid), err);

  run::BatchOptions batch;
  batch.replications = options.replications;
  batch.seed = options.seed.value_or(base.scenario.run.seed);
  batch.threads = options.threads.value_or(0);
  batch.trajectories = false;  // the sweep tabulates whole-run values only
  batch.fixed_replications = true;  // every point the same replications, even with run.precision
  batch.stop = &install_interrupt_handler();
  batch.ranks = options.ranks;
  std::vector<Point> points;
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
    settings.replications = result.replications.size();
    Point point = run::sweep_point(grid, i, goals, settings.prices, settings.rule, result);
    warn_about_non_finite(result, (grid.keys.size() == 1 ? "value " : "point ") + point_text(grid, point) + ": ", err);
    threads = result.threads;
    points.push_back(std::move(point));
  }
  settings.seed = *batch.seed;
  const SweepChoice choice = goals.empty() ? SweepChoice{} : run::choose_point(settings.rule, points);
  const std::string sentence = goals.empty() ? "" : answer(grid, goals, settings.rule, points, choice);
  const std::string runner_up = goals.empty() ? "" : runner_up_text(grid, goals, points, choice, settings.replications);

  write_output(dir, [&] {
    io::AtomicDir folder(dir, kSweepJsonFile, batch.stop);
    {
      io::DurableFile csv(folder.staging() / kSweepCsvFile);
      write_csv(grid, points, csv.stream());
      csv.close();
      io::DurableFile json(folder.staging() / kSweepJsonFile);
      json.stream() << sweep_json(grid, settings, points, choice, sentence, runner_up).dump(2) << '\n';
      json.close();
      io::write_provenance(folder.staging(),
                           io::make_provenance(options.scenario, set.text, set.csv_files, options.command_line),
                           {{"seed", *batch.seed},
                            {"replications", settings.replications},
                            {"threads", threads},
                            {"ranks", batch.ranks != nullptr ? batch.ranks->size() : 1u}});
    }
    folder.commit();
  }, options.ranks);

  if (!options.quiet) {
    print_table(grid, goals, settings.rule, points, out);
    if (!sentence.empty()) out << sentence << '\n';
    if (!runner_up.empty()) out << runner_up << '\n';
    err << "wrote " << dir.string() << '\n';
  }
  return kSuccess;
}

}  // namespace carepath::cli
