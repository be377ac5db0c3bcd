// SPDX-License-Identifier: MIT
// `carepath optimise`: the cheapest plan of integer capacities, within the bounds of each --set
// key and a --budget, that meets every --goal. Every plan is the same what-if variant a sweep
// point is (include/carepath/run/sweep.hpp), and every plan's replication r draws the same random numbers (common
// random numbers), so plans are compared replication by replication.
//
// The search is stated, not clever: every plan of the grid within the budget is a candidate.
// 1. Screening and feasibility, in rounds of n replications (n0 = --replications, default 10,
//    doubling up to --max-replications, default 320). In each round every undecided plan runs n
//    replications, and each of its goals is decided by a one-sided Student-t test of the goal
//    metric's mean: met when the bound on the goal's side is beyond it (the upper bound for <=),
//    missed when the other bound is on the wrong side, and, inside the indifference zone (the
//    interval's half-width at most --tolerance, default 5%, of the goal's value), by the mean. A
//    plan missing a goal is screened out and runs no more; a plan meeting every goal is feasible.
//    With prices (--cost), a plan dearer than two plans already feasible cannot be the answer or
//    its runner-up, and runs no more. Plans still undecided at the cap are decided by the mean
//    and marked so. Each test is at level (1 - C) / 2 / (plans x goals x rounds) (Bonferroni).
// 2. The final choice among the feasible plans. With --cost the cost is exact: the cheapest.
//    Otherwise the cost is the scenario's total cost, random, and the choice is Kim and Nelson's
//    fully sequential procedure with common random numbers (stats/kn_selection.hpp) at level
//    (1 - C) / 2, indifference zone 1% of the cheapest first-stage mean cost, replications doubling
//    as in step 1; a tie at the cap goes to the lowest mean.
// The guarantee, for normal replication means: with probability at least C (--confidence,
// default 0.95), no plan is declared feasible whose goal means miss a goal by more than the
// tolerance, none is screened out that meets every goal by more than it, and the plan chosen
// costs within the indifference zone of the cheapest plan declared feasible. So when no goal's
// mean lies within the tolerance of the goal (and, with random costs, feasible plans differ in
// expected cost by more than the indifference zone), the answer is the cheapest feasible plan
// with probability at least C. Plans decided at the cap are outside the guarantee and are marked.
// Output, written only when the search is complete (Ctrl-C leaves nothing):
// results/<name>-optimise/optimise.json, optimise.csv (one row per plan) and optimise.html (cost
// against each goal's metric, one point per plan), with provenance.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/json_figures.hpp"
#include "cli/output_folder.hpp"

#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/durable_file.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/io/provenance.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/io/sweep_options.hpp>
#include <carepath/report/optimise_page.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/headlines.hpp>
#include <carepath/stats/kn_selection.hpp>
#include <carepath/stats/kpi_kinds.hpp>
#include <carepath/stats/results.hpp>

