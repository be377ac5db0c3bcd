// SPDX-License-Identifier: MIT
// Patients live in a pool of reused slots: memory is bounded by the patients in the system at
// once, not by all patients ever, and a PatientId is a plain index that fits an event's 24-bit
// target. Released slots are reused last-in-first-out, which keeps recently touched memory hot.
#pragma once

#include "engine/event.hpp"

#include <carepath/time.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace carepath::engine {

using PatientId = std::uint32_t;

/// Where a patient is. A patient holds a bed while InService, Blocked or HoldingBedInTransfer.
enum class PatientState : std::uint8_t {
  Waiting,               ///< In the queue of `service`.
  InService,             ///< In a bed at `service`.
  Blocked,               ///< Finished at `service`, waiting in its bed for room at `destination`.
  HoldingBedInTransfer,  ///< Finished at `service`, in its bed for a transfer delay to `destination`.
  InTransit,             ///< Between services, holding no bed, heading for `destination`.
  AwaitingAdmission,     ///< Holding no bed, in the blocked line of `destination` until it has room.
};

/// What the engine knows of one patient: times and where they are. No strings, no pointers.
struct Patient {
  SimTime system_arrival = 0;     ///< Entered the system (negative for patients already there at time 0).
  SimTime service_arrival = 0;    ///< Arrived at the current service (joined its queue or started).
  std::uint64_t renege_timer = 0; ///< Sequence of the live Renege event; 0 when none (0 is never a renege).
  std::uint64_t queue_ticket = 0; ///< While waiting: the ticket FifoQueue::push gave, for erase().
  std::uint64_t escalation_timer = 0; ///< Sequence of the live Escalate event; 0 when none.
  std::uint32_t service = 0;      ///< Current service index.
  std::uint32_t destination = 0;  ///< Next service while blocked or in transfer.
  std::uint16_t type = 0;
  std::uint16_t open_pathways = 0; ///< Pathways entered and not yet completed or abandoned.
  PatientState state = PatientState::Waiting;
  std::uint8_t escalations = 0;    ///< While waiting: escalation steps taken at this service.
  std::uint8_t follow_ups_left = 0;  ///< At a clinic: follow-up appointments still to come (set at the first).
  /// While waiting with a bed free at their service but too few units of a shared pool: that
  /// pool's index + 1 (its "waits caused by the pool"); 0 otherwise.
  std::uint16_t waiting_for_pool = 0;
  std::uint32_t milli_visits = 0;  ///< On a caseload: visits a day committed to them, in thousandths.
};

class PatientPool {
 public:
  void clear() noexcept {
    patients_.clear();
    free_.clear();
  }

  [[nodiscard]] PatientId acquire() {
    if (!free_.empty()) {
      const PatientId id = free_.back();
      free_.pop_back();
      return id;
    }
    if (patients_.size() > Event::kMaxTarget) {
      throw std::length_error("more than 16,777,215 patients in the system at once: demand exceeds capacity "
                              "without any limit on the queues");
    }
    patients_.emplace_back();
    return static_cast<PatientId>(patients_.size() - 1);
  }

  void release(PatientId id) {
    patients_[id].renege_timer = 0;
    patients_[id].escalation_timer = 0;
    free_.push_back(id);
  }

  /// Slots ever created: ids are below this.
  [[nodiscard]] std::size_t capacity() const noexcept { return patients_.size(); }

  [[nodiscard]] Patient& operator[](PatientId id) noexcept { return patients_[id]; }
  [[nodiscard]] const Patient& operator[](PatientId id) const noexcept { return patients_[id]; }
  [[nodiscard]] std::size_t in_use() const noexcept { return patients_.size() - free_.size(); }

 private:
  std::vector<Patient> patients_;
  std::vector<PatientId> free_;
};

}  // namespace carepath::engine
