// SPDX-License-Identifier: MIT
// How fast is a whole-system model? tools/benchmarks/bromley_winter.json is a frozen copy of the
// Bromley scenario (A&E to acute beds to discharge pathways, virtual wards, CHC, CAMHS, paediatric
// outpatients: 21 services, 7 sources, patients present at the start, patience, transfers,
// rosters), so the figures do not move when the Bromley model is tuned. One run measures
//   - reading, checking and compiling the scenario;
//   - the batch (run_batch: every replication with its trajectories, then the summary) at
//     1..--threads-max threads: wall and CPU seconds, replications/s, events/s, the speed-up, the
//     process's peak resident memory so far, and the wall seconds of the summary after the
//     replications (means, confidence intervals, trajectory bands), which the batch waits for;
//   - writing the results folder of the last batch (summary, CSVs, trajectories, report) into a
//     temporary folder, removed afterwards;
//   - where the engine's time goes, from an instrumented run of --profile-replications
//     replications on one thread (engine/phase_clock.hpp: timestamp counts around the event set,
//     the random draws and the trajectory periods; the rest is handlers, patient flow and
//     streaming statistics), and the shares of the whole process at the most threads.
// The last line is machine-readable:
//   system_replications=<n> threads=<t> wall_s=<s> replications_per_s=<r> events_per_s=<e>
//   peak_mb=<m> speedup=<x> write_s=<w>
// Run it through tools/bench, which builds it in Release for this CPU (preset "bench").
#include "engine/replication.hpp"
#include "engine/compile.hpp"

#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Options {
  std::string scenario = CAREPATH_BENCH_DIR "/bromley_winter.json";
  std::uint32_t replications = 1000;
  unsigned threads_max = 2;
  int runs = 1;
  std::uint32_t profile_replications = 20;
};

constexpr const char* kUsage =
    "usage: bench_system [--scenario FILE] [--replications N] [--threads-max N] [--runs K]\n"
    "                    [--profile-replications N]\n"
    "  --scenario FILE            default: the frozen Bromley copy, tools/benchmarks/bromley_winter.json\n"
    "  --replications N           replications per batch (default 1000)\n"
    "  --threads-max N            batches at 1..N threads (default 2)\n"
    "  --runs K                   best of K runs for every timing (default 1)\n"
    "  --profile-replications N   replications of the instrumented one-thread run (default 20)\n";

[[noreturn]] void usage(const std::string& problem) {
  std::fprintf(stderr, "bench_system: %s\n%s", problem.c_str(), kUsage);
  std::exit(2);
}

