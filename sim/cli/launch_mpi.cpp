// SPDX-License-Identifier: MIT
// The MPI transport (launch.hpp), over Boost.MPI: a star around rank 0, of point-to-point
// messages of bytes. In an exchange each other rank sends rank 0 its part and waits; rank 0
// collects every part, in rank order, then sends each rank all of them. A rank that has ended
// sends, instead of its part, an Ended message (its status and message), which is how the ranks
// waiting for it learn it is gone: with collectives (MPI_Allgather) they would wait forever.
// Every MPI call is made from the main thread, between parallel sections, so MPI's default
// thread level is enough.
#include "cli/launch.hpp"

#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/mpi/request.hpp>
#include <boost/mpi/status.hpp>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <ostream>
#include <stdexcept>

namespace carepath::cli {

namespace {

enum Tag : int { kPart = 1, kWhole = 2, kEnded = 3 };

struct Message {
  int tag = 0;
  std::string bytes;
};

// Open MPI's mpirun, or a PMI launcher (srun, MPICH's hydra).
bool started_by_launcher() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMI_SIZE") != nullptr ||
         std::getenv("PMIX_RANK") != nullptr;
}

int message_size(const std::string& bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::runtime_error("the replications to send between ranks exceed 2 GiB in one block; run fewer "
                             "replications, or without trajectories (--trajectories off)");
  }
  return static_cast<int>(bytes.size());
}

std::string ended_bytes(int status, const std::string& message) {
  const auto value = static_cast<std::int32_t>(status);
  std::string bytes(reinterpret_cast<const char*>(&value), sizeof value);
  return bytes + message;
}

struct Ended {
  int status = 1;
  std::string message;
};

Ended read_ended(const std::string& bytes) {
  std::int32_t status = 1;
  if (bytes.size() < sizeof status) return {};
  std::memcpy(&status, bytes.data(), sizeof status);
  return {status, bytes.substr(sizeof status)};
}

// What an Ended message from `rank` means to a rank that expected it to take part.
run::RankFailed ended_failure(unsigned rank, const Ended& ended) {
  if (ended.status == 0) {
    return run::RankFailed(rank, 1, "it ended before the other ranks reached the same point: were they started with "
                                    "different commands or inputs?");
  }
  return run::RankFailed(rank, ended.status, ended.message);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string bytes;
  for (const std::string& part : parts) {
    const auto n = static_cast<std::uint64_t>(part.size());
    bytes.append(reinterpret_cast<const char*>(&n), sizeof n);
    bytes.append(part);
  }
  return bytes;
}

std::vector<std::string> split(const std::string& bytes, unsigned count) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  for (unsigned i = 0; i < count; ++i) {
    std::uint64_t n = 0;
    if (bytes.size() - at < sizeof n) throw std::runtime_error("the results from rank 0 arrived incomplete");
    std::memcpy(&n, bytes.data() + at, sizeof n);
    at += sizeof n;
    if (bytes.size() - at < n) throw std::runtime_error("the results from rank 0 arrived incomplete");
    parts.push_back(bytes.substr(at, static_cast<std::size_t>(n)));
    at += static_cast<std::size_t>(n);
  }
  return parts;
}

class MpiRanks final : public LaunchRanks {
 public:
  MpiRanks() : ended_(static_cast<std::size_t>(world_.size())) {}

  [[nodiscard]] unsigned rank() const noexcept override { return static_cast<unsigned>(world_.rank()); }
  [[nodiscard]] unsigned size() const noexcept override { return static_cast<unsigned>(world_.size()); }

  [[nodiscard]] std::vector<std::string> exchange(std::string part) const override {
    if (rank() != 0) {
      world_.send(0, kPart, part.data(), message_size(part));
      Message reply = receive(0);
      if (reply.tag == kWhole) return split(reply.bytes, size());
      const Ended ended = read_ended(reply.bytes);
      ended_[0] = ended.status;
      throw ended_failure(0, ended);
    }
    std::vector<std::string> parts(size());
    parts[0] = std::move(part);
    for (unsigned from = 1; from < size(); ++from) {
      Message message = receive(static_cast<int>(from));
      if (message.tag != kPart) {
        const Ended ended = read_ended(message.bytes);
        ended_[from] = ended.status;
        throw ended_failure(from, ended);  // finish() tells the others
      }
      parts[from] = std::move(message.bytes);
    }
    const std::string whole = joined(parts);
    for (unsigned to = 1; to < size(); ++to) world_.send(static_cast<int>(to), kWhole, whole.data(), message_size(whole));
    return parts;
  }

  int finish(int status, const std::string& message, std::ostream& err) override {
    const std::string mine = ended_bytes(status, rank() == 0 ? "" : message);
    std::vector<boost::mpi::request> sent;
    for (unsigned to = 0; to < size(); ++to) {
      if (to != rank() && (rank() == 0 || to == 0)) {
        sent.push_back(world_.isend(static_cast<int>(to), kEnded, mine.data(), message_size(mine)));
      }
    }
    for (unsigned from = 0; from < size(); ++from) {
      if (from == rank() || (rank() != 0 && from != 0)) continue;
      // Parts and results of exchanges this rank will not take part in are dropped.
      while (!ended_[from]) {
        const Message m = receive(static_cast<int>(from));
        if (m.tag != kEnded) continue;
        const Ended ended = read_ended(m.bytes);
        ended_[from] = ended.status;
        // On rank 0, a rank that failed after the last exchange (the results are written).
        if (rank() == 0 && status == 0 && ended.status != 0) {
          err << "carepath: rank " << from << " failed: " << ended.message;
          status = 1;
        }
      }
    }
    for (boost::mpi::request& request : sent) request.wait();
    // Every rank ends with rank 0's status, whichever mpirun sees first.
    return rank() == 0 ? status : *ended_[0];
  }

 private:
  Message receive(int from) const {
    const boost::mpi::status probed = world_.probe(from, boost::mpi::any_tag);
    const int n = probed.count<char>().value_or(0);
    Message m{probed.tag(), std::string(static_cast<std::size_t>(n), '\0')};
    world_.recv(from, m.tag, m.bytes.data(), n);
    return m;
  }

  boost::mpi::environment environment_;  // MPI_Init; MPI_Finalize when destroyed, after the rest
  boost::mpi::communicator world_;
  // Per rank: the status it said it ended with. Rank 0 follows every rank, the others rank 0.
  mutable std::vector<std::optional<int>> ended_;
};

}  // namespace

std::unique_ptr<LaunchRanks> join_launch() {
  if (!started_by_launcher()) return nullptr;
  return std::make_unique<MpiRanks>();
}

}  // namespace carepath::cli