#include <boost/math/distributions/students_t.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <new>
#include <numeric>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace carepath::cli {
namespace {

using nlohmann::ordered_json;
using run::Goal;
using run::GoalOperator;
using run::KeyPrice;
using run::SweepGrid;
using run::SweepRange;

constexpr const char* kOptimiseCsvFile = "optimise.csv";
constexpr const char* kOptimiseHtmlFile = "optimise.html";
constexpr const char* kOptimiseJsonFile = "optimise.json";  // The file every optimise folder holds.
constexpr double kDefaultConfidence = 0.95;
constexpr double kDefaultTolerance = 0.05;
constexpr std::uint32_t kDefaultFirstStage = 10;
constexpr std::uint32_t kDefaultCap = 320;
constexpr double kCostIndifference = 0.01;  // Of the cheapest first-stage mean cost.
constexpr std::size_t kAlternatives = 3;

enum class Status { Open, Feasible, Infeasible, Dearer, OverBudget };

const char* status_text(Status status) {
  switch (status) {
    case Status::Open: return "open";
    case Status::Feasible: return "feasible";
    case Status::Infeasible: return "screened out";
    case Status::Dearer: return "dearer than two feasible plans";
    case Status::OverBudget: return "over budget";
  }
  return "";
}

struct Plan {
  std::size_t variant = 0;  ///< Into the loaded set's variants (the grid's point).
  std::vector<std::string> texts;
  std::vector<double> values;
  std::optional<double> price;             ///< With --cost.
  Status status = Status::Open;
  bool at_cap = false;                     ///< Decided by the means at the cap, outside the guarantee.
  std::vector<std::optional<bool>> met;    ///< Per goal, once decided.
  std::optional<run::BatchResult> batch;   ///< Its latest batch.
  std::vector<std::vector<double>> goals;  ///< Per goal, the metric in each replication of that batch.
  std::vector<double> cost;                ///< Per replication: the price, or the total cost.
  std::uint64_t spent = 0;                 ///< Replications run for it, reruns included.
};

struct Settings {
  std::vector<Goal> goals;
  std::vector<KeyPrice> prices;
  double confidence = kDefaultConfidence;
  double tolerance = kDefaultTolerance;
  std::optional<double> budget;
  std::uint32_t first_stage = kDefaultFirstStage;
  std::uint32_t cap = kDefaultCap;
};

std::string plan_text(const SweepGrid& grid, const Plan& plan) {
  std::string text;
  for (std::size_t k = 0; k < grid.keys.size(); ++k) text += (k == 0 ? "" : ", ") + grid.keys[k].path + "=" + plan.texts[k];
  return text;
}

double mean_of(const std::vector<double>& x) {
  return x.empty() ? std::numeric_limits<double>::quiet_NaN() : stats::estimate(x).mean;
}

std::string money(double x) { return io::format_fixed(x, 2); }

// Runs `plan` with n replications and records its goal metrics and cost per replication.
void run_plan(Plan& plan, const io::LoadedScenarioSet& set, const Settings& settings, run::BatchOptions batch,
              std::uint32_t n) {
  batch.replications = n;
  const model::Scenario& scenario = set.variants[plan.variant].scenario;
  plan.batch = [&] {
    try {
      return run::run_batch(scenario, batch);
    } catch (const std::bad_alloc&) {
      throw out_of_memory("simulating", scenario, n, 1, false);
    }
  }();
  plan.spent += n;
  const run::BatchResult& result = *plan.batch;
  plan.goals.clear();
  for (const Goal& goal : settings.goals) {
    const stats::KpiKindInfo& kind = stats::kpi_kind(goal.table);
    const std::vector<stats::KpiItem> items = kind.items(result.labels);
    const stats::KpiItem* item = stats::find_item(items, goal.name);
    std::vector<double>& values = plan.goals.emplace_back();
    for (const stats::ReplicationResult& r : result.replications) {
      values.push_back(item != nullptr ? kind.value(r, item->index, goal.metric_index) : std::nan(""));
    }
  }
  plan.cost.clear();
  for (const stats::ReplicationResult& r : result.replications) plan.cost.push_back(plan.price ? *plan.price : r.cost.total);
}

// Decides what can be decided of the plan's goals at level `alpha` (one-sided, per test).
void decide(Plan& plan, const Settings& settings, double alpha, bool at_cap) {
  for (std::size_t g = 0; g < settings.goals.size(); ++g) {
    if (plan.met[g]) continue;
    const Goal& goal = settings.goals[g];
    const stats::Estimate e = stats::estimate(plan.goals[g]);
    if (e.n < 2) {
      if (at_cap) plan.met[g] = false;  // Never measured: it cannot be shown to be met.
      continue;
    }
    const boost::math::students_t t(static_cast<double>(e.n - 1));
    const double half = boost::math::quantile(boost::math::complement(t, alpha)) * e.sd / std::sqrt(static_cast<double>(e.n));
    const bool at_most = goal.op == GoalOperator::AtMost || goal.op == GoalOperator::Below;
    const double near = at_most ? e.mean + half : e.mean - half;  // the bound that must meet the goal
    const double far = at_most ? e.mean - half : e.mean + half;
    const double zone = settings.tolerance * std::max(std::abs(goal.value), 1e-9);
    if (goal.met_by(near)) {
      plan.met[g] = true;
    } else if (!goal.met_by(far)) {
      plan.met[g] = false;
    } else if (half <= zone || at_cap) {
      plan.met[g] = goal.met_by(e.mean);
      plan.at_cap = plan.at_cap || (at_cap && half > zone);
    }
  }
  const bool missed = std::any_of(plan.met.begin(), plan.met.end(), [](const auto& m) { return m && !*m; });
  const bool all = std::all_of(plan.met.begin(), plan.met.end(), [](const auto& m) { return m && *m; });
  plan.status = missed ? Status::Infeasible : all ? Status::Feasible : Status::Open;
}

// How far the plan's means fall short of the goals, each gap relative to its goal.
double shortfall(const Plan& plan, const Settings& settings) {
  double total = 0;
  for (std::size_t g = 0; g < settings.goals.size(); ++g) {
    const Goal& goal = settings.goals[g];
    const double mean = g < plan.goals.size() ? mean_of(plan.goals[g]) : std::nan("");
    if (!std::isfinite(mean)) {
      total += 1;
    } else if (!goal.met_by(mean)) {
      total += std::abs(mean - goal.value) / std::max(std::abs(goal.value), 1e-9);
    }
  }
  return total;
}

std::uint32_t rounds_between(std::uint32_t first, std::uint32_t cap) {
  std::uint32_t rounds = 1;
  for (std::uint32_t n = first; n < cap; n = std::min(cap, 2 * n)) ++rounds;
  return rounds;
}

ordered_json plan_json(const SweepGrid& grid, const Plan& plan, const Settings& settings, bool headlines,
                       const model::Scenario& scenario) {
  ordered_json values = ordered_json::object();
  for (std::size_t k = 0; k < grid.keys.size(); ++k) {
    values[grid.keys[k].path] =
        grid.keys[k].integers ? ordered_json(std::llround(plan.values[k])) : ordered_json(plan.values[k]);
  }
  ordered_json goals = ordered_json::array();
  for (std::size_t g = 0; g < settings.goals.size() && g < plan.goals.size(); ++g) {
    ordered_json row{{"goal", settings.goals[g].text}};
    row.update(estimate_json(stats::estimate(plan.goals[g])));
    row["met"] = plan.met[g] ? ordered_json(*plan.met[g]) : ordered_json(nullptr);
    goals.push_back(std::move(row));
  }
  ordered_json out{{"values", std::move(values)},
                   {"status", status_text(plan.status)},
                   {"decided_at_cap", plan.at_cap},
                   {"cost", plan.cost.empty() ? (plan.price ? ordered_json(*plan.price) : ordered_json(nullptr))
                                              : estimate_json(stats::estimate(plan.cost))},
                   {"replications", plan.batch ? plan.batch->replications.size() : 0},
                   {"goals", std::move(goals)}};
  if (headlines && plan.batch) {
    ordered_json rows = ordered_json::array();
    for (const run::HeadlineValue& h : run::headline_values(scenario.headlines, *plan.batch)) {
      ordered_json row{{"kpi", h.kpi}, {"label", h.label}, {"unit", h.unit}};
      row.update(estimate_json(h.estimate));
      rows.push_back(std::move(row));
    }
    out["headlines"] = std::move(rows);
  }
  return out;
}

void write_csv(const SweepGrid& grid, const std::vector<Plan>& plans, const Settings& settings, std::ostream& out) {
  for (const SweepRange& key : grid.keys) out << key.path << ',';
  out << "status,decided_at_cap,replications,cost";
  for (const Goal& goal : settings.goals) {
    const stats::KpiKindInfo& kind = stats::kpi_kind(goal.table);
    out << ',' << (kind.named() ? goal.kind + "." + goal.name : goal.kind) << '.' << goal.metric;
  }
  out << '\n';
  for (const Plan& plan : plans) {
    for (const std::string& text : plan.texts) out << text << ',';
    out << status_text(plan.status) << ',' << (plan.at_cap ? "true" : "false") << ','
        << (plan.batch ? plan.batch->replications.size() : 0) << ','
        << io::format_shortest(plan.cost.empty() ? plan.price.value_or(std::nan("")) : mean_of(plan.cost));
    for (std::size_t g = 0; g < settings.goals.size(); ++g) {
      out << ',' << io::format_shortest(g < plan.goals.size() ? mean_of(plan.goals[g]) : std::nan(""));
    }
    out << '\n';
  }
}

// optimise.html's charts: per goal, one point per plan evaluated.
std::vector<report::OptimiseGoalChart> goal_charts(const std::vector<Plan>& plans, const Settings& settings,
                                                   std::optional<std::size_t> chosen, double (*cost_of)(const Plan&)) {
  std::vector<report::OptimiseGoalChart> charts;
  for (std::size_t g = 0; g < settings.goals.size(); ++g) {
    const Goal& goal = settings.goals[g];
    report::OptimiseGoalChart& chart = charts.emplace_back();
    chart.text = goal.text;
    chart.name = goal.name;
    chart.metric = goal.metric;
    chart.value = goal.value;
    for (std::size_t p = 0; p < plans.size(); ++p) {
      const Plan& plan = plans[p];
      if (!plan.batch || g >= plan.goals.size()) continue;
      chart.plans.push_back({cost_of(plan), stats::estimate(plan.goals[g]), plan.status == Status::Feasible,
                             chosen && *chosen == p});
    }
  }
  return charts;
}

}  // namespace

