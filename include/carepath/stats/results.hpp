// SPDX-License-Identifier: MIT
// What a run measures. A ReplicationResult holds one replication's statistics, counted after the
// warm-up only; a Summary folds many replications into a mean with a 95% Student-t confidence
// interval and the spread. Each metric is a plain double field, and the tables kServiceMetrics and
// kSystemMetrics name them once for every writer (JSON, CSV, console), so adding a metric means
// adding one field and one table row. Times are in days.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace carepath::stats {

/// One service in one replication. Wait and sojourn statistics count patients who joined the
/// queue after the warm-up; a statistic with no patient to measure is NaN.
struct ServiceResult {
  double arrivals = 0;          ///< Patients who came to the service (admitted or turned away).
  double completions = 0;       ///< Patients who finished service.
  double losses = 0;            ///< Patients turned away because the queue was full.
  double loss_probability = 0;  ///< losses / arrivals.
  double wait_mean = 0;         ///< Time from joining the queue to starting service.
  double wait_p50 = 0;
  double wait_p90 = 0;
  double wait_p95 = 0;
  double wait_max = 0;
  double waited_share = 0;      ///< Share of patients who had to wait at all.
  double sojourn_mean = 0;      ///< Wait plus service time.
  double utilisation = 0;       ///< Mean busy servers / capacity (NaN when capacity is unlimited).
  double mean_queue = 0;        ///< Time-average number waiting.
  double mean_occupancy = 0;    ///< Time-average number in service (beds occupied).
  double mean_present = 0;      ///< mean_queue + mean_occupancy: the L of Little's law.
  double present_at_start = 0;  ///< Patients waiting or in service when the warm-up ended.
  double present_at_end = 0;    ///< ... and at the horizon.
};

/// The whole system in one replication: from arrival at the first service to leaving the system.
struct SystemResult {
  double arrivals = 0;
  double departures = 0;        ///< Patients who left the system after their last service.
  double losses = 0;            ///< Patients turned away anywhere.
  double time_in_system_mean = 0;
  double time_in_system_p50 = 0;
  double time_in_system_p90 = 0;
  double time_in_system_p95 = 0;
  double time_in_system_max = 0;
  double mean_present = 0;      ///< Time-average number of patients in the system.
  double present_at_start = 0;
  double present_at_end = 0;
};

struct ReplicationResult {
  std::vector<ServiceResult> services;  ///< In scenario order.
  SystemResult system;
  std::uint64_t events = 0;             ///< Events processed (throughput measure for benchmarks).
};

/// Describes one metric for writers: its column name, its unit and where it lives.
template <class Result>
struct MetricInfo {
  const char* name;
  const char* unit;  ///< "patients", "days", "share" or "mean patients".
  double Result::*field;
};

inline constexpr std::array<MetricInfo<ServiceResult>, 17> kServiceMetrics{{
    {"arrivals", "patients", &ServiceResult::arrivals},
    {"completions", "patients", &ServiceResult::completions},
    {"losses", "patients", &ServiceResult::losses},
    {"loss_probability", "share", &ServiceResult::loss_probability},
    {"wait_mean", "days", &ServiceResult::wait_mean},
    {"wait_p50", "days", &ServiceResult::wait_p50},
    {"wait_p90", "days", &ServiceResult::wait_p90},
    {"wait_p95", "days", &ServiceResult::wait_p95},
    {"wait_max", "days", &ServiceResult::wait_max},
    {"waited_share", "share", &ServiceResult::waited_share},
    {"sojourn_mean", "days", &ServiceResult::sojourn_mean},
    {"utilisation", "share", &ServiceResult::utilisation},
    {"mean_queue", "mean patients", &ServiceResult::mean_queue},
    {"mean_occupancy", "mean patients", &ServiceResult::mean_occupancy},
    {"mean_present", "mean patients", &ServiceResult::mean_present},
    {"present_at_start", "patients", &ServiceResult::present_at_start},
    {"present_at_end", "patients", &ServiceResult::present_at_end},
}};

inline constexpr std::array<MetricInfo<SystemResult>, 11> kSystemMetrics{{
    {"arrivals", "patients", &SystemResult::arrivals},
    {"departures", "patients", &SystemResult::departures},
    {"losses", "patients", &SystemResult::losses},
    {"time_in_system_mean", "days", &SystemResult::time_in_system_mean},
    {"time_in_system_p50", "days", &SystemResult::time_in_system_p50},
    {"time_in_system_p90", "days", &SystemResult::time_in_system_p90},
    {"time_in_system_p95", "days", &SystemResult::time_in_system_p95},
    {"time_in_system_max", "days", &SystemResult::time_in_system_max},
    {"mean_present", "mean patients", &SystemResult::mean_present},
    {"present_at_start", "patients", &SystemResult::present_at_start},
    {"present_at_end", "patients", &SystemResult::present_at_end},
}};

/// A metric across replications. NaN replications (nothing to measure) are left out of n.
struct Estimate {
  double mean = 0;
  double sd = 0;       ///< Sample standard deviation across replications.
  double ci_low = 0;   ///< 95% Student-t confidence interval for the mean.
  double ci_high = 0;
  double min = 0;
  double max = 0;
  std::uint32_t n = 0;
};

/// Mean, sd, 95% CI and range of `values`, ignoring NaNs. With n < 2 the CI is the point itself.
[[nodiscard]] Estimate estimate(const std::vector<double>& values);

struct ServiceSummary {
  std::string name;
  std::array<Estimate, kServiceMetrics.size()> metrics;  ///< In kServiceMetrics order.
};

struct Summary {
  std::vector<ServiceSummary> services;
  std::array<Estimate, kSystemMetrics.size()> system;  ///< In kSystemMetrics order.
};

/// Folds replications in index order, so the result does not depend on which thread ran which.
[[nodiscard]] Summary summarise(const std::vector<std::string>& service_names,
                                const std::vector<ReplicationResult>& replications);

}  // namespace carepath::stats
