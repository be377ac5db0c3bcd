// SPDX-License-Identifier: MIT
// How fast is the engine, and how close to the floor? One run measures
//   (a) the engine (carepath::run::run_batch, 1 thread, 1 replication) on an M/M/3 queue at
//       rho = 0.9 built in code as a model::Scenario, against the hand-written floor loop of
//       floor_loop.hpp doing the same number of events; events/s of each and their ratio;
//       and the whole process as `carepath run` does it: the same scenario read from JSON text
//       and checked, simulated, its results folder written (into a temporary folder, removed
//       afterwards); events/s over the three together, and their ratio to the floor;
//   (b) the speed-up of parallel replications: the same batch at 1..N threads.
// Trajectories are off unless --trajectories on: at 5.4 events a day, a 2e7-event run is 10,000
// years of daily bins (and a gigabyte of bands), which measures memory and writing, not the event
// loop; a scenario bounds them with a coarser trajectory period.
// Every timing is the best of --runs runs (default 3). Part (a) is timed on the wall clock, or
// with --clock cpu on the thread's CPU clock, which on a machine shared with other work measures
// this run rather than its neighbours (part (b), a speed-up over threads, is always wall time).
// The last line is machine-readable:
//   engine_events_per_s=<n> floor_events_per_s=<n> ratio=<r> whole_events_per_s=<n> whole_ratio=<r>
// Run it with tools/bench, which builds it in Release for this CPU (preset "bench").
#include "floor_loop.hpp"

#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <time.h>
#include <unistd.h>

namespace {

using carepath::model::Scenario;
using Clock = std::chrono::steady_clock;

constexpr double kArrivalRate = 2.7;  // per day
constexpr double kMeanService = 1.0;  // days
constexpr unsigned kServers = 3;      // rho = 2.7 / (3 x 1) = 0.9
// Each patient makes two events (arrival, service end), so a horizon of H days gives about
// 2 x 2.7 x H events.
constexpr double kEventsPerDay = 2.0 * kArrivalRate;

enum class Timer { Wall, Cpu };

struct Options {
  std::uint64_t events = 20'000'000;   // (a): events in the single replication
  std::uint32_t replications = 8;      // (b): replications per batch
  std::uint64_t batch_events = 0;      // (b): events per batch; 0 means the same as (a)
  unsigned threads_max = 2;            // (b): report 1..threads_max threads
  int runs = 3;                        // best of
  bool trajectories = false;           // record per-day and per-week trajectories
  Timer timer = Timer::Wall;           // (a): wall clock, or this thread's CPU time
};

constexpr const char* kUsage =
    "usage: bench_mmc [--events N] [--replications R] [--batch-events N] [--threads-max N] [--runs K]\n"
    "                 [--trajectories on|off] [--clock wall|cpu]\n"
    "  --events N        events in the single replication of part (a) (default 2e7)\n"
    "  --replications R  replications per batch in part (b) (default 8)\n"
    "  --batch-events N  events per batch in part (b), shared by its replications (default: --events)\n"
    "  --threads-max N   part (b) at 1..N threads (default 2)\n"
    "  --runs K          best of K runs for every timing (default 3)\n"
    "  --trajectories X  on or off (default off): record per-day and per-week trajectories\n"
    "  --clock C         wall or cpu (default wall): time part (a) by the wall clock or by this\n"
    "                    thread's CPU time (steadier on a busy machine)\n";

[[noreturn]] void usage(const char* problem) {
  std::fprintf(stderr, "bench_mmc: %s\n%s", problem, kUsage);
  std::exit(2);
}

std::uint64_t parse_count(const char* text, const char* option) {
  char* end = nullptr;
  const double value = std::strtod(text, &end);  // accepts 2e7 as well as 20000000
  if (end == text || *end != '\0' || !(value >= 1) || value > 1e15) {
    usage((std::string("bad value for ") + option + ": " + text).c_str());
  }
  return static_cast<std::uint64_t>(std::llround(value));
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (i + 1 >= argc) usage((std::string("missing value after ") + argv[i]).c_str());
    const char* value = argv[++i];
    if (arg == "--events") {
      o.events = parse_count(value, "--events");
    } else if (arg == "--replications") {
      o.replications = static_cast<std::uint32_t>(std::min<std::uint64_t>(parse_count(value, "--replications"), 100000));
    } else if (arg == "--batch-events") {
      o.batch_events = parse_count(value, "--batch-events");
    } else if (arg == "--threads-max") {
      o.threads_max = static_cast<unsigned>(std::min<std::uint64_t>(parse_count(value, "--threads-max"), 1024));
    } else if (arg == "--runs") {
      o.runs = static_cast<int>(std::min<std::uint64_t>(parse_count(value, "--runs"), 100));
    } else if (arg == "--trajectories") {
      if (value != std::string_view("on") && value != std::string_view("off")) usage("--trajectories takes on or off");
      o.trajectories = value == std::string_view("on");
    } else if (arg == "--clock") {
      if (value != std::string_view("wall") && value != std::string_view("cpu")) usage("--clock takes wall or cpu");
      o.timer = value == std::string_view("cpu") ? Timer::Cpu : Timer::Wall;
    } else {
      usage((std::string("unknown option ") + argv[i - 1]).c_str());
    }
  }
  if (o.batch_events == 0) o.batch_events = o.events;
  return o;
}