int optimise_command(const Options& options, std::ostream& out, std::ostream& err) {
  const io::LoadedScenario base = io::load_scenario(options.scenario);
  report_warnings(options, options.scenario.string(), base.warnings, err);
  std::vector<SweepRange> ranges;
  for (const std::string& text : options.sets) ranges.push_back(io::parse_sweep_range(text, base.scenario));
  const SweepGrid grid = io::full_grid(std::move(ranges));
  for (const SweepRange& key : grid.keys) {
    if (!key.integers) throw UsageError("--set: optimise searches whole numbers; " + key.path + " has others", "optimise");
  }
  Settings settings;
  for (const std::string& text : options.goals) settings.goals.push_back(io::parse_goal(text, base.scenario));
  for (const std::string& text : options.costs) settings.prices.push_back(io::parse_key_price(text, grid));
  if (settings.prices.empty() && !base.scenario.has_costs()) {
    throw UsageError("--cost: optimise needs a cost per plan: a price per unit of a key, or \"costs\" in the scenario",
                     "optimise");
  }
  settings.confidence = options.confidence.value_or(kDefaultConfidence);
  settings.tolerance = options.tolerance.value_or(kDefaultTolerance);
  settings.budget = options.budget;
  settings.first_stage = std::max<std::uint32_t>(2, options.replications.value_or(kDefaultFirstStage));
  settings.cap = std::max(settings.first_stage, options.max_replications.value_or(kDefaultCap));

  const std::filesystem::path dir =
      options.out.value_or(std::filesystem::path("results") / (base.scenario.name + "-optimise"));
  prepare_output_folder(dir, kOptimiseJsonFile, err, options.ranks);
  const io::LoadedScenarioSet set = io::load_scenario_set(options.scenario, io::grid_variants_text(grid));
  report_warnings(options, options.scenario.string(), io::grid_point_warnings(set, base, grid), err);

  std::vector<Plan> plans;
  for (std::size_t p = 0; p < grid.at.size(); ++p) {
    Plan plan;
    plan.variant = p;
    for (std::size_t k = 0; k < grid.keys.size(); ++k) {
      plan.texts.push_back(grid.keys[k].texts[grid.at[p][k]]);
      plan.values.push_back(grid.keys[k].values[grid.at[p][k]]);
    }
    if (!settings.prices.empty()) {
      double price = 0;
      for (const KeyPrice& kp : settings.prices) price += kp.price * plan.values[kp.key];
      plan.price = price;
      if (settings.budget && price > *settings.budget) plan.status = Status::OverBudget;
    }
    plan.met.assign(settings.goals.size(), std::nullopt);
    plans.push_back(std::move(plan));
  }

  run::BatchOptions batch;
  batch.seed = options.seed.value_or(base.scenario.run.seed);
  batch.threads = options.threads.value_or(0);
  batch.trajectories = false;
  batch.fixed_replications = true;  // every plan the same replications: common random numbers
  batch.stop = &install_interrupt_handler();
  batch.ranks = options.ranks;
  const double alpha = 1 - settings.confidence;
  const double test_alpha = alpha / 2 /
                            static_cast<double>(plans.size() * settings.goals.size() *
                                                rounds_between(settings.first_stage, settings.cap));
  double (*cost_of)(const Plan&) = [](const Plan& plan) { return plan.price ? *plan.price : mean_of(plan.cost); };

  // 1. Screening and feasibility, round by round.
  for (std::uint32_t n = settings.first_stage;; n = std::min(settings.cap, 2 * n)) {
    const bool last = n == settings.cap;
    for (Plan& plan : plans) {
      if (plan.status != Status::Open) continue;
      run_plan(plan, set, settings, batch, n);
      // Without prices the budget is on the mean total cost of the first round.
      if (!plan.price && settings.budget && n == settings.first_stage && mean_of(plan.cost) > *settings.budget) {
        plan.status = Status::OverBudget;
        continue;
      }
      decide(plan, settings, test_alpha, last);
    }
    std::vector<double> feasible_prices;
    for (const Plan& plan : plans) {
      if (plan.status == Status::Feasible && plan.price) feasible_prices.push_back(*plan.price);
    }
    std::sort(feasible_prices.begin(), feasible_prices.end());
    for (Plan& plan : plans) {
      if (plan.status == Status::Open && plan.price && feasible_prices.size() >= 2 && *plan.price > feasible_prices[1]) {
        plan.status = Status::Dearer;
      }
    }
    const auto count = [&](Status s) { return std::count_if(plans.begin(), plans.end(), [&](const Plan& p) { return p.status == s; }); };
    if (!options.quiet) {
      err << "optimise: " << n << " replications: " << plans.size() << " plans, " << count(Status::Infeasible)
          << " screened out, " << count(Status::Feasible) << " feasible, " << count(Status::Open) << " open";
      const Plan* best = nullptr;
      for (const Plan& plan : plans) {
        if (plan.status == Status::Feasible && (best == nullptr || cost_of(plan) < cost_of(*best))) best = &plan;
      }
      if (best != nullptr) err << "; best so far " << plan_text(grid, *best) << " (cost " << money(cost_of(*best)) << ")";
      err << '\n';
    }
    if (count(Status::Open) == 0 || last) break;
  }

  // 2. The cheapest feasible plan.
  std::vector<std::size_t> feasible;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    if (plans[p].status == Status::Feasible) feasible.push_back(p);
  }
  std::optional<std::size_t> chosen;
  std::string selection;
  if (!feasible.empty() && !settings.prices.empty()) {
    chosen = *std::min_element(feasible.begin(), feasible.end(),
                               [&](std::size_t a, std::size_t b) { return *plans[a].price < *plans[b].price; });
    selection = "the cost is exact (--cost)";
  } else if (!feasible.empty()) {
    std::vector<std::vector<double>> costs(plans.size());
    double cheapest = std::numeric_limits<double>::infinity();
    for (const std::size_t p : feasible) cheapest = std::min(cheapest, mean_of(plans[p].cost));
    const double delta = std::max(kCostIndifference * std::abs(cheapest), 1e-9);
    std::vector<std::size_t> survivors = feasible;
    std::uint32_t r = settings.first_stage;
    while (true) {
      for (const std::size_t p : survivors) {
        if (plans[p].cost.size() < r) run_plan(plans[p], set, settings, batch, r);
        costs[p] = plans[p].cost;
      }
      if (survivors.size() > 1) {
        survivors = stats::kn_survivors(costs, survivors, feasible.size(), settings.first_stage, r, delta, alpha / 2);
      }
      if (survivors.size() == 1 || r == settings.cap) break;
      r = std::min(settings.cap, 2 * r);
    }
    chosen = *std::min_element(survivors.begin(), survivors.end(), [&](std::size_t a, std::size_t b) {
      return std::accumulate(costs[a].begin(), costs[a].begin() + r, 0.0) <
             std::accumulate(costs[b].begin(), costs[b].begin() + r, 0.0);
    });
    selection = "Kim and Nelson's selection on the total cost with common random numbers, indifference " + money(delta);
  }
  // The nearest alternatives: the next cheapest feasible plans, or without any the closest to
  // meeting the goals.
  std::vector<std::size_t> ranked;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    if (plans[p].batch && p != chosen.value_or(plans.size())) ranked.push_back(p);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
    const bool fa = plans[a].status == Status::Feasible, fb = plans[b].status == Status::Feasible;
    if (fa != fb) return fa;
    if (fa) return cost_of(plans[a]) < cost_of(plans[b]);
    const double sa = shortfall(plans[a], settings), sb = shortfall(plans[b], settings);
    return sa != sb ? sa < sb : cost_of(plans[a]) < cost_of(plans[b]);
  });
  if (ranked.size() > kAlternatives) ranked.resize(kAlternatives);

  std::uint64_t spent = 0;
  for (const Plan& plan : plans) spent += plan.spent;
  const std::string rule = "with " + io::format_shortest(settings.confidence * 100) +
                           "% confidence, tolerance " + io::format_shortest(settings.tolerance * 100) + "% of each goal";
  const std::string sentence =
      chosen ? "Cheapest plan meeting every goal " + rule + ": " + plan_text(grid, plans[*chosen]) + " (cost " +
                   money(cost_of(plans[*chosen])) + ")" + (plans[*chosen].at_cap ? ", decided at the cap" : "")
             : "No plan within the bounds" + std::string(settings.budget ? " and the budget" : "") +
                   " meets every goal " + rule +
                   (ranked.empty() ? "" : " (closest: " + plan_text(grid, plans[ranked.front()]) + ")");

  write_output(dir, [&] {
    io::AtomicDir folder(dir, kOptimiseJsonFile, batch.stop);
    {
      io::DurableFile csv(folder.staging() / kOptimiseCsvFile);
      write_csv(grid, plans, settings, csv.stream());
      csv.close();
      ordered_json keys = ordered_json::array();
      for (const SweepRange& key : grid.keys) keys.push_back(key.path);
      ordered_json goals = ordered_json::array();
      for (const Goal& goal : settings.goals) goals.push_back(goal.text);
      ordered_json alternatives = ordered_json::array();
      for (const std::size_t p : ranked) {
        alternatives.push_back(plan_json(grid, plans[p], settings, false, set.variants[p].scenario));
      }
      ordered_json plan_list = ordered_json::array();
      for (const Plan& plan : plans) plan_list.push_back(plan_json(grid, plan, settings, false, base.scenario));
      const ordered_json document{
          {"scenario", base.scenario.name},
          {"keys", std::move(keys)},
          {"goals", std::move(goals)},
          {"confidence", settings.confidence},
          {"tolerance", settings.tolerance},
          {"budget", settings.budget ? ordered_json(*settings.budget) : ordered_json(nullptr)},
          {"cost", settings.prices.empty() ? "cost.total" : "--cost"},
          {"seed", *batch.seed},
          {"first_stage", settings.first_stage},
          {"max_replications", settings.cap},
          {"replications_spent", spent},
          {"selection", selection.empty() ? ordered_json(nullptr) : ordered_json(selection)},
          {"answer", sentence},
          {"chosen", chosen ? plan_json(grid, plans[*chosen], settings, true, set.variants[*chosen].scenario)
                            : ordered_json(nullptr)},
          {"alternatives", std::move(alternatives)},
          {"plans", std::move(plan_list)}};
      io::DurableFile html(folder.staging() / kOptimiseHtmlFile);
      html.stream() << report::optimise_page_html(
          {base.scenario.name, sentence,
           std::to_string(plans.size()) + " plans, " + std::to_string(spent) + " replications in all; " +
               (selection.empty() ? "" : "final choice: " + selection + "; ") +
               "README \"Optimising\" states the search and its guarantee.",
           goal_charts(plans, settings, chosen, cost_of)});
      html.close();
      io::DurableFile json(folder.staging() / kOptimiseJsonFile);
      json.stream() << document.dump(2) << '\n';
      json.close();
      io::write_provenance(folder.staging(),
                           io::make_provenance(options.scenario, set.text, set.csv_files, options.command_line),
                           {{"seed", *batch.seed},
                            {"replications_spent", spent},
                            {"ranks", batch.ranks != nullptr ? batch.ranks->size() : 1u}});
    }
    folder.commit();
  }, options.ranks);

  if (!options.quiet) {
    out << sentence << '\n';
    if (chosen && plans[*chosen].batch) {
      for (const run::HeadlineValue& h :
           run::headline_values(set.variants[*chosen].scenario.headlines, *plans[*chosen].batch)) {
        out << "  " << h.label << ": " << io::format_fixed(h.estimate.mean, 3) << " [" << io::format_fixed(h.estimate.ci_low, 3)
            << ", " << io::format_fixed(h.estimate.ci_high, 3) << "] " << h.unit << '\n';
      }
    }
    for (const std::size_t p : ranked) {
      out << "  alternative: " << plan_text(grid, plans[p]) << " (cost " << money(cost_of(plans[p])) << ", "
          << status_text(plans[p].status) << ")\n";
    }
    out << spent << " replications in all\n";
    err << "wrote " << dir.string() << '\n';
  }
  return kSuccess;
}

}  // namespace carepath::cli