std::uint64_t parse_count(const char* text, const char* option, double max) {
  char* end = nullptr;
  const double value = std::strtod(text, &end);
  if (end == text || *end != '\0' || !(value >= 1) || value > max) {
    usage(std::string("bad value for ") + option + ": " + text);
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
    if (i + 1 >= argc) usage(std::string("missing value after ") + argv[i]);
    const char* value = argv[++i];
    if (arg == "--scenario") {
      o.scenario = value;
    } else if (arg == "--replications") {
      o.replications = static_cast<std::uint32_t>(parse_count(value, "--replications", 1e6));
    } else if (arg == "--threads-max") {
      o.threads_max = static_cast<unsigned>(parse_count(value, "--threads-max", 1024));
    } else if (arg == "--runs") {
      o.runs = static_cast<int>(parse_count(value, "--runs", 100));
    } else if (arg == "--profile-replications") {
      o.profile_replications = static_cast<std::uint32_t>(parse_count(value, "--profile-replications", 1e6));
    } else {
      usage(std::string("unknown option ") + argv[i - 1]);
    }
  }
  return o;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU seconds of the whole process so far (user and system, every thread): on a shared machine
// this moves much less than the wall clock.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peak_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

std::uint64_t total_events(const carepath::run::BatchResult& result) {
  std::uint64_t n = 0;
  for (const auto& rep : result.replications) n += rep.events;
  return n;
}

double share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

int run(const Options& o) {
  const auto parse_start = Clock::now();
  const carepath::model::Scenario scenario = carepath::io::load_scenario(o.scenario).scenario;
  const double parse_s = seconds_since(parse_start);
  std::printf("carepath whole-system benchmark: %s\n  %zu services, %zu sources, %.0f days; %u replications; "
              "best of %d runs; %u hardware threads\n",
              o.scenario.c_str(), scenario.services.size(), scenario.arrivals.size(), scenario.run.horizon,
              o.replications, o.runs, std::thread::hardware_concurrency());
  std::printf("\nread, check and compile: %.3f s\n", parse_s);

  std::printf("\nbatch (replications with trajectories, then the summary)\n");
  std::printf("  threads  allowed    wall_s     cpu_s  replications/s     events/s  speed-up  peak_MB  summary_s\n");
  carepath::run::BatchOptions batch_options;
  batch_options.replications = o.replications;
  double one_thread = 0, last_wall = 0, last_events_per_s = 0, last_speedup = 1;
  unsigned last_threads = 1;
  carepath::run::BatchResult last;
  for (unsigned threads = 1; threads <= std::max(1U, o.threads_max); ++threads) {
    batch_options.threads = threads;
    double best = std::numeric_limits<double>::infinity(), best_cpu = 0, best_summary = 0;
    for (int r = 0; r < o.runs; ++r) {
      const auto start = Clock::now();
      const double cpu_start = cpu_seconds();
      carepath::run::BatchResult result = carepath::run::run_batch(scenario, batch_options);
      const double t = seconds_since(start);
      if (t < best) {
        best = t;
        best_cpu = cpu_seconds() - cpu_start;
        best_summary = t - result.wall_seconds;  // the batch's clock stops before the summary
        last = std::move(result);
      }
    }
    if (threads == 1) one_thread = best;
    last_wall = best;
    last_threads = last.threads;
    last_events_per_s = static_cast<double>(total_events(last)) / best;
    last_speedup = one_thread / best;
    std::printf("  %7u  %7u  %8.3f  %8.3f  %14.1f  %11.0f  %8.2f  %7.0f  %9.3f%s\n", threads, last.threads, best,
                best_cpu, o.replications / best, last_events_per_s, last_speedup, peak_mb(), best_summary,
                threads > std::thread::hardware_concurrency() ? "  (more threads than cores)" : "");
  }

  const fs::path out = fs::temp_directory_path() / ("carepath-bench-system-" + std::to_string(getpid()));
  const auto write_start = Clock::now();
  carepath::io::write_results(scenario, last, out);
  const double write_s = seconds_since(write_start);
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  fs::remove_all(out);
  std::printf("\nwriting the results folder: %.3f s (%.1f MB)\n", write_s, static_cast<double>(bytes) / 1e6);

  // Where the engine's time goes: the same replications, one thread, instrumented.
  const carepath::engine::CompiledModel model = carepath::engine::compile(scenario);
  carepath::engine::PhaseTicks ticks;
  carepath::engine::ReplicationControls controls;
  controls.phase_ticks = &ticks;
  const std::uint64_t seed = scenario.run.seed;
  for (std::uint32_t r = 0; r < o.profile_replications; ++r) {
    (void)carepath::engine::run_replication(model, r, seed, controls);
  }
  using carepath::engine::Phase;
  const auto in = [&](Phase p) { return ticks.in[static_cast<std::size_t>(p)]; };
  const std::uint64_t measured = in(Phase::EventSet) + in(Phase::Sampling) + in(Phase::Trajectories);
  const std::uint64_t rest = ticks.total > measured ? ticks.total - measured : 0;
  std::printf("\nshare of the engine's time (%u replications, 1 thread, instrumented)\n", o.profile_replications);
  std::printf("  event set (schedule and pop)                 %5.1f%%\n", share(in(Phase::EventSet), ticks.total));
  std::printf("  sampling (random draws, arrival times)       %5.1f%%\n", share(in(Phase::Sampling), ticks.total));
  std::printf("  trajectories (closing days and weeks)        %5.1f%%\n", share(in(Phase::Trajectories), ticks.total));
  std::printf("  handlers, patient flow, streaming statistics %5.1f%%\n", share(rest, ticks.total));
  const double whole = parse_s + last_wall + write_s;
  std::printf("share of the whole process at %u threads: read %.1f%%, simulate and summarise %.1f%%, write %.1f%%\n",
              last_threads, 100 * parse_s / whole, 100 * last_wall / whole, 100 * write_s / whole);

  std::printf("\nsystem_replications=%u threads=%u wall_s=%.3f replications_per_s=%.1f events_per_s=%.0f "
              "peak_mb=%.0f speedup=%.2f write_s=%.3f\n",
              o.replications, last_threads, last_wall, o.replications / last_wall, last_events_per_s, peak_mb(),
              last_speedup, write_s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_system: %s\n", e.what());
    return 1;
  }
}