Scenario mmc_scenario(double horizon_days, std::uint32_t replications) {
  Scenario s;
  s.name = "bench-mmc";
  s.description = "M/M/3 at rho = 0.9 (tools/benchmarks/bench_mmc.cpp)";
  s.run.horizon = horizon_days;
  s.run.warm_up = 0;
  s.run.replications = replications;
  s.run.seed = 1;
  carepath::model::ArrivalSource referrals;
  referrals.name = "referrals";
  referrals.to = "clinic";
  referrals.rate_per_day = kArrivalRate;
  s.arrivals.push_back(referrals);
  carepath::model::Service clinic;
  clinic.name = "clinic";
  clinic.capacity = kServers;
  clinic.service_time = carepath::model::Exponential{kMeanService};
  s.services.push_back(clinic);
  return s;
}

// The same scenario as JSON text, for the whole process: what `carepath run` reads. The format
// refuses horizons over 1000 years (README "Limits"), so a long run is cut into replications of
// equal length, run on one thread one after the other: the same events, the same work.
std::string mmc_scenario_json(double total_days) {
  constexpr double kMostDays = 365000;
  const double replications = std::ceil(total_days / kMostDays);
  char horizon[64];
  std::snprintf(horizon, sizeof horizon, "%.17gd", total_days / replications);
  char text[1024];
  std::snprintf(text, sizeof text,
                R"j({"name": "bench-mmc", "description": "M/M/3 at rho = 0.9 (tools/benchmarks/bench_mmc.cpp)",)j"
                R"j( "run": {"horizon": "%s", "warm_up": "0d", "replications": %.0f, "seed": 1},)j"
                R"j( "arrivals": [{"name": "referrals", "to": "clinic", "rate": "%.17g/day"}],)j"
                R"j( "services": [{"name": "clinic", "capacity": %u,)j"
                R"j( "service_time": {"distribution": "exponential", "mean": "%.17gd"}}]})j",
                horizon, replications, kArrivalRate, kServers, kMeanService);
  return text;
}

