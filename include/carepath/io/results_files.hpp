// SPDX-License-Identifier: MIT
// The layout of a results folder, named once for the writer, the CLI's early check of --out and
// the tests. Beside them, every results folder holds the hidden marker folder_marker.hpp writes,
// listing them; summary.json is the file every results folder has.
#pragma once

namespace carepath::io {

inline constexpr const char* kSummaryJsonFile = "summary.json";
inline constexpr const char* kSummaryServicesCsvFile = "summary_services.csv";
inline constexpr const char* kSummarySystemCsvFile = "summary_system.csv";
inline constexpr const char* kReplicationsCsvFile = "replications.csv";
inline constexpr const char* kSummaryPathwaysCsvFile = "summary_pathways.csv";
inline constexpr const char* kReplicationsPathwaysCsvFile = "replications_pathways.csv";
inline constexpr const char* kSummaryByTypeCsvFile = "summary_by_type.csv";
/// Only when the scenario has costs (io/costs_files.hpp); cost_effects.csv only with variants.
inline constexpr const char* kSummaryCostsCsvFile = "summary_costs.csv";
inline constexpr const char* kReplicationsCostsCsvFile = "replications_costs.csv";
inline constexpr const char* kCostEffectsCsvFile = "cost_effects.csv";
inline constexpr const char* kSummaryResourcesCsvFile = "summary_resources.csv";
inline constexpr const char* kSummaryClinicsCsvFile = "summary_clinics.csv";
inline constexpr const char* kTrajectoriesCsvFile = "trajectories.csv";
inline constexpr const char* kTrajectoriesJsonFile = "trajectories.json";
/// Only with run --replication-trajectories: every replication's weekly (or monthly) values.
inline constexpr const char* kReplicationTrajectoriesCsvFile = "replication_trajectories.csv";
/// With what-if variants: variants/<name>/ holds each variant's files (the same as the base's),
/// and the paired differences variant - base are in comparison.csv and comparison.json.
inline constexpr const char* kVariantsFolder = "variants";
inline constexpr const char* kComparisonCsvFile = "comparison.csv";
inline constexpr const char* kComparisonJsonFile = "comparison.json";
inline constexpr const char* kReportHtmlFile = "report.html";

/// The file every results folder holds: one with it but without the marker is an older carepath's.
inline constexpr const char* kResultsMainFile = kSummaryJsonFile;

}  // namespace carepath::io
