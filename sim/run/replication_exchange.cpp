// SPDX-License-Identifier: MIT
// The bytes are the fields' own (memcpy), in the order written below; ranks run the same build,
// so there is no byte order or layout to translate. The per-item structs are flat doubles and
// are copied whole, so a field added to them travels by itself; ReplicationResult's own members
// are listed one by one, and its size is asserted, so that a member added to it fails the build
// here until it travels too: a member left behind would make an MPI run differ from a single one.
#include "run/replication_exchange.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace carepath::run {
namespace {

static_assert(sizeof(stats::ReplicationResult) == 488,
              "a member was added to ReplicationResult: encode and decode it below, then update this size");

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  template <class T>
  void put(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(static_cast<std::uint64_t>(values.size()));
    out_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void put(const std::string& text) {
    put(static_cast<std::uint64_t>(text.size()));
    out_.append(text);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  Reader(const std::string& in, unsigned rank) : in_(in), rank_(rank) {}

  template <class T>
  void get(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
  }
  template <class T>
  void get(std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = 0;
    get(n);
    if (n > (in_.size() - at_) / sizeof(T)) truncated();
    values.resize(static_cast<std::size_t>(n));
    if (n > 0) std::memcpy(values.data(), take(values.size() * sizeof(T)), values.size() * sizeof(T));
  }
  void get(std::string& text) {
    std::uint64_t n = 0;
    get(n);
    if (n > in_.size() - at_) truncated();
    text.assign(take(static_cast<std::size_t>(n)), static_cast<std::size_t>(n));
  }
  [[nodiscard]] bool done() const noexcept { return at_ == in_.size(); }
  [[noreturn]] void truncated() const {
    throw RankFailed(rank_, 1, "the replications from rank " + std::to_string(rank_) + " arrived incomplete");
  }

 private:
  const char* take(std::size_t n) {
    if (n > in_.size() - at_) truncated();
    const char* p = in_.data() + at_;
    at_ += n;
    return p;
  }

  const std::string& in_;
  unsigned rank_;
  std::size_t at_ = 0;
};

void put_block(Writer& w, const stats::TrajectoryBlock& block) {
  w.put(block.periods);
  w.put(block.series);
  w.put(block.values);
}

void get_block(Reader& r, stats::TrajectoryBlock& block) {
  r.get(block.periods);
  r.get(block.series);
  r.get(block.values);
}

void put_replication(Writer& w, const stats::ReplicationResult& x) {
  w.put(x.services);
  w.put(x.system);
  w.put(x.pathways);
  w.put(x.by_type);
  w.put(x.resources);
  w.put(x.clinics);
  w.put(x.deadlock.has_value());
  if (x.deadlock) {
    w.put(x.deadlock->time);
    w.put(x.deadlock->services);
  }
  w.put(x.events);
  w.put(x.window);
  w.put(x.service_costs);
  w.put(x.resource_costs);
  w.put(x.cost);
  put_block(w, x.trajectory.days);
  put_block(w, x.trajectory.weeks);
  put_block(w, x.trajectory.months);
}

void get_replication(Reader& r, stats::ReplicationResult& x) {
  r.get(x.services);
  r.get(x.system);
  r.get(x.pathways);
  r.get(x.by_type);
  r.get(x.resources);
  r.get(x.clinics);
  bool deadlock = false;
  r.get(deadlock);
  x.deadlock.reset();
  if (deadlock) {
    x.deadlock.emplace();
    r.get(x.deadlock->time);
    r.get(x.deadlock->services);
  }
  r.get(x.events);
  r.get(x.window);
  r.get(x.service_costs);
  r.get(x.resource_costs);
  r.get(x.cost);
  get_block(r, x.trajectory.days);
  get_block(r, x.trajectory.weeks);
  get_block(r, x.trajectory.months);
}

std::string batch_text(const BatchKey& key) {
  return "scenario '" + key.scenario + "', seed " + std::to_string(key.seed) + ", replications " +
         std::to_string(key.range.begin) + " to " + std::to_string(key.range.end);
}

}  // namespace

ReplicationRange rank_share(ReplicationRange range, unsigned rank, unsigned size) noexcept {
  const std::uint64_t n = range.end - range.begin;
  return {range.begin + static_cast<std::uint32_t>(n * rank / size),
          range.begin + static_cast<std::uint32_t>(n * (rank + 1) / size)};
}

std::string encode_replications(const BatchKey& key, ReplicationRange share,
                                const std::vector<stats::ReplicationResult>& replications) {
  std::string out;
  Writer w(out);
  w.put(key.scenario);
  w.put(key.seed);
  w.put(key.range);
  w.put(share);
  for (std::uint32_t r = share.begin; r < share.end; ++r) put_replication(w, replications[r]);
  return out;
}

void decode_replications(const std::string& part, const BatchKey& key, PartRoute route,
                         std::vector<stats::ReplicationResult>& replications) {
  Reader r(part, route.sender);
  BatchKey theirs;
  r.get(theirs.scenario);
  r.get(theirs.seed);
  r.get(theirs.range);
  if (theirs.scenario != key.scenario || theirs.seed != key.seed || theirs.range.begin != key.range.begin ||
      theirs.range.end != key.range.end) {
    throw RankFailed(route.sender, 1,
                     "it ran " + batch_text(theirs) + " where rank " +
                         std::to_string(route.receiver) + " ran " + batch_text(key) +
                         ": were the ranks started with different commands or inputs?");
  }
  ReplicationRange share;
  r.get(share);
  const ReplicationRange expected = rank_share(key.range, route.sender, route.ranks);
  if (share.begin != expected.begin || share.end != expected.end) r.truncated();
  for (std::uint32_t i = share.begin; i < share.end; ++i) get_replication(r, replications[i]);
  if (!r.done()) r.truncated();
}

void exchange_replications(const Ranks& ranks, const BatchKey& key, std::vector<stats::ReplicationResult>& replications) {
  const unsigned me = ranks.rank();
  const std::vector<std::string> parts =
      ranks.exchange(encode_replications(key, rank_share(key.range, me, ranks.size()), replications));
  for (unsigned rank = 0; rank < parts.size(); ++rank) {
    if (rank != me) decode_replications(parts[rank], key, {rank, me, ranks.size()}, replications);
  }
}

}  // namespace carepath::run