// Seconds on `timer`'s clock from an arbitrary origin. The CPU clock is the calling thread's: a
// batch on one thread runs on it (run_batch's parallel_for, limited to one thread, does not hand
// work to another).
double clock_seconds(Timer timer) {
  if (timer == Timer::Cpu) {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

struct Timed {
  double seconds = std::numeric_limits<double>::infinity();
  carepath::run::BatchResult result;
};

Timed best_batch(const Scenario& scenario, unsigned threads, int runs, bool trajectories, Timer timer) {
  carepath::run::BatchOptions options;
  options.threads = threads;
  options.trajectories = trajectories;
  Timed best;
  for (int r = 0; r < runs; ++r) {
    const double start = clock_seconds(timer);
    auto result = carepath::run::run_batch(scenario, options);
    const double t = clock_seconds(timer) - start;
    if (t < best.seconds) best = Timed{t, std::move(result)};
  }
  return best;
}

std::uint64_t total_events(const carepath::run::BatchResult& result) {
  std::uint64_t n = 0;
  for (const auto& rep : result.replications) n += rep.events;
  return n;
}

double metric(const carepath::run::BatchResult& result, std::string_view name) {
  for (std::size_t i = 0; i < carepath::stats::kServiceMetrics.size(); ++i) {
    if (name == carepath::stats::kServiceMetrics[i].name) return result.summary.services.at(0).metrics.at(i).mean;
  }
  return std::nan("");
}

// Erlang C mean wait for M/M/c, to show the engine is doing the real work.
double erlang_c_wait(double lambda, double mean_service, unsigned c) {
  const double a = lambda * mean_service;
  double b = 1;  // Erlang B by the stable recursion
  for (unsigned k = 1; k <= c; ++k) b = a * b / (static_cast<double>(k) + a * b);
  const double cd = static_cast<double>(c);
  const double p_wait = cd * b / (cd - a * (1 - b));
  return p_wait / (cd / mean_service - lambda);
}

long long rounded(double x) { return std::llround(x); }

struct WholeProcess {
  double seconds = std::numeric_limits<double>::infinity();
  double read = 0, simulate = 0, write = 0;  // of the best run
  std::uint64_t events = 0;
};

// Read and check the JSON text, simulate, write the results folder: the best of `runs`.
WholeProcess best_whole_process(const std::string& json, int runs, bool trajectories, Timer timer) {
  namespace fs = std::filesystem;
  const fs::path out = fs::temp_directory_path() / ("carepath-bench-mmc-" + std::to_string(getpid()));
  WholeProcess best;
  for (int r = 0; r < runs; ++r) {
    WholeProcess w;
    double start = clock_seconds(timer);
    const carepath::model::Scenario scenario = carepath::io::parse_scenario(json, "bench-mmc.json").scenario;
    w.read = clock_seconds(timer) - start;
    start = clock_seconds(timer);
    carepath::run::BatchOptions options;
    options.threads = 1;
    options.trajectories = trajectories;
    const carepath::run::BatchResult result = carepath::run::run_batch(scenario, options);
    w.simulate = clock_seconds(timer) - start;
    start = clock_seconds(timer);
    carepath::io::write_results(scenario, result, out);
    w.write = clock_seconds(timer) - start;
    fs::remove_all(out);
    w.seconds = w.read + w.simulate + w.write;
    w.events = total_events(result);
    if (w.seconds < best.seconds) best = w;
  }
  return best;
}

int run(const Options& o) {
  std::printf("carepath benchmark: M/M/%u, lambda = %.1f/day, mean service %.0f day (rho = %.2f); "
              "best of %d runs; %u hardware threads\n",
              kServers, kArrivalRate, kMeanService, kArrivalRate * kMeanService / kServers, o.runs,
              std::thread::hardware_concurrency());

  // (a) engine vs floor, one replication on one thread.
  const Scenario single = mmc_scenario(static_cast<double>(o.events) / kEventsPerDay, 1);
  const Timed engine = best_batch(single, 1, o.runs, o.trajectories, o.timer);
  const std::uint64_t events = total_events(engine.result);
  if (events == 0) {
    std::fprintf(stderr, "bench_mmc: the engine reported 0 events\n");
    return 1;
  }
  double floor_seconds = std::numeric_limits<double>::infinity();
  carepath::bench::FloorResult floor;
  for (int r = 0; r < o.runs; ++r) {
    const double start = clock_seconds(o.timer);
    floor = carepath::bench::run_floor_loop(kArrivalRate, kMeanService, kServers, events, 1);
    floor_seconds = std::min(floor_seconds, clock_seconds(o.timer) - start);
  }
  const double engine_rate = static_cast<double>(events) / engine.seconds;
  const double floor_rate = static_cast<double>(floor.events) / floor_seconds;
  const double ratio = engine_rate / floor_rate;
  std::printf("\n(a) one replication, 1 thread, %s\n", o.timer == Timer::Cpu ? "thread CPU time" : "wall clock");
  std::printf("  engine  %12llu events in %8.3f s = %12lld events/s  (mean wait %.4f d; Erlang C %.4f d)\n",
              static_cast<unsigned long long>(events), engine.seconds, rounded(engine_rate),
              metric(engine.result, "wait_mean"), erlang_c_wait(kArrivalRate, kMeanService, kServers));
  std::printf("  floor   %12llu events in %8.3f s = %12lld events/s\n",
              static_cast<unsigned long long>(floor.events), floor_seconds, rounded(floor_rate));
  std::printf("  engine / floor = %.3f\n", ratio);
  const WholeProcess whole =
      best_whole_process(mmc_scenario_json(static_cast<double>(o.events) / kEventsPerDay), o.runs, o.trajectories,
                         o.timer);
  const double whole_rate = static_cast<double>(whole.events) / whole.seconds;
  const double whole_ratio = whole_rate / floor_rate;
  std::printf("  whole   %12llu events in %8.3f s = %12lld events/s  (read %.3f s, simulate %.3f s, write %.3f s)\n",
              static_cast<unsigned long long>(whole.events), whole.seconds, rounded(whole_rate), whole.read,
              whole.simulate, whole.write);
  std::printf("  whole process / floor = %.3f\n", whole_ratio);

  // (b) parallel replications: the same batch at 1..threads_max threads.
  const double horizon = static_cast<double>(o.batch_events) / kEventsPerDay / o.replications;
  const Scenario batch = mmc_scenario(horizon, o.replications);
  std::printf("\n(b) %u replications of about %.0f events each, wall clock\n", o.replications,
              kEventsPerDay * horizon);
  std::printf("  threads  allowed    wall_s     events/s  speed-up\n");
  double one_thread = 0;
  for (unsigned threads = 1; threads <= std::max(1U, o.threads_max); ++threads) {
    const Timed t = best_batch(batch, threads, o.runs, o.trajectories, Timer::Wall);
    if (threads == 1) one_thread = t.seconds;
    std::printf("  %7u  %7u  %8.3f  %11lld  %8.2f%s\n", threads, t.result.threads, t.seconds,
                rounded(static_cast<double>(total_events(t.result)) / t.seconds), one_thread / t.seconds,
                threads > std::thread::hardware_concurrency() ? "  (more threads than cores)" : "");
  }

  std::printf("\nengine_events_per_s=%lld floor_events_per_s=%lld ratio=%.3f whole_events_per_s=%lld whole_ratio=%.3f\n",
              rounded(engine_rate), rounded(floor_rate), ratio, rounded(whole_rate), whole_ratio);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_mmc: %s\n", e.what());
    return 1;
  }
}
