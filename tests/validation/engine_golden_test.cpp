// SPDX-License-Identifier: MIT
// The engine's results are a pure function of the model and the seed, and a faster engine must
// not change them: a change to the event set, the FIFO or the samplers has to give the same
// events in the same order, hence the same bits. This test runs the frozen whole-system model of
// the benchmark (tools/benchmarks/bromley_winter.json, a copy that does not drift with
// scenarios/bromley) for 4 replications of its 334 days with a fixed seed, and folds every
// replication's event count and every metric's bits (services, system, pathways, by type), in
// replication order, into one FNV-1a checksum. The golden value was computed on main at 699ae25,
// before the lazy-deletion FIFO and the two-level event set. Trajectories are left out: they are
// the recorder's business (and are filled from the same events).
// If a deliberate change of the model's semantics (or a new metric) changes the checksum, recompute
// it from the commit before the change and say so in the commit message.
#include <carepath/io/scenario_json.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>

namespace carepath::validation {
namespace {

// Recomputed when the escalations metric (service and type) was added: with those rows left out
// of the hash the checksum was still 0x6aaab1ea8891c1e7, so the events and every other bit are unchanged.
// Recomputed again for throughput_per_day, renege_share and blocked_days_mean: with those three
// left out it was still 0x21d1834121b8db07.
// Recomputed again for exit_block_bed_days and delayed_discharge_bed_days (service) and
// left_by_route, left_turned_away and left_gave_up (pathway): with those five left out it was still
// 0x5e9ea5ab880a7736 (the frozen model names no setting, so the two bed-day parts are 0 there).
constexpr std::uint64_t kGoldenChecksum = 0x6b512991aabf43f1ULL;

class Fnv1a {
 public:
  void add(std::uint64_t word) {
    for (int byte = 0; byte < 8; ++byte) {
      hash_ ^= (word >> (8 * byte)) & 0xFFU;
      hash_ *= 0x100000001b3ULL;
    }
  }
  void add(double value) { add(std::bit_cast<std::uint64_t>(value)); }
  [[nodiscard]] std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

template <class Result, std::size_t N>
void add_metrics(Fnv1a& hash, const Result& result, const std::array<stats::MetricInfo<Result>, N>& table) {
  for (const auto& metric : table) hash.add(result.*metric.field);
}

TEST(EngineGolden, WholeSystemModelGivesTheSameBitsAsBeforeTheSpeedWork) {
  const model::Scenario scenario =
      io::load_scenario(CAREPATH_SOURCE_DIR "/tools/benchmarks/bromley_winter.json").scenario;
  run::BatchOptions options;
  options.replications = 4;
  options.seed = 20221201;
  options.threads = 2;
  options.trajectories = false;
  const run::BatchResult batch = run::run_batch(scenario, options);

  Fnv1a hash;
  std::uint64_t events = 0;
  for (const stats::ReplicationResult& rep : batch.replications) {
    hash.add(rep.events);
    events += rep.events;
    for (const auto& service : rep.services) add_metrics(hash, service, stats::kServiceMetrics);
    add_metrics(hash, rep.system, stats::kSystemMetrics);
    for (const auto& pathway : rep.pathways) add_metrics(hash, pathway, stats::kPathwayMetrics);
    for (const auto& cell : rep.by_type) add_metrics(hash, cell, stats::kTypeServiceMetrics);
  }
  EXPECT_EQ(hash.value(), kGoldenChecksum) << "events over the 4 replications: " << events << "; checksum 0x"
                                           << std::hex << hash.value();
}

}  // namespace
}  // namespace carepath::validation
